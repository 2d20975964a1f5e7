import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import {
  accessLogOf,
  childView,
  girlOf,
  HER_WORDS,
  linked,
  logHerCycle,
  parentOf,
  setSharing,
  unlink,
} from '../support/care.ts';
import { createAdmin, type Registered } from '../support/factories.ts';
import { bookableProvider, booked, freeSlotsOf } from '../support/providers.ts';

/*
 * Issue 13: she decides which parts of her data a linked adult sees, the choice holds from the
 * very next request, her notes are never shared, and every read is in her access log.
 */

const SCOPES = ['prediction', 'periods', 'symptoms', 'flags', 'appointments'] as const;

const keysOf = (body: object) => Object.keys(body).sort();

/** A girl who logged her cycle, linked to a parent who sees what `scopes` says. */
async function sharingGirl(t: TestApp, scopes: string[] = ['prediction']) {
  const girl = await girlOf(t);
  const parent = await parentOf(t);
  await logHerCycle(t, girl);
  const linkId = await linked(t, girl, parent, { scopes });
  return { girl, parent, linkId };
}

/** Every answer the adult can get about her, as text. */
async function everythingHeSees(t: TestApp, parent: Registered, girl: Registered): Promise<string> {
  const bodies = [
    (await childView(t, parent.accessToken, girl.id)).body,
    (await t.request({ method: 'GET', url: '/api/v1/care/children', token: parent.accessToken })).body,
    (await t.request({ method: 'GET', url: '/api/v1/care/links', token: parent.accessToken })).body,
  ];
  for (const part of SCOPES) bodies.push((await childView(t, parent.accessToken, girl.id, part)).body);
  return bodies.join('\n');
}

