import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../support/app.ts';
import {
  childView,
  confirmLink,
  enterCode,
  girlOf,
  linked,
  linksOf,
  makeCode,
  parentOf,
  setSharing,
  unlink,
} from '../support/care.ts';
import { signIn } from '../support/factories.ts';

/*
 * Issue 13, care links: a one-time code one side makes and the other enters, active only once
 * the code's maker has confirmed who entered it (docs/care-network.md, decision 023).
 */

const NOT_VALID = { code: 'invalid_code', detail: 'This code is not valid, was already used or has expired' };
const problemOf = (res: { json(): { code: string; detail: string } }) => {
  const { code, detail } = res.json();
  return { code, detail };
};
/** The code as it is read out and typed on a keypad: "4821 7730", "4821-7730". */
const spoken = (code: string, sep = ' ') => `${code.slice(0, 4)}${sep}${code.slice(4)}`;

describeEachDatabase('care links', (get) => {
  it('her code (8 digits, 24 hours) entered by her mother makes a pending link; it is active once she confirms', async () => {
    const t = get();
    const girl = await girlOf(t);
    const mother = await parentOf(t);
    const made = await t.request({ method: 'POST', url: '/api/v1/care/link-codes', token: girl.accessToken });
    assert.equal(made.statusCode, 201, made.body);
    const { code, expiresAt } = made.json();
    assert.match(code, /^[0-9]{8}$/);
    assert.equal(Date.parse(expiresAt) - t.clock.now().getTime(), 24 * 3_600_000);
    const body = await t.request({
      method: 'POST',
      url: '/api/v1/care/link-codes',
      token: girl.accessToken,
      body: { anything: 1 },
    });
    assert.equal(body.statusCode, 400, 'making a code takes no body');

    const entered = await enterCode(t, mother.accessToken, spoken(code, ' '));
    assert.equal(entered.statusCode, 201, entered.body);
    assert.deepEqual(Object.keys(entered.json()).sort(), ['id', 'status']);
    assert.equal(entered.json().status, 'pending');
    const id = entered.json().id;

    const [hers] = await linksOf(t, girl.accessToken);
    assert.deepEqual(
      { ...hers, createdAt: undefined },
      {
        id,
        status: 'pending',
        side: 'child',
        person: { id: mother.id, name: mother.name, role: 'parent' },
        scopes: ['prediction'],
        origin: 'code',
        fixedScopes: [],
        awaitingYou: true,
        createdAt: undefined,
        confirmedAt: null,
      },
    );
    const [his] = await linksOf(t, mother.accessToken);
    assert.equal(his?.side, 'adult');
    assert.equal(his?.awaitingYou, false);
    // An overheard or guessed code names nobody: until she confirms, he learns neither her name nor her id.
    assert.equal(his?.person, null);
    assert.equal(JSON.stringify(his).includes(girl.id), false);
    assert.equal(JSON.stringify(his).includes(girl.name), false);

    // He entered the code: only she, who made it, says it is really him.
    const his403 = await confirmLink(t, mother.accessToken, id);
    assert.equal(his403.statusCode, 403, his403.body);
    assert.equal(his403.json().code, 'forbidden');
    const confirmed = await confirmLink(t, girl.accessToken, id);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().status, 'active');
    assert.equal(confirmed.json().awaitingYou, false);
    assert.equal(confirmed.json().confirmedAt, t.clock.now().toISOString());
    const [named] = await linksOf(t, mother.accessToken);
    assert.deepEqual(
      named?.person,
      { id: girl.id, name: girl.name, role: 'adolescent' },
      'named once confirmed',
    );
    const again = await confirmLink(t, girl.accessToken, id);
    assert.equal(again.statusCode, 200, 'confirming twice (a double tap) answers the link');

    const children = await t.request({
      method: 'GET',
      url: '/api/v1/care/children',
      token: mother.accessToken,
    });
    assert.deepEqual(children.json(), {
      children: [{ id: girl.id, name: girl.name, scopes: ['prediction'] }],
    });
  });

  it("a parent's code entered by his daughter (with dashes): he confirms", async () => {
    const t = get();
    const girl = await girlOf(t);
    const father = await parentOf(t);
    const code = await makeCode(t, father.accessToken);
    const entered = await enterCode(t, girl.accessToken, spoken(code, '-'));
    assert.equal(entered.statusCode, 201, entered.body);
    const id = entered.json().id;
    assert.equal((await linksOf(t, father.accessToken))[0]?.awaitingYou, true);
    assert.equal((await linksOf(t, girl.accessToken))[0]?.awaitingYou, false);
    assert.equal((await confirmLink(t, girl.accessToken, id)).statusCode, 403);
    const confirmed = await confirmLink(t, father.accessToken, id);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().side, 'adult');
    const view = await childView(t, father.accessToken, girl.id);
    assert.equal(view.statusCode, 200, view.body);
    assert.deepEqual(view.json().scopes, ['prediction']);
  });

  it('an expired, used, wrong, own or same-role code is 400 invalid_code, one message for all', async () => {
    const t = get();
    const girl = await girlOf(t);
    const mother = await parentOf(t);
    const father = await parentOf(t);
    const sister = await girlOf(t);

    const stale = await makeCode(t, girl.accessToken);
    t.clock.advance(24 * 3600 + 1);
    const [g, m, f, s] = await Promise.all([girl, mother, father, sister].map((who) => signIn(t, who)));
    if (!g || !m || !f || !s) throw new Error('sign-in');
    const expired = await enterCode(t, m.accessToken, stale);
    assert.equal(expired.statusCode, 400, expired.body);
    assert.deepEqual(problemOf(expired), NOT_VALID, 'expired');

    const code = await makeCode(t, g.accessToken);
    const own = await enterCode(t, g.accessToken, code);
    assert.deepEqual(problemOf(own), NOT_VALID, 'her own code');
    const sameRole = await enterCode(t, s.accessToken, code);
    assert.deepEqual(problemOf(sameRole), NOT_VALID, "another girl's code");
    const wrong = await enterCode(
      t,
      m.accessToken,
      String((Number(code) + 1) % 100_000_000).padStart(8, '0'),
    );
    assert.deepEqual(problemOf(wrong), NOT_VALID, 'a wrong code');
    const garbage = await enterCode(t, m.accessToken, 'four eight two one');
    assert.deepEqual(problemOf(garbage), NOT_VALID, 'not digits');
    assert.equal((await enterCode(t, m.accessToken, code)).statusCode, 201);
    const used = await enterCode(t, f.accessToken, code);
    assert.deepEqual(problemOf(used), NOT_VALID, 'a code already used');

    const fathers = await makeCode(t, f.accessToken);
    const parentToParent = await enterCode(t, m.accessToken, fathers);
    assert.deepEqual(problemOf(parentToParent), NOT_VALID, "a parent's code entered by a parent");
    assert.deepEqual(await linksOf(t, s.accessToken), []);
    assert.equal((await linksOf(t, f.accessToken)).length, 0);
  });

  it('two people already linked get 409 already_linked, and the code stays unspent', async () => {
    const t = get();
    const girl = await girlOf(t);
    const mother = await parentOf(t);
    await linked(t, girl, mother);
    const code = await makeCode(t, girl.accessToken);
    const again = await enterCode(t, mother.accessToken, code);
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().code, 'already_linked');
    const father = await parentOf(t);
    assert.equal((await enterCode(t, father.accessToken, code)).statusCode, 201);
  });

  it('three live codes at most: a fourth expires the oldest', async () => {
    const t = get();
    const girl = await girlOf(t);
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push(await makeCode(t, girl.accessToken));
      t.clock.advance(1);
    }
    const [first, second, , fourth] = codes;
    const mother = await parentOf(t);
    const father = await parentOf(t);
    assert.deepEqual(problemOf(await enterCode(t, mother.accessToken, first ?? '')), NOT_VALID);
    assert.equal((await enterCode(t, mother.accessToken, second ?? '')).statusCode, 201);
    assert.equal((await enterCode(t, father.accessToken, fourth ?? '')).statusCode, 201);
  });

  it('no one outside a link confirms it, changes it or removes it (404, as if it did not exist)', async () => {
    const t = get();
    const girl = await girlOf(t);
    const mother = await parentOf(t);
    const stranger = await parentOf(t);
    const code = await makeCode(t, girl.accessToken);
    const id = (await enterCode(t, mother.accessToken, code)).json().id;
    for (const res of [
      await confirmLink(t, stranger.accessToken, id),
      await unlink(t, stranger.accessToken, id),
    ]) {
      assert.equal(res.statusCode, 404, res.body);
    }
    const outsider = await girlOf(t);
    const sharing = await setSharing(t, outsider.accessToken, id, ['periods']);
    assert.equal(sharing.statusCode, 404, sharing.body);
    assert.equal((await linksOf(t, girl.accessToken))[0]?.status, 'pending');
  });

  it('either of them ends the link: 204, gone from both lists, and his sight ends', async () => {
    const t = get();
    const girl = await girlOf(t);
    const mother = await parentOf(t);
    const father = await parentOf(t);
    const hers = await linked(t, girl, mother);
    const his = await linked(t, girl, father, { by: 'parent' });
    assert.equal((await unlink(t, girl.accessToken, hers)).statusCode, 204);
    assert.equal((await unlink(t, father.accessToken, his)).statusCode, 204);
    assert.deepEqual(await linksOf(t, girl.accessToken), []);
    assert.deepEqual(await linksOf(t, mother.accessToken), []);
    assert.equal((await childView(t, mother.accessToken, girl.id)).statusCode, 404);
    assert.equal((await childView(t, father.accessToken, girl.id)).statusCode, 404);
    assert.equal((await unlink(t, girl.accessToken, hers)).statusCode, 404);
  });
});
