import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { leakedKeys, overflows } from './page-checks.ts';
import {
  type E2eServer,
  isoDay,
  kigaliToday,
  launchBrowser,
  nextSmsCode,
  screenshot,
  startE2eServer,
} from './support.ts';

/*
 * Every page, in every language: an axe-core scan (no serious or critical issue), no catalogue
 * key shown instead of text, no sideways scrolling at 360 px or 320 px, and screenshots at
 * 360×740 and 1280×800 (English; phone size for the other languages) in test-results/screenshots.
 * Her pages are seen with a phone number still waiting for its code (the verify card shows);
 * the parent verifies her number through the API and signs in with it.
 */
const LANGUAGES = ['en', 'rw', 'fr', 'sw'] as const;
type Language = (typeof LANGUAGES)[number];
const PHONE_VIEW = { width: 360, height: 740 };
const DESKTOP_VIEW = { width: 1280, height: 800 };
const SMALLEST_VIEW = { width: 320, height: 640 };
const PASSWORD = 'river-mango-lantern-42';

const PUBLIC_PAGES = [
  '/',
  '/signin',
  '/register',
  '/policies',
  '/how-predictions-work',
  '/help',
  '/ussd-simulator',
  '/recover',
  '/no-such-page',
];
const today = kigaliToday();
const HER_PAGES = ['/home', '/calendar', `/day/${isoDay(today, -2)}`, '/period', '/stats', '/settings'];
const PARENT_PAGES = ['/home', '/settings'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: E2eServer;
let browser: Browser;

before(async () => {
  // Many accounts are made from one address in a few seconds: loosen the limits, do not remove them.
  server = await startE2eServer({ RATE_LIMIT_SCALE: '20' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function call(path: string, method: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${server.origin}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  assert.ok(res.status < 300, `${method} ${path} answered ${res.status}: ${await res.clone().text()}`);
  return res.status === 204 ? null : res.json();
}

/**
 * A phone number of its own for each account (the last three digits, which the SMS log line
 * shows, differ too).
 */
function phoneOf(language: Language, role: 'adolescent' | 'parent'): string {
  const n = LANGUAGES.indexOf(language);
  return `0788400${role === 'parent' ? 6 : 5}${n}${role === 'parent' ? 8 : 7}`;
}

/**
 * An account with a few months of history, so every page has something to show; the identifier
 * that signs in. The young woman signs in by email: her number still waits for its code. The
 * parent's number is verified with the code from the server's output, and signs her in.
 */
async function makeAccount(language: Language, role: 'adolescent' | 'parent'): Promise<string> {
  const email = `${role}-${language}-${Date.now()}@example.org`;
  const phone = phoneOf(language, role);
  const birthYear = Number(today.slice(0, 4)) - (role === 'parent' ? 40 : 19);
  const { accessToken } = (await call('/auth/register', 'POST', {
    name: role === 'parent' ? 'Jeanne' : 'Aline',
    ...(role === 'parent' ? {} : { email }),
    phone,
    password: PASSWORD,
    role,
    birthYear,
    language,
    acceptTerms: true,
  })) as { accessToken: string };
  if (role === 'parent') {
    await call('/me/phone/verify', 'POST', { code: await nextSmsCode(server, phone, 0) }, accessToken);
    return phone;
  }
  for (const back of [90, 62, 33, 5])
    await call(
      '/cycles/periods',
      'POST',
      { startDate: isoDay(today, -back), endDate: isoDay(today, -back + 4) },
      accessToken,
    );
  await call(
    `/cycles/days/${isoDay(today, -2)}`,
    'PUT',
    { symptoms: ['cramps'], mood: 'calm', pain: 3, basalTemperature: 36.6, cervicalMucus: 'creamy' },
    accessToken,
  );
  return email;
}

async function signIn(page: Page, identifier: string): Promise<void> {
  await page.goto('/signin');
  await page.locator('#signin-identifier').fill(identifier);
  await page.locator('#signin-secret').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL('**/home');
}

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

async function seriousA11yIssues(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens a page and waits until its data has arrived (no "Loading…" left). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  // Pages mark what they are still fetching with data-loading (components.tsx).
  await page.waitForFunction(() => document.querySelector('[data-loading]') === null);
}

function slug(path: string): string {
  return path === '/' ? 'landing' : path.slice(1).replace(/[^a-z0-9]+/gi, '-');
}

async function checkPage(page: Page, language: Language, who: string, path: string, problems: string[]) {
  await page.setViewportSize(PHONE_VIEW);
  await open(page, path);
  await checkShown(page, language, `${language}-${who}-${slug(path)}`, problems);
}

/** The checks on what the page shows now (a page, or a later step of one). */
async function checkShown(page: Page, language: Language, name: string, problems: string[]) {
  await page.setViewportSize(PHONE_VIEW);
  assert.equal(await page.evaluate(() => document.documentElement.lang), language, `${name}: page language`);
  const keys = await leakedKeys(page);
  if (keys.length) problems.push(`${name}: untranslated keys ${keys.join(', ')}`);
  if (await overflows(page)) problems.push(`${name}: wider than a 360 px screen`);
  for (const issue of await seriousA11yIssues(page)) problems.push(`${name}: ${issue}`);
  await screenshot(page, `${name}-360x740`);
  // The smallest phones in use: nothing may need sideways scrolling at 320 px either.
  await page.setViewportSize(SMALLEST_VIEW);
  if (await overflows(page)) problems.push(`${name}: wider than a 320 px screen`);
  if (language === 'en') {
    await page.setViewportSize(DESKTOP_VIEW);
    if (await overflows(page)) problems.push(`${name}: wider than a 1280 px screen`);
    await screenshot(page, `${name}-1280x800`);
  }
}

for (const language of LANGUAGES) {
  test(`every page in ${language}: accessible, translated, fits a 320 px phone`, async () => {
    const problems: string[] = [];
    const context = await browser.newContext({
      baseURL: server.origin,
      locale: language,
      timezoneId: 'Africa/Kigali',
      viewport: PHONE_VIEW,
    });
    try {
      const page = await context.newPage();
      for (const path of PUBLIC_PAGES) await checkPage(page, language, 'public', path, problems);
      // The recovery page's second step: the code and a new PIN.
      await open(page, '/recover');
      await page.locator('#recover-phone').fill(phoneOf(language, 'parent'));
      await page.locator('form button[type="submit"]').click();
      await page.locator('#recover-code').waitFor();
      await checkShown(page, language, `${language}-public-recover-code`, problems);
      await signIn(page, await makeAccount(language, 'adolescent'));
      for (const path of HER_PAGES) {
        await checkPage(page, language, 'her', path, problems);
        // Her number still waits for its code: the card asking for it is part of what is checked.
        if ((path === '/home' || path === '/settings') && (await page.locator('#verify-code').count()) !== 1)
          problems.push(`${language}-her-${slug(path)}: no card asking for the code texted to her`);
      }
      await context.clearCookies();
      await signIn(page, await makeAccount(language, 'parent'));
      for (const path of PARENT_PAGES) await checkPage(page, language, 'parent', path, problems);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}

test('the USSD simulator page dials *123# and answers like a phone', async () => {
  const context = await browser.newContext({ baseURL: server.origin, locale: 'en', viewport: PHONE_VIEW });
  try {
    const page = await context.newPage();
    await open(page, '/ussd-simulator');
    await page.locator('#ussd-phone').fill('0788765432');
    await page.locator('.phone-keys button.primary').click();
    const screen = page.locator('.phone-screen pre');
    await screen.filter({ hasText: 'Choose a language' }).waitFor();
    await page.locator('#ussd-answer').fill('1');
    await page.locator('.phone-keys button[type="submit"]').click();
    await screen.filter({ hasText: /name/i }).waitFor();
    await screenshot(page, 'en-public-ussd-simulator-in-use-360x740');
  } finally {
    await context.close();
  }
});
