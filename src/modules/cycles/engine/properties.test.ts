import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildCalendar } from './calendar.ts';
import { addDays, compareDates, daysBetween, yearOf } from './dates.ts';
import { widthOf } from './fixtures.ts';
import { predictCycle } from './predict.ts';
import type { DayInput, EngineInput, Flow, PeriodInput } from './types.ts';

const RUNS = Number(process.env.ENGINE_PROPERTY_RUNS ?? 200);
const PHASES = new Set(['menstrual', 'follicular', 'fertile', 'luteal', 'late']);
const FLOWS: Flow[] = ['none', 'spotting', 'light', 'medium', 'heavy'];

/** Any length from 15 to 90 days. */
const wildLengths = fc.array(fc.integer({ min: 15, max: 90 }), { minLength: 0, maxLength: 14 });

/** Her own mean ± noise, with now and then a forgotten log (two cycles merged) or an odd cycle. */
const realisticLengths = fc
  .record({
    mean: fc.integer({ min: 21, max: 38 }),
    noise: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 0, maxLength: 14 }),
    spread: fc.integer({ min: 0, max: 6 }),
    accidents: fc.array(fc.constantFrom('none', 'none', 'none', 'none', 'merged', 'odd'), { maxLength: 14 }),
  })
  .map(({ mean, noise, spread, accidents }) =>
    noise.map((n, i) => {
      const length = mean + Math.round((n * spread) / 6);
      const accident = accidents[i];
      return Math.min(
        90,
        Math.max(15, accident === 'merged' ? 2 * length : accident === 'odd' ? length + 15 : length),
      );
    }),
  );

/** Arbitrary log histories: cycles of 15–90 days, periods of 1–10 days, some ends never logged. */
const historyArb = fc
  .record({
    firstOffset: fc.integer({ min: 0, max: 5000 }),
    lengths: fc.oneof(wildLengths, realisticLengths),
    bleeds: fc.array(
      fc.record({
        bleed: fc.integer({ min: 1, max: 10 }),
        endLogged: fc.boolean(),
        flow: fc.option(fc.constantFrom(...FLOWS), { nil: undefined }),
      }),
      { minLength: 14, maxLength: 14 },
    ),
    lastBleed: fc.integer({ min: 1, max: 10 }),
    lastEndLogged: fc.boolean(),
    todayAfterLast: fc.integer({ min: 0, max: 200 }),
    age: fc.option(fc.integer({ min: 10, max: 55 }), { nil: undefined }),
    heavyDays: fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 8 }),
  })
  .map((h): EngineInput => {
    const first = addDays('2012-01-01', h.firstOffset);
    const periods: PeriodInput[] = [];
    let start = first;
    h.lengths.forEach((length, i) => {
      const c = h.bleeds[i] ?? { bleed: 5, endLogged: true, flow: undefined };
      periods.push({ start, end: c.endLogged ? addDays(start, c.bleed - 1) : null, flow: c.flow });
      start = addDays(start, length);
    });
    periods.push({ start, end: h.lastEndLogged ? addDays(start, h.lastBleed - 1) : null });
    const today = addDays(start, h.todayAfterLast);
    const days: DayInput[] = h.heavyDays.map((d) => ({ date: addDays(first, d), flow: 'heavy' }));
    const birthYear = h.age === undefined ? undefined : yearOf(today) - h.age;
    return { periods, days, today, birthYear };
  });

const lastStart = (input: EngineInput) => input.periods.at(-1)?.start ?? '';

describe('engine properties over arbitrary histories', () => {
  it('predicts a start after the last logged start, inside its own window', () => {
    fc.assert(
      fc.property(historyArb, (input) => {
        const p = predictCycle(input);
        assert.ok(p.nextPeriod);
        assert.ok(
          compareDates(p.nextPeriod.start, lastStart(input)) > 0,
          'start after the last logged start',
        );
        assert.ok(
          compareDates(p.nextPeriod.earliest, lastStart(input)) > 0,
          'window after the last logged start',
        );
        assert.ok(compareDates(p.nextPeriod.earliest, p.nextPeriod.start) <= 0);
        assert.ok(compareDates(p.nextPeriod.start, p.nextPeriod.latest) <= 0);
        assert.ok(p.confidence >= 0 && p.confidence <= 1);
        assert.ok(p.phase && PHASES.has(p.phase.name));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives every calendar day exactly one phase from her first logged start on, none before', () => {
    const monthOffset = fc.integer({ min: -3, max: 6 });
    fc.assert(
      fc.property(historyArb, monthOffset, (input, offset) => {
        const anchor = new Date(`${input.today}T00:00:00Z`);
        anchor.setUTCMonth(anchor.getUTCMonth() + offset, 1);
        const month = anchor.toISOString().slice(0, 7);
        const days = buildCalendar(input, month);
        const first = input.periods[0]?.start ?? '';
        days.forEach((day, i) => {
          assert.equal(day.date, addDays(`${month}-01`, i), 'every day once, in order');
          if (compareDates(day.date, first) < 0) assert.equal(day.phase, null);
          else assert.ok(day.phase !== null && PHASES.has(day.phase), `${day.date} has one phase`);
          assert.equal(day.today, day.date === input.today);
        });
        assert.equal(new Date(`${addDays(`${month}-01`, days.length)}T00:00:00Z`).getUTCDate(), 1);
      }),
      { numRuns: RUNS },
    );
  });

  it("agrees with the calendar about today's phase", () => {
    fc.assert(
      fc.property(historyArb, (input) => {
        const today = buildCalendar(input, input.today.slice(0, 7)).find((d) => d.today);
        assert.equal(today?.phase ?? null, predictCycle(input).phase?.name ?? null);
      }),
      { numRuns: RUNS },
    );
  });

  it('never widens her window when she logs one more cycle equal to her mean', () => {
    fc.assert(
      fc.property(historyArb, (input) => {
        const before = predictCycle(input);
        fc.pre(before.averageCycleLength !== null);
        const mean = Math.round(before.averageCycleLength ?? 0);
        const start = addDays(lastStart(input), mean);
        const periods = [...input.periods, { start, end: addDays(start, 4) }];
        const today = addDays(start, daysBetween(lastStart(input), input.today));
        const after = predictCycle({ ...input, periods, today });
        assert.ok(widthOf(after) <= widthOf(before), `width ${widthOf(before)} → ${widthOf(after)}`);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('widens (never narrows) the window for adolescents', () => {
    fc.assert(
      fc.property(historyArb, (input) => {
        const adult = predictCycle({ ...input, birthYear: yearOf(input.today) - 30 });
        const young = predictCycle({ ...input, birthYear: yearOf(input.today) - 15 });
        assert.ok(widthOf(young) >= widthOf(adult));
        assert.equal(young.nextPeriod?.start, adult.nextPeriod?.start);
      }),
      { numRuns: RUNS },
    );
  });
});
