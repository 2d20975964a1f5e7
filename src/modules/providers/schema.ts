import { Type } from 'typebox';
import { Language } from '../../platform/http/schemas.ts';
import { IsoDate } from '../cycles/schema.ts';
import { EmailInput, Name, PasswordInput, PhoneInput } from '../users/schema.ts';
import { DISTRICT_CODES, PROVIDER_SERVICES } from './districts.ts';

// No control characters: shown on feature-phone screens and in exports.
const Text = (maxLength: number, description?: string) =>
  Type.String({
    minLength: 1,
    maxLength,
    pattern: '^[^\\u0000-\\u001f\\u007f]+$',
    ...(description ? { description } : {}),
  });

export const District = Type.Enum([...DISTRICT_CODES], { description: "One of Rwanda's 30 districts" });
export const ProviderService = Type.Enum([...PROVIDER_SERVICES]);
const Languages = Type.Array(Language, { minItems: 1, maxItems: 4, uniqueItems: true });
const Services = Type.Array(ProviderService, {
  minItems: 1,
  maxItems: PROVIDER_SERVICES.length,
  uniqueItems: true,
});
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone of the hours and days off (default Africa/Kigali)',
});
const ProviderStatus = Type.Enum(['pending', 'verified', 'rejected', 'suspended']);
const ClockTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'HH:MM, local time',
});

export const ProviderRegisterBody = Type.Object(
  {
    name: Name,
    phone: Type.Optional(PhoneInput),
    email: Type.Optional(EmailInput),
    password: PasswordInput,
    licenceNumber: Text(64, 'Professional licence number (admins check it; never public)'),
    facility: Text(120, 'Health facility where she or he receives patients'),
    district: District,
    languages: Languages,
    services: Services,
    timeZone: Type.Optional(TimeZone),
    invitationCode: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: "An admin's invitation: verified at once" }),
    ),
    acceptTerms: Type.Literal(true, { description: 'Acceptance of the terms and privacy notice' }),
  },
  { additionalProperties: false },
);

export const ProviderProfileSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: ProviderStatus,
  displayName: Type.String(),
  facility: Type.String(),
  district: District,
  languages: Type.Array(Language),
  services: Type.Array(ProviderService),
  timeZone: Type.String(),
  slotMinutes: Type.Integer(),
  reviewNote: Type.Union([Type.String(), Type.Null()], {
    description: "The admin's reason when rejected or suspended",
  }),
  createdAt: Type.String({ format: 'date-time' }),
  verifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const AdminProviderSchema = Type.Object({
  ...ProviderProfileSchema.properties,
  licenceNumber: Type.String(),
});

export const DirectoryEntrySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  displayName: Type.String(),
  facility: Type.String(),
  district: District,
  languages: Type.Array(Language),
  services: Type.Array(ProviderService),
  timeZone: Type.String(),
  slotMinutes: Type.Integer(),
});

export const ProfileBody = Type.Object(
  {
    displayName: Type.Optional(Text(100)),
    facility: Type.Optional(Text(120)),
    district: Type.Optional(District),
    languages: Type.Optional(Languages),
    services: Type.Optional(Services),
  },
  { additionalProperties: false, minProperties: 1, description: 'The fields to change' },
);

export const AvailabilitySchema = Type.Object(
  {
    timeZone: TimeZone,
    slotMinutes: Type.Integer({ minimum: 15, maximum: 60, description: 'Length of one appointment' }),
    weekly: Type.Array(
      Type.Object(
        {
          weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }),
          opens: ClockTime,
          closes: ClockTime,
        },
        { additionalProperties: false },
      ),
      { maxItems: 42, description: 'Opening hours; several ranges a day may not overlap' },
    ),
    daysOff: Type.Array(IsoDate, { maxItems: 400, uniqueItems: true }),
  },
  { additionalProperties: false },
);

export const DirectoryQuery = Type.Object(
  {
    district: Type.Optional(District),
    language: Type.Optional(Language),
    service: Type.Optional(ProviderService),
  },
  { additionalProperties: false },
);

export const DateRangeQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  {
    additionalProperties: false,
    description: "Dates in the provider's time zone; default today to 14 days on; at most 62 days",
  },
);

export const SlotSchema = Type.Object({
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
});

export const ProviderSlotsSchema = Type.Object({
  providerId: Type.String({ format: 'uuid' }),
  timeZone: Type.String(),
  slotMinutes: Type.Integer(),
  slots: Type.Array(SlotSchema),
});

export const DistrictSlotsQuery = Type.Object(
  {
    district: District,
    language: Type.Optional(Language),
    service: Type.Optional(ProviderService),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const DistrictSlotsSchema = Type.Object({
  slots: Type.Array(
    Type.Object({
      ...SlotSchema.properties,
      provider: Type.Object({
        id: Type.String({ format: 'uuid' }),
        displayName: Type.String(),
        facility: Type.String(),
      }),
    }),
  ),
});

export const DistrictsSchema = Type.Object({
  districts: Type.Array(Type.Object({ code: District, name: Type.String(), province: Type.String() })),
});

export const InvitationSchema = Type.Object({
  code: Type.String({ description: 'Give it to the provider once; it is not shown again' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const AdminProvidersQuery = Type.Object(
  { status: Type.Optional(ProviderStatus) },
  { additionalProperties: false },
);

export const ReviewBody = Type.Object(
  { reason: Text(500, 'Told to the provider (GET /providers/me)') },
  { additionalProperties: false },
);
