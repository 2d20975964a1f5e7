import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { GOOD_PASSWORD, lastCodeTo, registerUser } from '../support/factories.ts';
import { CARE_CASES } from './care-cases.ts';
import { BEYOND_PREDICTION, type CareCast, careCastOf, carePeople, forbiddenTo } from './care-cast.ts';
import { tryCareCases } from './care-matrix.ts';
import { type Actor, revokedToken, signUp, stillHerself, withPendingPolicies, YOUNG } from './fuzz-actors.ts';
import { changedTables, fingerprint } from './fuzz-fingerprint.ts';
import { hiddenKeysIn, type Secret, storedSecrets } from './fuzz-leaks.ts';
import { buildWorld, methodOf, OWN_DAY, paramFor, urlFor, type World } from './fuzz-world.ts';
import { type Expected, jsonOf, judge, keysNamed } from './matrix-judge.ts';
import {
  allowedRoles,
  comparePolicyWithRoutes,
  type Operation,
  operationsOf,
  type ParamKind,
  POLICY_TABLE,
  type PolicyEntry,
  type Standing,
} from './policy-table.ts';

/*
 * The authorization matrix: every operation of the OpenAPI document, called by every kind of
 * caller, answered as test/security/policy-table.ts says. Role mistakes (BFLA), someone else's
 * objects (BOLA) and fields that must stay hidden or server-owned (BOPLA) each have a test.
 */

type Caller = {
  label: string;
  actor: Actor | undefined;
  token: string | undefined;
  pending?: true;
  standing?: Standing;
};

function expectationFor(entry: PolicyEntry, caller: Caller): Expected {
  const { access } = entry;
  if (access.public) return { status: entry.ok };
  if (!caller.actor) return { status: 401, code: caller.token ? 'session_revoked' : 'unauthenticated' };
  if (!allowedRoles(access).includes(caller.actor.role)) return { status: 403, code: 'forbidden' };
  if (caller.pending && !access.consentExempt) return { status: 403, code: 'consent_required' };
  const standing = caller.standing && entry.standing?.[caller.standing];
  return standing || (entry.okFor?.[caller.actor.role] ?? { status: entry.ok });
}

async function send(world: World, key: string, entry: PolicyEntry, caller: Caller, given = {}) {
  const url = await urlFor(world, key, entry, caller.actor, given);
  const body = entry.body ? await entry.body(world.inputs, caller.actor) : undefined;
  return world.t.request({
    method: methodOf(key),
    url,
    ...(caller.token ? { token: caller.token } : {}),
    ...(body === undefined ? {} : { body }),
  });
}

/**
 * What `caller` must never be shown in this route's answers (test/security/care-cast.ts): other
 * people's contacts, names they do not know, and the owner's notes, words, period dates and id.
 */
function forbiddenFor(world: World, care: CareCast, entry: PolicyEntry, caller: Caller, stored: Secret[]) {
  return [
    ...stored,
    ...forbiddenTo(world, care, caller.actor, entry.reveals ? { reveals: entry.reveals } : {}),
  ];
}

/** A parent's answer from the care routes shows her prediction at most, never another part. */
function beyondPrediction(what: string, key: string, caller: Caller, res: LightMyRequestResponse): string[] {
  if (!key.includes('/care/') || caller.actor?.role !== 'parent') return [];
  return keysNamed(jsonOf(res), BEYOND_PREDICTION).map((k) => `${what}: answer shows ${k}`);
}

/**
 * Routes after which a world's people are not who the next route expects (signed out, deleted,
 * a new password, a new sign-in number, the target recovered (signed out) or switched off or
 * given another role): the next route gets a new world.
 */
const SPENDS_WORLD = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/recovery/complete',
  'DELETE /api/v1/me',
  'PUT /api/v1/me/password',
  'POST /api/v1/me/phone/verify',
  // The parent who consents is linked with the child (docs/care-network.md): he may see her name now.
  'POST /api/v1/guardian/consent',
  'PATCH /api/v1/admin/users/{id}',
  'POST /api/v1/admin/users/{id}/deactivate',
]);

/** The care network's routes: links, children, appointments, and where patients find providers. */
const CARE_NETWORK = /^\/api\/v1\/(care\/|appointments|providers(\/slots|\/\{id\}\/slots)?$)/;

