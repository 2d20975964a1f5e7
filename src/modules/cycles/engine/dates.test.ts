import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  compareDates,
  daysBetween,
  daysOfMonth,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
} from './dates.ts';

describe('ISO date arithmetic', () => {
  it('crosses month, leap-day and year boundaries', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2024-03-30', 2), '2024-04-01');
  });

  it('counts whole days between dates, whatever the daylight-saving rules', () => {
    assert.equal(daysBetween('2024-01-01', '2024-03-01'), 60);
    assert.equal(daysBetween('2024-03-01', '2024-01-01'), -60);
    assert.equal(daysBetween('2024-03-30', '2024-04-01'), 2);
    assert.equal(daysBetween('2024-10-26', '2024-10-28'), 2);
  });

  it('reads years 0000–0099 as written (Date.UTC would make them 1900–1999)', () => {
    assert.equal(fromDayNumber(toDayNumber('0000-01-01')), '0000-01-01');
    assert.equal(addDays('0050-02-28', 1), '0050-03-01');
    assert.equal(daysBetween('0099-12-31', '0100-01-01'), 1);
    assert.equal(daysOfMonth('0004-02').length, 29);
    assert.equal(fromDayNumber(daysOfMonth('0050-03')[0] ?? 0), '0050-03-01');
  });

  it('orders dates', () => {
    assert.ok(compareDates('2024-01-02', '2024-01-10') < 0);
    assert.equal(compareDates('2024-01-02', '2024-01-02'), 0);
    assert.ok(compareDates('2025-01-01', '2024-12-31') > 0);
  });

  it('rejects strings that are not calendar dates', () => {
    for (const bad of ['2025-02-30', '2024-1-01', '2024-13-01', '24-01-01', '', '2024-01-01T00:00']) {
      assert.throws(() => toDayNumber(bad), RangeError, bad);
      assert.equal(isIsoDate(bad), false);
    }
    assert.equal(isIsoDate('2024-02-29'), true);
  });

  it('lists every day of a month', () => {
    assert.equal(daysOfMonth('2024-02').length, 29);
    assert.equal(daysOfMonth('2023-02').length, 28);
    assert.equal(fromDayNumber(daysOfMonth('2024-12').at(-1) ?? 0), '2024-12-31');
    assert.throws(() => daysOfMonth('2024-13'), RangeError);
    assert.throws(() => daysOfMonth('2024-1'), RangeError);
  });

  it('round-trips: daysBetween(a, addDays(a, n)) = n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -5000, max: 5000 }), (day, n) => {
        const date = fromDayNumber(day);
        assert.equal(daysBetween(date, addDays(date, n)), n);
        assert.equal(toDayNumber(date), day);
      }),
      { numRuns: 200 },
    );
  });
});