describeEachDatabase('care sharing', (get) => {
  it('each scope shows its part and nothing else; a part she does not share is 403 not_shared', async () => {
    const t = get();
    const { girl, parent, linkId } = await sharingGirl(t);
    const expected: Record<(typeof SCOPES)[number], unknown> = {
      prediction: undefined,
      periods: [
        { startDate: '2026-10-31', endDate: '2026-11-04' },
        { startDate: '2026-10-03', endDate: '2026-10-07' },
      ],
      symptoms: [
        {
          date: '2026-11-20',
          flow: 'light',
          symptoms: ['cramps', 'headache'],
          mood: 'sad',
          pain: 4,
          energy: 'low',
        },
      ],
      flags: [],
      appointments: [],
    };
    for (const scope of SCOPES) {
      const shared = await setSharing(t, girl.accessToken, linkId, [scope]);
      assert.equal(shared.statusCode, 200, shared.body);
      assert.deepEqual(shared.json().scopes, [scope]);
      const view = await childView(t, parent.accessToken, girl.id);
      assert.equal(view.statusCode, 200, view.body);
      assert.deepEqual(keysOf(view.json()), ['id', 'name', 'scopes', scope].sort(), `only ${scope}`);
      const part = await childView(t, parent.accessToken, girl.id, scope);
      assert.equal(part.statusCode, 200, part.body);
      assert.deepEqual(keysOf(part.json()), [scope]);
      assert.deepEqual(part.json()[scope], view.json()[scope]);
      if (expected[scope] !== undefined) assert.deepEqual(view.json()[scope], expected[scope], scope);
      for (const other of SCOPES.filter((s) => s !== scope)) {
        const refused = await childView(t, parent.accessToken, girl.id, other);
        assert.equal(refused.statusCode, 403, `${other} while only ${scope} is shared`);
        assert.equal(refused.json().code, 'not_shared');
      }
    }
    // The prediction is her next period window and today's phase: not her fertile window.
    await setSharing(t, girl.accessToken, linkId, ['prediction']);
    const prediction = (await childView(t, parent.accessToken, girl.id, 'prediction')).json().prediction;
    assert.deepEqual(keysOf(prediction), ['nextPeriod', 'phase', 'status', 'today']);
    assert.equal(prediction.nextPeriod.start, '2026-11-28');

    const none = await setSharing(t, girl.accessToken, linkId, []);
    assert.deepEqual(none.json().scopes, []);
    const bare = await childView(t, parent.accessToken, girl.id);
    assert.deepEqual(bare.json(), { id: girl.id, name: girl.name, scopes: [] });
    const all = await setSharing(t, girl.accessToken, linkId, ['appointments', 'prediction', 'flags']);
    assert.deepEqual(all.json().scopes, ['prediction', 'flags', 'appointments'], 'stored in one order');
    const repeated = await setSharing(t, girl.accessToken, linkId, ['flags', 'flags']);
    assert.equal(repeated.statusCode, 400, 'a scope twice is refused');
  });

  it('her notes, her own words, her fertility signs and sleep are in no answer to an adult', async () => {
    const t = get();
    const { girl, parent } = await sharingGirl(t, [...SCOPES]);
    // Over HTTP, and from the service itself, as the phone menu reads it (no response schema there).
    const { care } = createServices({ config: t.config, database: t.db.database, clock: t.clock.now });
    const ctx = {
      requestId: 'test',
      channel: 'ussd' as const,
      ip: '127.0.0.1',
      userAgent: undefined,
      principal: undefined,
    };
    const viaService = JSON.stringify(await care.childView(parent.id, girl.id, 'all', ctx));
    const seen = `${await everythingHeSees(t, parent, girl)}\n${viaService}`;
    assert.match(seen, /cramps/, 'the shared day log is there');
    for (const words of Object.values(HER_WORDS)) assert.doesNotMatch(seen, new RegExp(words), words);
    for (const field of [
      'notes',
      'otherSymptoms',
      'cervicalMucus',
      'egg_white',
      'basalTemperature',
      'sleepHours',
    ]) {
      assert.doesNotMatch(seen, new RegExp(field), field);
    }
    for (const hers of ['fertileWindow', 'ovulation']) assert.doesNotMatch(seen, new RegExp(hers), hers);
  });

  it('what she takes back is gone on the very next request: a scope, then the whole link', async () => {
    const t = get();
    const { girl, parent, linkId } = await sharingGirl(t, ['prediction', 'periods']);
    assert.equal((await childView(t, parent.accessToken, girl.id, 'periods')).statusCode, 200);
    await setSharing(t, girl.accessToken, linkId, ['prediction']);
    const periods = await childView(t, parent.accessToken, girl.id, 'periods');
    assert.equal(periods.statusCode, 403, periods.body);
    assert.equal(periods.json().code, 'not_shared');
    assert.equal((await childView(t, parent.accessToken, girl.id)).json().periods, undefined);

    assert.equal((await unlink(t, girl.accessToken, linkId)).statusCode, 204);
    const gone = await childView(t, parent.accessToken, girl.id);
    assert.equal(gone.statusCode, 404, gone.body);
    assert.equal((await childView(t, parent.accessToken, girl.id, 'prediction')).statusCode, 404);
    const children = await t.request({
      method: 'GET',
      url: '/api/v1/care/children',
      token: parent.accessToken,
    });
    assert.deepEqual(children.json(), { children: [] });
  });

  it('every read by a parent, and every change of what she shares, is in her access log and her consents', async () => {
    const t = get();
    const { girl, parent, linkId } = await sharingGirl(t, ['prediction', 'flags']);
    assert.equal((await childView(t, parent.accessToken, girl.id)).statusCode, 200);
    assert.equal((await childView(t, parent.accessToken, girl.id, 'flags')).statusCode, 200);
    const reads = await accessLogOf(t, girl.accessToken, 'care.read');
    assert.deepEqual(
      reads.map((e) => e.resource),
      ['flags', 'prediction,flags'],
      'newest first, naming the parts read',
    );
    for (const read of reads) {
      assert.equal(read.actor.role, 'parent');
      assert.notEqual(read.actor.label, 'you');
    }
    const sharing = await accessLogOf(t, girl.accessToken, 'care.sharing');
    assert.deepEqual(
      sharing.map((e) => e.resource),
      ['prediction,flags'],
    );
    await unlink(t, parent.accessToken, linkId);
    const exported = await t.request({ method: 'GET', url: '/api/v1/me/export', token: girl.accessToken });
    assert.equal(exported.statusCode, 200, exported.body);
    const care = (
      exported.json().consents as Array<{
        purpose: string;
        granted: boolean;
        detail?: { linkId: string; adultId: string; change: string; scopes: string[]; by: string };
      }>
    ).filter((c) => c.purpose === 'care_sharing');
    assert.deepEqual(
      care.map((c) => c.granted),
      [true, true, false],
      'linked, sharing changed, unlinked: a versioned record each',
    );
    // Her export says what each record was: which link and adult, which scopes, who changed them.
    assert.deepEqual(
      care.map((c) => [
        c.detail?.change,
        c.detail?.scopes,
        c.detail?.by,
        c.detail?.linkId,
        c.detail?.adultId,
      ]),
      [
        ['linked', ['prediction'], 'her', linkId, parent.id],
        ['sharing', ['prediction', 'flags'], 'her', linkId, parent.id],
        ['unlinked', [], 'adult', linkId, parent.id],
      ],
    );
    // What each record was about is sealed under her key: no adult's id in the clear.
    const rows = await t.db.raw<{ detail_enc: Uint8Array }>(
      `SELECT detail_enc FROM consent_records WHERE user_id = '${girl.id}' AND purpose = 'care_sharing'`,
    );
    assert.equal(rows.length, 3);
    for (const row of rows) assert.ok(!Buffer.from(row.detail_enc).includes(parent.id), 'sealed');
  });

  it('a deactivated account shares nothing: her parent no longer sees her, until she is active again', async () => {
    const t = get();
    const { girl, parent } = await sharingGirl(t);
    const admin = await createAdmin(t);
    const toggle = (action: 'deactivate' | 'activate') =>
      t.request({
        method: 'POST',
        url: `/api/v1/admin/users/${girl.id}/${action}`,
        token: admin.accessToken,
      });
    assert.equal((await toggle('deactivate')).statusCode, 204);
    const children = await t.request({
      method: 'GET',
      url: '/api/v1/care/children',
      token: parent.accessToken,
    });
    assert.deepEqual(children.json(), { children: [] });
    assert.equal((await childView(t, parent.accessToken, girl.id)).statusCode, 404);
    assert.equal((await childView(t, parent.accessToken, girl.id, 'prediction')).statusCode, 404);
    assert.equal((await toggle('activate')).statusCode, 204);
    assert.equal((await childView(t, parent.accessToken, girl.id)).statusCode, 200);
  });

  it('the "talk to a health worker" flags are shared under flags, and only those', async () => {
    const t = get();
    const girl = await girlOf(t);
    const parent = await parentOf(t);
    const logged = await t.request({
      method: 'POST',
      url: '/api/v1/cycles/periods',
      token: girl.accessToken,
      body: { startDate: '2026-07-01', endDate: '2026-07-05' },
    });
    assert.equal(logged.statusCode, 201, logged.body);
    await linked(t, girl, parent, { scopes: ['flags'] });
    const flags = await childView(t, parent.accessToken, girl.id, 'flags');
    assert.equal(flags.statusCode, 200, flags.body);
    assert.deepEqual(flags.json().flags, [{ code: 'no_period_90_days', seeProvider: true }]);
  });

  it('a parent of several daughters sees each one only as she shares', async () => {
    const t = get();
    const parent = await parentOf(t);
    const first = await girlOf(t);
    const second = await girlOf(t);
    await logHerCycle(t, first);
    await logHerCycle(t, second);
    await linked(t, first, parent, { scopes: ['prediction'] });
    await linked(t, second, parent, { scopes: ['periods'], by: 'parent' });
    const children = await t.request({
      method: 'GET',
      url: '/api/v1/care/children',
      token: parent.accessToken,
    });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    assert.deepEqual(
      children.json().children.sort(byId),
      [
        { id: first.id, name: first.name, scopes: ['prediction'] },
        { id: second.id, name: second.name, scopes: ['periods'] },
      ].sort(byId),
    );
    assert.deepEqual(keysOf((await childView(t, parent.accessToken, first.id)).json()), [
      'id',
      'name',
      'prediction',
      'scopes',
    ]);
    assert.deepEqual(keysOf((await childView(t, parent.accessToken, second.id)).json()), [
      'id',
      'name',
      'periods',
      'scopes',
    ]);
    assert.equal((await childView(t, parent.accessToken, first.id, 'periods')).statusCode, 403);
    assert.equal((await childView(t, parent.accessToken, second.id, 'prediction')).statusCode, 403);
  });

  it('a daughter with several parents: each sees what she shares with him, and ending one leaves the other', async () => {
    const t = get();
    const girl = await girlOf(t);
    const mother = await parentOf(t);
    const father = await parentOf(t);
    await logHerCycle(t, girl);
    const hers = await linked(t, girl, mother, { scopes: ['prediction'] });
    await linked(t, girl, father, { scopes: ['prediction', 'periods'], by: 'parent' });
    assert.equal((await childView(t, father.accessToken, girl.id, 'periods')).statusCode, 200);
    assert.equal((await childView(t, mother.accessToken, girl.id, 'periods')).statusCode, 403);
    assert.equal((await unlink(t, mother.accessToken, hers)).statusCode, 204);
    assert.equal((await childView(t, mother.accessToken, girl.id)).statusCode, 404);
    assert.equal((await childView(t, father.accessToken, girl.id, 'periods')).statusCode, 200);
  });

  it('appointments: a parent sees who, where, when and status (never her reason), and books for her only when she shares them', async () => {
    const t = get();
    const girl = await girlOf(t);
    const parent = await parentOf(t);
    const provider = await bookableProvider(t);
    const [slot, later] = await freeSlotsOf(t, girl.accessToken, provider.id);
    if (!slot || !later) throw new Error('no free slots');
    await booked(t, girl.accessToken, {
      providerId: provider.id,
      start: slot.start,
      reason: 'pain',
      words: HER_WORDS.dayNote,
    });
    const linkId = await linked(t, girl, parent, { scopes: ['prediction'] });
    const notYet = { providerId: provider.id, start: later.start, forUserId: girl.id };
    const refused = await t.request({
      method: 'POST',
      url: '/api/v1/appointments',
      token: parent.accessToken,
      body: notYet,
    });
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal((await childView(t, parent.accessToken, girl.id, 'appointments')).statusCode, 403);

    await setSharing(t, girl.accessToken, linkId, ['prediction', 'appointments']);
    const part = await childView(t, parent.accessToken, girl.id, 'appointments');
    assert.equal(part.statusCode, 200, part.body);
    const [visit] = part.json().appointments;
    assert.deepEqual(keysOf(visit), ['end', 'id', 'provider', 'start', 'status']);
    assert.equal(visit.start, slot.start);
    assert.doesNotMatch(part.body, new RegExp(`${HER_WORDS.dayNote}|pain`));
    const forHer = await t.request({
      method: 'POST',
      url: '/api/v1/appointments',
      token: parent.accessToken,
      body: notYet,
    });
    assert.equal(forHer.statusCode, 201, forHer.body);
  });
});
