import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/platform/db/tables.ts';
import type { TestApp } from '../support/app.ts';
import {
  acceptCurrentPolicies,
  createAdmin,
  GOOD_PASSWORD,
  registerUser,
  uniqueEmail,
  uniquePhone,
} from '../support/factories.ts';
import { bookableProvider, registerProvider, setAvailability } from '../support/providers.ts';

/**
 * The people the security tests act as: real accounts made the way the product makes them
 * (adolescents and parents register and verify their phone, staff accounts come from an admin, the
 * first admin from the operators' command), each signed in through the API and done with the
 * current terms and privacy notice (staff accept them at first sign-in, as a person would).
 * Everyone's password is GOOD_PASSWORD. A staff account's phone stays pending: an admin typed it,
 * nobody proved it; a provider's too (it is given at registration, so that a leak of it shows).
 */
export type Actor = {
  id: string;
  role: Role;
  name: string;
  email: string;
  phone: string;
  accessToken: string;
  refreshToken: string;
};

/** A born-in year that makes an adolescent older (2009) or younger (2014) than the guardian-consent age. */
export const ADULT_ENOUGH = 2009;
export const YOUNG = 2014;

export async function signIn(t: TestApp, actor: Pick<Actor, 'email'>) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { identifier: actor.email, password: GOOD_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const json = res.json();
  return { accessToken: json.accessToken as string, refreshToken: json.refreshToken as string };
}

/**
 * An account of any role, signed in. Staff accounts are created by `admin` (one is made if absent).
 * A provider is verified (an admin's invitation) unless `{ verified: false }`: then the profile
 * waits for an admin, with the same opening hours, so that if anything listed him it would show.
 */
export async function signUp(
  t: TestApp,
  role: Role,
  opts: { birthYear?: number; admin?: Actor; verified?: boolean } = {},
): Promise<Actor> {
  if (role === 'adolescent' || role === 'parent') {
    const birthYear = opts.birthYear ?? (role === 'adolescent' ? ADULT_ENOUGH : 1984);
    const user = await registerUser(t, { role, birthYear });
    return { ...user, role };
  }
  if (role === 'admin') {
    const admin = await createAdmin(t);
    const phone = '';
    return { ...admin, role, phone };
  }
  if (role === 'provider') {
    const phone = uniquePhone();
    if (opts.verified === false) {
      const pending = await registerProvider(t, { phone }, { verified: false });
      await setAvailability(t, pending);
      return { ...pending, phone, role };
    }
    // A verified provider with opening hours, made as the product makes one (an admin's invitation).
    const provider = await bookableProvider(t, { phone });
    return { ...provider, phone, role };
  }
  const admin = opts.admin ?? (await signUp(t, 'admin'));
  const body = {
    name: `Staff ${randomUUID().slice(0, 6)}`,
    role,
    email: uniqueEmail(),
    phone: uniquePhone(),
    password: GOOD_PASSWORD,
  };
  const res = await t.request({ method: 'POST', url: '/api/v1/admin/users', token: admin.accessToken, body });
  if (res.statusCode !== 201) throw new Error(`staff account failed: ${res.statusCode} ${res.body}`);
  const tokens = await signIn(t, body);
  await acceptCurrentPolicies(t, tokens.accessToken);
  return { id: res.json().id, role, name: body.name, email: body.email, phone: body.phone, ...tokens };
}

export type Cast = Record<Role, Actor> & { otherAdolescent: Actor };

/** One account of every role, plus a second adolescent (the "other user of the same role"). */
export async function castOf(t: TestApp, opts: { adolescentBirthYear?: number } = {}): Promise<Cast> {
  const admin = await signUp(t, 'admin');
  const birthYear = opts.adolescentBirthYear ?? ADULT_ENOUGH;
  // Independent accounts: made side by side, as a busy service would see them.
  const [adolescent, otherAdolescent, parent, provider, writer] = await Promise.all([
    signUp(t, 'adolescent', { birthYear }),
    signUp(t, 'adolescent', { birthYear }),
    signUp(t, 'parent'),
    signUp(t, 'provider', { admin }),
    signUp(t, 'writer', { admin }),
  ]);
  return { admin, adolescent, otherAdolescent, parent, provider, writer };
}

/**
 * Makes it as if new terms and a new privacy notice were published after she accepted hers:
 * her records now name an older version, so the current ones are pending.
 */
export async function withPendingPolicies(t: TestApp, actor: Actor): Promise<Actor> {
  await t.db.raw(
    "UPDATE consent_records SET version = 'superseded' WHERE user_id = $1 AND purpose IN ('terms', 'privacy')",
    [actor.id],
  );
  return actor;
}

/** An access token whose session was ended by logging out. */
export async function revokedToken(t: TestApp, actor: Actor): Promise<string> {
  const { accessToken } = await signIn(t, actor);
  const res = await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: accessToken });
  if (res.statusCode !== 204) throw new Error(`logout failed: ${res.statusCode} ${res.body}`);
  return accessToken;
}

/** Whether the actor's token still works and her role is still the one she had. */
export async function stillHerself(t: TestApp, actor: Actor): Promise<boolean> {
  const res = await t.request({ method: 'GET', url: '/api/v1/me', token: actor.accessToken });
  return res.statusCode === 200 && res.json().role === actor.role && res.json().id === actor.id;
}

/**
 * A care link made as two people make one: `maker` makes a code and reads it out, `enterer` types
 * it, and unless `{ confirm: false }` the maker confirms who entered it. Whoever is the young woman
 * then chooses what the adult sees (`scopes`). Returns the link's id.
 */
export async function linkByCode(
  t: TestApp,
  maker: Actor,
  enterer: Actor,
  opts: { confirm?: boolean; scopes?: readonly string[] } = {},
): Promise<string> {
  const made = await t.request({ method: 'POST', url: '/api/v1/care/link-codes', token: maker.accessToken });
  if (made.statusCode !== 201) throw new Error(`link code: ${made.statusCode} ${made.body}`);
  const entered = await t.request({
    method: 'POST',
    url: '/api/v1/care/links',
    token: enterer.accessToken,
    body: { code: made.json().code },
  });
  if (entered.statusCode !== 201) throw new Error(`entering the code: ${entered.statusCode} ${entered.body}`);
  const id: string = entered.json().id;
  if (opts.confirm === false) return id;
  const confirmed = await t.request({
    method: 'POST',
    url: `/api/v1/care/links/${id}/confirm`,
    token: maker.accessToken,
  });
  if (confirmed.statusCode !== 200) throw new Error(`confirming: ${confirmed.statusCode} ${confirmed.body}`);
  if (opts.scopes) {
    const girl = maker.role === 'adolescent' ? maker : enterer;
    const shared = await t.request({
      method: 'PUT',
      url: `/api/v1/care/links/${id}/sharing`,
      token: girl.accessToken,
      body: { scopes: opts.scopes },
    });
    if (shared.statusCode !== 200) throw new Error(`sharing: ${shared.statusCode} ${shared.body}`);
  }
  return id;
}
