import { CARE_SCOPES } from '../../src/modules/care/scopes.ts';
import type { Role } from '../../src/platform/db/tables.ts';
import type { TestApp } from '../support/app.ts';
import { slotAfter } from '../support/appointments.ts';
import { book, bookableProvider, type RegisteredProvider, registerProvider } from '../support/providers.ts';
import { type Actor, linkByCode, signIn, signUp, YOUNG } from './fuzz-actors.ts';
import type { Placeholders } from './fuzz-requests.ts';

/*
 * Where a caller stands beyond her role, so that the fuzz reaches the care network's handlers on
 * real rows and not only on their "not linked / not found" paths: a parent with or without a
 * daughter linked to him, a provider verified (with a booking to answer and a visit that has
 * begun) or waiting for an admin, an adolescent alone or linked to a parent (with an appointment
 * of her own and a link waiting for her to confirm it). Everything is made through the API, as
 * people make it; `arrange` returns the placeholders naming what was made.
 */
export const STANDINGS = {
  adolescent: ['adolescent', 'linked adolescent'],
  parent: ['unlinked parent', 'linked parent'],
  provider: ['verified provider', 'unverified provider'],
  writer: ['writer'],
  admin: ['admin'],
} as const satisfies Record<Role, readonly string[]>;
export type Standing = (typeof STANDINGS)[Role][number];

/** Far enough ahead that she, her parent or the provider may still cancel or move it (cut-off: 2 h). */
const CHANGEABLE_MINUTES = 180;

/**
 * What the standings share for the whole run. `provider`: a verified provider open every day whom
 * the callers' appointments are with, and whose free slots they book and move to (a new one when
 * his two weeks are full); admin callers never learn his id (they are given providers of their own
 * to verify and suspend). `begun`: verified providers, each with a visit he confirmed that has
 * begun, made before any route runs (`visitsBegun`); each verified provider caller is one of them.
 */
export type Clinic = {
  provider: RegisteredProvider | undefined;
  begun: Array<{ provider: Actor; visit: string }>;
};

async function clinicId(t: TestApp, clinic: Clinic): Promise<string> {
  clinic.provider ??= await bookableProvider(t);
  return clinic.provider.id;
}

/**
 * `count` verified providers, each booked by a girl at his first free slot, a visit he confirms;
 * then the clock moves to the last of those starts, so that every visit has begun (and can be
 * completed, marked missed or given a note). The clock moves once, before the routes run, by the
 * booking lead (2 hours) and a little: the rest of the run keeps the same day.
 */
export async function visitsBegun(t: TestApp, clinic: Clinic, count: number): Promise<void> {
  if (count === 0) return;
  let latest = t.clock.now().getTime();
  for (let i = 0; i < count; i += 1) {
    const [provider, patient] = await Promise.all([signUp(t, 'provider'), signUp(t, 'adolescent')]);
    const soon = await slotAfter(t, patient.accessToken, provider.id, 0);
    const visit = (
      await asked(t, 'a visit', 201, {
        method: 'POST',
        url: '/api/v1/appointments',
        token: patient.accessToken,
        body: { providerId: provider.id, start: soon.start, reason: 'general_checkup', shareSummary: true },
      })
    ).json().id;
    await asked(t, 'confirming the visit', 200, {
      method: 'POST',
      url: `/api/v1/appointments/${visit}/confirm`,
      token: provider.accessToken,
    });
    clinic.begun.push({ provider, visit });
    latest = Math.max(latest, Date.parse(soon.start));
  }
  t.clock.advance((latest - t.clock.now().getTime()) / 1000 + 60);
}

/** Books the clinic's first free slot `minutes` from now for `booker` (a parent: for `forUserId`). */
export async function bookAtClinic(
  t: TestApp,
  clinic: Clinic,
  booker: Actor,
  opts: { minutes: number; forUserId?: string },
): Promise<string> {
  let failure = '';
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const providerId = await clinicId(t, clinic);
    try {
      const slot = await slotAfter(t, booker.accessToken, providerId, opts.minutes);
      const res = await book(t, booker.accessToken, {
        providerId,
        start: slot.start,
        reason: 'period_problem',
        ...(opts.forUserId ? { forUserId: opts.forUserId } : {}),
      });
      if (res.statusCode === 201) return res.json().id;
      failure = `${res.statusCode} ${res.body}`;
    } catch (error) {
      failure = (error as Error).message;
    }
    clinic.provider = undefined;
  }
  throw new Error(`booking at the clinic: ${failure}`);
}

/** A free slot of this provider's (as `viewer` sees them), or nothing when he shows none. */
async function freeSlot(t: TestApp, viewer: Actor, providerId: string): Promise<Placeholders> {
  try {
    return { $slot: (await slotAfter(t, viewer.accessToken, providerId, CHANGEABLE_MINUTES)).start };
  } catch {
    return {};
  }
}

async function asked(t: TestApp, what: string, expected: number, req: Parameters<TestApp['request']>[0]) {
  const res = await t.request(req);
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res;
}

/** A period, and a day she described, for the parts a linked parent reads. */
async function logSomeDays(t: TestApp, girl: Actor): Promise<void> {
  await asked(t, 'her period', 201, {
    method: 'POST',
    url: '/api/v1/cycles/periods',
    token: girl.accessToken,
    body: { startDate: '2026-10-31', endDate: '2026-11-04', flow: 'heavy', notes: 'only hers' },
  });
  await asked(t, 'her day', 200, {
    method: 'PUT',
    url: '/api/v1/cycles/days/2026-11-20',
    token: girl.accessToken,
    body: { flow: 'light', symptoms: ['cramps'], mood: 'sad', pain: 4, notes: 'only hers' },
  });
}

