/**
 * Every tuned number of the engine in one place. Values marked "dev" were chosen on the development
 * half of FedCycle only (bench/predictions.ts, docs/predictions.md) and then frozen; the others come
 * from clinical definitions cited beside them.
 */
export const PARAMS = {
  /** Population prior for a cycle (days): the FedCycle median is 28; the mean (29) is pulled up by long cycles. */
  priorCycleLength: 28,
  /** dev: the prior counts as 2 cycles, so her own mean weighs n/(n+2) — 0.33 after one cycle, 0.75 after six. */
  priorCycleWeight: 2,
  /** dev: her location is the mean of her last 6 usable cycles (recent enough to follow drift, long enough to be stable). */
  locationWindow: 6,
  /** Recent cycles (about a year) in which at most a quarter may be set aside as missed logs/outliers. */
  historyWindow: 12,

  /** A cycle ≥ 1.7× the median of her others looks like two cycles merged (2 × 28 = 56 ± 2 SD of a sum ≈ 48–64). */
  missedLogRatio: 1.7,
  /** An unusual cycle is further than max(7 days, 3 robust SDs) from the median of her others. */
  unusualMinDays: 7,
  unusualSpreadMultiple: 3,
  /** Floor for the robust SD so a perfectly regular history does not make a 2-day change "unusual". */
  unusualSpreadFloor: 1.4826,
  /** If more than a quarter of her cycles look abnormal, that is her pattern, not an accident: keep them all. */
  maxExcludedShare: 0.25,

  /** dev: population within-woman SD of cycle length (days), and its weight in pseudo-cycles. */
  priorSpread: 3,
  priorSpreadWeight: 2,
  /** dev: window half-width = round(1.2 × predictive SD) gives ~85% coverage on the development half. */
  windowMultiplier: 1.2,
  /** Adolescents: no calibration data (FedCycle women are adults), so a fixed safety margin; never narrower. */
  adolescentWidening: 1.5,
  /** "Adolescent" = calendar year of today − birth year ≤ 18 (she is 17 or 18 at most; we never know her birthday). */
  adolescentMaxAge: 18,

  /** Luteal phase prior (days) and its weight; own luteal lengths outside 7–20 days are treated as logging errors. */
  priorLuteal: 14,
  priorLutealWeight: 1,
  lutealWindow: 6,
  lutealMin: 7,
  lutealMax: 20,
  /** dev: within-woman luteal SD ≈ 1–1.5 days; same multiplier gives ~86% coverage when ovulation is known. */
  priorLutealSpread: 1.5,
  priorLutealSpreadWeight: 2,
  /** A detected ovulation this early in the current cycle is more likely noise than ovulation. */
  earliestOvulationCycleDay: 6,

  /** Sperm survive up to 5 days, the egg about a day: fertile window = 5 days before ovulation + ovulation day. */
  fertileDaysBeforeOvulation: 5,
  /** Used when she has never logged a period end (FedCycle mean menses 5.2 days). */
  defaultPeriodLength: 5,
  periodLengthWindow: 6,
} as const;

/**
 * Clinician flag thresholds (see docs/predictions.md, "Flags"). Each is a prompt to talk to a
 * clinician, not a diagnosis.
 */
export const FLAG_RULES = {
  /** Normal cycle length: 21–35 days for adults; 21–45 in the first years after menarche (ACOG CO 651). */
  shortCycleDays: 21,
  longCycleDays: 35,
  adolescentLongCycleDays: 45,
  /** "Persistently": at least 2 of her last 3 completed cycles. */
  persistentCount: 2,
  persistentOf: 3,
  /** FIGO 2018: shortest-to-longest over ~12 months ≤ 7 days at 26–41, ≤ 9 days otherwise. */
  irregularDaysPrime: 7,
  irregularDaysOther: 9,
  /** In the first years after menarche, variation up to 20 days is common (FIGO 2011's threshold). */
  irregularDaysAdolescent: 20,
  irregularMinCycles: 3,
  irregularMaxCycles: 12,
  irregularLookbackDays: 365,
  /** Bleeding for more than 7 days in at least 2 of her last 3 periods with a logged end. */
  longPeriodDays: 7,
  /** No period for 90 days or more (secondary amenorrhoea is usually defined as 3 months). */
  noPeriodDays: 90,
  /** Heavy flow on ≥ 3 days in at least 2 of her last 3 periods. */
  heavyDaysPerPeriod: 3,
} as const;
