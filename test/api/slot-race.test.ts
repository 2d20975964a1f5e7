import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { localDate } from '../../src/platform/time.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { slotAfter } from '../support/appointments.ts';
import { registerUser } from '../support/factories.ts';
import { book, bookableProvider, booked, freeSlotsOf, setAvailability } from '../support/providers.ts';

const tomorrow = (t: TestApp) => localDate(new Date(t.clock.now().getTime() + 86_400_000), 'Africa/Kigali');

/** A row as someone with the database password would write it (no valid MAC: the constraint does not care). */
async function insertRaw(
  t: TestApp,
  row: { providerId: string; patientId: string; start: string; end: string; status?: string },
): Promise<void> {
  const now = t.clock.now().toISOString();
  await t.db.raw(
    `INSERT INTO appointments (id, provider_id, patient_id, booked_by, starts_at, ends_at, status, reason_enc,
       share_summary, created_at, updated_at, row_mac)
     VALUES ('${randomUUID()}', '${row.providerId}', '${row.patientId}', 'patient', '${row.start}', '${row.end}',
       '${row.status ?? 'requested'}', '\\x${randomBytes(16).toString('hex')}', false, '${now}', '${now}',
       '\\x${randomBytes(32).toString('hex')}')`,
  );
}

async function refusedByConstraint(attempt: Promise<unknown>): Promise<void> {
  await assert.rejects(attempt, (error: { code?: string; message?: string }) => {
    assert.ok(
      error.code === '23P01' || /appointments_no_double_booking/.test(String(error.message)),
      `expected the exclusion constraint, got ${error.code}: ${error.message}`,
    );
    return true;
  });
}

describeEachDatabase(
  'no double booking, ever',
  (get) => {
    it('50 people booking one slot at once: exactly one 201, 49 × 409 slot_taken', async () => {
      const t = get();
      const provider = await bookableProvider(t);
      const girls = await Promise.all(
        Array.from({ length: 50 }, () => registerUser(t, {}, { verifyPhone: false })),
      );
      const slot = await slotAfter(t, girls[0]?.accessToken ?? '', provider.id, 600);
      const answers = await Promise.all(
        girls.map((girl) => book(t, girl.accessToken, { providerId: provider.id, start: slot.start })),
      );
      const statuses = answers.map((a) =>
        a.statusCode === 201 ? '201' : `${a.statusCode} ${a.json().code}`,
      );
      assert.equal(statuses.filter((s) => s === '201').length, 1, statuses.join(', '));
      assert.equal(statuses.filter((s) => s === '409 slot_taken').length, 49, statuses.join(', '));
      const rows = await t.db.raw<{ n: number }>(
        `SELECT count(*)::int AS n FROM appointments WHERE provider_id = '${provider.id}'`,
      );
      assert.equal(rows[0]?.n, 1);
    });

    it('slots of different lengths overlap and conflict: the provider changed the slot length between bookings', async () => {
      const t = get();
      const girl = await registerUser(t);
      const other = await registerUser(t);
      const provider = await bookableProvider(t);
      const day = tomorrow(t);
      // 30-minute slots: 09:00–09:30 and 10:00–10:30 Kigali (07:00Z, 08:00Z).
      await booked(t, girl.accessToken, { providerId: provider.id, start: `${day}T07:00:00.000Z` });
      await booked(t, girl.accessToken, { providerId: provider.id, start: `${day}T08:00:00.000Z` });
      await setAvailability(t, provider, { slotMinutes: 45 });
      // 45-minute grid from 08:00: 08:00, 08:45, 09:30, 10:15… (06:00Z, 06:45Z, 07:30Z, 08:15Z).
      const free = (await freeSlotsOf(t, other.accessToken, provider.id, `?from=${day}&to=${day}`)).map(
        (s) => s.start,
      );
      assert.ok(free.includes(`${day}T06:00:00.000Z`));
      assert.ok(!free.includes(`${day}T06:45:00.000Z`), '08:45–09:30 overlaps 09:00–09:30');
      assert.ok(!free.includes(`${day}T07:30:00.000Z`), '09:30–10:15 overlaps 10:00–10:30');
      assert.ok(!free.includes(`${day}T08:15:00.000Z`), '10:15–11:00 overlaps 10:00–10:30');
      assert.ok(free.includes(`${day}T09:00:00.000Z`));
      // Booked anyway (a client holding an old list): the database refuses the overlap.
      const overlap = await book(t, other.accessToken, {
        providerId: provider.id,
        start: `${day}T06:45:00.000Z`,
      });
      assert.equal(overlap.statusCode, 409);
      assert.equal(overlap.json().code, 'slot_taken');
      const fits = await book(t, other.accessToken, {
        providerId: provider.id,
        start: `${day}T06:00:00.000Z`,
      });
      assert.equal(fits.statusCode, 201, fits.body);
      assert.equal(fits.json().end, `${day}T06:45:00.000Z`);
    });

    it('the database itself refuses overlapping live appointments, however the rows arrive', async () => {
      const t = get();
      const girl = await registerUser(t);
      const provider = await bookableProvider(t);
      const otherProvider = await bookableProvider(t);
      const day = tomorrow(t);
      const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;
      await insertRaw(t, {
        providerId: provider.id,
        patientId: girl.id,
        start: at('10:00'),
        end: at('10:30'),
      });
      // Same start, longer, shorter, straddling: all refused.
      for (const [start, end] of [
        ['10:00', '10:30'],
        ['09:45', '10:15'],
        ['10:10', '10:20'],
        ['09:00', '11:00'],
      ] as const) {
        await refusedByConstraint(
          insertRaw(t, { providerId: provider.id, patientId: girl.id, start: at(start), end: at(end) }),
        );
      }
      // Touching is not overlapping; another provider's time is his own; a cancelled row holds nothing.
      await insertRaw(t, {
        providerId: provider.id,
        patientId: girl.id,
        start: at('10:30'),
        end: at('11:00'),
      });
      await insertRaw(t, {
        providerId: otherProvider.id,
        patientId: girl.id,
        start: at('10:00'),
        end: at('10:30'),
      });
      await insertRaw(t, {
        providerId: provider.id,
        patientId: girl.id,
        start: at('10:00'),
        end: at('10:30'),
        status: 'cancelled',
      });
      // …until someone makes it live again.
      await refusedByConstraint(
        t.db.raw(
          `UPDATE appointments SET status = 'confirmed' WHERE provider_id = '${provider.id}' AND status = 'cancelled'`,
        ),
      );
      // And the API agrees: that time is taken.
      const res = await book(t, girl.accessToken, { providerId: provider.id, start: at('10:00') });
      assert.equal(res.json().code, 'slot_taken');
    });
  },
  // Fifty registrations from one test address: well within ten times the hourly limit.
  { config: { rateLimitScale: 10 } },
);
