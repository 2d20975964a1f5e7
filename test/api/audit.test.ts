import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { it } from 'node:test';
import { describeEachDatabase } from '../support/app.ts';
import { secretEnv } from '../support/env.ts';
import { registerUser } from '../support/factories.ts';

describeEachDatabase('audit trail', (get, kind) => {
  it('records authentication events without personal data', async () => {
    const t = get();
    const user = await registerUser(t);
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: 'a wrong password' },
    });
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: user.accessToken });
    const rows = await t.db.raw<{ action: string; outcome: string; subject_id: string }>(
      'SELECT action, outcome, subject_id FROM audit_log WHERE subject_id = $1 ORDER BY seq',
      [user.id],
    );
    assert.deepEqual(
      rows.map((r) => `${r.action}:${r.outcome}`),
      ['account.register:success', 'auth.login:failure', 'auth.login:success', 'auth.logout:success'],
    );
    const all = JSON.stringify(await t.db.raw('SELECT * FROM audit_log'));
    assert.ok(!all.includes(user.email) && !all.includes(user.phone.slice(4)) && !all.includes(user.name));
  });

  it('verifies an untouched chain and names the row altered by SQL', async () => {
    const t = get();
    for (let i = 0; i < 3; i++) await registerUser(t);
    const { createServices } = await import('../../src/app.ts');
    const { audit } = createServices({ config: t.config, database: t.db.database });
    const intact = await audit.verify();
    assert.equal(intact.ok, true);
    assert.ok(intact.rows >= 3);

    const [victim] = await t.db.raw<{ seq: number; id: string; action: string }>(
      'SELECT seq, id, action FROM audit_log ORDER BY seq OFFSET 1 LIMIT 1',
    );
    assert.ok(victim);
    await t.db.raw(`UPDATE audit_log SET action = 'auth.nothing_to_see' WHERE id = $1`, [victim.id]);
    const broken = await audit.verify();
    assert.equal(broken.ok, false);
    assert.equal(!broken.ok && broken.brokenAt.id, victim.id);

    if (kind === 'postgres' && t.db.url) {
      // The operator's command says the same, naming the row, and exits non-zero.
      const cli = spawnSync(process.execPath, ['src/cli/audit-verify.ts'], {
        env: { ...process.env, DATABASE_URL: t.db.url, ...secretEnv(t.config) },
        encoding: 'utf8',
      });
      assert.equal(cli.status, 1, cli.stderr);
      assert.match(cli.stderr, new RegExp(`seq=${victim.seq} id=${victim.id}`));
      await t.db.raw('UPDATE audit_log SET action = $2 WHERE id = $1', [victim.id, victim.action]);
      const ok = spawnSync(process.execPath, ['src/cli/audit-verify.ts'], {
        env: { ...process.env, DATABASE_URL: t.db.url, ...secretEnv(t.config) },
        encoding: 'utf8',
      });
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /intact/);
    }
    await t.db.raw('UPDATE audit_log SET action = $2 WHERE id = $1', [victim.id, victim.action]);
    assert.equal((await audit.verify()).ok, true, 'restoring the row mends the chain');
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const t = get();
    const { createServices } = await import('../../src/app.ts');
    const writers = [0, 1].map(() => createServices({ config: t.config, database: t.db.database }).audit);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        writers[i % 2]?.record(
          { channel: 'api', requestId: `r${i}` },
          { action: 'test.concurrent', outcome: 'success' },
        ),
      ),
    );
    const result = await writers[0]?.verify();
    assert.equal(result?.ok, true, JSON.stringify(result));
    const rows = await t.db.raw<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.concurrent'",
    );
    assert.equal(rows[0]?.n, 60);
  });

  it('detects a deleted row in the middle of the chain', async () => {
    const t = get();
    for (let i = 0; i < 3; i++) await registerUser(t);
    const [victim] = await t.db.raw<{ seq: number }>(
      'SELECT seq FROM audit_log ORDER BY seq DESC OFFSET 1 LIMIT 1',
    );
    assert.ok(victim);
    await t.db.raw('DELETE FROM audit_log WHERE seq = $1', [victim.seq]);
    const { createServices } = await import('../../src/app.ts');
    const result = await createServices({ config: t.config, database: t.db.database }).audit.verify();
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.brokenAt.seq > victim.seq);
  });
});
