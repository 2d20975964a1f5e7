/**
 * The cycle engine's vocabulary. The engine is pure: no I/O, no clock (today is an input), no
 * randomness, so every channel (REST, USSD, web, SMS) gets the same answer for the same history.
 */

/** A calendar date 'YYYY-MM-DD' in the user's own time zone. */
export type IsoDate = string;

export type Flow = 'none' | 'spotting' | 'light' | 'medium' | 'heavy';

/** A logged period. `end` is null while it lasts (or when she did not log the end). */
export type PeriodInput = { start: IsoDate; end: IsoDate | null; flow?: Flow | undefined };

/** The parts of a daily log the engine reads (fertility signs and bleeding). */
export type DayInput = {
  date: IsoDate;
  flow?: Flow | undefined;
  /** Basal body temperature in °C, taken on waking. */
  basalTemperature?: number | undefined;
  cervicalMucus?: 'dry' | 'sticky' | 'creamy' | 'watery' | 'egg_white' | undefined;
};

export type EngineInput = {
  periods: PeriodInput[];
  days: DayInput[];
  /** Her local date today. */
  today: IsoDate;
  /** Used to widen expectations in the first years after menarche. */
  birthYear?: number | undefined;
  /**
   * Ovulation dates known from outside the daily logs (e.g. a test or, in the accuracy benchmark,
   * the dataset's estimated day of ovulation). Merged with what the engine detects from the logs.
   */
  knownOvulations?: IsoDate[] | undefined;
};

export type PhaseName = 'menstrual' | 'follicular' | 'fertile' | 'luteal' | 'late';

export type Flag =
  | 'possible_missed_log' // one very long gap that looks like two cycles merged
  | 'short_cycles' // persistently < 21 days (adjusted for age)
  | 'long_cycles' // persistently > 35 days (adjusted for age)
  | 'irregular' // cycle lengths vary by more than the threshold
  | 'long_periods' // periods lasting more than 7 days
  | 'no_period_90_days'
  | 'heavy_flow' // very heavy flow repeatedly
  | 'unusual_cycle'; // the latest cycle is far from her usual, excluded from the estimate

export type Prediction = {
  status: 'ok' | 'insufficient_data';
  /** Null only when no period has been logged at all. */
  nextPeriod: { start: IsoDate; earliest: IsoDate; latest: IsoDate } | null;
  ovulation: { date: IsoDate } | null;
  fertileWindow: { start: IsoDate; end: IsoDate } | null;
  phase: { name: PhaseName; cycleDay: number; lateByDays?: number } | null;
  averageCycleLength: number | null;
  cycleLengthVariability: number | null;
  averagePeriodLength: number | null;
  /** Her own luteal length when her logs show it, else null (the engine then assumes 14). */
  lutealLength: number | null;
  /** 0..1: how much of the estimate rests on her own history rather than the population prior. */
  confidence: number;
  /** Cycle lengths used for the estimate (after excluding missed logs and outliers). */
  cyclesUsed: number;
  flags: Flag[];
};

/** One day of a month view: exactly one phase per day, plus what is logged or predicted. */
export type CalendarDay = {
  date: IsoDate;
  phase: PhaseName | null;
  loggedPeriod: boolean;
  predictedPeriod: boolean;
  fertile: boolean;
  ovulation: boolean;
  today: boolean;
};
