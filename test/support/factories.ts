import { randomInt, randomUUID } from 'node:crypto';
import type { TestApp } from './app.ts';

/** A valid, unique Rwandan mobile number (078…), so tests never collide. */
export function uniquePhone(): string {
  return `+25078${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

export function uniqueEmail(): string {
  return `user-${randomUUID().slice(0, 8)}@test.invalid`;
}

export const GOOD_PASSWORD = 'sunflower bicycle harbour';
export const GOOD_PIN = '58203';

export type Registered = {
  id: string;
  name: string;
  phone: string;
  email: string;
  password: string;
  pin: string;
  accessToken: string;
  refreshToken: string;
};

/** The 6-digit code in the last SMS the app sent to this number. */
export function lastCodeTo(t: TestApp, phone: string): string {
  const code = t.sms.lastTo(phone)?.match(/[0-9]{6}/)?.[0];
  if (!code) throw new Error('no code was texted to this number');
  return code;
}

/**
 * Registers an account through the API (password and PIN both set) and returns its tokens. Its
 * phone number is verified with the code texted to it, as its owner would, unless
 * `{ verifyPhone: false }` leaves it pending.
 */
export async function registerUser(
  t: TestApp,
  overrides: Record<string, unknown> = {},
  opts: { verifyPhone?: boolean } = {},
): Promise<Registered> {
  const body = {
    name: `Aline Test ${randomUUID().slice(0, 6)}`,
    phone: uniquePhone(),
    email: uniqueEmail(),
    password: GOOD_PASSWORD,
    pin: GOOD_PIN,
    role: 'adolescent',
    birthYear: 2009,
    acceptTerms: true,
    ...overrides,
  };
  const res = await t.request({ method: 'POST', url: '/api/v1/auth/register', body });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  const json = res.json();
  if (body.phone !== undefined && opts.verifyPhone !== false) {
    const verified = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone/verify',
      token: json.accessToken,
      body: { code: lastCodeTo(t, body.phone as string) },
    });
    if (verified.statusCode !== 200) throw new Error(`phone verification failed: ${verified.body}`);
  }
  return {
    id: json.user.id,
    name: body.name as string,
    phone: body.phone as string,
    email: body.email as string,
    password: body.password as string,
    pin: body.pin as string,
    accessToken: json.accessToken,
    refreshToken: json.refreshToken,
  };
}

/** An admin made the way operators do it (the service, as `npm run admin:create` calls it), signed in. */
export async function createAdmin(t: TestApp): Promise<Registered> {
  const { createServices } = await import('../../src/app.ts');
  const services = createServices({ config: t.config, database: t.db.database, clock: t.clock.now });
  const email = uniqueEmail();
  const name = `Admin ${randomUUID().slice(0, 6)}`;
  const user = await services.users.create(
    { name, email, password: GOOD_PASSWORD, role: 'admin', acceptTerms: true },
    { requestId: 'test', channel: 'cli', ip: '127.0.0.1', userAgent: undefined, principal: undefined },
  );
  const admin = await signIn(t, { id: user.id, name, phone: '', email, password: GOOD_PASSWORD, pin: '' });
  // An account made for someone carries no consent: she (here, the admin) accepts at first sign-in.
  await acceptCurrentPolicies(t, admin.accessToken);
  return admin;
}

/**
 * Signs in with email and password through the API: the same person with fresh tokens (tests
 * that move the clock past 15 minutes need them, the old ones having expired).
 */
export async function signIn<T extends { email: string; password: string }>(
  t: TestApp,
  who: T,
): Promise<T & { accessToken: string; refreshToken: string }> {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { identifier: who.email, password: who.password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const { accessToken, refreshToken } = res.json() as { accessToken: string; refreshToken: string };
  return { ...who, accessToken, refreshToken };
}

/** Accepts the terms and privacy notice in force, as a person does at her first sign-in. */
export async function acceptCurrentPolicies(t: TestApp, token: string): Promise<void> {
  const status = (await t.request({ method: 'GET', url: '/api/v1/me/consents', token })).json() as {
    policies: Array<{ kind: string; version: string }>;
  };
  const accept = Object.fromEntries(status.policies.map((p) => [p.kind, p.version]));
  const res = await t.request({ method: 'PUT', url: '/api/v1/me/consents', token, body: { accept } });
  if (res.statusCode !== 200) throw new Error(`accepting the policies failed: ${res.body}`);
}
