import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { describeEachDatabase } from '../support/app.ts';
import { secretEnv } from '../support/env.ts';
import { registerUser } from '../support/factories.ts';

describeEachDatabase('master key rotation', (get, kind) => {
  it('re-wraps every data key under the new master key without touching the data', async () => {
    const t = get();
    const users = [await registerUser(t), await registerUser(t)];
    const before = await t.db.raw<{ id: string; name_enc: unknown }>(
      'SELECT id, name_enc::text FROM users ORDER BY id',
    );
    const newKey = randomBytes(32);
    const rotatedConfig = {
      ...t.config,
      masterKeys: new Map([...t.config.masterKeys, ['t2', newKey]]),
      activeMasterKeyId: 't2',
    };

    if (kind === 'postgres' && t.db.url) {
      // The operator's command, as documented: both keys configured, the new one active.
      const cli = spawnSync(process.execPath, ['src/cli/keys-rotate.ts'], {
        env: { ...process.env, DATABASE_URL: t.db.url, ...secretEnv(rotatedConfig) },
        encoding: 'utf8',
      });
      assert.equal(cli.status, 0, cli.stderr);
      assert.match(cli.stdout, /Re-wrapped \d+ data keys under master key t2/);
    } else {
      const services = createServices({ config: rotatedConfig, database: t.db.database });
      const { rewrapped } = await services.dataProtection.rewrapAll(new Date());
      assert.ok(rewrapped >= users.length);
    }

    const keys = await t.db.raw<{ master_key_id: string }>('SELECT DISTINCT master_key_id FROM user_keys');
    assert.deepEqual(
      keys.map((k) => k.master_key_id),
      ['t2'],
    );
    const after = await t.db.raw<{ id: string; name_enc: unknown }>(
      'SELECT id, name_enc::text FROM users ORDER BY id',
    );
    assert.deepEqual(after, before, 'data rows are unchanged');

    // With the old master key gone entirely, every profile still opens.
    const onlyNew = createServices({
      config: { ...t.config, masterKeys: new Map([['t2', newKey]]), activeMasterKeyId: 't2' },
      database: t.db.database,
    });
    for (const u of users) assert.equal((await onlyNew.users.get(u.id)).name, u.name);
  });
});
