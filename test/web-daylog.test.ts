import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advancedByDefault, painLevelOf, painValueOf } from '../web/src/daylog/rules.ts';
import { axisFor, compareWithUsual, usualRange } from '../web/src/history/usual-range.ts';

describe('the day log', () => {
  it('folds "Advanced" for anyone who may be under 18, and for an unknown age', () => {
    assert.equal(advancedByDefault(2026 - 15, 2026), false);
    assert.equal(advancedByDefault(2026 - 17, 2026), false);
    // Born 18 years ago: she may still be 17 until her birthday.
    assert.equal(advancedByDefault(2026 - 18, 2026), false);
    assert.equal(advancedByDefault(2026 - 19, 2026), true);
    assert.equal(advancedByDefault(undefined, 2026), false);
  });

  it('shows the API pain scale as five faces, and lights the face of any value logged elsewhere', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(painLevelOf), [
      'none',
      'mild',
      'mild',
      'mild',
      'moderate',
      'moderate',
      'moderate',
      'severe',
      'severe',
      'worst',
      'worst',
    ]);
    assert.equal(painLevelOf(undefined), undefined);
    // The values the USSD menu stores for the same five answers.
    assert.deepEqual(['none', 'mild', 'moderate', 'severe', 'worst'].map(painValueOf), [0, 2, 5, 7, 10]);
  });
});

describe('the cycle history chart', () => {
  it('takes her usual range from her average and variability, at least ± 2 days', () => {
    assert.deepEqual(usualRange(28, 0), { low: 26, high: 30 });
    assert.deepEqual(usualRange(30.4, 4.2), { low: 26, high: 35 });
    assert.equal(usualRange(null, null), null);
  });

  it('marks cycles outside her usual range, and none when there is no range yet', () => {
    const range = { low: 26, high: 30 };
    assert.equal(compareWithUsual(49, range), 'longer');
    assert.equal(compareWithUsual(22, range), 'shorter');
    assert.equal(compareWithUsual(26, range), 'usual');
    assert.equal(compareWithUsual(49, null), 'usual');
  });

  it('fits the axis around every point and the range', () => {
    const axis = axisFor([28, 49], { low: 26, high: 30 });
    assert.ok(axis.min <= 24 && axis.max >= 51, JSON.stringify(axis));
    assert.equal((axis.max - axis.min) % axis.step, 0);
  });
});
