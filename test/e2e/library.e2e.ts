import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { libraryFr } from '../../web/src/i18n/library-fr.ts';
import { libraryEn } from '../../web/src/i18n/library-messages.ts';
import { libraryRw } from '../../web/src/i18n/library-rw.ts';
import { librarySw } from '../../web/src/i18n/library-sw.ts';
import { checkWidth, scanScreen } from './page-checks.ts';
import {
  LANGUAGES,
  type Language,
  PHONE_VIEW,
  phoneContext,
  SMALLEST_VIEW,
  screenshot,
  sharedRun,
} from './support.ts';

/*
 * The education library in every language, signed out (reading needs no account): the list of
 * published articles, a search, an article read in Kinyarwanda (or her language) and "read in
 * another language". axe-core (no serious or critical issue), no catalogue key shown, no sideways
 * scrolling at 360 or 320 px, screenshots at 360×740.
 */
const run = sharedRun();
const CATALOGUES: Record<Language, typeof libraryEn> = {
  en: libraryEn,
  fr: libraryFr,
  rw: libraryRw,
  sw: librarySw,
};

async function check(page: Page, name: string, problems: string[]): Promise<void> {
  await page.setViewportSize(PHONE_VIEW);
  await scanScreen(page, name, problems);
  await screenshot(page, `${name}-360x740`);
  await checkWidth(page, SMALLEST_VIEW, name, problems);
  await page.setViewportSize(PHONE_VIEW);
}

for (const language of LANGUAGES) {
  test(`the library in ${language}: its articles, a search, one read and its other languages`, async () => {
    const problems: string[] = [];
    const context = await phoneContext(run.browser, run.server, { locale: language });
    try {
      const page = await context.newPage();
      await page.goto('/library');
      const articles = page.locator('li[data-article]');
      await articles.first().waitFor();
      assert.ok((await articles.count()) >= 10, `${language}: ${await articles.count()} articles`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), language);
      await check(page, `${language}-library`, problems);

      // A topic narrows the list to that topic's articles.
      await page.locator('#library-category').selectOption('nutrition_iron');
      await page.getByRole('button', { name: CATALOGUES[language]['library.search_button'] }).click();
      await page.locator('li[data-article="iron-rich-foods"]').waitFor();
      assert.equal(await articles.count(), 1);

      await page.locator('li[data-article="iron-rich-foods"] a').click();
      await page.waitForURL('**/library/iron-rich-foods');
      const article = page.locator(`article[data-article="iron-rich-foods"][lang="${language}"]`);
      await article.locator('h2').first().waitFor();
      // Machine-written, not yet checked: the page says so.
      await page.locator('[data-unreviewed]').waitFor();
      await check(page, `${language}-library-article`, problems);

      // The same text in another language, from its link.
      const other = language === 'rw' ? 'en' : 'rw';
      await page.locator(`a[hreflang="${other}"]`).click();
      await page.locator(`article[data-article="iron-rich-foods"][lang="${other}"]`).waitFor();
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}
