import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Candidate, daySlotsInOrder } from './day-merge.ts';
import { daySlots, type Schedule } from './slots.ts';

const ZONES = ['Africa/Kigali', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'];
const time = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const scheduleArb: fc.Arbitrary<Schedule> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    slotMinutes: fc.constantFrom(15, 20, 30, 45, 60),
    ranges: fc.array(
      fc.record({
        weekday: fc.integer({ min: 1, max: 7 }),
        opens: fc.integer({ min: 0, max: 23 * 4 }).map((q) => q * 15),
        hours: fc.integer({ min: 1, max: 10 }),
      }),
      { maxLength: 4 },
    ),
    off: fc.boolean(),
  })
  .map(({ zone, slotMinutes, ranges, off }) => ({
    timeZone: zone,
    slotMinutes,
    weekly: ranges.map((r) => ({
      weekday: r.weekday,
      opens: time(r.opens),
      closes: time(Math.min(24 * 60 - 1, r.opens + r.hours * 60)),
    })),
    daysOff: new Set(off ? ['2026-03-29'] : []),
  }));

const drain = (next: () => Candidate | undefined) => {
  const out: Candidate[] = [];
  for (let c = next(); c; c = next()) out.push(c);
  return out;
};

describe('a district day in time order', () => {
  it('gives exactly every slot not yet started, ordered by time then by list order', () => {
    fc.assert(
      fc.property(
        fc.array(scheduleArb, { maxLength: 12 }),
        // Around a clock change in Europe (29 March 2026) and an ordinary day.
        fc.constantFrom('2026-03-29', '2026-03-30', '2026-11-30'),
        fc.integer({ min: -24, max: 48 }),
        (schedules, date, hour) => {
          const now = Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000;
          const expected = schedules
            .flatMap((schedule, order) => daySlots(schedule, date).map((slot) => ({ slot, order })))
            .filter((c) => c.slot.start >= now)
            .sort((a, b) => a.slot.start - b.slot.start || a.order - b.order);
          const list = schedules.map((schedule) => ({ schedule }));
          assert.deepEqual(drain(daySlotsInOrder(list, date, now)), expected);
          // Asked again (slots remembered per schedule and date), the same.
          assert.deepEqual(drain(daySlotsInOrder(list, date, now)), expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hands out the first slots without laying out the rest of the day', () => {
    const schedule: Schedule = {
      timeZone: 'Africa/Kigali',
      slotMinutes: 30,
      weekly: [{ weekday: 1, opens: '08:00', closes: '17:00' }],
      daysOff: new Set(),
    };
    const list = Array.from({ length: 3 }, () => ({ schedule }));
    const next = daySlotsInOrder(list, '2026-11-30', 0);
    const first = [next(), next(), next(), next()];
    assert.deepEqual(
      first.map((c) => [new Date(c?.slot.start ?? 0).toISOString().slice(11, 16), c?.order]),
      [
        ['06:00', 0],
        ['06:00', 1],
        ['06:00', 2],
        ['06:30', 0],
      ],
    );
  });
});