/** A girl under the consent age is linked the one way she can be: her guardian consents. */
async function consentingGuardianOf(t: TestApp, girl: Actor): Promise<string> {
  const guardian = await signUp(t, 'parent');
  const issued = await asked(t, 'guardian code', 201, {
    method: 'POST',
    url: '/api/v1/me/guardian-code',
    token: girl.accessToken,
  });
  await asked(t, 'guardian consent', 204, {
    method: 'POST',
    url: '/api/v1/guardian/consent',
    token: guardian.accessToken,
    body: { code: issued.json().code },
  });
  const links = await asked(t, 'her links', 200, {
    method: 'GET',
    url: '/api/v1/care/links',
    token: girl.accessToken,
  });
  const link = (links.json().links as Array<{ id: string; status: string }>).find(
    (l) => l.status === 'active',
  );
  if (!link) throw new Error('the guardian consented, yet she has no link');
  return link.id;
}

/**
 * A new account of `role` in this standing, and the placeholders naming what it has there (made
 * here). `young`: an adolescent under the consent age; `linkCode`: a live link code made by
 * somebody of the other side, for her (or him) to type; `reviews`: providers for an admin to review.
 */
export async function callerIn(
  t: TestApp,
  clinic: Clinic,
  standing: Standing,
  role: Role,
  opts: { young?: boolean; linkCode?: boolean; reviews?: boolean },
): Promise<{ actor: Actor; known: Placeholders }> {
  const known: Placeholders = {};
  let actor: Actor;
  const ready = standing === 'verified provider' ? clinic.begun.shift() : undefined;
  if (ready) {
    // The clock has moved since he signed in: a new sign-in, as he would after the visit began.
    actor = { ...ready.provider, ...(await signIn(t, ready.provider)) };
    known.$visit = ready.visit;
  } else if (standing === 'unverified provider') actor = await signUp(t, 'provider', { verified: false });
  else actor = await signUp(t, role, opts.young ? { birthYear: YOUNG } : {});
  return { actor, known: { ...known, ...(await arrange(t, clinic, standing, actor, opts)) } };
}

async function arrange(
  t: TestApp,
  clinic: Clinic,
  standing: Standing,
  actor: Actor,
  opts: { young?: boolean; linkCode?: boolean; reviews?: boolean },
): Promise<Placeholders> {
  const known: Placeholders = {};
  if (opts.linkCode && (actor.role === 'adolescent' || actor.role === 'parent')) {
    const maker = await signUp(t, actor.role === 'adolescent' ? 'parent' : 'adolescent');
    const made = await asked(t, 'link code', 201, {
      method: 'POST',
      url: '/api/v1/care/link-codes',
      token: maker.accessToken,
    });
    known.$linkCode = made.json().code;
  }
  switch (standing) {
    case 'adolescent':
    case 'unlinked parent': {
      const $provider = await clinicId(t, clinic);
      return { ...known, $provider, ...(await freeSlot(t, actor, $provider)) };
    }
    case 'linked adolescent': {
      // Linked to a parent who sees everything she can share, and a second link waiting for her.
      if (opts.young) known.$link = await consentingGuardianOf(t, actor);
      else {
        known.$link = await linkByCode(t, actor, await signUp(t, 'parent'), { scopes: CARE_SCOPES });
        known.$pendingLink = await linkByCode(t, actor, await signUp(t, 'parent'), { confirm: false });
      }
      known.$appointment = await bookAtClinic(t, clinic, actor, { minutes: CHANGEABLE_MINUTES });
      const $provider = await clinicId(t, clinic);
      return { ...known, $provider, ...(await freeSlot(t, actor, $provider)) };
    }
    case 'linked parent': {
      // A daughter of age who shares all five parts, with days logged; he booked her a visit.
      const daughter = await signUp(t, 'adolescent');
      await logSomeDays(t, daughter);
      known.$daughter = daughter.id;
      known.$link = await linkByCode(t, daughter, actor, { scopes: CARE_SCOPES });
      known.$appointment = await bookAtClinic(t, clinic, actor, {
        minutes: CHANGEABLE_MINUTES,
        forUserId: daughter.id,
      });
      const $provider = await clinicId(t, clinic);
      return { ...known, $provider, ...(await freeSlot(t, actor, $provider)) };
    }
    case 'verified provider': {
      // A girl's request to answer (and his visit that has begun: `callerIn`).
      const patient = await signUp(t, 'adolescent');
      const later = await slotAfter(t, patient.accessToken, actor.id, CHANGEABLE_MINUTES);
      const booking = await asked(t, 'a request to answer', 201, {
        method: 'POST',
        url: '/api/v1/appointments',
        token: patient.accessToken,
        body: { providerId: actor.id, start: later.start, reason: 'pain', words: 'it hurts' },
      });
      known.$appointment = booking.json().id;
      return { ...known, $provider: actor.id, ...(await freeSlot(t, actor, actor.id)) };
    }
    case 'unverified provider':
      return { ...known, $provider: actor.id };
    case 'admin': {
      // Providers of the admin's own to verify, reject and suspend (never the clinic). Only for the
      // routes that review providers: every provider made is one more in the review list.
      if (!opts.reviews) return known;
      const [applicant, verified] = await Promise.all([
        registerProvider(t, {}, { verified: false }),
        registerProvider(t),
      ]);
      return { ...known, $applicant: applicant.id, $provider: verified.id };
    }
    case 'writer':
      return known;
  }
}
