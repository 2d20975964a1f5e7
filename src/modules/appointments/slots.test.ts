import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { localDate as localDateOf } from '../../platform/time.ts';
import { addDays } from '../cycles/engine/dates.ts';
import {
  daySlots,
  freeSlots,
  type Interval,
  instantOf,
  localTimeToInstant,
  minuteOfDay,
  offsetAt,
  type Schedule,
  weekdayOf,
} from './slots.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (text: string) => Date.parse(text);
const starts = (slots: Interval[]) => slots.map((s) => iso(s.start));

function schedule(overrides: Partial<Schedule> = {}): Schedule {
  return {
    timeZone: 'Africa/Kigali',
    slotMinutes: 30,
    weekly: [{ weekday: 1, opens: '08:00', closes: '12:30' }],
    daysOff: new Set(),
    ...overrides,
  };
}

describe('appointment slots in Kigali (no summer time)', () => {
  it('lays the slot length over the opening hours, in the provider time zone', () => {
    // 2026-11-30 is a Monday; Kigali is UTC+2 all year.
    const slots = daySlots(schedule(), '2026-11-30');
    assert.equal(slots.length, 9);
    assert.equal(iso(slots[0]?.start ?? 0), '2026-11-30T06:00:00.000Z');
    assert.equal(iso(slots[8]?.start ?? 0), '2026-11-30T10:00:00.000Z');
    assert.equal(iso(slots[8]?.end ?? 0), '2026-11-30T10:30:00.000Z');
  });

  it('fits only whole slots into each range, several ranges a day', () => {
    const s = schedule({
      slotMinutes: 45,
      weekly: [
        { weekday: 1, opens: '14:00', closes: '16:00' },
        { weekday: 1, opens: '08:00', closes: '10:00' },
      ],
    });
    assert.deepEqual(starts(daySlots(s, '2026-11-30')), [
      '2026-11-30T06:00:00.000Z',
      '2026-11-30T06:45:00.000Z',
      '2026-11-30T12:00:00.000Z',
      '2026-11-30T12:45:00.000Z',
    ]);
  });

  it('has nothing on a day off or a day without hours', () => {
    const s = schedule({ daysOff: new Set(['2026-11-30']) });
    assert.deepEqual(daySlots(s, '2026-11-30'), []);
    assert.deepEqual(daySlots(schedule(), '2026-12-01'), [], 'Tuesday: no hours');
    const week = freeSlots(s, { from: '2026-11-30', to: '2026-12-07', now: 0, busy: [] });
    assert.ok(week.every((slot) => localDateOf(slot.start, 'Africa/Kigali') === '2026-12-07'));
    assert.equal(week.length, 9);
  });

  it('leaves out slots already started and slots a live appointment overlaps, whatever its length', () => {
    const busy = [
      // A 30-minute booking at 09:00 local, and a 45-minute one (older slot length) at 10:15.
      { start: at('2026-11-30T07:00:00Z'), end: at('2026-11-30T07:30:00Z') },
      { start: at('2026-11-30T08:15:00Z'), end: at('2026-11-30T09:00:00Z') },
    ];
    const free = freeSlots(schedule(), {
      from: '2026-11-30',
      to: '2026-11-30',
      now: at('2026-11-30T06:10:00Z'), // 08:10 local: the 08:00 slot has started
      busy,
    });
    assert.deepEqual(starts(free), [
      '2026-11-30T06:30:00.000Z',
      '2026-11-30T07:30:00.000Z',
      // 10:00 and 10:30 local both overlap the 45-minute appointment at 10:15.
      '2026-11-30T09:00:00.000Z',
      '2026-11-30T09:30:00.000Z',
      '2026-11-30T10:00:00.000Z',
    ]);
  });

  it('an appointment spanning several slots (a longer slot length then) removes each', () => {
    const busy = [{ start: at('2026-11-30T06:00:00Z'), end: at('2026-11-30T08:00:00Z') }];
    const free = freeSlots(schedule(), { from: '2026-11-30', to: '2026-11-30', now: 0, busy });
    assert.equal(iso(free[0]?.start ?? 0), '2026-11-30T08:00:00.000Z');
    assert.equal(free.length, 5);
  });

  it('knows its calendar: weekdays, day arithmetic, local dates', () => {
    assert.equal(weekdayOf('2026-11-30'), 1);
    assert.equal(weekdayOf('2026-12-06'), 7);
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-03-01', -1), '2028-02-29');
    assert.equal(localDateOf(at('2026-11-30T22:30:00Z'), 'Africa/Kigali'), '2026-12-01');
    assert.equal(minuteOfDay('12:30:00'), 750);
  });
});

