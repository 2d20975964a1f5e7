import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCalendar } from './calendar.ts';
import { inputFrom } from './fixtures.ts';
import { predictCycle } from './predict.ts';
import type { CalendarDay, PhaseName } from './types.ts';

// Periods start 2024-01-01, 01-29, 02-26 and 03-25 (5 days each); today is 2024-04-04.
const REGULAR = inputFrom([28, 28, 28], 10);

const on = (days: CalendarDay[], date: string) => {
  const day = days.find((d) => d.date === date);
  assert.ok(day, date);
  return day;
};
const phases = (days: CalendarDay[], from: string, to: string): (PhaseName | null)[] =>
  days.filter((d) => d.date >= from && d.date <= to).map((d) => d.phase);
const dates = (days: CalendarDay[], mark: 'loggedPeriod' | 'predictedPeriod' | 'fertile' | 'ovulation') =>
  days.filter((d) => d[mark]).map((d) => d.date);

describe('buildCalendar', () => {
  it('lists every day of the month once, in order', () => {
    const feb = buildCalendar(REGULAR, '2024-02');
    assert.equal(feb.length, 29);
    assert.equal(feb[0]?.date, '2024-02-01');
    assert.equal(feb.at(-1)?.date, '2024-02-29');
  });

  it('has no phase before her first logged period', () => {
    assert.ok(
      buildCalendar(REGULAR, '2023-12').every((d) => d.phase === null && !d.fertile && !d.loggedPeriod),
    );
    const none = buildCalendar({ periods: [], days: [], today: '2024-04-04' }, '2024-04');
    assert.ok(none.every((d) => d.phase === null));
    assert.equal(on(none, '2024-04-04').today, true);
  });

  it('shows the current cycle, the predicted period and the next projected cycle', () => {
    const april = buildCalendar(REGULAR, '2024-04');
    assert.deepEqual(phases(april, '2024-04-01', '2024-04-02'), ['follicular', 'follicular']);
    assert.deepEqual(dates(april, 'fertile').slice(0, 6), [
      '2024-04-03',
      '2024-04-04',
      '2024-04-05',
      '2024-04-06',
      '2024-04-07',
      '2024-04-08',
    ]);
    assert.equal(on(april, '2024-04-03').phase, 'fertile');
    assert.deepEqual(dates(april, 'ovulation'), ['2024-04-08']);
    assert.equal(on(april, '2024-04-09').phase, 'luteal');
    assert.equal(on(april, '2024-04-21').phase, 'luteal');
    assert.deepEqual(dates(april, 'predictedPeriod'), [
      '2024-04-22',
      '2024-04-23',
      '2024-04-24',
      '2024-04-25',
      '2024-04-26',
    ]);
    assert.deepEqual(phases(april, '2024-04-22', '2024-04-27'), [
      'menstrual',
      'menstrual',
      'menstrual',
      'menstrual',
      'menstrual',
      'follicular',
    ]);
    assert.deepEqual(dates(april, 'loggedPeriod'), []);
    assert.deepEqual(
      april.filter((d) => d.today).map((d) => d.date),
      ['2024-04-04'],
    );
  });

  it('shows logged periods and estimated fertile days of past cycles', () => {
    const march = buildCalendar(REGULAR, '2024-03');
    assert.deepEqual(dates(march, 'loggedPeriod'), [
      '2024-03-01',
      '2024-03-25',
      '2024-03-26',
      '2024-03-27',
      '2024-03-28',
      '2024-03-29',
    ]);
    assert.deepEqual(dates(march, 'ovulation'), ['2024-03-11'], 'next start − 14');
    assert.equal(on(march, '2024-03-05').phase, 'follicular');
    assert.equal(on(march, '2024-03-06').phase, 'fertile');
    assert.equal(on(march, '2024-03-24').phase, 'luteal');
    assert.deepEqual(dates(march, 'predictedPeriod'), []);
  });

  it('projects later cycles of her typical length, months ahead', () => {
    const june = buildCalendar(REGULAR, '2024-06');
    assert.deepEqual(dates(june, 'predictedPeriod').slice(0, 1), ['2024-06-17'], '04-22 + 28 + 28');
    assert.ok(june.every((d) => d.phase !== null && d.phase !== 'late'));
  });

  it('agrees with the prediction about today', () => {
    for (const day of [0, 6, 10, 20, 28, 35]) {
      const input = inputFrom([28, 28, 28], day);
      const today = buildCalendar(input, input.today.slice(0, 7)).find((d) => d.today);
      assert.equal(today?.phase, predictCycle(input).phase?.name, `day ${day}`);
    }
  });

  it('when she is late, shows late from the day after the predicted start on, with nothing predicted', () => {
    const late = inputFrom([28, 28, 28], 40); // predicted 2024-04-22, today 2024-05-04
    const may = buildCalendar(late, '2024-05');
    assert.ok(
      may.every((d) => d.phase === 'late'),
      'no imaginary new cycle, before or after today',
    );
    assert.ok(may.every((d) => !d.predictedPeriod && !d.fertile && !d.ovulation && !d.loggedPeriod));
    const april = buildCalendar(late, '2024-04');
    assert.equal(on(april, '2024-04-22').phase, 'luteal');
    assert.equal(on(april, '2024-04-22').predictedPeriod, false, 'the missed date is not shown as predicted');
    assert.equal(on(april, '2024-04-23').phase, 'late');
    assert.ok(buildCalendar(late, '2024-09').every((d) => d.phase === 'late'));
  });

  it('forecasts the rest of a period that is still going', () => {
    const input = { ...inputFrom([28, 28, 28], 1) };
    const open = { ...input, periods: input.periods.map((p, i) => (i === 3 ? { ...p, end: null } : p)) };
    const march = buildCalendar(open, '2024-03');
    assert.deepEqual(dates(march, 'loggedPeriod').slice(-2), ['2024-03-25', '2024-03-26']);
    assert.deepEqual(dates(march, 'predictedPeriod'), ['2024-03-27', '2024-03-28', '2024-03-29']);
    assert.deepEqual(phases(march, '2024-03-25', '2024-03-30'), [
      'menstrual',
      'menstrual',
      'menstrual',
      'menstrual',
      'menstrual',
      'follicular',
    ]);
  });
});
