import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import {
  childView,
  confirmLink,
  enterCode,
  girlOf,
  linked,
  linksOf,
  logHerCycle,
  makeCode,
  parentOf,
  setSharing,
  unlink,
} from '../support/care.ts';
import { type Registered, signIn } from '../support/factories.ts';

/*
 * Issue 13, care links, from the attacker's side: a stranger who overheard her code, a parent
 * who wants more than she shares, someone with the database password, a code guesser, a girl
 * linking to herself.
 */

const PARTS = ['prediction', 'periods', 'symptoms', 'flags', 'appointments'];

/** Everything an adult could ask about her: each answer must be 404 (as if she did not exist). */
async function assertSeesNothing(t: TestApp, adult: Registered, girlId: string): Promise<void> {
  const children = await t.request({ method: 'GET', url: '/api/v1/care/children', token: adult.accessToken });
  assert.deepEqual(children.json(), { children: [] });
  for (const part of ['', ...PARTS]) {
    const res = await childView(t, adult.accessToken, girlId, part);
    assert.equal(res.statusCode, 404, `${part || 'summary'}: ${res.body}`);
    assert.equal(res.json().code, 'not_found');
  }
}

/** Raw SQL as someone with the database password but no server key would write it. */
const asDbWriter = (t: TestApp, text: string) => t.db.raw(text);

