import { Type } from 'typebox';
import { Uuid } from '../../platform/http/schemas.ts';
import { IsoDate } from '../cycles/schema.ts';

/** Why she wants to see someone: a short list every channel can show (clients translate the codes). */
export const REASONS = [
  'period_problem',
  'pain',
  'irregular_cycle',
  'contraception_advice',
  'nutrition',
  'general_checkup',
  'other',
] as const;
export type ReasonCode = (typeof REASONS)[number];
export const DEFAULT_REASON: ReasonCode = 'general_checkup';

const Words = (maxLength: number, description: string) =>
  Type.String({
    minLength: 1,
    maxLength,
    pattern: '^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f]+$',
    description,
  });
const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 instant' });

export const BookBody = Type.Object(
  {
    providerId: Uuid,
    start: Type.String({
      format: 'date-time',
      description: 'One of the free slots (GET /providers/{id}/slots), as given there',
    }),
    reason: Type.Optional(Type.Enum([...REASONS], { default: DEFAULT_REASON })),
    words: Type.Optional(Words(500, 'In her own words (sealed under her key; only the provider reads them)')),
    shareSummary: Type.Optional(
      Type.Boolean({
        description:
          'Let the provider see her cycle summary (average cycle, last period, next window, flags) for this appointment; only she can choose it',
      }),
    ),
    forUserId: Type.Optional(
      Type.String({ format: 'uuid', description: 'A parent booking for his daughter' }),
    ),
  },
  { additionalProperties: false },
);

export const RescheduleBody = Type.Object(
  { start: BookBody.properties.start },
  { additionalProperties: false },
);
export const CancelBody = Type.Object(
  { reason: Type.Optional(Words(500, 'Why (the other side reads it)')) },
  { additionalProperties: false },
);
export const DeclineBody = Type.Object(
  { reason: Words(500, 'Why (she reads it)') },
  { additionalProperties: false },
);
export const NoteBody = Type.Object(
  { text: Words(4000, 'The visit note (sealed under her key; she reads it, it is in her export)') },
  { additionalProperties: false },
);

export const AppointmentListQuery = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  {
    additionalProperties: false,
    description:
      "Providers: the days to list, in the provider's time zone (default today and the 6 days after, at most 62 days). Ignored for her: she sees all of hers",
  },
);

const Status = Type.Enum(['requested', 'confirmed', 'declined', 'cancelled', 'completed', 'no_show']);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const CycleSummarySchema = Type.Object(
  {
    averageCycleLength: Nullable(Type.Number()),
    lastPeriodStart: Nullable(IsoDate),
    nextPeriod: Nullable(Type.Object({ start: IsoDate, earliest: IsoDate, latest: IsoDate })),
    flags: Type.Array(Type.String()),
  },
  { description: 'Only when she chose to share it for this appointment; computed when read' },
);

export const AppointmentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  start: Instant,
  end: Instant,
  status: Status,
  reason: Type.Object({ code: Type.Enum([...REASONS]), words: Nullable(Type.String()) }),
  shareSummary: Type.Boolean(),
  bookedBy: Type.Enum(['patient', 'guardian']),
  cancelledBy: Nullable(Type.Enum(['patient', 'guardian', 'provider'])),
  cancelReason: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  visitNote: Nullable(Type.String()),
  changeableUntil: Type.Union([Instant, Type.Null()], {
    description:
      'She, her parent or the provider may cancel or move it until then (APPOINTMENT_CHANGE_CUTOFF_MINUTES before the start); null once it is closed',
  }),
  createdAt: Instant,
  updatedAt: Instant,
  provider: Type.Optional(
    Type.Object(
      {
        id: Type.String({ format: 'uuid' }),
        displayName: Type.String(),
        facility: Type.String(),
        district: Type.String(),
        timeZone: Type.String({
          description: "The facility's clock: times are shown in it, as booking showed them",
        }),
      },
      { description: 'In her answers' },
    ),
  ),
  patient: Type.Optional(
    Type.Object({ firstName: Type.String() }, { description: "In the provider's answers" }),
  ),
  summary: Type.Optional(CycleSummarySchema),
});

export const AppointmentListSchema = Type.Object({ appointments: Type.Array(AppointmentSchema) });
