import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, daysBetween } from './dates.ts';
import { FIRST_START, inputFrom, lastStartOf, periodsFrom, widthOf } from './fixtures.ts';
import { predictCycle } from './predict.ts';
import type { DayInput, EngineInput } from './types.ts';

const REGULAR = [28, 28, 28, 28, 28, 28];
const VARIED = [24, 33, 27, 31, 25, 30];

/** Predicted cycle length: days from her last logged start to the predicted start. */
function predictedLength(input: EngineInput): number {
  const start = predictCycle(input).nextPeriod?.start;
  assert.ok(start);
  return daysBetween(lastStartOf(input.periods), start);
}

describe('predictCycle: cold start', () => {
  it('answers nothing but "not enough data" when no period is logged', () => {
    const p = predictCycle({ periods: [], days: [], today: '2024-05-01' });
    assert.equal(p.status, 'insufficient_data');
    assert.deepEqual(
      [p.nextPeriod, p.ovulation, p.fertileWindow, p.phase, p.averageCycleLength],
      [null, null, null, null, null],
    );
    assert.equal(p.confidence, 0);
    assert.equal(p.cyclesUsed, 0);
  });

  it('uses the population prior (28 days) after a single period', () => {
    const p = predictCycle({
      periods: [{ start: FIRST_START, end: '2024-01-05' }],
      days: [],
      today: '2024-01-03',
    });
    assert.equal(p.status, 'insufficient_data');
    assert.deepEqual(p.nextPeriod, { start: '2024-01-29', earliest: '2024-01-25', latest: '2024-02-02' });
    assert.deepEqual(p.phase, { name: 'menstrual', cycleDay: 3 });
    assert.equal(p.ovulation?.date, '2024-01-15');
    assert.deepEqual(p.fertileWindow, { start: '2024-01-10', end: '2024-01-15' });
    assert.equal(p.confidence, 0);
  });

  it('blends her first cycles with the prior and still says "not enough data" below 3 cycles', () => {
    const one = predictCycle(inputFrom([32]));
    assert.equal(one.status, 'insufficient_data');
    assert.equal(predictedLength(inputFrom([32])), 29, '(32 + 2 × 28) / 3, between her 32 and the prior 28');
    assert.equal(one.confidence, 0.33);
    const two = predictCycle(inputFrom([32, 32]));
    assert.equal(two.status, 'insufficient_data');
    assert.equal(predictedLength(inputFrom([32, 32])), 30);
    const three = predictCycle(inputFrom([32, 32, 32]));
    assert.equal(three.status, 'ok');
    assert.equal(three.cyclesUsed, 3);
    assert.equal(predictedLength(inputFrom([32, 32, 32])), 30, '(96 + 56) / 5 = 30.4');
  });

  it('narrows the window as her own regular history grows', () => {
    const widths = [0, 1, 2, 3, 6, 12].map((n) => widthOf(predictCycle(inputFrom(Array(n).fill(28)))));
    for (let i = 1; i < widths.length; i++)
      assert.ok((widths[i] ?? 0) <= (widths[i - 1] ?? 0), String(widths));
    assert.ok((widths.at(-1) ?? 99) < (widths[0] ?? 0));
  });
});

describe('predictCycle: regular history', () => {
  it('predicts her usual length with averages, variability and a phase for today', () => {
    const p = predictCycle(inputFrom(REGULAR, 16));
    assert.equal(p.status, 'ok');
    assert.equal(p.nextPeriod?.start, addDays(lastStartOf(periodsFrom(REGULAR)), 28));
    assert.equal(p.averageCycleLength, 28);
    assert.equal(p.cycleLengthVariability, 0);
    assert.equal(p.averagePeriodLength, 5);
    assert.equal(p.lutealLength, null);
    assert.equal(p.confidence, 0.75);
    assert.deepEqual(p.phase, { name: 'luteal', cycleDay: 17 });
    assert.deepEqual(p.flags, []);
  });

  it('moves through menstrual, follicular, fertile and luteal days of a cycle', () => {
    const phaseOn = (day: number) => predictCycle(inputFrom(REGULAR, day)).phase?.name;
    assert.equal(phaseOn(0), 'menstrual');
    assert.equal(phaseOn(4), 'menstrual');
    assert.equal(phaseOn(5), 'follicular');
    assert.equal(phaseOn(8), 'follicular');
    assert.equal(phaseOn(9), 'fertile', 'ovulation on cycle day 15 (28 − 14 + 1), fertile from cycle day 10');
    assert.equal(phaseOn(14), 'fertile');
    assert.equal(phaseOn(15), 'luteal');
    assert.equal(phaseOn(28), 'luteal', 'the predicted day itself: still this cycle until she logs');
  });

  it('gives a wider window to a woman whose cycles vary more', () => {
    assert.ok(widthOf(predictCycle(inputFrom(VARIED))) > widthOf(predictCycle(inputFrom(REGULAR))));
  });
});

