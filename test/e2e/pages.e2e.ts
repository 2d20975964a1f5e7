import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { api, logPeriods, signInOnPage } from './accounts.ts';
import { checkWidth, scanScreen } from './page-checks.ts';
import {
  isoDay,
  kigaliToday,
  LANGUAGES,
  type Language,
  nextSmsCode,
  PASSWORD,
  PHONE_VIEW,
  phoneContext,
  SMALLEST_VIEW,
  screenshot,
  sharedRun,
} from './support.ts';

/*
 * Every page, in every language: an axe-core scan (no serious or critical issue), no catalogue
 * key shown instead of text, no sideways scrolling at 360 px or 320 px, and screenshots at
 * 360×740 and 1280×800 (English; phone size for the other languages) in test-results/screenshots.
 * Her pages are seen with a phone number still waiting for its code (the verify card shows);
 * the parent verifies her number through the API and signs in with it.
 */
const DESKTOP_VIEW = { width: 1280, height: 800 };

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

// Many accounts are made from one address in a few seconds: loosen the limits, do not remove them.
const run = sharedRun({ RATE_LIMIT_SCALE: '20' });

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
  const { accessToken } = await api<{ accessToken: string }>(run.server, 'POST', '/auth/register', {
    name: role === 'parent' ? 'Jeanne' : 'Aline',
    ...(role === 'parent' ? {} : { email }),
    phone,
    password: PASSWORD,
    role,
    birthYear,
    language,
    acceptTerms: true,
  });
  if (role === 'parent') {
    const code = await nextSmsCode(run.server, phone, 0);
    await api(run.server, 'POST', '/me/phone/verify', { code }, accessToken);
    return phone;
  }
  await logPeriods(run.server, accessToken, today, [90, 62, 33, 5]);
  await api(
    run.server,
    'PUT',
    `/cycles/days/${isoDay(today, -2)}`,
    { symptoms: ['cramps'], mood: 'calm', pain: 3, basalTemperature: 36.6, cervicalMucus: 'creamy' },
    accessToken,
  );
  return email;
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
  await scanScreen(page, name, problems);
  await screenshot(page, `${name}-360x740`);
  await checkWidth(page, SMALLEST_VIEW, name, problems);
  if (language === 'en') {
    await checkWidth(page, DESKTOP_VIEW, name, problems);
    await screenshot(page, `${name}-1280x800`);
  }
}

for (const language of LANGUAGES) {
  test(`every page in ${language}: accessible, translated, fits a 320 px phone`, async () => {
    const problems: string[] = [];
    const context = await phoneContext(run.browser, run.server, { locale: language });
    try {
      const page = await context.newPage();
      for (const path of PUBLIC_PAGES) await checkPage(page, language, 'public', path, problems);
      // The recovery page's second step: the code and a new PIN.
      await open(page, '/recover');
      await page.locator('#recover-phone').fill(phoneOf(language, 'parent'));
      await page.locator('form button[type="submit"]').click();
      await page.locator('#recover-code').waitFor();
      await checkShown(page, language, `${language}-public-recover-code`, problems);
      await signInOnPage(page, await makeAccount(language, 'adolescent'));
      for (const path of HER_PAGES) {
        await checkPage(page, language, 'her', path, problems);
        // Her number still waits for its code: the card asking for it is part of what is checked.
        if ((path === '/home' || path === '/settings') && (await page.locator('#verify-code').count()) !== 1)
          problems.push(`${language}-her-${slug(path)}: no card asking for the code texted to her`);
      }
      await context.clearCookies();
      await signInOnPage(page, await makeAccount(language, 'parent'));
      for (const path of PARENT_PAGES) await checkPage(page, language, 'parent', path, problems);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}

test('the USSD simulator page dials *123# and answers like a phone', async () => {
  const context = await run.browser.newContext({
    baseURL: run.server.origin,
    locale: 'en',
    viewport: PHONE_VIEW,
  });
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
