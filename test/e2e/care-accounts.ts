import { execFileSync } from 'node:child_process';
import { api, registerWoman } from './accounts.ts';
import { type E2eServer, kigaliToday, PASSWORD, type Prepare } from './support.ts';

/*
 * The care network's people, made through the API as the pages then show them: an administrator
 * (made before the first start, as operators do), parents, health workers verified by an
 * invitation, their opening hours, links between a young woman and a parent.
 */

export const ADMIN_EMAIL = 'admin-e2e@example.org';

/** `npm run admin:create` on the fresh data directory, before the server starts: the first admin. */
export const createAdmin: Prepare = (env) => {
  execFileSync(process.execPath, ['src/cli/admin-create.ts', '--name', 'Ada', '--email', ADMIN_EMAIL], {
    env,
    input: `${PASSWORD}\n`,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
};

/** A signed-in account's access token (the API's sign-in, by email and PASSWORD). */
export async function tokenOf(server: E2eServer, email: string): Promise<string> {
  const signedIn = await api<{ accessToken: string }>(server, 'POST', '/auth/login', {
    identifier: email,
    password: PASSWORD,
  });
  return signedIn.accessToken;
}

/**
 * The administrator's token, the current terms and privacy notice accepted: `admin:create` makes
 * an account that is asked to accept them at its first use, as the web app's prompt does.
 */
export async function adminToken(server: E2eServer): Promise<string> {
  const token = await tokenOf(server, ADMIN_EMAIL);
  const { policies } = await api<{ policies: { kind: string; version: string; accepted: boolean }[] }>(
    server,
    'GET',
    '/me/consents',
    undefined,
    token,
  );
  const accept = Object.fromEntries(policies.filter((p) => !p.accepted).map((p) => [p.kind, p.version]));
  if (Object.keys(accept).length > 0) await api(server, 'PUT', '/me/consents', { accept }, token);
  return token;
}

const unique = (tag: string) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

/** A parent's account, signing in by email; its email and token. */
export async function registerParent(
  server: E2eServer,
  who: { name: string; tag: string; language?: string },
): Promise<{ email: string; accessToken: string }> {
  const email = unique(who.tag);
  const { accessToken } = await api<{ accessToken: string }>(server, 'POST', '/auth/register', {
    name: who.name,
    email,
    password: PASSWORD,
    role: 'parent',
    language: who.language ?? 'en',
    acceptTerms: true,
  });
  return { email, accessToken };
}

/** The body of a health worker's registration (district Gasabo, Kinyarwanda and English). */
export function providerRegistration(name: string, tag: string, invitationCode?: string) {
  return {
    name,
    email: unique(tag),
    password: PASSWORD,
    licenceNumber: `RMDC-${Math.floor(Math.random() * 1e6)}`,
    facility: 'Kimironko Health Centre',
    district: 'gasabo',
    languages: ['rw', 'en'],
    services: ['menstrual_health', 'nutrition'],
    ...(invitationCode ? { invitationCode } : {}),
    acceptTerms: true,
  };
}

export type Provider = { id: string; email: string; accessToken: string };

/** A health worker registered with an administrator's invitation: verified at once. */
export async function verifiedProvider(
  server: E2eServer,
  adminToken: string,
  name: string,
): Promise<Provider> {
  const { code } = await api<{ code: string }>(
    server,
    'POST',
    '/admin/provider-invitations',
    undefined,
    adminToken,
  );
  const body = providerRegistration(name, 'provider', code);
  const signedIn = await api<{ accessToken: string; provider: { id: string } }>(
    server,
    'POST',
    '/providers/register',
    body,
  );
  return { id: signedIn.provider.id, email: body.email, accessToken: signedIn.accessToken };
}

/** Open every day of the week, 08:00 to 17:00 in Kigali, with 30-minute visits. */
export async function openEveryDay(server: E2eServer, provider: Provider): Promise<void> {
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' }));
  await api(
    server,
    'PUT',
    '/providers/me/availability',
    { timeZone: 'Africa/Kigali', slotMinutes: 30, weekly, daysOff: [] },
    provider.accessToken,
  );
}

/** The provider's free slots (instants) over the next two weeks. */
export async function freeSlots(server: E2eServer, providerId: string, bearer: string): Promise<string[]> {
  const { slots } = await api<{ slots: { start: string }[] }>(
    server,
    'GET',
    `/providers/${providerId}/slots`,
    undefined,
    bearer,
  );
  return slots.map((slot) => slot.start);
}

/** A young woman (19: no guardian needed) and a parent linked through the API, her code confirmed. */
export async function linkedPair(
  server: E2eServer,
  names: { her: string; parent: string; language?: string },
): Promise<{
  her: { email: string; accessToken: string };
  parent: { email: string; accessToken: string };
  linkId: string;
}> {
  const language = names.language ?? 'en';
  const her = await registerWoman(server, { name: names.her, tag: 'her', age: 19, language });
  const parent = await registerParent(server, { name: names.parent, tag: 'parent', language });
  const { code } = await api<{ code: string }>(
    server,
    'POST',
    '/care/link-codes',
    undefined,
    her.accessToken,
  );
  const { id } = await api<{ id: string }>(server, 'POST', '/care/links', { code }, parent.accessToken);
  await api(server, 'POST', `/care/links/${id}/confirm`, undefined, her.accessToken);
  return { her, parent, linkId: id };
}

/** Her birth year for `age` this year, as registerWoman counts it. */
export const birthYearFor = (age: number) => Number(kigaliToday().slice(0, 4)) - age;
