import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shortDate } from '../../src/platform/i18n/index.ts';
import { webEn } from '../../web/src/i18n/web-messages.ts';
import { visibleTexts } from './page-checks.ts';
import { type E2eServer, isoDay, kigaliToday, launchBrowser, screenshot, startE2eServer } from './support.ts';

/*
 * The young woman's first week with the web app, as issue 5 describes it: register, log three
 * periods by tapping the calendar, see the same prediction as the API gives, read it in
 * Kinyarwanda, sign out, come back with her PIN, and download her data.
 */
const PHONE = '0788123456';
const PIN = '50917';
const PASSWORD = 'river-mango-lantern-42';

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  context = await browser.newContext({
    baseURL: server.origin,
    locale: 'en-GB',
    timezoneId: 'Africa/Kigali',
    viewport: { width: 360, height: 740 },
    acceptDownloads: true,
  });
  page = await context.newPage();
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{([a-z]+)\}/g, (_, name: string) => String(params[name]));
}

async function openDay(day: string): Promise<void> {
  await page.goto(`/calendar/${day.slice(0, 7)}`);
  // Tap the day in the month grid, as she would.
  await page
    .locator('ol.days button')
    .filter({ hasText: new RegExp(`^${Number(day.slice(8, 10))}$`) })
    .click();
  await page.waitForURL(`**/day/${day}`);
}

async function logPeriodThroughCalendar(start: string, end: string): Promise<void> {
  await openDay(start);
  await page.getByRole('button', { name: webEn['day.period_start_here'] }).click();
  await page.getByRole('status').filter({ hasText: 'period started' }).waitFor();
  await openDay(end);
  await page.getByRole('button', { name: webEn['day.period_end_here'] }).click();
  await page.getByRole('status').filter({ hasText: 'period ended' }).waitFor();
}

async function apiSignIn(): Promise<string> {
  const res = await fetch(`${server.origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: PHONE, pin: PIN }),
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function apiGet<T>(token: string, path: string): Promise<T> {
  const res = await fetch(`${server.origin}/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200, path);
  return (await res.json()) as T;
}

type Prediction = {
  today: string;
  nextPeriod: { start: string; earliest: string; latest: string };
  phase: { name: string; cycleDay: number };
};

test('register, log three periods on the calendar, read the prediction in two languages, sign back in with the PIN and download her data', async (t) => {
  const today = kigaliToday();

  await t.test('register with a phone number, a password and a PIN', async () => {
    await page.goto('/register');
    await page.locator('#reg-name').fill('Aline');
    await page.locator('#reg-phone').fill(PHONE);
    await page.locator('#reg-password').fill(PASSWORD);
    await page.locator('#reg-pin').fill(PIN);
    await page.locator('#reg-birth-year').fill(String(Number(today.slice(0, 4)) - 19));
    await page.locator('input[name="acceptTerms"]').check();
    await page.getByRole('button', { name: webEn['auth.submit_register'] }).click();
    await page.waitForURL('**/home');
    await page.getByRole('heading', { level: 1, name: 'Hello, Aline' }).waitFor();
  });

  await t.test('log three periods by tapping days on the calendar', async () => {
    for (const back of [61, 33, 5])
      await logPeriodThroughCalendar(isoDay(today, -back), isoDay(today, -back + 4));
    const token = await apiSignIn();
    const { periods } = await apiGet<{ periods: { startDate: string; endDate: string }[] }>(
      token,
      '/cycles/periods',
    );
    assert.deepEqual(
      periods.map((p) => [p.startDate, p.endDate]).sort(),
      [61, 33, 5].map((back) => [isoDay(today, -back), isoDay(today, -back + 4)]).sort(),
    );
  });

  await t.test('the home page shows the prediction the API gives', async () => {
    const token = await apiSignIn();
    const prediction = await apiGet<Prediction>(token, '/cycles/prediction');
    await page.goto('/home');
    const card = page.locator('section.prediction');
    await card.waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not hidden text, is what she reads.
    const text = await card.innerText();
    const { nextPeriod, phase } = prediction;
    assert.ok(text.includes(fill(webEn['home.cycle_day'], { day: phase.cycleDay })), text);
    const window = fill(webEn['home.window'], {
      date: shortDate('en', nextPeriod.start),
      earliest: shortDate('en', nextPeriod.earliest),
      latest: shortDate('en', nextPeriod.latest),
    });
    assert.ok(text.includes(window), `expected "${window}" in:\n${text}`);
    await screenshot(page, 'journey-home-en');
  });

  await t.test(
    'switching to Kinyarwanda changes every visible string, and sticks to the account',
    async () => {
      const english = await visibleTexts(page);
      await page.locator('#language-switcher').selectOption('rw');
      await page.waitForFunction(() => document.documentElement.lang === 'rw');
      await page.locator('section.prediction').waitFor();
      const kinyarwanda = new Set(await visibleTexts(page));
      const unchanged = english.filter(
        (text) => /\p{L}{2}/u.test(text) && kinyarwanda.has(text) && text !== 'Aline',
      );
      assert.deepEqual(unchanged, [], 'strings still in English after switching to Kinyarwanda');
      assert.ok(english.length > 10, 'the home page shows text');
      const me = await apiGet<{ language: string }>(await apiSignIn(), '/me');
      assert.equal(me.language, 'rw');
      await screenshot(page, 'journey-home-rw');
    },
  );

  await t.test('sign out, then sign in with the PIN', async () => {
    await page.locator('nav button.link').click();
    await page.waitForURL('**/signin');
    // Signed out: her pages send her back to sign in.
    await page.goto('/home');
    await page.waitForURL('**/signin');
    await page.locator('#signin-identifier').fill(PHONE);
    await page.locator('form button.link').click(); // "use my PIN instead"
    await page.locator('#signin-secret[inputmode="numeric"]').fill(PIN);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL('**/home');
    await page.locator('section.prediction').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'rw');
  });

  await t.test('download my data from the settings', async () => {
    await page.goto('/settings');
    const downloading = page.waitForEvent('download');
    await page.locator('section[aria-labelledby="export-title"] button').first().click();
    const download = await downloading;
    const path = await download.path();
    const exported = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const text = JSON.stringify(exported);
    for (const back of [61, 33, 5])
      assert.ok(text.includes(isoDay(today, -back)), 'a logged period is in the export');
    assert.ok(text.includes('Aline'));
    assert.ok(!text.includes('$argon2'), 'no secret hashes in the export');
  });
});
