import { Type } from 'typebox';
import { IsoDate } from '../cycles/schema.ts';
import { ENERGY, FLOWS, MOODS, SYMPTOMS } from '../cycles/vocabulary.ts';
import { CARE_SCOPES } from './scopes.ts';

const Scope = Type.Enum([...CARE_SCOPES], {
  description:
    'prediction: next period window and today’s phase; periods: period dates; symptoms: daily logs ' +
    'without notes or any words of her own; flags: the "talk to a health worker" flags; appointments',
});
const Scopes = Type.Array(Scope, { uniqueItems: true, maxItems: CARE_SCOPES.length });
const Instant = Type.String({ format: 'date-time' });

export const CodeSchema = Type.Object({
  code: Type.String({
    pattern: '^[0-9]{8}$',
    description: '8 digits to read out or type on a keypad (shown as "4821 7730"); valid 24 hours, used once',
  }),
  expiresAt: Instant,
});

export const EnterCodeBody = Type.Object(
  {
    code: Type.String({
      minLength: 8,
      maxLength: 24,
      description: 'The 8 digits as read out; spaces and dashes are ignored',
    }),
  },
  { additionalProperties: false },
);

export const LinkSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Enum(['pending', 'active']),
  side: Type.Enum(['child', 'adult'], {
    description: 'child: the caller is the young woman whose data the link shares',
  }),
  person: Type.Union(
    [
      Type.Object({
        id: Type.String({
          format: 'uuid',
          description: 'The other person; a daughter’s id is the one /care/children/{id} takes',
        }),
        name: Type.String(),
        role: Type.Enum(['adolescent', 'parent']),
      }),
      Type.Null(),
    ],
    {
      description:
        'The other person; null to whoever entered a code until its maker confirms (an overheard code names nobody)',
    },
  ),
  scopes: Scopes,
  origin: Type.Enum(['code', 'guardian_consent']),
  fixedScopes: Type.Array(Scope, {
    description:
      'Scopes she cannot switch off yet: the consenting guardian’s, while she is under the consent age',
  }),
  awaitingYou: Type.Boolean({ description: 'The link waits for the caller to confirm who entered the code' }),
  createdAt: Instant,
  confirmedAt: Type.Union([Instant, Type.Null()]),
});

export const EnteredSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Literal('pending'),
});

export const SharingBody = Type.Object(
  { scopes: Scopes },
  { additionalProperties: false, description: 'Everything this adult may see from now on (may be empty)' },
);

export const ChildParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'Her user id' }) },
  { additionalProperties: false },
);
export const ChildPartParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'Her user id' }), part: Scope },
  { additionalProperties: false },
);

const PredictionPart = Type.Object({
  status: Type.Enum(['ok', 'insufficient_data']),
  today: IsoDate,
  nextPeriod: Type.Union([Type.Object({ start: IsoDate, earliest: IsoDate, latest: IsoDate }), Type.Null()]),
  phase: Type.Union([
    Type.Object({
      name: Type.Enum(['menstrual', 'follicular', 'fertile', 'luteal', 'late']),
      cycleDay: Type.Integer(),
      lateByDays: Type.Optional(Type.Integer()),
    }),
    Type.Null(),
  ]),
});
const PeriodsPart = Type.Array(
  Type.Object({ startDate: IsoDate, endDate: Type.Union([IsoDate, Type.Null()]) }),
  { description: 'Her period dates of the last 12 months, newest first' },
);
const SymptomsPart = Type.Array(
  Type.Object({
    date: IsoDate,
    flow: Type.Optional(Type.Enum([...FLOWS])),
    symptoms: Type.Optional(Type.Array(Type.Enum([...SYMPTOMS]))),
    mood: Type.Optional(Type.Enum([...MOODS])),
    pain: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    energy: Type.Optional(Type.Enum([...ENERGY])),
  }),
  {
    description: 'How she felt each day of the last 90 days, newest first: never her notes or her own words',
  },
);
const FlagsPart = Type.Array(Type.Object({ code: Type.String(), seeProvider: Type.Literal(true) }), {
  description: 'The flags that suggest talking to a health worker',
});
const AppointmentsPart = Type.Array(
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    provider: Type.Object({
      displayName: Type.String(),
      facility: Type.String(),
      timeZone: Type.String({ description: "The facility's clock: times are shown in it" }),
    }),
    start: Instant,
    end: Instant,
    status: Type.String(),
  }),
  { description: 'Who, where, when and status: never the reason or a visit note' },
);

export const ChildSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  scopes: Scopes,
});

export const ChildViewSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    scopes: Scopes,
    prediction: Type.Optional(PredictionPart),
    periods: Type.Optional(PeriodsPart),
    symptoms: Type.Optional(SymptomsPart),
    flags: Type.Optional(FlagsPart),
    appointments: Type.Optional(AppointmentsPart),
  },
  { description: 'Only the parts she shares are present' },
);

/** One part, under its own name, as in the summary: `{ "prediction": {...} }`. */
export const ChildPartSchema = Type.Object({
  prediction: Type.Optional(PredictionPart),
  periods: Type.Optional(PeriodsPart),
  symptoms: Type.Optional(SymptomsPart),
  flags: Type.Optional(FlagsPart),
  appointments: Type.Optional(AppointmentsPart),
});
