import type { LightMyRequestResponse } from 'fastify';
import { CARE_SCOPES, type CareScope } from '../../src/modules/care/scopes.ts';
import type { TestApp } from '../support/app.ts';
import { slotAfter } from '../support/appointments.ts';
import type { TestDatabase } from '../support/databases.ts';
import {
  AFTER_THE_VISIT,
  type BodyMakers,
  CARE_CALLERS,
  type CareCaller,
  type CareCase,
  type CareObject,
  type CheckIds,
} from './care-cases.ts';
import {
  BEYOND_PREDICTION,
  type CareCast,
  careCastOf,
  forbiddenTo,
  freshAppointment,
  freshLink,
} from './care-cast.ts';
import { type Actor, signIn } from './fuzz-actors.ts';
import { changedTables, type Fingerprint, fingerprint } from './fuzz-fingerprint.ts';
import { type Secret, storedSecrets } from './fuzz-leaks.ts';
import { buildWorld, methodOf, type World } from './fuzz-world.ts';
import { type Expected, jsonOf, judge, keysNamed } from './matrix-judge.ts';
import { allowedRoles, POLICY_TABLE, type Standing } from './policy-table.ts';

/*
 * Runs test/security/care-cases.ts: one world with its care network, the cases before the visit,
 * then the clock moved past the visits booked for the cases after it.
 */

const STANDING: Partial<Record<CareCaller, Standing>> = {
  'the parent she linked': 'linked-parent',
  'a parent waiting for her to confirm him': 'waiting-parent',
  'an unverified provider': 'unverified-provider',
};

type CareWorld = { world: World; care: CareCast; visits: Map<CareCase, string> };
/** The parent of a fresh link stands in for the cast's one during the case that made it. */
type StandIns = Partial<Record<CareCaller, Actor>>;
const PARENT_OF: Record<keyof CareCast['links'], CareCaller> = {
  active: 'the parent she linked',
  waitingForHer: 'a parent waiting for her to confirm him',
  waitingForHim: 'a parent whose code she entered',
};

async function snapshot(db: TestDatabase): Promise<Fingerprint> {
  return fingerprint(db);
}

function actorsOf({ world, care }: CareWorld, standIns: StandIns = {}): Record<CareCaller, Actor> {
  const { cast } = world;
  return {
    her: world.owner,
    'another girl': cast.otherAdolescent,
    'the parent she linked': care.linkedParent,
    'a parent waiting for her to confirm him': care.waitingParent,
    'a parent whose code she entered': care.askingParent,
    'a parent she never linked': cast.parent,
    'her provider': cast.provider,
    'another provider': care.otherProvider,
    'an unverified provider': care.unverifiedProvider,
    'a writer': cast.writer,
    'an admin': cast.admin,
    ...standIns,
  };
}

async function objectFor(
  cw: CareWorld,
  kase: CareCase,
  kind: CareObject,
  standIns: StandIns,
): Promise<string> {
  const { world, care } = cw;
  if ((CARE_SCOPES as readonly string[]).includes(kind)) return kind as CareScope;
  const fresh = kase.changes === true;
  const link = async (which: keyof CareCast['links']) => {
    if (!fresh) return care.links[which];
    const made = await freshLink(world, care, which);
    standIns[PARENT_OF[which]] = made.parent;
    return made.id;
  };
  switch (kind) {
    case 'her id':
      return world.owner.id;
    case 'her provider id':
      return world.cast.provider.id;
    case 'the unverified provider id':
      return care.unverifiedProvider.id;
    case 'active link':
      return link('active');
    case 'link waiting for her':
      return link('waitingForHer');
    case 'link waiting for him':
      return link('waitingForHim');
    case 'her appointment':
      return fresh ? freshAppointment(world, care, { minutes: 3 * 1440 }) : care.appointment;
    case 'her confirmed appointment':
      return freshAppointment(world, care, { minutes: 3 * 1440, confirmed: true });
    default: {
      const visit = cw.visits.get(kase);
      if (!visit) throw new Error(`${kase.key}: no ${kind} was booked before the clock moved`);
      return visit;
    }
  }
}