/** A safety net for routes this list forgot: every account of the world still signed in as itself. */
async function everyoneStillThere(world: World): Promise<boolean> {
  const checks = await Promise.all(
    [...Object.values(world.cast), world.target].map((a) => stillHerself(world.t, a)),
  );
  return checks.every(Boolean);
}

// The callers made for a world, kept so routes sharing a world share them too.
const extraCallers = new WeakMap<World, { revoked?: string; pending: Map<string, Actor> }>();

async function callersOf(world: World, entry: PolicyEntry): Promise<Caller[]> {
  const { t, cast } = world;
  const care = await careCastOf(world);
  const firstRole =
    entry.access.public || entry.access.roles === 'any' ? 'adolescent' : entry.access.roles[0];
  const pendingRole = firstRole ?? 'adolescent';
  const extra = extraCallers.get(world) ?? { pending: new Map<string, Actor>() };
  extraCallers.set(world, extra);
  extra.revoked ??= await revokedToken(t, cast.otherAdolescent);
  let pending = extra.pending.get(pendingRole);
  if (!pending) {
    const young = entry.youngAdolescent && pendingRole === 'adolescent' ? { birthYear: YOUNG } : {};
    pending = await withPendingPolicies(t, await signUp(t, pendingRole, young));
    extra.pending.set(pendingRole, pending);
    world.people.push(pending);
  }
  const asActor = (label: string, actor: Actor): Caller => ({ label, actor, token: actor.accessToken });
  // A girl under the consent age without her guardian's consent links no one and books nothing.
  const network: Caller[] = care.links.active
    ? [
        {
          ...asActor('the parent she linked (prediction only)', care.linkedParent),
          standing: 'linked-parent',
        },
        {
          ...asActor('a parent waiting for her to confirm him', care.waitingParent),
          standing: 'waiting-parent',
        },
        {
          ...asActor('a provider nobody verified', care.unverifiedProvider),
          standing: 'unverified-provider',
        },
      ]
    : [];
  return [
    { label: 'anonymous', actor: undefined, token: undefined },
    { label: 'a revoked session', actor: undefined, token: extra.revoked },
    asActor('adolescent (owner)', cast.adolescent),
    asActor('another adolescent', cast.otherAdolescent),
    asActor('parent', cast.parent),
    asActor('provider', cast.provider),
    asActor('writer', cast.writer),
    asActor('admin', cast.admin),
    ...network,
    { ...asActor(`${pendingRole} with new policies to accept`, pending), pending: true },
  ];
}

/**
 * Per-test limits, so that a request that hangs fails its test instead of holding CI. On a 2-core
 * machine the walk of every route by every caller takes about 16 s alone and 22 s (PGlite) beside
 * the fuzz suite under --test-concurrency=2: 90 s leaves three to four times that. Every other
 * test takes under 6 s there (the care cases, the longest; most well under a second): 30 s.
 */
const EVERY_ROUTE = { timeout: 90_000 };
const SCENARIO = { timeout: 30_000 };

async function listedOperations(t: TestApp): Promise<Operation[]> {
  const res = await t.request({ method: 'GET', url: '/api/v1/openapi.json' });
  assert.equal(res.statusCode, 200);
  return operationsOf(res.json());
}

describe('policy table comparison', () => {
  const op = (key: string, secured = true): Operation => ({ key, path: key.split(' ')[1] ?? '', secured });
  const entry: PolicyEntry = { access: { public: false, roles: 'any', consentExempt: true }, ok: 200 };

  it('agrees when every operation has its entry', SCENARIO, () => {
    assert.deepEqual(comparePolicyWithRoutes([op('GET /a')], { 'GET /a': entry }), []);
  });

  it('names a route that has no entry, and an entry whose route is gone', SCENARIO, () => {
    const problems = comparePolicyWithRoutes([op('GET /a'), op('POST /new')], {
      'GET /a': entry,
      'DELETE /old': entry,
    });
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0] ?? '', /^POST \/new: in the OpenAPI document but not in the policy table/);
    assert.match(problems[1] ?? '', /^DELETE \/old: in the policy table but no such route exists/);
  });

  it('names path parameters without a kind and public/private mismatches', SCENARIO, () => {
    const problems = comparePolicyWithRoutes([op('GET /x/{id}'), op('GET /open', false)], {
      'GET /x/{id}': entry,
      'GET /open': entry,
    });
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems.join('\n'), /\{id\} has no kind/);
    assert.match(problems.join('\n'), /GET \/open: the policy table says private/);
  });
});

