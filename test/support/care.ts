import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.ts';
import { type Registered, registerUser } from './factories.ts';

/** Born 2009: 16 at the test clock's date (2026-11-28), the consent age; in full control of her links. */
export const OF_AGE = 2009;
/** Born 2012: 13 or 14 at the test clock's date, under the consent age (16). */
export const YOUNG = 2012;

/** Words of her own that no adult's answer may ever carry. */
export const HER_WORDS = {
  dayNote: 'my-day-note-only-mine',
  periodNote: 'my-period-note-only-mine',
  otherSymptom: 'my-own-words-only-mine',
};

export const girlOf = (t: TestApp, birthYear = OF_AGE, name?: string) =>
  registerUser(t, { birthYear, ...(name ? { name } : {}) });
export const parentOf = (t: TestApp, name?: string) =>
  registerUser(t, { role: 'parent', birthYear: 1984, ...(name ? { name } : {}) });

/** A fresh client address, so the per-address quota on code entry is not what a test meets. */
export const someAddress = () => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

export async function makeCode(t: TestApp, token: string): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/v1/care/link-codes', token });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().code;
}

/** POST /care/links from an address of its own (unless one is given). */
export async function enterCode(
  t: TestApp,
  token: string,
  code: string,
  address = someAddress(),
): Promise<LightMyRequestResponse> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/care/links',
    headers: { authorization: `Bearer ${token}` },
    payload: { code },
    remoteAddress: address,
  });
  await t.app.settled();
  return res;
}

export type Link = {
  id: string;
  status: 'pending' | 'active';
  side: 'child' | 'adult';
  person: { id: string; name: string; role: string } | null;
  scopes: string[];
  origin: string;
  fixedScopes: string[];
  awaitingYou: boolean;
  createdAt: string;
  confirmedAt: string | null;
};

export async function linksOf(t: TestApp, token: string): Promise<Link[]> {
  const res = await t.request({ method: 'GET', url: '/api/v1/care/links', token });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().links;
}

export const confirmLink = (t: TestApp, token: string, id: string) =>
  t.request({ method: 'POST', url: `/api/v1/care/links/${id}/confirm`, token });

export const setSharing = (t: TestApp, token: string, id: string, scopes: string[]) =>
  t.request({ method: 'PUT', url: `/api/v1/care/links/${id}/sharing`, token, body: { scopes } });

export const unlink = (t: TestApp, token: string, id: string) =>
  t.request({ method: 'DELETE', url: `/api/v1/care/links/${id}`, token });

export const childView = (t: TestApp, token: string, childId: string, part = '') =>
  t.request({ method: 'GET', url: `/api/v1/care/children/${childId}${part ? `/${part}` : ''}`, token });

/**
 * She makes a code, he enters it, she confirms: an active link (default scopes), as two people
 * do it. With `by: 'parent'` the parent makes the code and confirms.
 */
export async function linked(
  t: TestApp,
  girl: Registered,
  parent: Registered,
  opts: { by?: 'girl' | 'parent'; scopes?: string[] } = {},
): Promise<string> {
  const [maker, enterer] = opts.by === 'parent' ? [parent, girl] : [girl, parent];
  const entered = await enterCode(t, enterer.accessToken, await makeCode(t, maker.accessToken));
  assert.equal(entered.statusCode, 201, entered.body);
  const id = entered.json().id as string;
  const confirmed = await confirmLink(t, maker.accessToken, id);
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  if (opts.scopes) {
    const shared = await setSharing(t, girl.accessToken, id, opts.scopes);
    assert.equal(shared.statusCode, 200, shared.body);
  }
  return id;
}

/** A parent with a verified number of his own gives consent for a girl under the consent age. */
export async function consentingGuardian(t: TestApp, girl: Registered, name?: string): Promise<Registered> {
  const guardian = await parentOf(t, name);
  const issued = await t.request({
    method: 'POST',
    url: '/api/v1/me/guardian-code',
    token: girl.accessToken,
  });
  assert.equal(issued.statusCode, 201, issued.body);
  const given = await t.request({
    method: 'POST',
    url: '/api/v1/guardian/consent',
    token: guardian.accessToken,
    body: { code: issued.json().code },
  });
  assert.equal(given.statusCode, 204, given.body);
  return guardian;
}

/**
 * Two periods 28 days apart and a day she described in every field, her own words included
 * (the test clock's today is 2026-11-28).
 */
export async function logHerCycle(t: TestApp, girl: Registered): Promise<void> {
  for (const body of [
    { startDate: '2026-10-03', endDate: '2026-10-07', notes: HER_WORDS.periodNote },
    { startDate: '2026-10-31', endDate: '2026-11-04', flow: 'heavy', notes: HER_WORDS.periodNote },
  ]) {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/cycles/periods',
      token: girl.accessToken,
      body,
    });
    assert.equal(res.statusCode, 201, res.body);
  }
  const day = await t.request({
    method: 'PUT',
    url: '/api/v1/cycles/days/2026-11-20',
    token: girl.accessToken,
    body: {
      flow: 'light',
      symptoms: ['cramps', 'headache'],
      otherSymptoms: [HER_WORDS.otherSymptom],
      mood: 'sad',
      pain: 4,
      energy: 'low',
      sleepHours: 6.5,
      basalTemperature: 36.7,
      cervicalMucus: 'egg_white',
      notes: HER_WORDS.dayNote,
    },
  });
  assert.equal(day.statusCode, 200, day.body);
}

/** Her access log's entries of this action. */
export async function accessLogOf(t: TestApp, token: string, action: string) {
  const res = await t.request({ method: 'GET', url: '/api/v1/me/access-log', token });
  assert.equal(res.statusCode, 200, res.body);
  return (
    res.json().entries as Array<{
      action: string;
      resource: string | null;
      actor: { role: string; label: string };
    }>
  ).filter((e) => e.action === action);
}
