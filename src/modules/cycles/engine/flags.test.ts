import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from './dates.ts';
import { inputFrom, lastStartOf, periodsFrom } from './fixtures.ts';
import { irregularLimit } from './flags.ts';
import { predictCycle } from './predict.ts';
import type { DayInput, EngineInput, Flag, PeriodInput } from './types.ts';

const flagsOf = (input: EngineInput) => predictCycle(input).flags;
const has = (input: EngineInput, flag: Flag) => flagsOf(input).includes(flag);
/** A birth year that makes her `age` in the year of her last logged period. */
const bornForAge = (lengths: number[], age: number) =>
  Number(lastStartOf(periodsFrom(lengths)).slice(0, 4)) - age;

describe('clinician flags', () => {
  it('short_cycles: at least 2 of her last 3 cycles under 21 days', () => {
    assert.ok(has(inputFrom([28, 19, 19]), 'short_cycles'));
    assert.ok(has(inputFrom([19, 28, 20]), 'short_cycles'));
    assert.ok(!has(inputFrom([19, 28, 28]), 'short_cycles'), 'one short cycle is not persistent');
    assert.ok(!has(inputFrom([21, 21, 21]), 'short_cycles'));
  });

  it('long_cycles: at least 2 of her last 3 over 35 days (over 45 for adolescents)', () => {
    assert.ok(has(inputFrom([40, 40, 40]), 'long_cycles'));
    assert.ok(!has(inputFrom([35, 35, 35]), 'long_cycles'));
    assert.ok(!has(inputFrom([28, 28, 40]), 'long_cycles'));
    const teen = bornForAge([40, 40, 40], 15);
    assert.ok(!has(inputFrom([40, 40, 40], 0, { birthYear: teen }), 'long_cycles'));
    assert.ok(has(inputFrom([50, 46, 47], 0, { birthYear: teen }), 'long_cycles'));
    assert.ok(has(inputFrom([40, 40, 40], 0, { birthYear: bornForAge([40, 40, 40], 20) }), 'long_cycles'));
  });

  it('irregular: shortest-to-longest over the past year beyond FIGO limits for her age', () => {
    assert.equal(irregularLimit(null), 9);
    assert.equal(irregularLimit(30), 7);
    assert.equal(irregularLimit(22), 9);
    assert.equal(irregularLimit(43), 9);
    assert.equal(irregularLimit(16), 20);
    assert.ok(!has(inputFrom([24, 33, 28]), 'irregular'), '9 days, age unknown');
    assert.ok(has(inputFrom([24, 34, 28]), 'irregular'), '10 days, age unknown');
    assert.ok(has(inputFrom([24, 32, 28], 0, { birthYear: bornForAge([24, 32, 28], 30) }), 'irregular'));
    assert.ok(!has(inputFrom([24, 40, 28], 0, { birthYear: bornForAge([24, 40, 28], 15) }), 'irregular'));
    assert.ok(!has(inputFrom([24, 34]), 'irregular'), 'needs 3 cycles');
  });

  it('irregular: looks at the past year only', () => {
    const old = inputFrom([24, 34, 28, 28, 28], 0);
    assert.ok(has(old, 'irregular'));
    assert.ok(
      !has({ ...old, today: addDays(old.today, 300) }, 'irregular'),
      'the 24 and 34 are over a year ago',
    );
  });

  it('long_periods: bleeding more than 7 days in 2 of her last 3 periods with a logged end', () => {
    const periods = (bleeds: number[]): PeriodInput[] =>
      bleeds.map((b, i) => ({
        start: addDays('2024-01-01', 28 * i),
        end: addDays('2024-01-01', 28 * i + b - 1),
      }));
    const input = (bleeds: number[]) => ({ periods: periods(bleeds), days: [], today: '2024-06-01' });
    assert.ok(has(input([5, 8, 9]), 'long_periods'));
    assert.ok(has(input([8, 5, 8]), 'long_periods'));
    assert.ok(!has(input([5, 5, 9]), 'long_periods'));
    assert.ok(!has(input([7, 7, 7]), 'long_periods'), '7 days is within normal');
  });

  it('no_period_90_days: 90 days or more since her last period started', () => {
    assert.ok(has(inputFrom([28, 28, 28], 90), 'no_period_90_days'));
    assert.ok(!has(inputFrom([28, 28, 28], 89), 'no_period_90_days'));
    assert.ok(
      has(
        { periods: [{ start: '2024-01-01', end: null }], days: [], today: '2024-04-01' },
        'no_period_90_days',
      ),
    );
  });

  it('heavy_flow: heavy on at least 3 days in 2 of her last 3 periods (daily logs or period rating)', () => {
    const periods = periodsFrom([28, 28, 28]);
    const heavyDays = (periodIndex: number, count: number): DayInput[] =>
      Array.from({ length: count }, (_, d) => ({
        date: addDays(periods[periodIndex]?.start ?? '', d),
        flow: 'heavy' as const,
      }));
    const today = lastStartOf(periods);
    const input = (days: DayInput[]) => ({ periods, days, today: addDays(today, 10) });
    assert.ok(has(input([...heavyDays(1, 3), ...heavyDays(3, 3)]), 'heavy_flow'));
    assert.ok(!has(input([...heavyDays(1, 2), ...heavyDays(3, 2)]), 'heavy_flow'), 'two heavy days');
    assert.ok(!has(input([...heavyDays(0, 3), ...heavyDays(3, 3)]), 'heavy_flow'), 'only 1 of the last 3');
    const rated = periods.map((p, i) => (i >= 2 ? { ...p, flow: 'heavy' as const } : p));
    assert.ok(has({ periods: rated, days: [], today: addDays(today, 10) }, 'heavy_flow'));
    assert.ok(
      !has({ periods: rated, days: [], today }, 'heavy_flow'),
      'her current period has lasted 1 day so far',
    );
  });

  it('raises nothing for an ordinary history', () => {
    assert.deepEqual(flagsOf(inputFrom([27, 29, 28, 30, 28, 27], 10)), []);
  });
});