function expectedFor(kase: CareCase, who: CareCaller, actor: Actor): Expected {
  const entry = POLICY_TABLE[kase.key];
  const listed = kase.succeeds?.[who] ?? kase.refuses?.[who];
  if (listed) return listed;
  if (!entry || !allowedRoles(entry.access).includes(actor.role)) return { status: 403, code: 'forbidden' };
  const standing = STANDING[who];
  return (standing && entry.standing?.[standing]) || kase.others || { status: 404 };
}

/** The case's URL with its objects (fresh ones when it changes them), and what they are, for failures. */
async function urlOf(cw: CareWorld, kase: CareCase, standIns: StandIns) {
  let path = kase.key.slice(kase.key.indexOf(' ') + 1);
  for (const [name, kind] of Object.entries(kase.params ?? {}))
    path = path.replace(`{${name}}`, encodeURIComponent(await objectFor(cw, kase, kind, standIns)));
  const query = kase.query ? `?${new URLSearchParams(kase.query)}` : '';
  return { url: `${path}${query}`, on: Object.values(kase.params ?? {}).join(', ') || 'no object' };
}

/** Problems with one caller's answer: status, leaks, parts beyond her prediction, the case's own checks. */
function judgeCall(
  cw: CareWorld,
  kase: CareCase,
  call: { who: CareCaller; actor: Actor; what: string; stored: Secret[]; ids: CheckIds },
  res: LightMyRequestResponse,
): string[] {
  const { who, actor, what } = call;
  const entry = POLICY_TABLE[kase.key];
  const forbidden = forbiddenTo(cw.world, cw.care, actor, {
    ...(entry?.reveals ? { reveals: entry.reveals } : {}),
    ...(kase.summary ? { summary: true } : {}),
  });
  const problems = judge(what, res, expectedFor(kase, who, actor), [...call.stored, ...forbidden], true);
  const json = jsonOf(res);
  if (kase.key.includes('/care/') && actor.role === 'parent')
    for (const key of keysNamed(json, BEYOND_PREDICTION)) problems.push(`${what}: answer shows ${key}`);
  if (res.statusCode < 300 && kase.check)
    problems.push(...kase.check(json, who, call.ids).map((p) => `${what}: ${p}`));
  return problems;
}

/** Every caller of the case, refused ones first; what they were refused must have changed nothing. */
async function tryCase(cw: CareWorld, kase: CareCase): Promise<{ problems: string[]; calls: number }> {
  const { world, care } = cw;
  const { t } = world;
  const standIns: StandIns = {};
  const { url, on } = await urlOf(cw, kase, standIns);
  const actors = actorsOf(cw, standIns);
  const ids: CheckIds = {
    her: world.owner.id,
    herProvider: world.cast.provider.id,
    unverifiedProvider: care.unverifiedProvider.id,
  };
  const makers = bodyMakers(cw, ids);
  const last = Object.keys(kase.succeeds ?? {}) as CareCaller[];
  const order = [...CARE_CALLERS.filter((c) => !last.includes(c) && !kase.skip?.includes(c)), ...last];
  const bodies = new Map<CareCaller, unknown>();
  for (const who of order) bodies.set(who, kase.body ? await kase.body(makers) : undefined);
  const stored = await storedSecrets(t.db);
  const before = await snapshot(t.db);
  const problems: string[] = [];
  for (const who of order) {
    if (who === last[0]) problems.push(...(await unchanged(t, before, `${kase.key} on ${on}`)));
    const actor = actors[who];
    const body = bodies.get(who);
    const res = await t.request({
      method: methodOf(kase.key),
      url,
      token: actor.accessToken,
      ...(body === undefined ? {} : { body }),
    });
    const what = `${kase.key} on ${on} as ${who} [${kase.goal}]`;
    problems.push(...judgeCall(cw, kase, { who, actor, what, stored, ids }, res));
  }
  if (last.length === 0) problems.push(...(await unchanged(t, before, `${kase.key} on ${on}`)));
  return { problems, calls: order.length };
}

