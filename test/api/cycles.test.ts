import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { registerUser } from '../support/factories.ts';

// The test clock starts at 2026-11-28T08:00Z (10:00 in Kigali).
const SIX_PERIODS = [
  ['2026-06-22', '2026-06-26'],
  ['2026-07-20', '2026-07-24'],
  ['2026-08-17', '2026-08-21'],
  ['2026-09-14', '2026-09-18'],
  ['2026-10-13', '2026-10-17'],
  ['2026-11-10', '2026-11-14'],
] as const;

async function logPeriods(t: TestApp, token: string, periods: ReadonlyArray<readonly [string, string]>) {
  const ids: string[] = [];
  for (const [startDate, endDate] of periods) {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/cycles/periods',
      token,
      body: { startDate, endDate, flow: 'medium', notes: 'cramps at school' },
    });
    assert.equal(res.statusCode, 201, res.body);
    ids.push(res.json().id);
  }
  return ids;
}

const get = (t: TestApp, token: string, url: string) => t.request({ method: 'GET', url, token });

describeEachDatabase('cycle tracking through the API', (app) => {
  it('logs six periods and reads prediction, calendar and stats', async () => {
    const t = app();
    const user = await registerUser(t);
    await logPeriods(t, user.accessToken, SIX_PERIODS);
    await t.request({
      method: 'PUT',
      url: '/api/v1/cycles/days/2026-11-11',
      token: user.accessToken,
      body: { flow: 'heavy', symptoms: ['cramps', 'fatigue'], mood: 'sad', pain: 6, notes: 'stayed home' },
    });
    await t.request({
      method: 'PUT',
      url: '/api/v1/cycles/days/2026-11-12',
      token: user.accessToken,
      body: { symptoms: ['cramps'], otherSymptoms: ['Back pain'] },
    });

    const prediction = await get(t, user.accessToken, '/api/v1/cycles/prediction');
    assert.equal(prediction.statusCode, 200, prediction.body);
    const p = prediction.json();
    assert.equal(p.status, 'ok');
    assert.equal(p.today, '2026-11-28');
    assert.ok(p.nextPeriod.start > '2026-12-05' && p.nextPeriod.start < '2026-12-11', p.nextPeriod.start);
    assert.ok(p.nextPeriod.earliest <= p.nextPeriod.start && p.nextPeriod.start <= p.nextPeriod.latest);
    assert.ok(p.averageCycleLength > 27.5 && p.averageCycleLength < 28.6);
    assert.equal(p.phase.cycleDay, 19, '2026-11-10 is day 1');
    assert.ok(['fertile', 'luteal'].includes(p.phase.name));
    assert.ok(p.fertileWindow.start < p.ovulation.date || p.fertileWindow.start === p.ovulation.date);

    const calendar = await get(t, user.accessToken, '/api/v1/cycles/calendar?month=2026-11');
    assert.equal(calendar.statusCode, 200, calendar.body);
    const days = calendar.json().days as Array<{
      date: string;
      phase: string | null;
      loggedPeriod: boolean;
      today: boolean;
      hasLog: boolean;
    }>;
    assert.equal(days.length, 30);
    assert.deepEqual(
      days.filter((d) => d.loggedPeriod).map((d) => d.date),
      ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14'],
    );
    assert.deepEqual(
      days.filter((d) => d.today).map((d) => d.date),
      ['2026-11-28'],
    );
    assert.ok(
      days.every((d) => d.phase !== null),
      'every day has a phase',
    );
    assert.deepEqual(
      days.filter((d) => d.hasLog).map((d) => d.date),
      ['2026-11-11', '2026-11-12'],
    );
    const december = (await get(t, user.accessToken, '/api/v1/cycles/calendar?month=2026-12')).json();
    assert.ok(
      december.days.some((d: { predictedPeriod: boolean }) => d.predictedPeriod),
      'next period shown ahead',
    );

    const stats = await get(t, user.accessToken, '/api/v1/cycles/stats');
    assert.equal(stats.statusCode, 200, stats.body);
    const s = stats.json();
    assert.deepEqual(
      s.cycles.map((c: { length: number }) => c.length),
      [28, 28, 28, 29, 28],
    );
    assert.equal(s.loggedDays, 2);
    assert.deepEqual(s.symptomFrequencies[0], { symptom: 'cramps', days: 2, share: 1, inCycles: 1 });
    assert.ok(s.symptomFrequencies.some((f: { symptom: string }) => f.symptom === 'back pain'));

    const logged = await get(t, user.accessToken, '/api/v1/cycles/days?from=2026-11-01&to=2026-11-30');
    assert.deepEqual(
      logged.json().days.map((d: { date: string }) => d.date),
      ['2026-11-11', '2026-11-12'],
    );
    assert.equal(logged.json().days[0].notes, 'stayed home');
  });

  it('keeps her logs unreadable in the raw tables', async () => {
    const t = app();
    const user = await registerUser(t);
    await logPeriods(t, user.accessToken, SIX_PERIODS.slice(0, 2));
    await t.request({
      method: 'PUT',
      url: '/api/v1/cycles/days/2026-07-21',
      token: user.accessToken,
      body: { symptoms: ['nausea'], notes: 'secret diary words' },
    });
    let dump = '';
    for (const table of ['periods', 'day_logs']) {
      const rows = await t.db.raw(`SELECT t::text AS line FROM ${table} t WHERE user_id = $1`, [user.id]);
      assert.ok(rows.length > 0);
      dump += rows.map((r) => String(r.line)).join('\n');
    }
    const decoded = Buffer.from(dump.replace(/[^0-9a-f]/g, ''), 'hex').toString('latin1');
    for (const secret of [
      '2026-06-22',
      '2026-07-21',
      'cramps at school',
      'nausea',
      'secret diary words',
      'medium',
    ]) {
      assert.ok(!dump.includes(secret) && !decoded.includes(secret), `${secret} readable at rest`);
    }
  });

  it("keeps each woman's periods her own", async () => {
    const t = app();
    const owner = await registerUser(t);
    const other = await registerUser(t);
    const [id] = await logPeriods(t, owner.accessToken, [['2026-10-01', '2026-10-05']]);
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/v1/cycles/periods/${id}`,
      token: other.accessToken,
      body: { endDate: '2026-10-06' },
    });
    assert.equal(patch.statusCode, 404);
    const del = await t.request({
      method: 'DELETE',
      url: `/api/v1/cycles/periods/${id}`,
      token: other.accessToken,
    });
    assert.equal(del.statusCode, 404);
    assert.deepEqual((await get(t, other.accessToken, '/api/v1/cycles/periods')).json().periods, []);
    assert.equal((await get(t, owner.accessToken, '/api/v1/cycles/periods')).json().periods.length, 1);
    const parent = await registerUser(t, { role: 'parent' });
    assert.equal((await get(t, parent.accessToken, '/api/v1/cycles/prediction')).statusCode, 403);
  });

  it('refuses future dates, overlaps and reversed ranges, and asks before accepting unusual lengths', async () => {
    const t = app();
    const user = await registerUser(t);
    const post = (body: object) =>
      t.request({ method: 'POST', url: '/api/v1/cycles/periods', token: user.accessToken, body });
    assert.equal((await post({ startDate: '2026-11-29' })).json().code, 'date_in_future');
    assert.equal(
      (await post({ startDate: '2026-11-20', endDate: '2026-11-30' })).json().code,
      'date_in_future',
    );
    assert.equal(
      (await post({ startDate: '2026-11-20', endDate: '2026-11-18' })).json().code,
      'invalid_date_range',
    );
    assert.equal((await post({ startDate: '2026-10-01', endDate: '2026-10-05' })).statusCode, 201);
    const overlap = await post({ startDate: '2026-10-04', endDate: '2026-10-08' });
    assert.equal(overlap.statusCode, 409);
    assert.equal(overlap.json().code, 'period_overlap');
    const soon = await post({ startDate: '2026-10-12', endDate: '2026-10-14' });
    assert.equal(soon.statusCode, 422);
    assert.equal(soon.json().code, 'confirmation_required');
    const long = await post({ startDate: '2026-11-01', endDate: '2026-11-14' });
    assert.equal(long.json().code, 'confirmation_required');
    assert.equal(
      (await post({ startDate: '2026-11-01', endDate: '2026-11-14', confirm: true })).statusCode,
      201,
    );
    const futureDay = await t.request({
      method: 'PUT',
      url: '/api/v1/cycles/days/2026-11-29',
      token: user.accessToken,
      body: { pain: 2 },
    });
    assert.equal(futureDay.json().code, 'date_in_future');
    const bad = await t.request({
      method: 'PUT',
      url: '/api/v1/cycles/days/2026-11-02',
      token: user.accessToken,
      body: { pain: 11, symptoms: ['sneezing'] },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(
      (await get(t, user.accessToken, '/api/v1/cycles/periods')).json().periods.length,
      2,
      'refused requests stored nothing',
    );
  });

  it('recomputes the prediction when a period is edited or deleted', async () => {
    const t = app();
    const user = await registerUser(t);
    const ids = await logPeriods(t, user.accessToken, SIX_PERIODS);
    const before = (await get(t, user.accessToken, '/api/v1/cycles/prediction')).json();
    const lastId = ids.at(-1);
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/cycles/periods/${lastId}`,
      token: user.accessToken,
      body: { startDate: '2026-11-06', confirm: true },
    });
    assert.equal(edit.statusCode, 200, edit.body);
    const edited = (await get(t, user.accessToken, '/api/v1/cycles/prediction')).json();
    assert.ok(
      edited.nextPeriod.start < before.nextPeriod.start,
      `${edited.nextPeriod.start} < ${before.nextPeriod.start}`,
    );
    assert.equal(
      (
        await t.request({
          method: 'DELETE',
          url: `/api/v1/cycles/periods/${lastId}`,
          token: user.accessToken,
        })
      ).statusCode,
      204,
    );
    const deleted = (await get(t, user.accessToken, '/api/v1/cycles/prediction')).json();
    assert.ok(deleted.nextPeriod.start < '2026-11-20', 'the prediction now follows the October period');
    assert.equal(deleted.phase.name, 'late');
    assert.ok(deleted.phase.lateByDays > 0);
  });

  it('gives a plain cold-start answer before three cycles', async () => {
    const t = app();
    const user = await registerUser(t);
    const none = (await get(t, user.accessToken, '/api/v1/cycles/prediction')).json();
    assert.equal(none.status, 'insufficient_data');
    assert.equal(none.nextPeriod, null);
    await logPeriods(t, user.accessToken, SIX_PERIODS.slice(-2));
    const few = (await get(t, user.accessToken, '/api/v1/cycles/prediction')).json();
    assert.equal(few.status, 'insufficient_data');
    assert.ok(few.nextPeriod.start > '2026-11-28');
  });

  it('uses her local date: 00:30 in Kigali is already tomorrow', async () => {
    const t = app();
    const user = await registerUser(t);
    const signIn = async () =>
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          body: { identifier: user.email, password: user.password },
        })
      ).json().accessToken as string;
    t.clock.advance(13.5 * 3600); // 2026-11-28T21:30Z = 23:30 in Kigali
    const lateEvening = await t.request({
      method: 'POST',
      url: '/api/v1/cycles/periods',
      token: await signIn(),
      body: {},
    });
    assert.equal(lateEvening.json().startDate, '2026-11-28');
    t.clock.advance(3600); // 22:30Z: still the 28th in UTC, already the 29th in Kigali
    const token = await signIn();
    const day = await t.request({
      method: 'PUT',
      url: '/api/v1/cycles/days/2026-11-29',
      token,
      body: { pain: 3 },
    });
    assert.equal(day.statusCode, 200, day.body);
    assert.equal((await get(t, token, '/api/v1/cycles/prediction')).json().today, '2026-11-29');
    t.clock.advance(-14.5 * 3600);
  });
});
