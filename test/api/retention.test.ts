import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { describeEachDatabase } from '../support/app.ts';
import { registerUser } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

describeEachDatabase('retention job', (get) => {
  it('removes exactly what has expired, run twice in parallel without error or double work', async () => {
    const t = get();
    const now = t.clock.now();
    const user = await registerUser(t, { birthYear: 2004 });
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
    const total = (k: 'sessions' | 'ussdSessions' | 'throttleCounters' | 'auditRows') =>
      results.reduce((sum, r) => sum + (r.purged?.[k] ?? 0), 0);
    assert.ok(results.some((r) => r.ran));
    assert.equal(total('sessions'), 1, 'only the session that ended 40 days ago');
    assert.equal(total('ussdSessions'), 1);
    assert.equal(total('throttleCounters'), 1, 'only the expired counter');
    assert.equal(total('auditRows'), 2);
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
      auditRows: 0,
    });
    const { audit } = createServices({ config: t.config, database: t.db.database });
    assert.equal((await audit.verify()).ok, true, 'the chain still verifies from its oldest remaining row');
  });
});
