import { isAdolescent } from './age.ts';
import type { LoggedPeriod } from './cycles.ts';
import { toDayNumber } from './dates.ts';
import type { CycleVerdict } from './outliers.ts';
import { FLAG_RULES } from './params.ts';
import type { DayInput, Flag } from './types.ts';

/**
 * Clinician flags. Each rule is deliberately simple and documented in docs/predictions.md; a flag
 * is a reason to suggest talking to a health worker, never a diagnosis. Rules read what she logged
 * (raw cycles), except that a suspected missed log is not counted as a real cycle for "irregular".
 */
export type FlagContext = {
  periods: readonly LoggedPeriod[];
  /** Completed cycle lengths, oldest first. */
  lengths: readonly number[];
  /** One verdict per completed cycle (same order as `lengths`). */
  verdicts: readonly CycleVerdict[];
  days: readonly DayInput[];
  today: number;
  age: number | null;
  /** Bleeding days assumed when a period's end was not logged. */
  assumedPeriodLength: number;
};

const countIf = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;

/** "Persistently": at least 2 of the last 3 completed cycles are beyond the bound. */
function cycleLengthFlags(ctx: FlagContext): Flag[] {
  const last = ctx.lengths.slice(-FLAG_RULES.persistentOf);
  const longLimit = isAdolescent(ctx.age) ? FLAG_RULES.adolescentLongCycleDays : FLAG_RULES.longCycleDays;
  const flags: Flag[] = [];
  if (countIf(last, (l) => l < FLAG_RULES.shortCycleDays) >= FLAG_RULES.persistentCount)
    flags.push('short_cycles');
  if (countIf(last, (l) => l > longLimit) >= FLAG_RULES.persistentCount) flags.push('long_cycles');
  return flags;
}

/** FIGO 2018 limits by age; 9 days when her age is unknown (our users are mostly young). */
export function irregularLimit(age: number | null): number {
  if (age === null) return FLAG_RULES.irregularDaysOther;
  if (isAdolescent(age)) return FLAG_RULES.irregularDaysAdolescent;
  return age >= 26 && age <= 41 ? FLAG_RULES.irregularDaysPrime : FLAG_RULES.irregularDaysOther;
}

/** Shortest-to-longest over her last 12 real cycles that started within the past year. */
function isIrregular(ctx: FlagContext): boolean {
  const recent = ctx.lengths
    .map((length, i) => ({ length, start: ctx.periods[i]?.start, verdict: ctx.verdicts[i] }))
    .filter((c) => c.verdict !== 'missed_log' && c.start !== undefined)
    .filter((c) => ctx.today - (c.start ?? ctx.today) <= FLAG_RULES.irregularLookbackDays)
    .slice(-FLAG_RULES.irregularMaxCycles)
    .map((c) => c.length);
  if (recent.length < FLAG_RULES.irregularMinCycles) return false;
  return Math.max(...recent) - Math.min(...recent) > irregularLimit(ctx.age);
}

function hasLongPeriods(ctx: FlagContext): boolean {
  const ended = ctx.periods.filter((p) => p.end !== null).slice(-FLAG_RULES.persistentOf);
  const long = countIf(ended, (p) => p.end !== null && p.end - p.start + 1 > FLAG_RULES.longPeriodDays);
  return long >= FLAG_RULES.persistentCount;
}

/** Days of a period: its logged end, else the assumed length, never past the next start or today. */
function periodSpan(ctx: FlagContext, index: number): [number, number] | null {
  const p = ctx.periods[index];
  if (!p) return null;
  const nextStart = ctx.periods[index + 1]?.start ?? Number.POSITIVE_INFINITY;
  const end = p.end ?? p.start + ctx.assumedPeriodLength - 1;
  return [p.start, Math.min(end, nextStart - 1, Math.max(ctx.today, p.start))];
}

/** Heavy days of one period: from daily logs, or every day when she rated the whole period heavy. */
function heavyDays(ctx: FlagContext, index: number, heavyLogDays: readonly number[]): number {
  const span = periodSpan(ctx, index);
  if (!span) return 0;
  const [from, to] = span;
  const logged = countIf(heavyLogDays, (d) => d >= from && d <= to);
  const rated = ctx.periods[index]?.flow === 'heavy' ? to - from + 1 : 0;
  return Math.max(logged, rated);
}

function hasHeavyFlow(ctx: FlagContext): boolean {
  const heavyLogDays = ctx.days.filter((d) => d.flow === 'heavy').map((d) => toDayNumber(d.date));
  const first = Math.max(0, ctx.periods.length - FLAG_RULES.persistentOf);
  let heavyPeriods = 0;
  for (let i = first; i < ctx.periods.length; i++) {
    if (heavyDays(ctx, i, heavyLogDays) >= FLAG_RULES.heavyDaysPerPeriod) heavyPeriods++;
  }
  return heavyPeriods >= FLAG_RULES.persistentCount;
}

export function computeFlags(ctx: FlagContext): Flag[] {
  const flags: Flag[] = [];
  // A suspected missed log matters while it sits among the cycles the estimate reads (the last 6).
  if (ctx.verdicts.slice(-6).includes('missed_log')) flags.push('possible_missed_log');
  if (ctx.verdicts.at(-1) === 'unusual') flags.push('unusual_cycle');
  flags.push(...cycleLengthFlags(ctx));
  if (isIrregular(ctx)) flags.push('irregular');
  if (hasLongPeriods(ctx)) flags.push('long_periods');
  const lastStart = ctx.periods.at(-1)?.start;
  if (lastStart !== undefined && ctx.today - lastStart >= FLAG_RULES.noPeriodDays)
    flags.push('no_period_90_days');
  if (hasHeavyFlow(ctx)) flags.push('heavy_flow');
  return flags;
}
