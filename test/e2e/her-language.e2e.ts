import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { type WebLanguage, webCatalogues } from '../support/web-catalogues.ts';
import { api, registerWoman, signInOnPage } from './accounts.ts';
import { checkScreen } from './page-checks.ts';
import { isoDay, kigaliToday, LANGUAGES, phoneContext, screenshot, sharedRun } from './support.ts';

/*
 * Refusals and dates in her language (issue 12, item 2), in a real Chromium, which has no
 * Kinyarwanda dates: logging a period over another one says which one, by its date in her
 * language, never the server's English; "Save anyway?" says what is unusual; Settings shows when
 * she was last seen with her language's month name; the footer offers Get help and no longer the
 * USSD simulator. Every screen is scanned with axe and photographed at 360 px in four languages.
 */
const ENGLISH_MONTHS =
  /\b(January|February|March|April|June|July|August|September|October|November|December)\b/;
const today = kigaliToday();
const catalogues = await webCatalogues();

const run = sharedRun({ RATE_LIMIT_SCALE: '20' });

/** "20 May 2026" as her catalogue names the month (what the page must show, Intl or not). */
function written(language: WebLanguage, iso: string): string {
  return `${Number(iso.slice(8, 10))} ${catalogues[language][`date.month.${Number(iso.slice(5, 7))}`]} ${iso.slice(0, 4)}`;
}

/** The checks every screen gets, then its 360 px screenshot. */
async function check(page: Page, name: string, problems: string[]): Promise<void> {
  await checkScreen(page, name, problems);
  await screenshot(page, name);
}

for (const language of LANGUAGES) {
  test(`${language}: refusals, "save anyway?" and dates in her language`, async () => {
    const problems: string[] = [];
    const { email, accessToken } = await registerWoman(run.server, {
      name: 'Aline',
      tag: `lang-${language}`,
      age: 19,
      language,
    });
    const first = isoDay(today, -20);
    const period = { startDate: first, endDate: isoDay(today, -16) };
    await api(run.server, 'POST', '/cycles/periods', period, accessToken);

    const context = await phoneContext(run.browser, run.server, { locale: language });
    try {
      const page = await context.newPage();
      await signInOnPage(page, email);

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
