import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../support/app.ts';
import {
  accessLogOf,
  childView,
  consentingGuardian,
  enterCode,
  girlOf,
  linked,
  linksOf,
  makeCode,
  parentOf,
  setSharing,
  unlink,
  YOUNG,
} from '../support/care.ts';
import { signIn } from '../support/factories.ts';
import { bookableProvider, freeSlotsOf } from '../support/providers.ts';

/*
 * Issue 13: the guardian who consented to the account of a girl under GUARDIAN_CONSENT_AGE (16)
 * is linked to her at once with prediction and flags, which she cannot hide or end until that
 * age; she always sees the link, and may share more. From the age on, it is hers to change.
 */

const FIXED = ['prediction', 'flags'];

describeEachDatabase('care links of a consenting guardian', (get) => {
  it('the guardian who consents is linked at once with prediction and flags, and she sees it', async () => {
    const t = get();
    const girl = await girlOf(t, YOUNG);
    const guardian = await consentingGuardian(t, girl);
    const [link] = await linksOf(t, girl.accessToken);
    assert.deepEqual(
      { ...link, id: undefined, createdAt: undefined },
      {
        id: undefined,
        status: 'active',
        side: 'child',
        person: { id: guardian.id, name: guardian.name, role: 'parent' },
        scopes: FIXED,
        origin: 'guardian_consent',
        fixedScopes: FIXED,
        awaitingYou: false,
        createdAt: undefined,
        confirmedAt: t.clock.now().toISOString(),
      },
    );
    const view = await childView(t, guardian.accessToken, girl.id);
    assert.equal(view.statusCode, 200, view.body);
    assert.deepEqual(view.json().scopes, FIXED);
    assert.ok(view.json().prediction && view.json().flags);
    const [made] = await accessLogOf(t, girl.accessToken, 'care.link');
    assert.equal(made?.resource, 'guardian_consent');
  });

  it('under the age she cannot hide prediction or flags, nor remove him (409 guardian_link_fixed), but may share more', async () => {
    const t = get();
    const girl = await girlOf(t, YOUNG);
    const guardian = await consentingGuardian(t, girl);
    const id = (await linksOf(t, girl.accessToken))[0]?.id ?? '';
    for (const scopes of [[], ['prediction'], ['flags', 'periods']]) {
      const lowered = await setSharing(t, girl.accessToken, id, scopes);
      assert.equal(lowered.statusCode, 409, `${scopes}: ${lowered.body}`);
      assert.equal(lowered.json().code, 'guardian_link_fixed');
    }
    const removed = await unlink(t, girl.accessToken, id);
    assert.equal(removed.statusCode, 409, removed.body);
    assert.equal(removed.json().code, 'guardian_link_fixed');
    const more = await setSharing(t, girl.accessToken, id, ['prediction', 'periods', 'flags']);
    assert.equal(more.statusCode, 200, more.body);
    assert.deepEqual(more.json().scopes, ['prediction', 'periods', 'flags']);
    assert.deepEqual(more.json().fixedScopes, FIXED);
    assert.equal((await childView(t, guardian.accessToken, girl.id, 'periods')).statusCode, 200);
    const back = await setSharing(t, girl.accessToken, id, FIXED);
    assert.equal(back.statusCode, 200, 'what she added she takes back');
  });

  it('the guardian can end the link himself', async () => {
    const t = get();
    const girl = await girlOf(t, YOUNG);
    const guardian = await consentingGuardian(t, girl);
    const id = (await linksOf(t, guardian.accessToken))[0]?.id ?? '';
    assert.equal((await unlink(t, guardian.accessToken, id)).statusCode, 204);
    assert.deepEqual(await linksOf(t, girl.accessToken), []);
    assert.equal((await childView(t, guardian.accessToken, girl.id)).statusCode, 404);
  });

  it('a link the two already had becomes the guardian’s, keeping what more she shared', async () => {
    const t = get();
    const girl = await girlOf(t, YOUNG);
    const mother = await parentOf(t);
    await linked(t, girl, mother, { scopes: ['periods'] });
    const issued = await t.request({
      method: 'POST',
      url: '/api/v1/me/guardian-code',
      token: girl.accessToken,
    });
    const given = await t.request({
      method: 'POST',
      url: '/api/v1/guardian/consent',
      token: mother.accessToken,
      body: { code: issued.json().code },
    });
    assert.equal(given.statusCode, 204, given.body);
    const links = await linksOf(t, girl.accessToken);
    assert.equal(links.length, 1);
    assert.equal(links[0]?.origin, 'guardian_consent');
    assert.deepEqual(links[0]?.scopes, ['prediction', 'periods', 'flags']);
    assert.deepEqual(links[0]?.fixedScopes, FIXED);
  });

  it('her consenting guardian books for her without the appointments scope; a parent linked by code does not', async () => {
    const t = get();
    const girl = await girlOf(t, YOUNG);
    const guardian = await consentingGuardian(t, girl);
    const aunt = await parentOf(t);
    const code = await makeCode(t, aunt.accessToken);
    const entered = await enterCode(t, girl.accessToken, code);
    assert.equal(entered.statusCode, 201, entered.body);
    assert.equal(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/care/links/${entered.json().id}/confirm`,
          token: aunt.accessToken,
        })
      ).statusCode,
      200,
    );
    const provider = await bookableProvider(t);
    const [slot, other] = await freeSlotsOf(t, guardian.accessToken, provider.id);
    if (!slot || !other) throw new Error('no free slots');
    const book = (token: string, start: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/appointments',
        token,
        body: { providerId: provider.id, start, forUserId: girl.id },
      });
    const byAunt = await book(aunt.accessToken, other.start);
    assert.equal(byAunt.statusCode, 403, byAunt.body);
    assert.equal(byAunt.json().code, 'not_shared');
    const byGuardian = await book(guardian.accessToken, slot.start);
    assert.equal(byGuardian.statusCode, 201, byGuardian.body);
  });

  // Last: it moves the clock years ahead.
  it('from the consent age on, the link is hers to change and to end like any other', async () => {
    const t = get();
    const young = await girlOf(t, YOUNG);
    const guardian = await consentingGuardian(t, young);
    const id = (await linksOf(t, young.accessToken))[0]?.id ?? '';
    // Born in 2012, she is 16 in 2029 at the latest.
    t.clock.advance(((Date.parse('2029-01-02T08:00:00Z') - t.clock.now().getTime()) / 1000) | 0);
    const girl = await signIn(t, young);
    const [link] = await linksOf(t, girl.accessToken);
    assert.deepEqual(link?.fixedScopes, []);
    const lowered = await setSharing(t, girl.accessToken, id, []);
    assert.equal(lowered.statusCode, 200, lowered.body);
    const him = await signIn(t, guardian);
    const view = await childView(t, him.accessToken, girl.id);
    assert.deepEqual(view.json(), { id: girl.id, name: girl.name, scopes: [] });
    assert.equal((await unlink(t, girl.accessToken, id)).statusCode, 204);
  });
});
