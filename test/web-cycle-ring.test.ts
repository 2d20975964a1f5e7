import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Period, Prediction } from '../web/src/api.ts';
import { addDays, arcPath, pointAt, ringShape } from '../web/src/cycle/ring.ts';

/*
 * The cycle ring on her home page (web/src/cycle/ring.ts): each mark sits on the day the
 * prediction gives, the next period is drawn as its whole window (never one day), and a late
 * period stretches the ring to today rather than drawing today off the ring.
 */
const TODAY = '2026-03-10';

function prediction(overrides: Partial<Prediction> = {}): Prediction {
  return {
    status: 'ok',
    today: TODAY,
    nextPeriod: { start: '2026-03-29', earliest: '2026-03-27', latest: '2026-04-01' },
    ovulation: { date: '2026-03-15' },
    fertileWindow: { start: '2026-03-10', end: '2026-03-15' },
    phase: { name: 'fertile', cycleDay: 10 },
    averageCycleLength: 28,
    cycleLengthVariability: 2,
    averagePeriodLength: 5,
    lutealLength: 14,
    confidence: 0.8,
    cyclesUsed: 4,
    flags: [],
    ...overrides,
  };
}

const period = (startDate: string, endDate: string | null): Period => ({
  id: '00000000-0000-4000-8000-000000000001',
  startDate,
  endDate,
  flow: null,
  notes: null,
});

describe('cycle ring', () => {
  it('places her period, the fertile days, the window and today on the days the prediction gives', () => {
    const shape = ringShape(prediction(), [period('2026-03-01', '2026-03-05')]);
    assert.ok(shape);
    assert.equal(shape.cycleStart, '2026-03-01');
    // From 1 March to the window's last day, 1 April: 32 days.
    assert.equal(shape.days, 32);
    assert.equal(shape.today, 9);
    assert.deepEqual(shape.period, {
      from: 0,
      to: 4,
      start: '2026-03-01',
      end: '2026-03-05',
      ongoing: false,
    });
    assert.deepEqual(shape.fertile, { from: 9, to: 14 });
    assert.deepEqual(shape.next, { from: 26, to: 31 }, 'the whole window, not the single likeliest day');
  });

  it('draws a period still going up to today', () => {
    const shape = ringShape(prediction({ phase: { name: 'menstrual', cycleDay: 3 } }), [
      period('2026-03-08', null),
    ]);
    assert.deepEqual(shape?.period, { from: 0, to: 2, start: '2026-03-08', end: null, ongoing: true });
  });

  it('draws a period whose end was never logged as her usual length, not up to today', () => {
    const shape = ringShape(prediction({ phase: { name: 'luteal', cycleDay: 20 } }), [
      { ...period('2026-02-19', null), ongoing: false },
    ]);
    assert.deepEqual(shape?.period, { from: 0, to: 4, start: '2026-02-19', end: null, ongoing: false });
  });

  it('stretches to today when the period is late', () => {
    const shape = ringShape(
      prediction({
        today: '2026-04-05',
        phase: { name: 'late', cycleDay: 36, lateByDays: 7 },
      }),
      [period('2026-03-01', '2026-03-05')],
    );
    assert.ok(shape);
    assert.equal(shape.days, 36);
    assert.equal(shape.today, 35, 'today is the last day on the ring');
    assert.deepEqual(shape.next, { from: 26, to: 31 });
  });

  it('draws nothing without a prediction', () => {
    assert.equal(ringShape(prediction({ phase: null, nextPeriod: null }), []), null);
  });

  it('turns days into arcs of a circle, day 1 at the top, clockwise', () => {
    assert.deepEqual(pointAt(0, 28, 80), [100, 20]);
    assert.deepEqual(pointAt(7, 28, 80), [180, 100]);
    assert.equal(arcPath({ from: 0, to: 6 }, 28, 80), 'M 100 20 A 80 80 0 0 1 180 100');
    // More than half the ring takes the large arc; the whole ring is two half arcs.
    assert.match(arcPath({ from: 0, to: 20 }, 28, 80), / 0 1 1 /);
    assert.equal(arcPath({ from: 0, to: 27 }, 28, 80).split(' A ').length, 3);
    assert.equal(addDays('2026-02-27', 2), '2026-03-01');
  });
});