async function unchanged(t: TestApp, before: Fingerprint, what: string): Promise<string[]> {
  const changed = changedTables(before, await snapshot(t.db));
  return changed.length > 0 ? [`${what}: refused calls changed ${changed.join(', ')}`] : [];
}

/** Fresh values for one case's bodies: one slot and one code of hers, shared by its callers. */
function bodyMakers(cw: CareWorld, ids: CheckIds): BodyMakers {
  const { world } = cw;
  const { t, owner } = world;
  let slot: Promise<string> | undefined;
  let code: Promise<string> | undefined;
  return {
    ...ids,
    freeSlot() {
      slot ??= slotAfter(t, owner.accessToken, ids.herProvider, 4 * 1440).then((s) => s.start);
      return slot;
    },
    herCode() {
      code ??= t
        .request({ method: 'POST', url: '/api/v1/care/link-codes', token: owner.accessToken })
        .then((res) => res.json().code as string);
      return code;
    },
  };
}

const afterTheVisit = (kase: CareCase) =>
  Object.values(kase.params ?? {}).some((kind) => AFTER_THE_VISIT.includes(kind));

/**
 * Books a visit for each case after the visit (confirmed, except 'her unconfirmed visit') at her
 * provider's first free slots, moves the clock past them, signs everyone in again (their tokens
 * expired meanwhile), and records the completed one as done.
 */
async function bookVisits(cw: CareWorld, cases: CareCase[]): Promise<void> {
  const { world, care } = cw;
  const { t } = world;
  let latest = 0;
  for (const kase of cases) {
    const kind = Object.values(kase.params ?? {}).find((k) => AFTER_THE_VISIT.includes(k));
    const id = await freshAppointment(world, care, {
      minutes: 1,
      confirmed: kind !== 'her unconfirmed visit',
    });
    cw.visits.set(kase, id);
    const got = await t.request({
      method: 'GET',
      url: `/api/v1/appointments/${id}`,
      token: world.owner.accessToken,
    });
    latest = Math.max(latest, Date.parse(got.json().start));
  }
  t.clock.advance((latest - t.clock.now().getTime()) / 1000 + 60);
  const everyone = new Set([...Object.values(actorsOf(cw)), ...Object.values(world.cast)]);
  for (const actor of everyone) actor.accessToken = (await signIn(t, actor)).accessToken;
  for (const [kase, id] of cw.visits) {
    if (!Object.values(kase.params ?? {}).includes('her completed visit')) continue;
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/appointments/${id}/complete`,
      token: world.cast.provider.accessToken,
    });
    if (res.statusCode !== 200) throw new Error(`completing her visit: ${res.statusCode} ${res.body}`);
  }
}

/**
 * Every case of `cases` in one new world: those before the visit, then (the clock moved) those
 * after it. The test clock only goes forward: run this after the tests that expect today's date.
 */
export async function tryCareCases(
  t: TestApp,
  cases: CareCase[],
): Promise<{ problems: string[]; calls: number }> {
  const world = await buildWorld(t);
  const cw: CareWorld = { world, care: await careCastOf(world), visits: new Map() };
  const problems: string[] = [];
  let calls = 0;
  const later = cases.filter(afterTheVisit);
  for (const kase of cases.filter((c) => !afterTheVisit(c))) {
    const done = await tryCase(cw, kase);
    problems.push(...done.problems);
    calls += done.calls;
  }
  if (later.length > 0) await bookVisits(cw, later);
  for (const kase of later) {
    const done = await tryCase(cw, kase);
    problems.push(...done.problems);
    calls += done.calls;
  }
  return { problems, calls };
}
