import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveCycles, normalisePeriods } from './cycles.ts';
import { classifyCycleLengths } from './outliers.ts';

describe('deriveCycles', () => {
  it('derives cycle and period lengths from periods logged in any order', () => {
    const history = deriveCycles([
      { start: '2024-02-27', end: '2024-03-02' },
      { start: '2024-01-01', end: '2024-01-05' },
      { start: '2024-01-30', end: null },
    ]);
    assert.deepEqual(history.cycles, [
      { start: '2024-01-01', length: 29, periodLength: 5 },
      { start: '2024-01-30', length: 28, periodLength: null },
    ]);
    assert.equal(history.currentStart, '2024-02-27');
  });

  it('has no cycle and no current start without periods', () => {
    assert.deepEqual(deriveCycles([]), { cycles: [], currentStart: null });
  });

  it('merges two logs of the same start, ignores ends before starts, and cuts ends at the next start', () => {
    const periods = normalisePeriods([
      { start: '2024-01-01', end: null },
      { start: '2024-01-01', end: '2024-01-04', flow: 'heavy' },
      { start: '2024-01-20', end: '2024-01-18' },
      { start: '2024-02-10', end: '2024-03-01' },
      { start: '2024-02-20', end: null },
    ]);
    assert.equal(periods.length, 4);
    assert.equal(periods[0]?.end, periods[0] && periods[0].start + 3);
    assert.equal(periods[0]?.flow, 'heavy');
    assert.equal(periods[1]?.end, null);
    assert.equal(periods[2]?.end, periods[3] && periods[3].start - 1);
  });
});

describe('classifyCycleLengths', () => {
  it('sets aside a gap about twice her usual length as a missed log', () => {
    assert.deepEqual(classifyCycleLengths([28, 27, 29, 56, 28]), [
      'kept',
      'kept',
      'kept',
      'missed_log',
      'kept',
    ]);
  });

  it('judges the first cycle against the population prior', () => {
    assert.deepEqual(classifyCycleLengths([57, 28, 29]), ['missed_log', 'kept', 'kept']);
  });

  it('sets aside one cycle far from her usual', () => {
    assert.deepEqual(classifyCycleLengths([28, 29, 28, 27, 44]).at(-1), 'unusual');
    assert.deepEqual(classifyCycleLengths([28, 29, 28, 27, 34]).at(-1), 'kept');
  });

  it('keeps long cycles once they are her pattern rather than an accident', () => {
    const verdicts = classifyCycleLengths([28, 28, 28, 60, 62, 58, 61]);
    assert.equal(verdicts[3], 'missed_log');
    assert.deepEqual(verdicts.slice(4), ['kept', 'kept', 'kept']);
  });

  it('never changes the verdict on a past cycle when a new one is logged', () => {
    const before = classifyCycleLengths([26, 30, 45, 15, 44]);
    const after = classifyCycleLengths([26, 30, 45, 15, 44, 28]);
    assert.deepEqual(after.slice(0, before.length), before);
  });
});
