import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { createServices } from '../../src/app.ts';
import { localDate } from '../../src/platform/time.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { slotAfter } from '../support/appointments.ts';
import { linked, setSharing } from '../support/care.ts';
import { registerUser, signIn } from '../support/factories.ts';
import {
  adminOf,
  book,
  bookableProvider,
  booked,
  freeSlotsOf,
  registerProvider,
  setAvailability,
} from '../support/providers.ts';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const kigaliToday = (t: TestApp) => localDate(t.clock.now(), 'Africa/Kigali');
/** The first date after today that is this ISO weekday. */
function nextWeekday(t: TestApp, weekday: number): string {
  let date = addDays(kigaliToday(t), 1);
  while (((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1 !== weekday) date = addDays(date, 1);
  return date;
}
const step = (t: TestApp, token: string, id: string, action: string, body?: object) =>
  t.request({
    method: action === 'note' ? 'PUT' : 'POST',
    url: `/api/v1/appointments/${id}/${action}`,
    token,
    ...(body ? { body } : {}),
  });
const getOne = (t: TestApp, token: string, id: string) =>
  t.request({ method: 'GET', url: `/api/v1/appointments/${id}`, token });
const mine = async (t: TestApp, token: string, query = '') => {
  const res = await t.request({ method: 'GET', url: `/api/v1/appointments${query}`, token });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().appointments as Array<Record<string, unknown> & { id: string }>;
};
const codeOf = (res: { json(): { code?: string } }) => res.json().code;

describeEachDatabase(
  'appointments',
  (get) => {
    it('slots follow the weekly hours, days off and time zone; a booked slot leaves, a cancelled one comes back', async () => {
      const t = get();
      const girl = await registerUser(t);
      const monday = nextWeekday(t, 1);
      const provider = await bookableProvider(
        t,
        {},
        {
          slotMinutes: 30,
          weekly: [
            { weekday: 1, opens: '08:00', closes: '10:00' },
            { weekday: 3, opens: '14:00', closes: '15:00' },
          ],
          daysOff: [addDays(monday, 7)],
        },
      );
      const slots = await freeSlotsOf(
        t,
        girl.accessToken,
        provider.id,
        `?from=${monday}&to=${addDays(monday, 14)}`,
      );
      const at = (date: string, hhmm: string) => `${date}T${hhmm}:00.000Z`;
      assert.deepEqual(
        slots.map((s) => s.start),
        [
          // Kigali is UTC+2: 08:00 local is 06:00Z.
          ...['06:00', '06:30', '07:00', '07:30'].map((h) => at(monday, h)),
          ...['12:00', '12:30'].map((h) => at(addDays(monday, 2), h)),
          // The next Monday is a day off.
          ...['12:00', '12:30'].map((h) => at(addDays(monday, 9), h)),
          ...['06:00', '06:30', '07:00', '07:30'].map((h) => at(addDays(monday, 14), h)),
        ],
      );
      assert.equal(slots[0]?.end, at(monday, '06:30'));

      const paris = await bookableProvider(
        t,
        {},
        {
          timeZone: 'Europe/Paris',
          slotMinutes: 60,
          weekly: [{ weekday: 1, opens: '09:00', closes: '10:00' }],
        },
      );
      const inParis = await t.request({
        method: 'GET',
        url: `/api/v1/providers/${paris.id}/slots?from=${monday}&to=${monday}`,
        token: girl.accessToken,
      });
      assert.equal(inParis.json().timeZone, 'Europe/Paris');
      assert.deepEqual(inParis.json().slots, [{ start: at(monday, '08:00'), end: at(monday, '09:00') }]);

      const appointment = await booked(t, girl.accessToken, {
        providerId: provider.id,
        start: at(monday, '06:30'),
      });
      const after = await freeSlotsOf(t, girl.accessToken, provider.id, `?from=${monday}&to=${monday}`);
      assert.deepEqual(
        after.map((s) => s.start),
        ['06:00', '07:00', '07:30'].map((h) => at(monday, h)),
      );
      const cancel = await step(t, girl.accessToken, appointment.id, 'cancel', { reason: 'I feel better' });
      assert.equal(cancel.statusCode, 200, cancel.body);
      assert.equal(cancel.json().status, 'cancelled');
      const freed = await freeSlotsOf(t, girl.accessToken, provider.id, `?from=${monday}&to=${monday}`);
      assert.equal(freed.length, 4);

      const backwards = await t.request({
        method: 'GET',
        url: `/api/v1/providers/${provider.id}/slots?from=${monday}&to=${addDays(monday, -1)}`,
        token: girl.accessToken,
      });
      assert.equal(codeOf(backwards), 'invalid_date_range');
      const tooLong = await t.request({
        method: 'GET',
        url: `/api/v1/providers/${provider.id}/slots?from=${monday}&to=${addDays(monday, 62)}`,
        token: girl.accessToken,
      });
      assert.equal(tooLong.statusCode, 400);
    });

    it('the district search gives the earliest free slots across its providers', async () => {
      const t = get();
      const girl = await registerUser(t);
      const a = await bookableProvider(t, { district: 'kirehe', languages: ['rw'] });
      const b = await bookableProvider(
        t,
        { district: 'kirehe', languages: ['fr'] },
        {
          weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '13:00', closes: '14:00' })),
        },
      );
      const first = await slotAfter(t, girl.accessToken, a.id, 0);
      await booked(t, girl.accessToken, { providerId: a.id, start: first.start });
      const res = await t.request({
        method: 'GET',
        url: '/api/v1/providers/slots?district=kirehe&limit=40',
        token: girl.accessToken,
      });
      assert.equal(res.statusCode, 200, res.body);
      const found = res.json().slots as Array<{ start: string; provider: { id: string } }>;
      assert.equal(found.length, 40);
      assert.deepEqual(
        found.map((s) => s.start),
        [...found.map((s) => s.start)].sort(),
      );
      assert.ok(
        !found.some((s) => s.provider.id === a.id && s.start === first.start),
        'the booked slot is gone',
      );
      assert.ok(found.some((s) => s.provider.id === b.id));
      const french = await t.request({
        method: 'GET',
        url: '/api/v1/providers/slots?district=kirehe&language=fr&limit=5',
        token: girl.accessToken,
      });
      assert.ok(french.json().slots.every((s: { provider: { id: string } }) => s.provider.id === b.id));

      // What the search read a moment ago is not served once it changed: new hours show at once, …
      const search = async () =>
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/providers/slots?district=kirehe&limit=40',
            token: girl.accessToken,
          })
        ).json().slots as Array<{ start: string; provider: { id: string } }>;
      await setAvailability(t, b, {
        weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '16:00', closes: '17:00' })),
      });
      const hoursOfB = (await search())
        .filter((s) => s.provider.id === b.id)
        .map((s) => new Date(Date.parse(s.start) + 2 * 3_600_000).toISOString().slice(11, 16));
      assert.ok(hoursOfB.length > 0);
      assert.ok(
        hoursOfB.every((hm) => hm >= '16:00'),
        hoursOfB.join(),
      );
      // … and a suspended provider is gone from the very next search.
      const admin = await adminOf(t);
      const suspended = await t.request({
        method: 'POST',
        url: `/api/v1/admin/providers/${a.id}/suspend`,
        token: admin.accessToken,
      });
      assert.equal(suspended.statusCode, 200, suspended.body);
      assert.ok(!(await search()).some((s) => s.provider.id === a.id));
    });

    it('she books a free slot; the provider sees her first name and reason, and the read is in her access log', async () => {
      const t = get();
      const girl = await registerUser(t);
      const provider = await bookableProvider(t);
      const slot = await slotAfter(t, girl.accessToken, provider.id, 24 * 60);
      const res = await book(t, girl.accessToken, {
        providerId: provider.id,
        start: slot.start,
        reason: 'pain',
        words: 'Cramps that keep me from school',
      });
      assert.equal(res.statusCode, 201, res.body);
      const appointment = res.json();
      assert.equal(appointment.status, 'requested');
      assert.equal(appointment.end, slot.end);
      assert.equal(appointment.provider.id, provider.id);
      assert.equal(
        appointment.provider.timeZone,
        'Africa/Kigali',
        "the facility's clock, to show her times in",
      );
      assert.equal(appointment.bookedBy, 'patient');
      assert.deepEqual(appointment.reason, { code: 'pain', words: 'Cramps that keep me from school' });
      assert.deepEqual(
        (await mine(t, girl.accessToken)).map((a) => a.id),
        [appointment.id],
      );

      const day = localDate(new Date(slot.start), 'Africa/Kigali');
      const list = await mine(t, provider.accessToken, `?from=${day}&to=${day}`);
      assert.deepEqual(
        list.map((a) => a.id),
        [appointment.id],
      );
      assert.deepEqual(list[0]?.patient, { firstName: girl.name.split(' ')[0] });
      assert.equal(JSON.stringify(list).includes(girl.name), false, 'her full name stays with her');
      const one = await getOne(t, provider.accessToken, appointment.id);
      assert.equal(one.statusCode, 200);
      assert.equal(one.json().reason.code, 'pain');
      assert.equal(one.json().summary, undefined);

      const log = await t.request({ method: 'GET', url: '/api/v1/me/access-log', token: girl.accessToken });
      const reads = log
        .json()
        .entries.filter((e: { action: string }) => e.action === 'appointment.read')
        .map((e: { actor: { role: string }; resource: string }) => [e.actor.role, e.resource]);
      assert.deepEqual(reads.sort(), [
        ['provider', 'appointment'],
        ['provider', 'appointment_list'],
      ]);
      // Her words are sealed: the row never holds them in the clear.
      const rows = await t.db.raw<{ reason_enc: Uint8Array }>(
        `SELECT reason_enc FROM appointments WHERE id = '${appointment.id}'`,
      );
      assert.equal(Buffer.from(rows[0]?.reason_enc ?? []).includes(Buffer.from('Cramps')), false);
    });

    it('only a time on the schedule can be booked: off the grid, outside hours, past, a day off, too far', async () => {
      const t = get();
      const girl = await registerUser(t);
      const tomorrow = addDays(kigaliToday(t), 1);
      const provider = await bookableProvider(t, {}, { daysOff: [addDays(tomorrow, 1)] });
      const refused = async (start: string, code = 'slot_unavailable', providerId = provider.id) => {
        const res = await book(t, girl.accessToken, { providerId, start });
        assert.equal(codeOf(res), code, `${start}: ${res.body}`);
      };
      await refused(`${tomorrow}T06:10:00.000Z`); // 08:10, between slots
      await refused(`${tomorrow}T16:00:00.000Z`); // 18:00, closed
      await refused(`${tomorrow}T06:00:00+02:00`); // 06:00 local, closed
      await refused(`${addDays(kigaliToday(t), -1)}T08:00:00.000Z`); // yesterday
      // Now is 10:00 in Kigali: 11:00 is on the grid but inside the cut-off, so she could never cancel it.
      await refused(`${kigaliToday(t)}T11:00:00+02:00`);
      assert.equal(
        (await freeSlotsOf(t, girl.accessToken, provider.id))[0]?.start,
        `${kigaliToday(t)}T10:00:00.000Z`,
        'the first slot offered is the first she can still cancel (12:00)',
      );
      await refused(`${addDays(tomorrow, 1)}T08:00:00.000Z`); // day off
      await refused(`${addDays(tomorrow, 120)}T08:00:00.000Z`); // beyond the booking horizon
      const far = addDays(tomorrow, 100);
      assert.deepEqual(
        await freeSlotsOf(t, girl.accessToken, provider.id, `?from=${far}&to=${addDays(far, 7)}`),
        [],
      );
      await refused(`${tomorrow}T08:00:00.000Z`, 'not_found', randomUUID());
      const pending = await registerProvider(t, {}, { verified: false });
      await setAvailability(t, pending);
      await refused(`${tomorrow}T08:00:00.000Z`, 'not_found', pending.id);
      // The same instant written with Kigali's offset is the same slot.
      const ok = await book(t, girl.accessToken, {
        providerId: provider.id,
        start: `${tomorrow}T10:00:00+02:00`,
      });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().start, `${tomorrow}T08:00:00.000Z`);
      assert.equal(ok.json().changeableUntil, `${tomorrow}T06:00:00.000Z`, 'changeable until 2 h before');
    });

    it('cut-off: nobody cancels or moves an appointment within 120 minutes of its start', async () => {
      const t = get();
      const girl = await registerUser(t);
      const provider = await bookableProvider(t);
      const late = await booked(t, girl.accessToken, {
        providerId: provider.id,
        start: (await slotAfter(t, girl.accessToken, provider.id, 180)).start,
      });
      const inTime = await booked(t, girl.accessToken, {
        providerId: provider.id,
        start: (await slotAfter(t, girl.accessToken, provider.id, 300)).start,
      });
      const other = await slotAfter(t, girl.accessToken, provider.id, 600);
      const minutesTo = (start: string) => (Date.parse(start) - t.clock.now().getTime()) / 60_000;
      t.clock.advance((minutesTo(late.start) - 119) * 60);
      for (const token of [(await signIn(t, girl)).accessToken, (await signIn(t, provider)).accessToken]) {
        const cancel = await step(t, token, late.id, 'cancel', {});
        assert.equal(codeOf(cancel), 'change_too_late');
        assert.equal(cancel.json().params.minutes, 120);
        const move = await step(t, token, late.id, 'reschedule', { start: other.start });
        assert.equal(codeOf(move), 'change_too_late');
      }
      t.clock.advance((minutesTo(inTime.start) - 121) * 60);
      const cancel = await step(t, (await signIn(t, girl)).accessToken, inTime.id, 'cancel');
      assert.equal(cancel.statusCode, 200, cancel.body);
      assert.equal(cancel.json().cancelledBy, 'patient');
    });

    it('the provider confirms, declines, completes, records a no-show and writes a note; wrong steps are refused', async () => {
      const t = get();
      const girl = await registerUser(t);
      const provider = await bookableProvider(t);
      const next = async () =>
        booked(t, girl.accessToken, {
          providerId: provider.id,
          start: (await slotAfter(t, girl.accessToken, provider.id, 600)).start,
        });
      const a1 = await next();
      const a2 = await next();
      const a3 = await next();
      const neverConfirmed = await next();
      let p = provider.accessToken;

      assert.equal((await step(t, girl.accessToken, a1.id, 'confirm')).statusCode, 403, 'she cannot confirm');
      assert.equal((await step(t, p, a1.id, 'confirm')).json().status, 'confirmed');
      assert.equal(codeOf(await step(t, p, a1.id, 'confirm')), 'appointment_closed');
      assert.equal(codeOf(await step(t, p, a1.id, 'decline', { reason: 'busy' })), 'appointment_closed');
      assert.equal(codeOf(await step(t, p, a2.id, 'note', { text: 'early' })), 'appointment_closed');
      assert.equal((await step(t, p, a1.id, 'complete')).statusCode, 409, 'not before it starts');
      assert.equal((await step(t, p, a1.id, 'no-show')).statusCode, 409, 'not before it starts');

      const decline = await step(t, p, a2.id, 'decline', {
        reason: 'I am away that day; please see my colleague',
      });
      assert.equal(decline.json().status, 'declined');
      assert.equal(codeOf(await step(t, girl.accessToken, a2.id, 'cancel', {})), 'appointment_closed');
      assert.equal((await step(t, p, a3.id, 'confirm')).statusCode, 200);

      t.clock.advance((Date.parse(a3.start) - t.clock.now().getTime()) / 1000 + 60);
      p = (await signIn(t, provider)).accessToken;
      assert.equal((await step(t, p, a1.id, 'complete')).json().status, 'completed');
      assert.equal((await step(t, p, a3.id, 'no-show')).json().status, 'no_show');
      assert.equal(codeOf(await step(t, p, a1.id, 'no-show')), 'appointment_closed');
      assert.equal(codeOf(await step(t, p, a1.id, 'cancel', {})), 'appointment_closed');
      // A request he never confirmed did not take place: neither completed nor a no-show.
      for (const action of ['complete', 'no-show'])
        assert.equal(codeOf(await step(t, p, neverConfirmed.id, action)), 'appointment_closed', action);
      const note = await step(t, p, a1.id, 'note', {
        text: 'Iron tablets for two months; come back in March.',
      });
      assert.equal(note.statusCode, 200, note.body);

      const hers = new Map((await mine(t, (await signIn(t, girl)).accessToken)).map((a) => [a.id, a]));
      assert.equal(hers.get(a1.id)?.visitNote, 'Iron tablets for two months; come back in March.');
      assert.equal(hers.get(a1.id)?.status, 'completed');
      assert.equal(hers.get(a2.id)?.declineReason, 'I am away that day; please see my colleague');
      assert.equal(hers.get(a3.id)?.status, 'no_show');
    });

    it('rescheduling: moved by her it waits for the provider again, moved by the provider it keeps its status', async () => {
      const t = get();
      const girl = await registerUser(t);
      const other = await registerUser(t);
      const provider = await bookableProvider(t);
      const first = await slotAfter(t, girl.accessToken, provider.id, 300);
      const appointment = await booked(t, girl.accessToken, { providerId: provider.id, start: first.start });
      await step(t, provider.accessToken, appointment.id, 'confirm');
      const second = await slotAfter(t, girl.accessToken, provider.id, 400);
      const moved = await step(t, girl.accessToken, appointment.id, 'reschedule', { start: second.start });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().status, 'requested');
      assert.equal(moved.json().start, second.start);
      const free = (await freeSlotsOf(t, girl.accessToken, provider.id)).map((s) => s.start);
      assert.ok(free.includes(first.start), 'the old time is free again');
      assert.ok(!free.includes(second.start));

      const taken = await booked(t, other.accessToken, {
        providerId: provider.id,
        start: (await slotAfter(t, girl.accessToken, provider.id, 500)).start,
      });
      assert.equal(
        codeOf(await step(t, girl.accessToken, appointment.id, 'reschedule', { start: taken.start })),
        'slot_taken',
      );
      const offGrid = new Date(Date.parse(second.start) + 10 * 60_000).toISOString();
      assert.equal(
        codeOf(await step(t, girl.accessToken, appointment.id, 'reschedule', { start: offGrid })),
        'slot_unavailable',
      );
      // Moved by the provider it keeps its status: still a request until he confirms it, …
      const third = await slotAfter(t, girl.accessToken, provider.id, 600);
      const byProvider = await step(t, provider.accessToken, appointment.id, 'reschedule', {
        start: third.start,
      });
      assert.equal(byProvider.statusCode, 200, byProvider.body);
      assert.equal(byProvider.json().status, 'requested', 'his move is not a confirmation');
      // … and confirmed once confirmed.
      assert.equal((await step(t, provider.accessToken, appointment.id, 'confirm')).statusCode, 200);
      const fourth = await slotAfter(t, girl.accessToken, provider.id, 700);
      const again = await step(t, provider.accessToken, appointment.id, 'reschedule', {
        start: fourth.start,
      });
      assert.equal(again.json().status, 'confirmed');
    });

    it('an unverified or suspended provider sees nobody and changes nothing', async () => {
      const t = get();
      const girl = await registerUser(t);
      const provider = await bookableProvider(t);
      const appointment = await booked(t, girl.accessToken, {
        providerId: provider.id,
        start: (await slotAfter(t, girl.accessToken, provider.id, 600)).start,
      });
      const admin = await adminOf(t);
      await t.request({
        method: 'POST',
        url: `/api/v1/admin/providers/${provider.id}/suspend`,
        token: admin.accessToken,
      });
      const p = provider.accessToken;
      for (const res of [
        await t.request({ method: 'GET', url: '/api/v1/appointments', token: p }),
        await getOne(t, p, appointment.id),
        await step(t, p, appointment.id, 'confirm'),
        await step(t, p, appointment.id, 'note', { text: 'x' }),
        await step(t, p, appointment.id, 'cancel', {}),
        await step(t, p, randomUUID(), 'confirm'),
      ]) {
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(codeOf(res), 'provider_unverified');
      }
      assert.equal(
        (await getOne(t, girl.accessToken, appointment.id)).statusCode,
        200,
        'she still sees hers',
      );
      const again = await book(t, girl.accessToken, {
        providerId: provider.id,
        start: (await slotAfter(t, girl.accessToken, (await bookableProvider(t)).id, 700)).start,
      });
      assert.equal(again.statusCode, 404);

      const pending = await registerProvider(t, {}, { verified: false });
      const pendingList = await t.request({
        method: 'GET',
        url: '/api/v1/appointments',
        token: pending.accessToken,
      });
      assert.equal(codeOf(pendingList), 'provider_unverified');
    });

    it('a provider reaches only appointments booked with them; nobody else reaches hers', async () => {
      const t = get();
      const girl = await registerUser(t);
      const stranger = await registerUser(t);
      const parent = await registerUser(t, { role: 'parent', birthYear: 1980 });
      const mineProvider = await bookableProvider(t);
      const otherProvider = await bookableProvider(t);
      const appointment = await booked(t, girl.accessToken, {
        providerId: mineProvider.id,
        start: (await slotAfter(t, girl.accessToken, mineProvider.id, 600)).start,
      });
      for (const res of [
        await getOne(t, otherProvider.accessToken, appointment.id),
        await step(t, otherProvider.accessToken, appointment.id, 'confirm'),
        await step(t, otherProvider.accessToken, appointment.id, 'note', { text: 'x' }),
        await step(t, otherProvider.accessToken, appointment.id, 'cancel', {}),
        await getOne(t, stranger.accessToken, appointment.id),
        await step(t, stranger.accessToken, appointment.id, 'cancel', {}),
        await getOne(t, parent.accessToken, appointment.id),
        await step(t, parent.accessToken, appointment.id, 'cancel', {}),
      ]) {
        assert.equal(res.statusCode, 404, res.body);
      }
      assert.deepEqual(
        await mine(t, otherProvider.accessToken, `?from=${kigaliToday(t)}&to=${addDays(kigaliToday(t), 30)}`),
        [],
      );
      assert.deepEqual(await mine(t, stranger.accessToken), []);
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/appointments', token: parent.accessToken }))
          .statusCode,
        403,
      );
    });

    it('her cycle summary reaches the provider only if she shares it, computed when read, never her notes', async () => {
      const t = get();
      const girl = await registerUser(t);
      const provider = await bookableProvider(t);
      for (const startDate of ['2026-09-03', '2026-10-01', '2026-10-29']) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/cycles/periods',
          token: girl.accessToken,
          body: { startDate, endDate: addDays(startDate, 4), notes: 'secret words about home' },
        });
        assert.equal(res.statusCode, 201, res.body);
      }
      const shared = await booked(t, girl.accessToken, {
        providerId: provider.id,
        start: (await slotAfter(t, girl.accessToken, provider.id, 600)).start,
        shareSummary: true,
        reason: 'irregular_cycle',
      });
      const notShared = await booked(t, girl.accessToken, {
        providerId: provider.id,
        start: (await slotAfter(t, girl.accessToken, provider.id, 700)).start,
      });
      const withSummary = await getOne(t, provider.accessToken, shared.id);
      assert.equal(withSummary.statusCode, 200);
      const summary = withSummary.json().summary;
      assert.equal(summary.lastPeriodStart, '2026-10-29');
      assert.equal(summary.averageCycleLength, 28);
      assert.ok(summary.nextPeriod.start > '2026-11-20');
      assert.ok(Array.isArray(summary.flags));
      assert.equal(withSummary.body.includes('secret words'), false);
      assert.equal((await getOne(t, provider.accessToken, notShared.id)).json().summary, undefined);

      const today = kigaliToday(t);
      await t.request({
        method: 'POST',
        url: '/api/v1/cycles/periods',
        token: girl.accessToken,
        body: { startDate: today, notes: 'secret words again' },
      });
      const later = await getOne(t, provider.accessToken, shared.id);
      assert.equal(later.json().summary.lastPeriodStart, today, 'computed when read');
      // Once she cancels, the visit is off and her summary is no longer his to read.
      assert.equal((await step(t, girl.accessToken, shared.id, 'cancel', {})).statusCode, 200);
      const afterCancel = await getOne(t, provider.accessToken, shared.id);
      assert.equal(afterCancel.statusCode, 200);
      assert.equal(afterCancel.json().summary, undefined);
      assert.equal(afterCancel.json().changeableUntil, null);
      const log = await t.request({ method: 'GET', url: '/api/v1/me/access-log', token: girl.accessToken });
      assert.ok(
        log
          .json()
          .entries.some(
            (e: { action: string; resource: string }) =>
              e.action === 'appointment.read' && e.resource === 'appointment_with_summary',
          ),
      );
    });

    it('the visit note is in her export, and unreadable once she is erased', async () => {
      const t = get();
      const girl = await registerUser(t);
      const provider = await bookableProvider(t);
      const slot = await slotAfter(t, girl.accessToken, provider.id, 180);
      const appointment = await booked(t, girl.accessToken, { providerId: provider.id, start: slot.start });
      await step(t, provider.accessToken, appointment.id, 'confirm');
      t.clock.advance((Date.parse(slot.start) - t.clock.now().getTime()) / 1000 + 60);
      const p = (await signIn(t, provider)).accessToken;
      await step(t, p, appointment.id, 'complete');
      const text = 'Anaemia suspected: blood test at the health centre';
      assert.equal((await step(t, p, appointment.id, 'note', { text })).statusCode, 200);

      const token = (await signIn(t, girl)).accessToken;
      const json = await t.request({ method: 'GET', url: '/api/v1/me/export', token });
      assert.equal(json.statusCode, 200);
      assert.equal(json.json().appointments[0].visitNote, text);
      const zip = await t.request({ method: 'GET', url: '/api/v1/me/export?format=csv', token });
      const files = unzipSync(new Uint8Array(zip.rawPayload));
      assert.ok(strFromU8(files['appointments.csv'] ?? new Uint8Array()).includes(text));

      const [sealed] = await t.db.raw<{ visit_note_enc: Uint8Array }>(
        `SELECT visit_note_enc FROM appointments WHERE id = '${appointment.id}'`,
      );
      assert.equal(Buffer.from(sealed?.visit_note_enc ?? []).includes(Buffer.from('Anaemia')), false);
      const erase = await t.request({ method: 'DELETE', url: '/api/v1/me', token, body: { pin: girl.pin } });
      assert.equal(erase.statusCode, 204, erase.body);
      const left = await t.db.raw<{ n: number }>(
        `SELECT count(*)::int AS n FROM appointments WHERE id = '${appointment.id}'`,
      );
      assert.equal(left[0]?.n, 0, 'her appointments went with her');
      // A copy kept elsewhere (a backup) stays sealed: her key is gone.
      const services = createServices({ config: t.config, database: t.db.database, clock: t.clock.now });
      await assert.rejects(services.dataProtection.vaultFor(girl.id));
    });

    it('under the consent age, she books only once her guardian has consented', async () => {
      const t = get();
      const young = await registerUser(t, { birthYear: 2014 });
      const provider = await bookableProvider(t);
      const res = await book(t, young.accessToken, {
        providerId: provider.id,
        start: (await slotAfter(t, young.accessToken, provider.id, 600)).start,
      });
      assert.equal(res.statusCode, 403);
      assert.equal(codeOf(res), 'guardian_consent_required');
    });

    it('attacker: a provider books himself into her data through the database', async () => {
      const t = get();
      const girl = await registerUser(t);
      const provider = await bookableProvider(t);
      const slot = await slotAfter(t, girl.accessToken, provider.id, 600);
      const id = randomUUID();
      const now = t.clock.now().toISOString();
      await t.db.raw(
        `INSERT INTO appointments (id, provider_id, patient_id, booked_by, starts_at, ends_at, status, reason_enc,
         share_summary, created_at, updated_at, row_mac)
       VALUES ('${id}', '${provider.id}', '${girl.id}', 'patient', '${slot.start}', '${slot.end}', 'confirmed',
         '\\x${randomBytes(40).toString('hex')}', true, '${now}', '${now}', '\\x${randomBytes(32).toString('hex')}')`,
      );
      const read = await getOne(t, provider.accessToken, id);
      assert.equal(read.statusCode, 404);
      const day = localDate(new Date(slot.start), 'Africa/Kigali');
      assert.deepEqual(await mine(t, provider.accessToken, `?from=${day}&to=${day}`), []);
      assert.deepEqual(await mine(t, girl.accessToken), []);

      // Nor can he widen a real appointment: ticking "share my summary" breaks its seal.
      const real = await booked(t, girl.accessToken, {
        providerId: provider.id,
        start: (await slotAfter(t, girl.accessToken, provider.id, 700)).start,
      });
      assert.equal((await getOne(t, provider.accessToken, real.id)).statusCode, 200);
      await t.db.raw(`UPDATE appointments SET share_summary = true WHERE id = '${real.id}'`);
      assert.equal((await getOne(t, provider.accessToken, real.id)).statusCode, 404);
    });

    it('attacker: a parent without the appointments scope books for her', async () => {
      const t = get();
      const girl = await registerUser(t);
      const parent = await registerUser(t, { role: 'parent', birthYear: 1980 });
      const provider = await bookableProvider(t);
      const slot = await slotAfter(t, girl.accessToken, provider.id, 600);
      // Through the API, with nothing shared with him (the care module's answer: no).
      const res = await book(t, parent.accessToken, {
        providerId: provider.id,
        start: slot.start,
        forUserId: girl.id,
      });
      assert.equal(res.statusCode, 403);
      assert.equal(codeOf(res), 'not_shared');
      const none = await book(t, parent.accessToken, {
        providerId: provider.id,
        start: slot.start,
        forUserId: randomUUID(),
      });
      assert.equal(codeOf(none), 'not_shared', 'the same answer whether or not she exists');
      assert.deepEqual(await mine(t, girl.accessToken), []);
      const self = await book(t, girl.accessToken, {
        providerId: provider.id,
        start: slot.start,
        forUserId: parent.id,
      });
      assert.equal(codeOf(self), 'forbidden', 'she books only for herself');

      // She links him and shares her appointments: he books, cancels, and never reads her note.
      const link = await linked(t, girl, parent, { scopes: ['prediction', 'appointments'] });
      const share = async (scopes: string[]) =>
        assert.equal((await setSharing(t, girl.accessToken, link, scopes)).statusCode, 200);
      const summary = await book(t, parent.accessToken, {
        providerId: provider.id,
        start: slot.start,
        forUserId: girl.id,
        shareSummary: true,
      });
      assert.equal(codeOf(summary), 'forbidden', 'only she shares her summary');
      const byHim = await book(t, parent.accessToken, {
        providerId: provider.id,
        start: slot.start,
        forUserId: girl.id,
      });
      assert.equal(byHim.statusCode, 201, byHim.body);
      const made = byHim.json() as { id: string; bookedBy: string };
      assert.equal(made.bookedBy, 'guardian');
      const hers = await mine(t, girl.accessToken);
      assert.deepEqual(
        hers.map((a) => [a.id, a.bookedBy]),
        [[made.id, 'guardian']],
      );
      // The provider's note is hers: he never reads it, even on the appointment he booked.
      await step(t, provider.accessToken, made.id, 'confirm');
      await step(t, provider.accessToken, made.id, 'note', { text: 'Talked about her worries at home' });
      assert.equal(
        (await getOne(t, girl.accessToken, made.id)).json().visitNote,
        'Talked about her worries at home',
      );
      const his = await getOne(t, parent.accessToken, made.id);
      assert.equal(his.statusCode, 200, his.body);
      assert.equal(his.json().visitNote, null);
      assert.equal(his.body.includes('worries'), false);
      // She stops sharing: on the very next call he can neither see nor change it, nor book again.
      await share(['prediction']);
      assert.equal(codeOf(await getOne(t, parent.accessToken, made.id)), 'not_found');
      assert.equal(codeOf(await step(t, parent.accessToken, made.id, 'cancel', {})), 'not_found');
      const later = await slotAfter(t, girl.accessToken, provider.id, 700);
      const again = await book(t, parent.accessToken, {
        providerId: provider.id,
        start: later.start,
        forUserId: girl.id,
      });
      assert.equal(codeOf(again), 'not_shared');
      await share(['prediction', 'appointments']);
      const cancelled = await step(t, parent.accessToken, made.id, 'cancel', { reason: 'She is better' });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().cancelledBy, 'guardian');
    });
  },
  // Many registrations from one test address (accounts and providers share one hourly quota).
  { config: { rateLimitScale: 10 } },
);
