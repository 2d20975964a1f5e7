import { Type } from 'typebox';

export { ENERGY, FLOWS, MOODS, MUCUS, SYMPTOMS } from './vocabulary.ts';

import { ENERGY, FLOWS, MOODS, MUCUS, SYMPTOMS } from './vocabulary.ts';

export const IsoDate = Type.String({
  format: 'date',
  description: 'Calendar date YYYY-MM-DD (her local date)',
});
const Flow = Type.Enum([...FLOWS]);
const Notes = Type.String({ maxLength: 1000, description: 'Free notes (stored encrypted)' });

export const PeriodBody = Type.Object(
  {
    startDate: Type.Optional(IsoDate),
    endDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    flow: Type.Optional(Flow),
    notes: Type.Optional(Notes),
    confirm: Type.Optional(
      Type.Boolean({ description: 'Accept a period or cycle length that looks unusual' }),
    ),
  },
  { additionalProperties: false, description: 'startDate defaults to her today' },
);

export const PeriodPatch = Type.Object(
  {
    startDate: Type.Optional(IsoDate),
    endDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    flow: Type.Optional(Flow),
    notes: Type.Optional(Notes),
    confirm: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const PeriodSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  startDate: IsoDate,
  endDate: Type.Union([IsoDate, Type.Null()]),
  flow: Type.Union([Flow, Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  ongoing: Type.Boolean({
    description:
      'Her latest period, its end not logged, started fewer than 10 days ago. A period with endDate null ' +
      'and ongoing false is one whose end was never logged (unknown, not invented)',
  }),
});

export const DayBody = Type.Object(
  {
    flow: Type.Optional(Flow),
    symptoms: Type.Optional(
      Type.Array(Type.Enum([...SYMPTOMS]), { maxItems: SYMPTOMS.length, uniqueItems: true }),
    ),
    otherSymptoms: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
        maxItems: 5,
        description: 'In her own words',
      }),
    ),
    mood: Type.Optional(Type.Enum([...MOODS])),
    pain: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    energy: Type.Optional(Type.Enum([...ENERGY])),
    sleepHours: Type.Optional(Type.Number({ minimum: 0, maximum: 24 })),
    basalTemperature: Type.Optional(Type.Number({ minimum: 34, maximum: 42, description: '°C on waking' })),
    cervicalMucus: Type.Optional(Type.Enum([...MUCUS])),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false },
);

export const DaySchema = Type.Object({
  date: IsoDate,
  flow: Type.Optional(Flow),
  symptoms: Type.Array(Type.String()),
  otherSymptoms: Type.Array(Type.String()),
  mood: Type.Optional(Type.String()),
  pain: Type.Optional(Type.Integer()),
  energy: Type.Optional(Type.String()),
  sleepHours: Type.Optional(Type.Number()),
  basalTemperature: Type.Optional(Type.Number()),
  cervicalMucus: Type.Optional(Type.String()),
  notes: Type.Optional(Type.String()),
});

export const DateParams = Type.Object({ date: IsoDate }, { additionalProperties: false });
export const RangeQuery = Type.Object(
  { from: IsoDate, to: IsoDate },
  { additionalProperties: false, description: 'At most 366 days' },
);
export const MonthQuery = Type.Object(
  {
    month: Type.Optional(
      Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM; default this month' }),
    ),
  },
  { additionalProperties: false },
);

const Phase = Type.Enum(['menstrual', 'follicular', 'fertile', 'luteal', 'late']);

export const PredictionSchema = Type.Object({
  status: Type.Enum(['ok', 'insufficient_data']),
  today: IsoDate,
  nextPeriod: Type.Union([Type.Object({ start: IsoDate, earliest: IsoDate, latest: IsoDate }), Type.Null()]),
  ovulation: Type.Union([Type.Object({ date: IsoDate }), Type.Null()]),
  fertileWindow: Type.Union([Type.Object({ start: IsoDate, end: IsoDate }), Type.Null()]),
  phase: Type.Union([
    Type.Object({ name: Phase, cycleDay: Type.Integer(), lateByDays: Type.Optional(Type.Integer()) }),
    Type.Null(),
  ]),
  averageCycleLength: Type.Union([Type.Number(), Type.Null()]),
  cycleLengthVariability: Type.Union([Type.Number(), Type.Null()]),
  averagePeriodLength: Type.Union([Type.Number(), Type.Null()]),
  lutealLength: Type.Union([Type.Number(), Type.Null()]),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  cyclesUsed: Type.Integer(),
  flags: Type.Array(Type.String()),
});

export const CalendarSchema = Type.Object({
  month: Type.String(),
  today: IsoDate,
  days: Type.Array(
    Type.Object({
      date: IsoDate,
      phase: Type.Union([Phase, Type.Null()]),
      loggedPeriod: Type.Boolean(),
      predictedPeriod: Type.Boolean(),
      fertile: Type.Boolean(),
      ovulation: Type.Boolean(),
      today: Type.Boolean(),
      hasLog: Type.Boolean({ description: 'A daily log exists for this day' }),
    }),
  ),
});

export const StatsSchema = Type.Object({
  averageCycleLength: Type.Union([Type.Number(), Type.Null()]),
  cycleLengthVariability: Type.Union([Type.Number(), Type.Null()]),
  averagePeriodLength: Type.Union([Type.Number(), Type.Null()]),
  cycles: Type.Array(
    Type.Object({
      start: IsoDate,
      length: Type.Integer(),
      periodLength: Type.Union([Type.Integer(), Type.Null()]),
    }),
    { description: 'Completed cycles, oldest first: the cycle-length chart' },
  ),
  symptomFrequencies: Type.Array(
    Type.Object({
      symptom: Type.String(),
      days: Type.Integer(),
      share: Type.Number({ description: 'of logged days' }),
      inCycles: Type.Integer({
        description: 'Cycles (of loggedCycles) in which she logged it at least once',
      }),
    }),
  ),
  loggedDays: Type.Integer(),
  loggedCycles: Type.Integer({
    description:
      'Cycles with at least one logged day (a cycle runs from one period start to the next; days before her first period count as one)',
  }),
  flags: Type.Array(
    Type.Object({ code: Type.String(), message: Type.String(), seeProvider: Type.Boolean() }),
  ),
});
