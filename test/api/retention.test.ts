import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { createTestClock, describeEachDatabase } from '../support/app.ts';
import { createAdmin, registerUser, uniquePhone } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

describeEachDatabase('retention job', (get) => {
  it('removes exactly what has expired, run twice in parallel without error or double work', async () => {
    const t = get();
    const now = t.clock.now();
    const user = await registerUser(t, { birthYear: 2004 });
    // The code texted at registration (used, 2 days ago) and its outbox row (8 days ago); a fresh pair kept.
    await t.db.raw('UPDATE verification_codes SET created_at = $1, expires_at = $1, used_at = $1', [
      new Date(now.getTime() - 2 * 86_400_000).toISOString(),
    ]);
    await t.db.raw('UPDATE sms_outbox SET created_at = $1', [
      new Date(now.getTime() - 8 * 86_400_000).toISOString(),
    ]);
    const resend = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone',
      token: user.accessToken,
      body: { phone: uniquePhone(), currentPassword: user.password },
    });
    assert.equal(resend.statusCode, 202);
    // A care link code used two days ago and a provider invitation that expired then; a fresh one
    // of each kept (a code read aloud is worthless once spent, but a day helps answer "did it work?").
    const admin = await createAdmin(t);
    // (Her next code would clear her spent ones: the fresh one is somebody else's.)
    const spoken = async (token: string) => {
      const code = await t.request({ method: 'POST', url: '/api/v1/care/link-codes', token });
      assert.equal(code.statusCode, 201, code.body);
      const invitation = await t.request({
        method: 'POST',
        url: '/api/v1/admin/provider-invitations',
        token: admin.accessToken,
      });
      assert.equal(invitation.statusCode, 201, invitation.body);
    };
    await spoken(user.accessToken);
    const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000).toISOString();
    await t.db.raw('UPDATE care_link_codes SET created_at = $1, used_at = $1', [twoDaysAgo]);
    await t.db.raw('UPDATE provider_invitations SET created_at = $1, expires_at = $1', [twoDaysAgo]);
    await spoken((await registerUser(t, { birthYear: 2004 })).accessToken);
    // A session revoked 40 days ago (expired data), one revoked today (kept), one live (kept).
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    const sessions = await t.db.raw<{ id: string }>(
      'SELECT id FROM sessions WHERE user_id::text = $1 ORDER BY created_at',
      [user.id],
    );
    const day = 86_400_000;
    await t.db.raw('UPDATE sessions SET revoked_at = $2 WHERE id::text = $1', [
      sessions[0]?.id,
      new Date(now.getTime() - 40 * day).toISOString(),
    ]);
    await t.db.raw('UPDATE sessions SET revoked_at = $2 WHERE id::text = $1', [
      sessions[1]?.id,
      now.toISOString(),
    ]);
    // A throttle counter that expired, one still running.
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: 'nobody@test.invalid', password: 'wrong wrong' },
    });
    await t.db.raw(
      `INSERT INTO throttle_counters (key, failures, last_failure_at, expires_at) VALUES ('old', 3, $1, $1)`,
      [new Date(now.getTime() - day).toISOString()],
    );
    // A USSD call that ended long ago, and audit rows older than the retention period.
    const call = phone(() => t.app, user.phone);
    await call.dial();
    await t.db.raw('UPDATE ussd_sessions SET expires_at = $1', [new Date(now.getTime() - day).toISOString()]);
    await t.db.raw(
      `UPDATE audit_log SET at = $1 WHERE seq IN (SELECT seq FROM audit_log ORDER BY seq LIMIT 2)`,
      [new Date(now.getTime() - 3000 * day).toISOString()],
    );
    const auditBefore = await t.db.raw<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');

    const jobs = [0, 1].map(
      () => createServices({ config: t.config, database: t.db.database, clock: t.clock.now }).retention,
    );
    const results = await Promise.all(jobs.map((j) => j.run()));
    const total = (
      k:
        | 'sessions'
        | 'ussdSessions'
        | 'throttleCounters'
        | 'smsCodes'
        | 'smsOutbox'
        | 'linkCodes'
        | 'providerInvitations'
        | 'auditRows',
    ) => results.reduce((sum, r) => sum + (r.purged?.[k] ?? 0), 0);
    assert.ok(results.some((r) => r.ran));
    assert.equal(total('sessions'), 1, 'only the session that ended 40 days ago');
    assert.equal(total('ussdSessions'), 1);
    assert.equal(total('throttleCounters'), 1, 'only the expired counter');
    assert.equal(total('auditRows'), 2);
    assert.equal(total('smsCodes'), 1, 'only the code used two days ago');
    assert.equal(total('smsOutbox'), 1, 'only the text sent eight days ago');
    assert.equal(
      (await t.db.raw('SELECT 1 FROM verification_codes WHERE user_id::text = $1', [user.id])).length,
      1,
      'the fresh code stays',
    );
    assert.equal(total('linkCodes'), 1, 'only the link code used two days ago');
    assert.equal(total('providerInvitations'), 1, 'only the invitation that expired two days ago');
    assert.equal((await t.db.raw('SELECT 1 FROM care_link_codes')).length, 1, 'the fresh link code stays');
    assert.equal(
      (await t.db.raw('SELECT 1 FROM provider_invitations')).length,
      1,
      'the live invitation stays',
    );
    const left = await t.db.raw<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions WHERE user_id::text = $1',
      [user.id],
    );
    assert.equal(left[0]?.n, 2);
    const auditAfter = await t.db.raw<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    assert.equal(auditAfter[0]?.n, (auditBefore[0]?.n ?? 0) - 2);
    const again = await jobs[0]?.run();
    assert.deepEqual(again?.purged, {
      sessions: 0,
      ussdSessions: 0,
      throttleCounters: 0,
      guardianCodes: 0,
      smsCodes: 0,
      smsOutbox: 0,
      linkCodes: 0,
      providerInvitations: 0,
      auditRows: 0,
    });
    const { audit } = createServices({ config: t.config, database: t.db.database });
    assert.equal((await audit.verify()).ok, true, 'the chain still verifies from its oldest remaining row');
  });

  it('the schedule makes one run per period across instances; a run on demand runs whatever the record says', async () => {
    const t = get();
    // Their own clock: the hour passes for these two instances only.
    const clock = createTestClock(t.clock.now());
    const [a, b] = [0, 1].map(
      () => createServices({ config: t.config, database: t.db.database, clock: clock.now }).retention,
    );
    const expire = async (key: string) =>
      t.db.raw(
        `INSERT INTO throttle_counters (key, failures, last_failure_at, expires_at) VALUES ($1, 1, $2, $2)`,
        [key, new Date(clock.now().getTime() - 60_000).toISOString()],
      );
    const counterLeft = async (key: string) =>
      (await t.db.raw('SELECT 1 FROM throttle_counters WHERE key = $1', [key])).length === 1;
    await t.db.raw(`DELETE FROM job_runs`);

    await expire('sched-1');
    const first = await Promise.all([a?.runIfDue(), b?.runIfDue()]);
    assert.equal(first.filter((r) => r?.ran).length, 1, 'one of the two ticks runs it');
    assert.equal(await counterLeft('sched-1'), false);

    // Each instance ticks again within the hour: the record says it was done.
    await expire('sched-2');
    clock.advance(30 * 60);
    assert.deepEqual(await b?.runIfDue(), { ran: false, purged: undefined, reason: 'recent' });
    clock.advance(24 * 60);
    assert.equal((await a?.runIfDue())?.ran, false, '54 minutes after the run');
    assert.equal(await counterLeft('sched-2'), true, 'nothing was purged by the skipped ticks');
    const recorded = await t.db.raw<{ n: number }>('SELECT count(*)::int AS n FROM job_runs');
    assert.equal(recorded[0]?.n, 1, 'one row per job');

    // On demand (npm run retention:run): runs now.
    const forced = await a?.run();
    assert.equal(forced?.ran, true);
    assert.ok((forced?.purged?.throttleCounters ?? 0) >= 1);
    assert.equal(await counterLeft('sched-2'), false);

    // The next period: due again 55 minutes after the last run, on whichever instance ticks.
    await expire('sched-3');
    clock.advance(54 * 60);
    assert.equal((await b?.runIfDue())?.ran, false);
    clock.advance(60);
    assert.equal((await b?.runIfDue())?.ran, true);
    assert.equal(await counterLeft('sched-3'), false);
  });
});
