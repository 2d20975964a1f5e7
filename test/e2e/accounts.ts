import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { type E2eServer, isoDay, kigaliToday, nextSmsCode, PASSWORD } from './support.ts';

/*
 * Accounts and their history made through the API (quicker than through the page, and what the
 * page then shows is what the server has), and signing in through the page.
 */

/** A call to the API, as the web app makes it: JSON when there is a body, her token when given. */
export function request(
  server: E2eServer,
  method: string,
  path: string,
  body?: unknown,
  bearer?: string,
): Promise<Response> {
  return fetch(`${server.origin}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** request() that must succeed; its JSON (null for 204). A refusal fails the test with its body. */
export async function api<T>(
  server: E2eServer,
  method: string,
  path: string,
  body?: unknown,
  bearer?: string,
): Promise<T> {
  const res = await request(server, method, path, body, bearer);
  assert.ok(res.status < 300, `${method} ${path} answered ${res.status}: ${await res.clone().text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

export type Woman = { email: string; accessToken: string };

/**
 * A young woman of `age` (19 needs no guardian) who signs in by email with PASSWORD; `tag` starts
 * her email, which the time makes unique.
 */
export async function registerWoman(
  server: E2eServer,
  who: { name: string; tag: string; age: number; language?: string; pin?: string },
): Promise<Woman> {
  const email = `${who.tag}-${Date.now()}@example.org`;
  const { accessToken } = await api<{ accessToken: string }>(server, 'POST', '/auth/register', {
    name: who.name,
    email,
    password: PASSWORD,
    ...(who.pin ? { pin: who.pin } : {}),
    role: 'adolescent',
    birthYear: Number(kigaliToday().slice(0, 4)) - who.age,
    language: who.language ?? 'en',
    acceptTerms: true,
  });
  return { email, accessToken };
}

/** An account made through the API, its number verified with the code texted to it; its token. */
export async function verifiedAccount(
  server: E2eServer,
  fields: Record<string, unknown>,
  phone: string,
): Promise<string> {
  const res = await request(server, 'POST', '/auth/register', {
    phone,
    language: 'en',
    acceptTerms: true,
    ...fields,
  });
  assert.equal(res.status, 201, await res.clone().text());
  const { accessToken } = (await res.json()) as { accessToken: string };
  const code = await nextSmsCode(server, phone, 0);
  const verified = await request(server, 'POST', '/me/phone/verify', { code }, accessToken);
  assert.equal(verified.status, 200);
  return accessToken;
}

/** Periods of five days that started `daysBack` days before `today`, logged through the API. */
export async function logPeriods(
  server: E2eServer,
  bearer: string,
  today: string,
  daysBack: number[],
): Promise<void> {
  for (const back of daysBack)
    await api(
      server,
      'POST',
      '/cycles/periods',
      { startDate: isoDay(today, -back), endDate: isoDay(today, -back + 4) },
      bearer,
    );
}

/** Signs in through the sign-in page with a password, and waits for her home. */
export async function signInOnPage(page: Page, identifier: string, password = PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.locator('#signin-identifier').fill(identifier);
  await page.locator('#signin-secret').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL('**/home');
}

/**
 * registerWoman, her periods logged through the API (`daysBack` as logPeriods takes them), then
 * signed in on `page`: after her history, so that nothing the phone kept from before is shown.
 */
export async function signedInWoman(
  server: E2eServer,
  page: Page,
  who: Parameters<typeof registerWoman>[1],
  daysBack: number[] = [],
): Promise<Woman> {
  const woman = await registerWoman(server, who);
  await logPeriods(server, woman.accessToken, kigaliToday(), daysBack);
  await signInOnPage(page, woman.email);
  return woman;
}
