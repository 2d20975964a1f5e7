import { AppError } from '../../platform/http/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { UserService } from '../users/service.ts';
import { buildCalendar, deriveCycles, predictCycle } from './engine/index.ts';
import type { CalendarDay, EngineInput, Flag, IsoDate, Prediction } from './engine/types.ts';
import type { CycleService, DayLog, Period } from './service.ts';
import { symptomFrequencies } from './symptom-frequencies.ts';

/** What each flag means for her, and whether it is worth talking to a health provider. */
export const FLAG_EXPLANATIONS: Record<Flag, { message: string; seeProvider: boolean }> = {
  possible_missed_log: {
    message:
      'One gap between periods is about twice your usual cycle: maybe a period was not logged. It is left out of your prediction.',
    seeProvider: false,
  },
  unusual_cycle: {
    message:
      'Your latest cycle was very different from your usual ones, so it counts less in your prediction.',
    seeProvider: false,
  },
  short_cycles: { message: 'Your cycles are often shorter than usual for your age.', seeProvider: true },
  long_cycles: { message: 'Your cycles are often longer than usual for your age.', seeProvider: true },
  irregular: { message: 'The length of your cycles changes a lot from one to the next.', seeProvider: true },
  long_periods: { message: 'Your periods often last more than 7 days.', seeProvider: true },
  no_period_90_days: { message: 'You have not logged a period for 90 days or more.', seeProvider: true },
  heavy_flow: {
    message: 'You have logged very heavy bleeding in several recent periods.',
    seeProvider: true,
  },
};

type Inputs = { today: IsoDate; periods: Period[]; days: DayLog[]; input: EngineInput };

/**
 * Predictions, calendar and statistics: read-only views computed by the one engine, each noted in
 * her access log. The phone menu does not pass its context yet (effects.ts): the USSD hop notes
 * those reads itself, so `ctx` is optional on the two views it shows.
 */
export function createCycleInsights(deps: { cycles: CycleService; users: UserService }) {
  const { cycles } = deps;

  async function inputsFor(userId: string): Promise<Inputs> {
    const [today, periods, days, row] = await Promise.all([
      cycles.todayOf(userId),
      cycles.allPeriods(userId),
      cycles.allDays(userId),
      deps.users.findRow(userId),
    ]);
    const birthYear = row ? await deps.users.birthYearOf(row) : undefined;
    const input: EngineInput = {
      today,
      birthYear,
      periods: periods.map((p) => ({ start: p.startDate, end: p.endDate, flow: p.flow ?? undefined })),
      days: days.map((d) => ({
        date: d.date,
        flow: d.flow,
        basalTemperature: d.basalTemperature,
        cervicalMucus: d.cervicalMucus as EngineInput['days'][number]['cervicalMucus'],
      })),
    };
    return { today, periods, days, input };
  }

  return {
    async prediction(userId: string, ctx?: RequestContext): Promise<Prediction & { today: IsoDate }> {
      const { today, input } = await inputsFor(userId);
      const prediction = { ...predictCycle(input), today };
      if (ctx) await cycles.noteRead(userId, 'prediction', ctx);
      return prediction;
    },

    async calendar(userId: string, month: string | undefined, ctx: RequestContext) {
      const { today, days, input } = await inputsFor(userId);
      const wanted = month ?? today.slice(0, 7);
      const year = Number(wanted.slice(0, 4));
      if (year < 1970 || year > 2200)
        throw new AppError('validation_failed', 'Choose a month between 1970 and 2200');
      const logged = new Set(days.map((d) => d.date));
      const calendarDays = buildCalendar(input, wanted).map((d: CalendarDay) => ({
        ...d,
        hasLog: logged.has(d.date),
      }));
      await cycles.noteRead(userId, 'calendar', ctx);
      return { month: wanted, today, days: calendarDays };
    },

    async stats(userId: string, ctx?: RequestContext) {
      const { days, input } = await inputsFor(userId);
      const prediction = predictCycle(input);
      const starts = input.periods.map((p) => p.start);
      const symptoms = symptomFrequencies(days, starts);
      if (ctx) await cycles.noteRead(userId, 'stats', ctx);
      return {
        averageCycleLength: prediction.averageCycleLength,
        cycleLengthVariability: prediction.cycleLengthVariability,
        averagePeriodLength: prediction.averagePeriodLength,
        cycles: deriveCycles(input.periods).cycles,
        symptomFrequencies: symptoms.symptomFrequencies,
        loggedDays: days.length,
        loggedCycles: symptoms.loggedCycles,
        flags: prediction.flags.map((code) => ({ code, ...FLAG_EXPLANATIONS[code] })),
      };
    },
  };
}
export type CycleInsights = ReturnType<typeof createCycleInsights>;