describe('predictCycle: late', () => {
  it('says late by how many days once today is past the predicted start, without starting a new cycle', () => {
    const input = inputFrom(REGULAR, 40);
    const p = predictCycle(input);
    assert.deepEqual(p.phase, { name: 'late', cycleDay: 41, lateByDays: 12 });
    assert.equal(p.nextPeriod?.start, addDays(lastStartOf(input.periods), 28), 'the prediction stays put');
    assert.ok(!p.flags.includes('no_period_90_days'));
  });

  it('is not late on the predicted day itself, and is late the day after', () => {
    assert.equal(predictCycle(inputFrom(REGULAR, 28)).phase?.name, 'luteal');
    assert.deepEqual(predictCycle(inputFrom(REGULAR, 29)).phase, {
      name: 'late',
      cycleDay: 30,
      lateByDays: 1,
    });
  });

  it('stays late (never wraps) months later, and flags 90 days without a period', () => {
    const p = predictCycle(inputFrom(REGULAR, 120));
    assert.deepEqual(p.phase, { name: 'late', cycleDay: 121, lateByDays: 92 });
    assert.ok(p.flags.includes('no_period_90_days'));
  });
});

describe('predictCycle: missed logs and unusual cycles', () => {
  it('flags a 2× gap and predicts as if the forgotten period had been logged', () => {
    const complete = [27, 29, 28, 30, 26, 29, 28, 29, 28, 27];
    const forgotten = [27, 29, 28, 30, 26, 29, 57, 28, 27];
    const withGap = predictCycle(inputFrom(forgotten, 3));
    const without = predictCycle(inputFrom(complete, 3));
    assert.ok(withGap.flags.includes('possible_missed_log'));
    assert.ok(!without.flags.includes('possible_missed_log'));
    assert.ok(!withGap.flags.includes('irregular'), 'a missed log is not a real cycle');
    assert.equal(withGap.cyclesUsed, 8);
    const shift = daysBetween(without.nextPeriod?.start ?? '', withGap.nextPeriod?.start ?? '');
    assert.ok(Math.abs(shift) <= 1, `shifted by ${shift}`);
    assert.ok(widthOf(withGap) <= widthOf(without) + 2);
  });

  it('flags a forgotten log in her latest cycle without moving the prediction', () => {
    const p = predictCycle(inputFrom([28, 28, 28, 28, 56]));
    assert.ok(p.flags.includes('possible_missed_log'));
    assert.equal(predictedLength(inputFrom([28, 28, 28, 28, 56])), 28);
    assert.equal(p.averageCycleLength, 28);
  });

  it('flags one unusual latest cycle and leaves it out of the estimate', () => {
    const p = predictCycle(inputFrom([28, 28, 28, 28, 28, 45]));
    assert.ok(p.flags.includes('unusual_cycle'));
    assert.equal(predictedLength(inputFrom([28, 28, 28, 28, 28, 45])), 28);
    assert.equal(p.cyclesUsed, 5);
    const next = predictCycle(inputFrom([28, 28, 28, 28, 28, 45, 28]));
    assert.ok(!next.flags.includes('unusual_cycle'), 'only while it is the latest cycle');
  });
});

