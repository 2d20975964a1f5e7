import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type WebLanguage, webCatalogues } from '../support/web-catalogues.ts';
import { leakedKeys, overflows } from './page-checks.ts';
import { type E2eServer, isoDay, kigaliToday, launchBrowser, screenshot, startE2eServer } from './support.ts';

/*
 * Refusals and dates in her language (issue 12, item 2), in a real Chromium, which has no
 * Kinyarwanda dates: logging a period over another one says which one, by its date in her
 * language, never the server's English; "Save anyway?" says what is unusual; Settings shows when
 * she was last seen with her language's month name; the footer offers Get help and no longer the
 * USSD simulator. Every screen is scanned with axe and photographed at 360 px in four languages.
 */
const PASSWORD = 'river-mango-lantern-42';
const PHONE_VIEW = { width: 360, height: 740 };
const LANGUAGES: WebLanguage[] = ['en', 'rw', 'fr', 'sw'];
const ENGLISH_MONTHS =
  /\b(January|February|March|April|June|July|August|September|October|November|December)\b/;
const today = kigaliToday();
const catalogues = await webCatalogues();

let server: E2eServer;
let browser: Browser;

before(async () => {
  server = await startE2eServer({ RATE_LIMIT_SCALE: '20' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function call<T>(method: string, path: string, body: unknown, bearer?: string): Promise<T> {
  const res = await fetch(`${server.origin}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  assert.ok(res.status < 300, `${method} ${path} answered ${res.status}: ${await res.clone().text()}`);
  return (await res.json()) as T;
}

/** "20 May 2026" as her catalogue names the month (what the page must show, Intl or not). */
function written(language: WebLanguage, iso: string): string {
  return `${Number(iso.slice(8, 10))} ${catalogues[language][`date.month.${Number(iso.slice(5, 7))}`]} ${iso.slice(0, 4)}`;
}

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core, leaked keys and width on what the page shows now, then its 360 px screenshot. */
async function check(page: Page, name: string, problems: string[]): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-loading]') === null);
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
  for (const v of violations)
    if (v.impact === 'serious' || v.impact === 'critical')
      problems.push(
        `${name}: ${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
  const keys = await leakedKeys(page);
  if (keys.length) problems.push(`${name}: untranslated keys ${keys.join(', ')}`);
  if (await overflows(page)) problems.push(`${name}: wider than a 360 px screen`);
  await screenshot(page, name);
}

for (const language of LANGUAGES) {
  test(`${language}: refusals, "save anyway?" and dates in her language`, async () => {
    const problems: string[] = [];
    const email = `lang-${language}-${Date.now()}@example.org`;
    const { accessToken } = await call<{ accessToken: string }>('POST', '/auth/register', {
      name: 'Aline',
      email,
      password: PASSWORD,
      role: 'adolescent',
      birthYear: Number(today.slice(0, 4)) - 19,
      language,
      acceptTerms: true,
    });
    const first = isoDay(today, -20);
    await call('POST', '/cycles/periods', { startDate: first, endDate: isoDay(today, -16) }, accessToken);

    const context = await browser.newContext({
      baseURL: server.origin,
      locale: language,
      timezoneId: 'Africa/Kigali',
      viewport: PHONE_VIEW,
    });
    try {
      const page = await context.newPage();
      await page.goto('/signin');
      await page.locator('#signin-identifier').fill(email);
      await page.locator('#signin-secret').fill(PASSWORD);
      await page.locator('form button[type="submit"]').click();
      await page.waitForURL('**/home');

      // The footer offers help; the developers' USSD simulator is no longer among her links.
      assert.equal(await page.locator('footer a[href="/help"]').count(), 1, 'Get help in the footer');
      assert.equal(await page.locator('footer a[href="/ussd-simulator"]').count(), 0, 'no simulator link');
      assert.equal(await page.locator('main a[href="/help"]').count(), 1, 'Get help on her home');

      // A period over the one she logged: the refusal names it by its date, in her language.
      await page.goto('/period');
      await page.locator('#period-start').fill(isoDay(today, -18));
      await page.locator('#period-end').fill(isoDay(today, -17));
      await page.locator('form button[type="submit"]').click();
      const alert = page.locator('.problem[role="alert"]').first();
      await alert.waitFor();
      const refusal = (await alert.textContent()) ?? '';
      assert.ok(refusal.includes(written(language, first)), `${language} overlap names ${first}: ${refusal}`);
      assert.ok(refusal.includes(catalogues[language]['error.period_overlap.dated']?.slice(0, 12) ?? '?'));
      if (language !== 'en') assert.doesNotMatch(refusal, /overlap|period/i, `${language}: ${refusal}`);
      await check(page, `her-language-period-overlap-${language}`, problems);

      // Fifteen days after her last start: "Save anyway?" says so, with the count and the date.
      await page.goto('/period');
      await page.locator('#period-start').fill(isoDay(today, -5));
      await page.locator('#period-end').fill('');
      await page.locator('form button[type="submit"]').click();
      const asked = page.locator('#confirm-detail');
      await asked.waitFor();
      const question = (await asked.textContent()) ?? '';
      assert.match(question, /\b15\b/, `${language}: ${question}`);
      assert.ok(
        question.includes(written(language, first)),
        `${language} confirm names ${first}: ${question}`,
      );
      if (language !== 'en')
        assert.doesNotMatch(question, /only|days from another/i, `${language}: ${question}`);
      await check(page, `her-language-save-anyway-${language}`, problems);

      // Settings: when each session was last used, with her language's month name.
      await page.goto('/settings');
      const sessions = page.locator('section[aria-labelledby="sessions-title"] li').first();
      await sessions.waitFor();
      const seen = (await sessions.textContent()) ?? '';
      assert.ok(seen.includes(written(language, today)), `${language} session date: ${seen}`);
      if (language !== 'en') assert.doesNotMatch(seen, ENGLISH_MONTHS, `${language}: ${seen}`);
      await check(page, `her-language-settings-${language}`, problems);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}
