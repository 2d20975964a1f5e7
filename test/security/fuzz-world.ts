import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/app.ts';
import { GOOD_PASSWORD, lastCodeTo, uniquePhone } from '../support/factories.ts';
import { type Actor, type Cast, castOf, signIn, signUp, YOUNG } from './fuzz-actors.ts';
import type { ParamKind, PolicyEntry, SampleInputs } from './policy-table.ts';

/** The day every adolescent in these tests logs, and the owner's period (before the callers' own). */
export const OWN_DAY = '2026-11-20';
const OWNER_PERIOD = { startDate: '2026-10-05', endDate: '2026-10-09', flow: 'heavy' };

// Each period a caller is given starts five weeks before her previous one, so they never overlap.
const periodsGiven = new Map<string, number>();
function nextPeriodFor(actor: Actor) {
  const n = periodsGiven.get(actor.id) ?? 0;
  periodsGiven.set(actor.id, n + 1);
  const start = new Date(Date.UTC(2026, 7, 3) - n * 35 * 86_400_000);
  const end = new Date(start.getTime() + 4 * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { startDate: day(start), endDate: day(end), flow: 'light' };
}

/**
 * Everyone one route is tried against: a cast of every role, an account admin routes act on
 * (the target), and the owner (the cast's adolescent) with a period and a day log whose notes
 * carry a marker nobody else may ever be shown.
 */
export type World = {
  t: TestApp;
  cast: Cast;
  owner: Actor;
  target: Actor;
  marker: string;
  ownerPeriodId: string | undefined;
  inputs: SampleInputs;
  /** Everyone made for this world so far (guardian codes add children), for leak scans. */
  people: Actor[];
};

export async function buildWorld(t: TestApp, opts: { young?: boolean } = {}): Promise<World> {
  const [cast, target] = await Promise.all([
    castOf(t, opts.young ? { adolescentBirthYear: YOUNG } : {}),
    signUp(t, 'parent'),
  ]);
  const owner = cast.adolescent;
  const marker = `marker-${randomUUID()}`;
  const people: Actor[] = [...Object.values(cast), target];
  let ownerPeriodId: string | undefined;
  if (!opts.young) {
    const period = await t.request({
      method: 'POST',
      url: '/api/v1/cycles/periods',
      token: owner.accessToken,
      body: { ...OWNER_PERIOD, notes: marker },
    });
    if (period.statusCode !== 201) throw new Error(`owner's period: ${period.statusCode} ${period.body}`);
    ownerPeriodId = period.json().id;
    await logDay(t, owner, marker);
  }
  const inputs: SampleInputs = {
    target: { id: target.id, email: target.email, phone: target.phone },
    freshRefreshToken: async () => (await signIn(t, target)).refreshToken,
    async freshGuardianCode() {
      const child = await signUp(t, 'adolescent', { birthYear: YOUNG });
      people.push(child);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/me/guardian-code',
        token: child.accessToken,
      });
      if (res.statusCode !== 201) throw new Error(`guardian code: ${res.statusCode} ${res.body}`);
      return res.json().code;
    },
    async freshPhoneCode(caller) {
      // Without a caller (no token, or a revoked one) there is no number of hers: any code will do.
      if (!caller) return '000000';
      const phone = uniquePhone();
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/me/phone',
        token: caller.accessToken,
        body: { phone, currentPassword: GOOD_PASSWORD },
      });
      if (res.statusCode !== 202) return '000000';
      return lastCodeTo(t, phone);
    },
    async freshRecoveryCode() {
      // The newest code is the one that counts, and the test clock stands still: a second passes
      // between codes as it would between two real requests.
      t.clock.advance(1);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/auth/recovery',
        body: { phone: target.phone },
      });
      if (res.statusCode !== 202) throw new Error(`recovery code: ${res.statusCode} ${res.body}`);
      return lastCodeTo(t, target.phone);
    },
  };
  return { t, cast, owner, target, marker, ownerPeriodId, inputs, people };
}

async function logDay(t: TestApp, actor: Actor, notes: string) {
  return t.request({
    method: 'PUT',
    url: `/api/v1/cycles/days/${OWN_DAY}`,
    token: actor.accessToken,
    body: { flow: 'medium', pain: 2, notes },
  });
}

/**
 * A value for a path parameter, made for `actor` where the parameter names her own object (a new
 * period, a second session, a day log). Callers who cannot have one (other roles, no token) get
 * the owner's: if the route let them through, they would be touching someone else's data.
 */
export async function paramFor(world: World, kind: ParamKind, actor: Actor | undefined): Promise<string> {
  const { t } = world;
  switch (kind) {
    case 'account':
      return world.target.id;
    case 'gateway-secret':
      return 'unchecked-in-tests';
    case 'unknown-id':
      return randomUUID();
    case 'unknown-slug':
      return 'no-such-article';
    case 'owner':
      return world.owner.id;
    case 'care-part':
      return 'prediction';
    case 'own-day':
      if (actor) await logDay(t, actor, 'her own day');
      return OWN_DAY;
    case 'own-period': {
      const res = actor
        ? await t.request({
            method: 'POST',
            url: '/api/v1/cycles/periods',
            token: actor.accessToken,
            body: nextPeriodFor(actor),
          })
        : undefined;
      if (res?.statusCode === 201) return res.json().id;
      return world.ownerPeriodId ?? randomUUID();
    }
    case 'own-session': {
      if (!actor) return randomUUID();
      const second = await signIn(t, actor);
      const res = await t.request({ method: 'GET', url: '/api/v1/me/sessions', token: second.accessToken });
      const current = (res.json().sessions as Array<{ id: string; current: boolean }>).find((s) => s.current);
      return current?.id ?? randomUUID();
    }
  }
}

/** The URL of an operation ("PATCH /api/v1/cycles/periods/{id}") for `actor`, query included. */
export async function urlFor(
  world: World,
  key: string,
  entry: PolicyEntry,
  actor: Actor | undefined,
  given: Record<string, string> = {},
): Promise<string> {
  let path = key.slice(key.indexOf(' ') + 1);
  for (const [name, kind] of Object.entries(entry.params ?? {})) {
    const value = given[name] ?? (await paramFor(world, kind, actor));
    path = path.replace(`{${name}}`, encodeURIComponent(value));
  }
  const query = entry.query ? `?${new URLSearchParams(entry.query).toString()}` : '';
  return `${path}${query}`;
}

export function methodOf(key: string): 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' {
  return key.slice(0, key.indexOf(' ')) as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
}
