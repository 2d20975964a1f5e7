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

/** Registers an account through the API (password and PIN both set) and returns its tokens. */
export async function registerUser(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Registered> {
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
  const login = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { identifier: email, password: GOOD_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`admin login failed: ${login.body}`);
  return { id: user.id, name, phone: '', email, password: GOOD_PASSWORD, pin: '', ...tokensOf(login.json()) };
}

function tokensOf(json: { accessToken: string; refreshToken: string }) {
  return { accessToken: json.accessToken, refreshToken: json.refreshToken };
}