// Rate limits are off here (RATE_LIMIT_SCALE=0): hundreds of sign-ups from one address are the
// test's doing, and the limits have their own tests. Optional routes (the USSD simulator) are on.
describeEachDatabase(
  'authorization matrix',
  (get) => {
    let operations: Operation[] = [];
    before(async () => {
      operations = await listedOperations(get());
    });
    const tableEntries = () =>
      operations.flatMap((o) => {
        const entry = POLICY_TABLE[o.key];
        return entry ? [[o.key, entry] as const] : [];
      });

    it('has one policy entry for every operation in the OpenAPI document, and no other', SCENARIO, () => {
      assert.ok(operations.length >= 40, `expected the whole API, found ${operations.length} operations`);
      assert.deepEqual(comparePolicyWithRoutes(operations, POLICY_TABLE), []);
    });

    it(
      'answers every operation for every caller as the policy table says (BFLA, hidden fields, leaks)',
      EVERY_ROUTE,
      async (t) => {
        const problems: string[] = [];
        let calls = 0;
        let shared: { world: World; stored: Secret[] } | undefined;
        for (const [key, entry] of tableEntries()) {
          const young = entry.youngAdolescent === true;
          if (!shared || young || !(await everyoneStillThere(shared.world))) {
            const [world, people] = await Promise.all([buildWorld(get(), { young }), carePeople(get())]);
            await careCastOf(world, people);
            shared = { world, stored: await storedSecrets(get().db) };
          }
          const { world, stored } = shared;
          const callers = await callersOf(world, entry);
          const care = await careCastOf(world);
          if (young || SPENDS_WORLD.has(key)) shared = undefined;
          for (const caller of callers) {
            const res = await send(world, key, entry, caller);
            calls += 1;
            const what = `${key} as ${caller.label}`;
            const scanKeys = key !== 'GET /api/v1/openapi.json';
            problems.push(
              ...judge(
                what,
                res,
                expectationFor(entry, caller),
                forbiddenFor(world, care, entry, caller, stored),
                scanKeys,
              ),
              ...beyondPrediction(what, key, caller, res),
            );
          }
        }
        t.diagnostic(`${tableEntries().length} operations, ${calls} calls`);
        assert.deepEqual(problems, []);
      },
    );

    it(
      "keeps her periods, day logs and sessions out of everyone else's reach (BOLA)",
      SCENARIO,
      async (t) => {
        const problems: string[] = [];
        const owned = tableEntries().filter(([, e]) =>
          Object.values(e.params ?? {}).some((k) => k.startsWith('own-')),
        );
        assert.ok(owned.length >= 5, `owned-object routes: ${owned.map(([k]) => k).join(', ')}`);
        for (const [key, entry] of owned) problems.push(...(await tryOthersOn(get(), key, entry)));
        t.diagnostic(`${owned.length} routes on owned objects, each tried by 5 other users`);
        assert.deepEqual(problems, []);
      },
    );

    it(
      'lets only a parent with a verified phone give guardian consent, only for the child who issued the code',
      SCENARIO,
      async () => {
        const t = get();
        const child = await signUp(t, 'adolescent', { birthYear: YOUNG });
        const otherChild = await signUp(t, 'adolescent', { birthYear: YOUNG });
        const parent = await signUp(t, 'parent');
        const issued = await t.request({
          method: 'POST',
          url: '/api/v1/me/guardian-code',
          token: child.accessToken,
        });
        assert.equal(issued.statusCode, 201, issued.body);
        const { code } = issued.json();
        const consentOf = async (a: Actor) =>
          (await t.request({ method: 'GET', url: '/api/v1/me/consents', token: a.accessToken })).json()
            .guardian;

        for (const who of [otherChild, await signUp(t, 'admin'), await signUp(t, 'provider')]) {
          const res = await t.request({
            method: 'POST',
            url: '/api/v1/guardian/consent',
            token: who.accessToken,
            body: { code },
          });
          assert.equal(res.statusCode, 403, `${who.role}: ${res.body}`);
        }
        // A parent account whose number nobody proved could be anyone, the child herself included.
        const unproven = await registerUser(t, { role: 'parent', birthYear: 1984 }, { verifyPhone: false });
        const refused = await t.request({
          method: 'POST',
          url: '/api/v1/guardian/consent',
          token: unproven.accessToken,
          body: { code },
        });
        assert.equal(refused.statusCode, 403, refused.body);
        assert.equal(refused.json().code, 'guardian_phone_required');
        assert.equal(
          (await consentOf(child)).given,
          false,
          'nobody but a parent with a proven number gave consent',
        );
        const redeemed = await t.request({
          method: 'POST',
          url: '/api/v1/guardian/consent',
          token: parent.accessToken,
          body: { code },
        });
        assert.equal(redeemed.statusCode, 204, redeemed.body);
        assert.equal((await consentOf(child)).given, true);
        assert.equal((await consentOf(otherChild)).given, false, "the other child's account is untouched");

        const again = await signUp(t, 'parent');
        const reuse = await t.request({
          method: 'POST',
          url: '/api/v1/guardian/consent',
          token: again.accessToken,
          body: { code },
        });
        assert.equal(reuse.statusCode, 404, 'a code works once');
        assert.equal((await consentOf(otherChild)).given, false);
      },
    );

    it(
      'takes a texted code only from the account it was sent for, and only for its purpose',
      SCENARIO,
      async () => {
        const t = get();
        const her = await signUp(t, 'adolescent');
        const mallory = await signUp(t, 'adolescent');
        const recover = (code: string) =>
          t.request({
            method: 'POST',
            url: '/api/v1/auth/recovery/complete',
            body: { phone: her.phone, code, newPin: '71946' },
          });
        // Mallory names her number as one of his: the code goes to her phone, and is bound to his account.
        const claimed = await t.request({
          method: 'POST',
          url: '/api/v1/me/phone',
          token: mallory.accessToken,
          body: { phone: her.phone, currentPassword: GOOD_PASSWORD },
        });
        assert.equal(claimed.statusCode, 202, claimed.body);
        const hisCode = lastCodeTo(t, her.phone);
        const withHisCode = await recover(hisCode);
        assert.equal(withHisCode.statusCode, 400, 'the code he asked for does not recover her account');
        assert.equal(withHisCode.json().code, 'invalid_code');

        const started = await t.request({
          method: 'POST',
          url: '/api/v1/auth/recovery',
          body: { phone: her.phone },
        });
        assert.equal(started.statusCode, 202);
        const herCode = lastCodeTo(t, her.phone);
        const asHis = await t.request({
          method: 'POST',
          url: '/api/v1/me/phone/verify',
          token: mallory.accessToken,
          body: { code: herCode },
        });
        assert.equal(asHis.statusCode, 400, `her recovery code proves nothing for him: ${asHis.body}`);
        assert.equal(asHis.json().code, 'invalid_code');
        assert.ok(await stillHerself(t, her), 'neither attempt touched her account');
        const me = await t.request({ method: 'GET', url: '/api/v1/me', token: mallory.accessToken });
        assert.equal(me.json().phone, mallory.phone, 'his sign-in number is still his own');

        const recovered = await recover(herCode);
        assert.equal(recovered.statusCode, 200, `her code still works for her: ${recovered.body}`);
        assert.equal(recovered.json().user.id, her.id);
      },
    );

    it('refuses server-owned fields in every body, and changes nothing (BOPLA)', SCENARIO, async (t) => {
      const problems: string[] = [];
      let routes = 0;
      const doc = (await get().request({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      // One world will do: every call here is refused, or accepted with the extra fields ignored.
      const world = await buildWorld(get());
      for (const [key, entry] of tableEntries()) {
        if (methodOf(key) === 'GET') continue;
        routes += 1;
        problems.push(...(await tryServerOwnedFields(world, key, entry, requestSchemaOf(doc, key))));
      }
      t.diagnostic(`${routes} operations that take a body, each sent every server-owned field`);
      assert.deepEqual(problems, []);
    });

    it('declares no hidden field in any answer of the OpenAPI document', SCENARIO, async () => {
      const doc = (await get().request({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      const answers = Object.values(
        doc.paths as Record<string, Record<string, { responses?: unknown }>>,
      ).flatMap((ops) => Object.values(ops).map((o) => o.responses));
      const found = hiddenKeysIn({ answers, components: doc.components?.schemas }).filter((p) =>
        /\.properties\.[^.]+$/.test(p),
      );
      assert.deepEqual(found, []);
    });

    it('tries every route of the care network on real links and appointments', SCENARIO, () => {
      const network = operations.filter((o) => CARE_NETWORK.test(o.path)).map((o) => o.key);
      assert.ok(network.length >= 20, `care-network routes: ${network.join(', ')}`);
      const tried = new Set(CARE_CASES.map((c) => c.key));
      assert.deepEqual(
        network.filter((key) => !tried.has(key)),
        [],
        'routes without a case in test/security/care-cases.ts',
      );
      assert.deepEqual(
        CARE_CASES.filter((c) => !POLICY_TABLE[c.key]).map((c) => c.key),
        [],
        'cases of routes that do not exist',
      );
    });

    // Last: the clock moves past her visits.
    it(
      "lets the care network's people do only what they may to her links and appointments (BOLA, leaks)",
      SCENARIO,
      async (t) => {
        const { problems, calls } = await tryCareCases(get(), CARE_CASES);
        t.diagnostic(`${CARE_CASES.length} cases, ${calls} calls`);
        assert.deepEqual(problems, []);
      },
    );
  },
  { config: { rateLimitScale: 0, ussdSimulator: true } },
);

/** Another user of the same role (and every other role) tries the owner's object by its id. */
async function tryOthersOn(t: TestApp, key: string, entry: PolicyEntry): Promise<string[]> {
  const world = await buildWorld(t);
  const { owner, cast } = world;
  const given: Record<string, string> = {};
  const kinds = Object.entries(entry.params ?? {}) as Array<[string, ParamKind]>;
  for (const [name, kind] of kinds) given[name] = await ownersObject(world, kind);
  const [name, kind] = kinds.find(([, k]) => k.startsWith('own-')) ?? ['', 'account'];
  const readBack = () => readOwners(world, kind, given[name] ?? '');
  const before = await readBack();
  const beforeDb = await fingerprint(t.db);
  const problems: string[] = [];
  for (const other of [cast.otherAdolescent, cast.parent, cast.provider, cast.writer, cast.admin]) {
    const res = await send(
      world,
      key,
      entry,
      { label: other.role, actor: other, token: other.accessToken },
      given,
    );
    const who = other.id === cast.otherAdolescent.id ? 'another adolescent' : other.role;
    const what = `${key} on the owner's ${kind} as ${who}`;
    problems.push(
      ...judgeOther(what, res, allowedRoles(entry.access).includes(other.role), kind, world.marker),
    );
    const after = await readBack();
    if (after !== before) problems.push(`${what}: the owner's ${kind} changed: ${before} → ${after}`);
  }
  if (kind !== 'own-day') {
    const changed = changedTables(beforeDb, await fingerprint(t.db));
    if (changed.length > 0) problems.push(`${key}: refused calls changed ${changed.join(', ')}`);
  }
  const mine = await send(
    world,
    key,
    entry,
    { label: 'owner', actor: owner, token: owner.accessToken },
    given,
  );
  if (mine.statusCode !== entry.ok)
    problems.push(`${key} as the owner: expected ${entry.ok}, got ${mine.statusCode} ${mine.body}`);
  return problems;
}

function judgeOther(
  what: string,
  res: LightMyRequestResponse,
  allowed: boolean,
  kind: ParamKind,
  marker: string,
): string[] {
  const problems: string[] = [];
  if (!allowed && res.statusCode !== 403) problems.push(`${what}: expected 403, got ${res.statusCode}`);
  // A date names a day in the caller's own calendar: she may log hers; the owner's must not move.
  if (allowed && kind !== 'own-day' && res.statusCode !== 404)
    problems.push(`${what}: expected 404, got ${res.statusCode} ${res.body.slice(0, 120)}`);
  if (res.statusCode >= 500) problems.push(`${what}: ${res.statusCode}`);
  if (res.body.includes(marker)) problems.push(`${what}: answer shows the owner's notes`);
  return problems;
}

async function ownersObject(world: World, kind: ParamKind): Promise<string> {
  if (kind === 'own-period') return world.ownerPeriodId ?? '';
  if (kind === 'own-day') return OWN_DAY;
  return paramFor(world, kind, world.owner);
}

/** The owner's object as she sees it through the API, as text to compare. */
async function readOwners(world: World, kind: ParamKind, value: string): Promise<string> {
  const token = world.owner.accessToken;
  const read = (url: string) => world.t.request({ method: 'GET', url, token });
  if (kind === 'own-period') {
    const periods = (await read('/api/v1/cycles/periods')).json().periods as Array<{ id: string }>;
    return JSON.stringify(periods.find((p) => p.id === value) ?? 'gone');
  }
  if (kind === 'own-day')
    return JSON.stringify((await read(`/api/v1/cycles/days?from=${value}&to=${value}`)).json());
  if (kind === 'own-session') {
    const sessions = (await read('/api/v1/me/sessions')).json().sessions as Array<{ id: string }>;
    return sessions.some((s) => s.id === value) ? 'live' : 'ended';
  }
  return '';
}

/** Fields only the server sets. A body naming any of them is refused whole. */
const SERVER_OWNED: Record<string, unknown> = {
  id: '00000000-0000-4000-8000-000000000001',
  userId: '00000000-0000-4000-8000-000000000002',
  user_id: '00000000-0000-4000-8000-000000000002',
  ownerId: '00000000-0000-4000-8000-000000000002',
  role: 'admin',
  isAdmin: true,
  status: 'active',
  createdAt: '2000-01-01T00:00:00.000Z',
  timeZone: 'UTC',
  hasPassword: false,
  passwordHash: '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
  pinHash: '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
  sessionId: '00000000-0000-4000-8000-000000000003',
  grantedBy: '00000000-0000-4000-8000-000000000004',
};

type BodySchema = { properties?: Record<string, unknown>; additionalProperties?: unknown } | undefined;

function requestSchemaOf(doc: { paths: Record<string, Record<string, unknown>> }, key: string): BodySchema {
  const path = key.slice(key.indexOf(' ') + 1);
  const op = doc.paths[path]?.[methodOf(key).toLowerCase()] as
    | { requestBody?: { content?: Record<string, { schema?: BodySchema }> } }
    | undefined;
  return op?.requestBody?.content?.['application/json']?.schema;
}

async function tryServerOwnedFields(
  world: World,
  key: string,
  entry: PolicyEntry,
  schema: BodySchema,
): Promise<string[]> {
  const { t } = world;
  const roles = allowedRoles(entry.access);
  const staff = world.cast[roles[0] ?? 'admin'];
  const actor = entry.access.public ? undefined : roles.includes('adolescent') ? world.owner : staff;
  const caller = { label: actor?.role ?? 'anonymous', actor, token: actor?.accessToken };
  const declared = Object.keys(schema?.properties ?? {});
  const extra = Object.fromEntries(Object.entries(SERVER_OWNED).filter(([k]) => !declared.includes(k)));
  const sample = entry.body ? await entry.body(world.inputs, actor) : {};
  const url = await urlFor(world, key, entry, actor);
  const beforeDb = await fingerprint(t.db);
  const rolesBefore = await rolesAndStatus(t);
  const res = await t.request({
    method: methodOf(key),
    url,
    ...(actor ? { token: actor.accessToken } : {}),
    body: { ...(sample as object), ...extra },
  });
  const what = `${key} as ${caller.label} with ${Object.keys(extra).length} server-owned fields`;
  const problems = res.statusCode >= 500 ? [`${what}: ${res.statusCode}`] : [];
  if (schema !== undefined && schema.additionalProperties === false)
    problems.push(...namesEvery(what, res, extra));
  if (res.statusCode >= 400) {
    const changed = changedTables(beforeDb, await fingerprint(t.db));
    if (changed.length > 0) problems.push(`${what}: refused, yet changed ${changed.join(', ')}`);
    if (actor && !(await stillHerself(t, actor)))
      problems.push(`${what}: the caller lost her session or role`);
  } else {
    const rolesAfter = await rolesAndStatus(t);
    const changed = [...rolesBefore].filter(([id, was]) => rolesAfter.has(id) && rolesAfter.get(id) !== was);
    if (changed.length > 0) problems.push(`${what}: accepted, and an account's role or status changed`);
  }
  return problems;
}

/** A strict body is refused with 400, and the answer names every field it would not take. */
function namesEvery(what: string, res: LightMyRequestResponse, extra: Record<string, unknown>): string[] {
  const named = ((res.json().errors ?? []) as Array<{ field: string }>).map((e) => e.field);
  const missing = Object.keys(extra).filter((f) => !named.includes(`body/${f}`));
  if (res.statusCode === 400 && missing.length === 0) return [];
  return [
    `${what}: expected 400 naming every field, got ${res.statusCode}; not named: ${missing.join(', ')}`,
  ];
}

async function rolesAndStatus(t: TestApp): Promise<Map<string, string>> {
  const rows = await t.db.raw<{ id: string; role: string; status: string }>(
    'SELECT id, role, status FROM users',
  );
  return new Map(rows.map((r) => [r.id, `${r.role}/${r.status}`]));
}
