import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { registerUser } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

// The test clock starts at 2026-11-28T08:00Z: 10:00 on the 28th in Kigali, her "today".
const TODAY = '2026-11-28';

/** Every way a column value could spell her day: ISO text, a timestamp, bytes holding either. */
function spellings(value: unknown): string[] {
  if (value instanceof Date) return [value.toISOString()];
  if (value instanceof Uint8Array) {
    const bytes = Buffer.from(value);
    return [bytes.toString('hex'), bytes.toString('latin1')];
  }
  return [String(value)];
}

const HEALTH_WORDS = /cycle|period|day|symptom|flow|mood|pain/i;

type Entry = { action: string; resource: string | null; channel: string; actor: { label: string } };

async function accessLog(t: TestApp, token: string): Promise<Entry[]> {
  const res = await t.request({ method: 'GET', url: '/api/v1/me/access-log', token });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().entries;
}

const readsOf = (log: Entry[], channel: string) =>
  log
    .filter((e) => e.action === 'health_data.read' && e.channel === channel)
    .map((e) => e.resource)
    .sort();

describeEachDatabase('her health timeline, as a database reader sees it', (get) => {
  it('keeps no date of her period in clear and audits changes without saying what changed', async () => {
    const t = get();
    const her = await registerUser(t, { birthYear: 2006 });
    const period = await t.request({
      method: 'POST',
      url: '/api/v1/cycles/periods',
      token: her.accessToken,
      body: {},
    });
    assert.equal(period.statusCode, 201, period.body);
    assert.equal(period.json().startDate, TODAY, 'the period starts on her today');
    const day = await t.request({
      method: 'PUT',
      url: `/api/v1/cycles/days/${TODAY}`,
      token: her.accessToken,
      body: { flow: 'heavy', symptoms: ['cramps'], pain: 6 },
    });
    assert.equal(day.statusCode, 200, day.body);

    for (const table of ['periods', 'day_logs']) {
      const dated = await t.db.raw<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1
           AND (data_type LIKE 'timestamp%' OR data_type IN ('date', 'time', 'interval')
                OR column_name IN ('created_at', 'updated_at'))`,
        [table],
      );
      assert.deepEqual(dated, [], `${table} has no date or time column`);
      const rows = await t.db.raw<Record<string, unknown>>(
        `SELECT * FROM ${table} WHERE user_id::text = $1`,
        [her.id],
      );
      assert.equal(rows.length, 1, `her row in ${table}`);
      for (const [column, value] of Object.entries(rows[0] ?? {})) {
        for (const text of spellings(value)) {
          assert.ok(
            !text.includes(TODAY) && !text.includes(TODAY.replaceAll('-', '')),
            `${table}.${column} holds her day`,
          );
        }
      }
    }

    const audit = await t.db.raw<{ action: string; resource: string | null }>(
      'SELECT action, resource FROM audit_log WHERE subject_id::text = $1 OR actor_id::text = $1',
      [her.id],
    );
    for (const row of audit) {
      assert.doesNotMatch(row.action, HEALTH_WORDS, `audit action ${row.action} names what she logged`);
      // A read names the view she opened (her periods list), never anything about her health.
      if (row.action !== 'health_data.read')
        assert.doesNotMatch(row.resource ?? '', HEALTH_WORDS, `audit resource ${row.resource}`);
    }
    const writes = (await accessLog(t, her.accessToken)).filter((e) => e.action === 'health_data.write');
    assert.equal(writes.length, 2, 'each change is still in her access log');
    assert.ok(
      writes.every((e) => e.actor.label === 'you' && e.resource === null),
      'as "you changed your health data"',
    );
  });

  it('shows reads of her health data in her access log, once per session, day and kind', async () => {
    const t = get();
    const her = await registerUser(t, { birthYear: 2006 });
    await t.request({
      method: 'POST',
      url: '/api/v1/cycles/periods',
      token: her.accessToken,
      body: { startDate: '2026-11-10', endDate: '2026-11-14' },
    });
    const views = [
      '/api/v1/cycles/periods',
      '/api/v1/cycles/days?from=2026-11-01&to=2026-11-28',
      '/api/v1/cycles/prediction',
      '/api/v1/cycles/calendar?month=2026-11',
      '/api/v1/cycles/stats',
    ];
    for (let round = 0; round < 2; round++) {
      for (const url of views) {
        const res = await t.request({ method: 'GET', url, token: her.accessToken });
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      }
    }
    const log = await accessLog(t, her.accessToken);
    assert.deepEqual(
      readsOf(log, 'api'),
      ['calendar', 'day_logs', 'periods', 'prediction', 'stats'],
      'one entry per kind of read, not one per request',
    );
    assert.ok(log.filter((e) => e.action === 'health_data.read').every((e) => e.actor.label === 'you'));

    // A new day is a new entry, in the same session (its access token renewed meanwhile).
    t.clock.advance(24 * 3600);
    const renewed = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: her.refreshToken },
    });
    assert.equal(renewed.statusCode, 200, renewed.body);
    const token = renewed.json().accessToken;
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/cycles/prediction', token })).statusCode,
      200,
    );
    const later = await accessLog(t, token);
    assert.equal(readsOf(later, 'api').filter((r) => r === 'prediction').length, 2);
  });

  it('shows the phone menu’s reads of her prediction and summary, once a day', async () => {
    const t = get();
    const her = await registerUser(t, { birthYear: 2006 });
    const call = phone(() => t.app, her.phone);
    await call.dial();
    assert.match(await call.send(her.pin), /Main menu/);
    await call.send('4', '0', '4', '0', '5', '0', '5');
    await call.hangUp();
    const log = await accessLog(t, her.accessToken);
    assert.deepEqual(readsOf(log, 'ussd'), ['prediction', 'stats']);
    assert.ok(
      log
        .filter((e) => e.channel === 'ussd' && e.action === 'health_data.read')
        .every((e) => e.actor.label === 'you'),
    );
  });
});
