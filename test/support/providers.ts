import { randomUUID } from 'node:crypto';
import type { TestApp } from './app.ts';
import { createAdmin, GOOD_PASSWORD, type Registered, signIn, uniqueEmail } from './factories.ts';

export type RegisteredProvider = Registered & { licenceNumber: string; district: string };

/** Every day 08:00–17:00 Kigali time, 30-minute slots: most tests need only "open now and later". */
export const OPEN_EVERY_DAY = {
  timeZone: 'Africa/Kigali',
  slotMinutes: 30,
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' })),
  daysOff: [] as string[],
};

const admins = new WeakMap<TestApp, Promise<Registered>>();
/** One admin per test app, made on first use, signed in afresh (tests move the clock past tokens). */
export async function adminOf(t: TestApp): Promise<Registered> {
  let made = admins.get(t);
  if (!made) {
    made = createAdmin(t);
    admins.set(t, made);
  }
  return signIn(t, await made);
}

/** An admin's invitation code. */
export async function inviteProvider(t: TestApp): Promise<string> {
  const admin = await adminOf(t);
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/admin/provider-invitations',
    token: admin.accessToken,
  });
  if (res.statusCode !== 201) throw new Error(`invitation failed: ${res.statusCode} ${res.body}`);
  return res.json().code;
}

/** A provider registered through the API: verified (by invitation) unless `{ verified: false }`. */
export async function registerProvider(
  t: TestApp,
  overrides: Record<string, unknown> = {},
  opts: { verified?: boolean } = {},
): Promise<RegisteredProvider> {
  const body = {
    name: `Dr Uwase ${randomUUID().slice(0, 6)}`,
    email: uniqueEmail(),
    password: GOOD_PASSWORD,
    licenceNumber: `RMDC-${randomUUID().slice(0, 8)}`,
    facility: 'Kacyiru Health Centre',
    district: 'gasabo',
    languages: ['rw', 'en'],
    services: ['menstrual_health', 'contraception'],
    acceptTerms: true,
    ...(opts.verified === false ? {} : { invitationCode: await inviteProvider(t) }),
    ...overrides,
  };
  const res = await t.request({ method: 'POST', url: '/api/v1/providers/register', body });
  if (res.statusCode !== 201) throw new Error(`provider registration failed: ${res.statusCode} ${res.body}`);
  const json = res.json();
  return {
    id: json.user.id,
    name: body.name,
    phone: '',
    email: body.email,
    password: body.password,
    pin: '',
    accessToken: json.accessToken,
    refreshToken: json.refreshToken,
    licenceNumber: body.licenceNumber,
    district: body.district,
  };
}

export async function setAvailability(
  t: TestApp,
  provider: { accessToken: string },
  availability: Partial<typeof OPEN_EVERY_DAY> = {},
): Promise<void> {
  const res = await t.request({
    method: 'PUT',
    url: '/api/v1/providers/me/availability',
    token: provider.accessToken,
    body: { ...OPEN_EVERY_DAY, ...availability },
  });
  if (res.statusCode !== 200) throw new Error(`availability failed: ${res.statusCode} ${res.body}`);
}

/** A verified provider open every day 08:00–17:00 (Kigali), 30-minute slots. */
export async function bookableProvider(
  t: TestApp,
  overrides: Record<string, unknown> = {},
  availability: Partial<typeof OPEN_EVERY_DAY> = {},
): Promise<RegisteredProvider> {
  const provider = await registerProvider(t, overrides);
  await setAvailability(t, provider, availability);
  return provider;
}

/** The free slots of a provider, as anyone signed in sees them. */
export async function freeSlotsOf(
  t: TestApp,
  token: string,
  providerId: string,
  query = '',
): Promise<Array<{ start: string; end: string }>> {
  const res = await t.request({ method: 'GET', url: `/api/v1/providers/${providerId}/slots${query}`, token });
  if (res.statusCode !== 200) throw new Error(`slots failed: ${res.statusCode} ${res.body}`);
  return res.json().slots;
}

export function book(t: TestApp, token: string, body: Record<string, unknown>) {
  return t.request({ method: 'POST', url: '/api/v1/appointments', token, body });
}

/** Books a slot and returns the appointment (throws unless 201). */
export async function booked(t: TestApp, token: string, body: Record<string, unknown>) {
  const res = await book(t, token, body);
  if (res.statusCode !== 201) throw new Error(`booking failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; start: string; end: string; status: string };
}