describeEachDatabase('care links under attack', (get) => {
  it('a stranger with an overheard code sees nothing of her before she confirms, and nothing once she refuses', async () => {
    const t = get();
    const girl = await girlOf(t);
    const stranger = await parentOf(t, 'Someone Else');
    await logHerCycle(t, girl);
    const code = await makeCode(t, girl.accessToken);
    const entered = await enterCode(t, stranger.accessToken, code);
    assert.equal(entered.statusCode, 201, entered.body);
    const id = entered.json().id;
    await assertSeesNothing(t, stranger, girl.id);
    const selfConfirm = await confirmLink(t, stranger.accessToken, id);
    assert.equal(selfConfirm.statusCode, 403, 'only she confirms');
    await assertSeesNothing(t, stranger, girl.id);

    // She sees who entered her code, and refuses.
    const [pending] = await linksOf(t, girl.accessToken);
    assert.equal(pending?.person?.name, 'Someone Else');
    assert.equal(pending?.awaitingYou, true);
    assert.equal((await unlink(t, girl.accessToken, id)).statusCode, 204);
    await assertSeesNothing(t, stranger, girl.id);
    assert.deepEqual(await linksOf(t, stranger.accessToken), []);
    assert.equal((await confirmLink(t, girl.accessToken, id)).statusCode, 404);
  });

  it('a parent cannot change what she shares with him (403), and sees no more for trying', async () => {
    const t = get();
    const girl = await girlOf(t);
    const parent = await parentOf(t);
    const id = await linked(t, girl, parent);
    const widened = await setSharing(t, parent.accessToken, id, PARTS);
    assert.equal(widened.statusCode, 403, widened.body);
    assert.equal(widened.json().code, 'forbidden');
    // The rule is the service's, not only the route's: a phone menu calls the same function.
    const { care } = createServices({ config: t.config, database: t.db.database, clock: t.clock.now });
    const ctx = {
      requestId: 'test',
      channel: 'ussd' as const,
      ip: '127.0.0.1',
      userAgent: undefined,
      principal: undefined,
    };
    await assert.rejects(care.setSharing(parent.id, id, PARTS, ctx), { code: 'forbidden' });
    assert.deepEqual((await linksOf(t, girl.accessToken))[0]?.scopes, ['prediction']);
    assert.equal((await childView(t, parent.accessToken, girl.id, 'periods')).json().code, 'not_shared');
  });

  it('someone with the database password cannot give himself sight of her: inserted, widened or re-pointed rows count for nothing', async () => {
    const t = get();
    const girl = await girlOf(t);
    const attacker = await parentOf(t);
    const mother = await parentOf(t);
    await logHerCycle(t, girl);
    const real = await linked(t, girl, mother);
    const [sealed] = await t.db.raw<{ row_mac: Uint8Array }>(
      `SELECT row_mac FROM care_links WHERE id = '${real}'`,
    );
    const stolenMac = Buffer.from(sealed?.row_mac ?? []).toString('hex');

    // An active link with every scope, under a made-up MAC and under another link's MAC.
    for (const mac of [randomBytes(32).toString('hex'), stolenMac]) {
      await asDbWriter(
        t,
        `INSERT INTO care_links (id, child_id, adult_id, status, awaiting_id, origin, scopes, created_at, confirmed_at, updated_at, row_mac)
         VALUES ('${randomUUID()}', '${girl.id}', '${attacker.id}', 'active', NULL, 'guardian_consent',
                 ARRAY['prediction','periods','symptoms','flags','appointments'], now(), now(), now(), '\\x${mac}')`,
      );
      await assertSeesNothing(t, attacker, girl.id);
      await asDbWriter(t, `DELETE FROM care_links WHERE adult_id = '${attacker.id}'`);
    }

    // Her mother's real link widened in place: it stops counting rather than showing more.
    await asDbWriter(
      t,
      `UPDATE care_links SET scopes = ARRAY['prediction','periods','symptoms'] WHERE id = '${real}'`,
    );
    await assertSeesNothing(t, mother, girl.id);

    // A pending link re-pointed so that the one who entered the code confirms it himself.
    const code = await makeCode(t, girl.accessToken);
    const pending = (await enterCode(t, attacker.accessToken, code)).json().id;
    await asDbWriter(t, `UPDATE care_links SET awaiting_id = '${attacker.id}' WHERE id = '${pending}'`);
    assert.equal((await confirmLink(t, attacker.accessToken, pending)).statusCode, 404);
    await asDbWriter(
      t,
      `UPDATE care_links SET status = 'active', awaiting_id = NULL WHERE id = '${pending}'`,
    );
    await assertSeesNothing(t, attacker, girl.id);
  });

  it('a girl cannot link to herself: her own code is invalid, and the database refuses such a row', async () => {
    const t = get();
    const girl = await girlOf(t);
    const code = await makeCode(t, girl.accessToken);
    const own = await enterCode(t, girl.accessToken, code);
    assert.equal(own.statusCode, 400, own.body);
    assert.equal(own.json().code, 'invalid_code');
    assert.deepEqual(await linksOf(t, girl.accessToken), []);
    await assert.rejects(
      asDbWriter(
        t,
        `INSERT INTO care_links (id, child_id, adult_id, status, origin, scopes, created_at, updated_at, row_mac)
         VALUES ('${randomUUID()}', '${girl.id}', '${girl.id}', 'active', 'code', ARRAY['prediction'], now(), now(), '\\x00')`,
      ),
      /care_links_two_people/,
    );
  });

  it('a code guesser is locked out after 5 wrong codes (429, Retry-After), even with the right one, for an hour', async () => {
    const t = get();
    const girl = await girlOf(t);
    const guesser = await parentOf(t);
    const code = await makeCode(t, girl.accessToken);
    const wrong = String((Number(code) + 7) % 100_000_000).padStart(8, '0');
    for (let i = 0; i < 5; i++) {
      const res = await enterCode(t, guesser.accessToken, wrong);
      assert.equal(res.statusCode, 400, `guess ${i + 1}: ${res.body}`);
    }
    const locked = await enterCode(t, guesser.accessToken, code);
    assert.equal(locked.statusCode, 429, locked.body);
    assert.equal(locked.json().code, 'too_many_requests');
    assert.ok(Number(locked.headers['retry-after']) > 3000, `Retry-After ${locked.headers['retry-after']}`);
    t.clock.advance(3601);
    const later = await signIn(t, guesser);
    const right = await enterCode(t, later.accessToken, code);
    assert.equal(right.statusCode, 201, right.body);
  });

  it('one address with many accounts gets 30 tries per quarter hour, then 429 whatever the account', async () => {
    const t = get();
    const address = '203.0.113.9';
    const wrong = '00000000';
    for (let account = 0; account < 6; account++) {
      const guesser = await parentOf(t);
      for (let i = 0; i < 5; i++) {
        const res = await enterCode(t, guesser.accessToken, wrong, address);
        assert.equal(res.statusCode, 400, res.body);
      }
    }
    const fresh = await parentOf(t);
    const refused = await enterCode(t, fresh.accessToken, wrong, address);
    assert.equal(refused.statusCode, 429, refused.body);
    assert.ok(refused.headers['retry-after'], 'Retry-After');
    assert.match(String(refused.headers['ratelimit-policy']), /credential-ip/);
    const elsewhere = await enterCode(t, fresh.accessToken, wrong);
    assert.equal(elsewhere.statusCode, 400, 'another address still may');
  });
});
