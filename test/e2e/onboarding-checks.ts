import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { leakedKeys, overflows } from './page-checks.ts';
import { screenshot } from './support.ts';

/*
 * The checks every screen of the under-16 and recovery journeys gets, as pages.e2e.ts does them:
 * axe-core (no serious or critical issue), no catalogue key shown, no sideways scrolling at
 * 360 px, and a 360×740 screenshot per language.
 */
export const LANGUAGES = ['en', 'rw', 'fr', 'sw'] as const;
export type Language = (typeof LANGUAGES)[number];
export const PHONE_VIEW = { width: 360, height: 740 };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

export async function seriousA11yIssues(page: Page): Promise<string[]> {
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

/** Axe, leaked keys and overflow on what the page shows now; problems are added to `problems`. */
export async function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-loading]') === null);
  const keys = await leakedKeys(page);
  if (keys.length) problems.push(`${name}: untranslated keys ${keys.join(', ')}`);
  if (await overflows(page)) problems.push(`${name}: wider than a 360 px screen`);
  for (const issue of await seriousA11yIssues(page)) problems.push(`${name}: ${issue}`);
}

async function switchTo(page: Page, language: Language): Promise<void> {
  await page.locator('#language-switcher').selectOption(language);
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
