import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { hash } from '@node-rs/argon2';
import { derivePurposeKey } from '../../src/platform/crypto/purpose-keys.ts';
import { describeEachDatabase, startTestApp, type TestApp } from '../support/app.ts';
import { GOOD_PIN, registerUser } from '../support/factories.ts';

/*
 * Rows written by versions before issue 11 (credential hashes not bound to their account, blind
 * indexes under one shared key, a guardian's id in clear) are brought up to date by the server
 * at start-up, using keys the database never sees, and only the rows the schema owner listed.
 */

/** A PIN hash as versions before binding made it: Argon2id over the PIN under the old pepper. */
async function legacyPinHash(t: TestApp, pin: string): Promise<string> {
  const pepper = derivePurposeKey(t.config.blindIndexKey, 'pin-pepper:v1');
  return hash(createHmac('sha256', pepper).update(pin, 'utf8').digest('base64'), {
    memoryCost: 4096,
    timeCost: 2,
    parallelism: 1,
  });
}

/** What migration 0013 wrote for an account that existed then (the schema owner's list). */
const listAsMigrationDid = (t: TestApp, userId: string) =>
  t.db.raw(
    `INSERT INTO credential_upgrades (user_id, password_digest, pin_digest, role, status)
     SELECT id, sha256(convert_to(password_hash, 'UTF8')), sha256(convert_to(pin_hash, 'UTF8')), role, status
     FROM users WHERE id = '${userId}'`,
  );

const signIn = (t: TestApp, identifier: string, pin: string) =>
  t.request({ method: 'POST', url: '/api/v1/auth/login', body: { identifier, pin } });

describeEachDatabase('data from earlier versions', (get) => {
  it('keeps a pre-binding PIN hash the migration listed working, and re-hashes it at sign-in', async () => {
    const t = get();
    const user = await registerUser(t);
    await t.db.raw(
      `UPDATE users SET pin_hash = '${await legacyPinHash(t, GOOD_PIN)}' WHERE id = '${user.id}'`,
    );
    await listAsMigrationDid(t, user.id);
    const restarted = await startTestApp(t.db, { config: t.config, clock: t.clock });
    try {
      const [wrapped] = await t.db.raw<{ pin_hash: string }>(
        `SELECT pin_hash FROM users WHERE id = '${user.id}'`,
      );
      assert.match(wrapped?.pin_hash ?? '', /^\$lemac\$/, 'sealed by the server at start-up');
      assert.equal((await signIn(restarted, user.email, GOOD_PIN)).statusCode, 200);
      const [fresh] = await t.db.raw<{ pin_hash: string }>(
        `SELECT pin_hash FROM users WHERE id = '${user.id}'`,
      );
      assert.match(fresh?.pin_hash ?? '', /^\$le1\$/, 're-hashed under the account-bound scheme');
      assert.equal((await signIn(restarted, user.email, GOOD_PIN)).statusCode, 200);
    } finally {
      await restarted.app.close();
    }
  });

  it('refuses a hash in the old form that a database writer puts on her row later, even after a restart', async () => {
    const t = get();
    const user = await registerUser(t);
    await t.db.raw(
      `UPDATE users SET pin_hash = '${await legacyPinHash(t, '71946')}' WHERE id = '${user.id}'`,
    );
    const restarted = await startTestApp(t.db, { config: t.config, clock: t.clock });
    try {
      assert.equal((await signIn(restarted, user.email, '71946')).statusCode, 401);
    } finally {
      await restarted.app.close();
    }
  });

  it('keeps signing her in after a new pepper is made active, and re-hashes under it at sign-in', async () => {
    const t = get();
    const user = await registerUser(t);
    const peppers = new Map(t.config.credentialPeppers);
    peppers.set('p2', randomBytes(32));
    const rotated = await startTestApp(t.db, {
      config: { ...t.config, credentialPeppers: peppers, activeCredentialPepper: 'p2' },
      clock: t.clock,
    });
    try {
      assert.equal((await signIn(rotated, user.email, GOOD_PIN)).statusCode, 200);
      const [row] = await t.db.raw<{ pin_hash: string }>(
        `SELECT pin_hash FROM users WHERE id = '${user.id}'`,
      );
      assert.match(row?.pin_hash ?? '', /^\$le1\$p2\$/);
      assert.equal((await signIn(rotated, user.email, GOOD_PIN)).statusCode, 200);
    } finally {
      await rotated.app.close();
    }
  });

  it('drops a hash planted between the migration and the first start, and keeps an account refused if its role was raised', async () => {
    const t = get();
    const user = await registerUser(t);
    await t.db.raw(
      `UPDATE users SET pin_hash = '${await legacyPinHash(t, GOOD_PIN)}' WHERE id = '${user.id}'`,
    );
    await listAsMigrationDid(t, user.id);
    // After db:migrate, before the server starts: a writer plants his own PIN on her row.
    await t.db.raw(
      `UPDATE users SET pin_hash = '${await legacyPinHash(t, '71946')}' WHERE id = '${user.id}'`,
    );
    const other = await registerUser(t);
    await listAsMigrationDid(t, other.id);
    // ... and makes another account an admin.
    await t.db.raw(`UPDATE users SET role = 'admin' WHERE id = '${other.id}'`);
    const restarted = await startTestApp(t.db, { config: t.config, clock: t.clock });
    try {
      assert.equal((await signIn(restarted, user.email, '71946')).statusCode, 401, 'the planted PIN');
      const login = await restarted.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { identifier: other.email, password: other.password },
      });
      assert.equal(login.statusCode, 401, 'a role changed behind the server is never signed');
    } finally {
      await restarted.app.close();
    }
  });

  it('re-indexes phone numbers stored under the old shared blind-index key', async () => {
    const t = get();
    const user = await registerUser(t);
    const legacy = createHmac('sha256', t.config.blindIndexKey)
      .update(`phone\u0000${user.phone}`)
      .digest('hex');
    await t.db.raw(`UPDATE users SET phone_bidx = decode('${legacy}', 'hex') WHERE id = '${user.id}'`);
    await t.db.raw(`DELETE FROM data_upgrades WHERE name = 'blind-index-v2'`);
    assert.equal((await signIn(t, user.phone, GOOD_PIN)).statusCode, 401, 'the old index no longer matches');
    const restarted = await startTestApp(t.db, { config: t.config, clock: t.clock });
    try {
      assert.equal((await signIn(restarted, user.phone, GOOD_PIN)).statusCode, 200);
    } finally {
      await restarted.app.close();
    }
  });
});