describe('appointment slots across a change of the clocks (Europe/Paris)', () => {
  const paris = (overrides: Partial<Schedule>) => schedule({ timeZone: 'Europe/Paris', ...overrides });

  it('keeps 09:00 local on both sides of the spring change (UTC+1, then UTC+2)', () => {
    const s = paris({ weekly: [{ weekday: 1, opens: '09:00', closes: '10:00' }], slotMinutes: 60 });
    const free = freeSlots(s, { from: '2026-03-23', to: '2026-03-30', now: 0, busy: [] });
    assert.deepEqual(starts(free), ['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('keeps 09:00 local on both sides of the autumn change (UTC+2, then UTC+1)', () => {
    const s = paris({ weekly: [{ weekday: 1, opens: '09:00', closes: '10:00' }], slotMinutes: 60 });
    const free = freeSlots(s, { from: '2026-10-19', to: '2026-10-26', now: 0, busy: [] });
    assert.deepEqual(starts(free), ['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('offers no slot in the hour skipped on the spring night', () => {
    // Sunday 2026-03-29: 02:00 becomes 03:00.
    const s = paris({ weekly: [{ weekday: 7, opens: '01:00', closes: '04:00' }] });
    assert.deepEqual(starts(daySlots(s, '2026-03-29')), [
      '2026-03-29T00:00:00.000Z', // 01:00 CET
      '2026-03-29T00:30:00.000Z', // 01:30 CET
      '2026-03-29T01:00:00.000Z', // 03:00 CEST
      '2026-03-29T01:30:00.000Z', // 03:30 CEST
    ]);
    assert.equal(instantOf(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Paris'), null);
  });

  it('offers the hour that happens twice on the autumn night once, at its first occurrence', () => {
    // Sunday 2026-10-25: 03:00 becomes 02:00.
    const s = paris({ weekly: [{ weekday: 7, opens: '01:00', closes: '04:00' }] });
    const slots = daySlots(s, '2026-10-25');
    assert.deepEqual(starts(slots), [
      '2026-10-24T23:00:00.000Z', // 01:00 CEST
      '2026-10-24T23:30:00.000Z',
      '2026-10-25T00:00:00.000Z', // 02:00 CEST (first time)
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T02:00:00.000Z', // 03:00 CET
      '2026-10-25T02:30:00.000Z',
    ]);
    assert.equal(localTimeToInstant('2026-10-25', 150, 'Europe/Paris'), at('2026-10-25T00:30:00Z'));
  });

  it('never gives two overlapping slots, or a slot outside the hours, in any zone, any day of a year', () => {
    const zones = [
      'Africa/Kigali',
      'Europe/Paris',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
    ];
    const hhmm = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 15, max: 60 }),
        fc.integer({ min: 0, max: 22 * 60 }),
        fc.integer({ min: 15, max: 8 * 60 }),
        fc.integer({ min: 0, max: 364 }),
        (timeZone, slotMinutes, opens, span, dayOfYear) => {
          const closes = Math.min(opens + span, 23 * 60 + 59);
          const from = addDays('2026-01-01', dayOfYear);
          const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
            weekday,
            opens: hhmm(opens),
            closes: hhmm(closes),
          }));
          const slots = freeSlots(
            { timeZone, slotMinutes, weekly, daysOff: new Set() },
            { from, to: addDays(from, 2), now: 0, busy: [] },
          );
          for (let i = 1; i < slots.length; i++) {
            assert.ok((slots[i]?.start ?? 0) >= (slots[i - 1]?.end ?? 0), 'slots overlap');
          }
          for (const slot of slots) {
            assert.equal(slot.end - slot.start, slotMinutes * 60_000);
            const wall = slot.start + offsetAt(slot.start, timeZone);
            const minute = (wall % 86_400_000) / 60_000;
            assert.ok(
              minute >= opens && minute + slotMinutes <= closes,
              `slot at ${minute} outside the hours`,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
