import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { checkScreen } from './page-checks.ts';
import { LANGUAGES, type Language, PHONE_VIEW, screenshot } from './support.ts';

/*
 * A screen checked in every language, as pages.e2e.ts checks each page: checkScreen (axe-core,
 * no catalogue key shown, no sideways scrolling at 360 px) and a 360×740 screenshot per language.
 */

/** Her language chosen in a language menu (the header's, unless `menu` names another one). */
export async function switchTo(page: Page, language: Language, menu = '#language-switcher'): Promise<void> {
  await page.locator(menu).selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/**
 * The screen as it is, checked and photographed in every language through the header's switcher
 * (her choice is saved to her account when she is signed in), then back to English.
 */
export async function checkInEveryLanguage(
  page: Page,
  journey: string,
  screen: string,
  problems: string[],
): Promise<void> {
  await page.setViewportSize(PHONE_VIEW);
  for (const language of LANGUAGES) {
    await switchTo(page, language);
    const name = `${journey}-${screen}-${language}`;
    await checkScreen(page, name, problems);
    await screenshot(page, name);
  }
  await switchTo(page, 'en');
}

/**
 * The eight-digit code a page shows in `data-<attribute>` for her to read out (her guardian's
 * consent code, or a recovery request), once it is there.
 */
export async function shownCode(page: Page, attribute: string): Promise<string> {
  const shown = page.locator(`[data-${attribute}]`);
  await shown.waitFor();
  const code = (await shown.getAttribute(`data-${attribute}`)) ?? '';
  assert.match(code, /^[0-9]{8}$/);
  return code;
}