describe('predictCycle: ovulation and luteal length', () => {
  it('assumes a 14-day luteal phase without her own ovulation data', () => {
    const p = predictCycle(inputFrom(REGULAR));
    assert.equal(p.lutealLength, null);
    assert.equal(daysBetween(p.ovulation?.date ?? '', p.nextPeriod?.start ?? ''), 14);
    assert.equal(daysBetween(p.fertileWindow?.start ?? '', p.fertileWindow?.end ?? ''), 5);
    assert.equal(p.fertileWindow?.end, p.ovulation?.date);
  });

  it('uses her own luteal length from known ovulations of completed cycles', () => {
    const periods = periodsFrom([28, 28, 28, 28]);
    const knownOvulations = periods.slice(0, -1).map((p) => addDays(p.start, 17));
    const p = predictCycle({ periods, days: [], today: lastStartOf(periods), knownOvulations });
    assert.equal(p.lutealLength, 11.6, 'four luteal phases of 11 days shrunk toward 14 by one');
    assert.equal(daysBetween(p.ovulation?.date ?? '', p.nextPeriod?.start ?? ''), 12);
  });

  it('learns her luteal length from temperature shifts in her daily logs', () => {
    const periods = periodsFrom([28, 28, 28]);
    const days: DayInput[] = [];
    for (let d = 0; d < 84; d++) {
      const high = d % 28 >= 16;
      days.push({ date: addDays(FIRST_START, d), basalTemperature: high ? 36.8 : 36.35 + (d % 3) * 0.05 });
    }
    const p = predictCycle({ periods, days, today: lastStartOf(periods) });
    assert.equal(p.lutealLength, 13.3, 'three 13-day luteal phases (shift after day 16) and the prior');
  });

  it("predicts from this cycle's detected ovulation once it has happened", () => {
    const periods = periodsFrom(VARIED);
    const start = lastStartOf(periods);
    const temps = [36.3, 36.4, 36.35, 36.3, 36.4, 36.35, 36.3, 36.4, 36.35, 36.3, 36.4, 36.35, 36.3, 36.4];
    const days: DayInput[] = [...temps, 36.75, 36.8, 36.8].map((t, i) => ({
      date: addDays(start, i),
      basalTemperature: t,
    }));
    const before = predictCycle({ periods, days: days.slice(0, 14), today: addDays(start, 13) });
    const after = predictCycle({ periods, days, today: addDays(start, 16) });
    assert.equal(after.ovulation?.date, addDays(start, 13));
    assert.equal(after.nextPeriod?.start, addDays(start, 27), 'ovulation + 14');
    assert.equal(after.phase?.name, 'luteal');
    assert.ok(widthOf(after) < widthOf(before), 'the luteal phase varies less than the whole cycle');
  });
});

describe('predictCycle: window regressions found by the property tests', () => {
  const starts = ['2012-01-01', '2012-01-17', '2012-02-05', '2012-03-06', '2012-04-11', '2012-04-30'];
  const withMean = (input: EngineInput) => {
    const start = addDays(
      lastStartOf(input.periods),
      Math.round(predictCycle(input).averageCycleLength ?? 0),
    );
    return { ...input, periods: [...input.periods, { start, end: null }], today: start };
  };

  it('slides a very wide window later instead of cutting it at her last period', () => {
    const periods = [...starts, '2012-07-17', '2012-10-14'].map((start) => ({ start, end: null }));
    const input: EngineInput = { periods, days: [], today: '2012-10-14', birthYear: 2002 };
    const p = predictCycle(input);
    assert.equal(p.nextPeriod?.earliest, '2012-10-15', 'cannot reach back to her last period');
    assert.ok(widthOf(predictCycle(withMean(input))) <= widthOf(p));
  });

  it('does not re-admit an old missed log when an ordinary cycle is added', () => {
    const periods = ['2012-01-01', '2012-01-26', '2012-02-22', '2012-04-07', '2012-04-22', '2012-06-05'];
    const input: EngineInput = {
      periods: periods.map((start) => ({ start, end: null })),
      days: [],
      today: '2012-06-05',
    };
    assert.ok(widthOf(predictCycle(withMean(input))) <= widthOf(predictCycle(input)));
  });
});

describe('predictCycle: adolescents', () => {
  it('widens the window for a teenager, with the same predicted start', () => {
    const today = addDays(lastStartOf(periodsFrom(VARIED)), 0);
    const adult = predictCycle({ ...inputFrom(VARIED), birthYear: Number(today.slice(0, 4)) - 30 });
    const teen = predictCycle({ ...inputFrom(VARIED), birthYear: Number(today.slice(0, 4)) - 15 });
    assert.equal(teen.nextPeriod?.start, adult.nextPeriod?.start);
    assert.ok(widthOf(teen) > widthOf(adult), `${widthOf(teen)} vs ${widthOf(adult)}`);
  });
});
