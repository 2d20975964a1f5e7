import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Checks that run inside the page (DOM types): only the browser tests type-check against these.

/**
 * The visible text of the page, one entry per text node, without what is the same in every
 * language: the brand and the names of the languages in the switcher.
 */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || text === '') continue;
      if (parent.closest('select, .brand, [aria-hidden="true"]')) continue;
      if (!parent.checkVisibility()) continue;
      texts.push(text);
    }
    return texts;
  });
}

/** Catalogue keys that leaked into the page (e.g. "web.nav.home"): none should. */
export async function leakedKeys(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not hidden text, is what she reads.
  const texts = await page.evaluate(() => document.body.innerText.split(/\s+/));
  return texts.filter((word) => /^[a-z]+(\.[a-z0-9_]+){1,3}$/.test(word) && !word.endsWith('.md'));
}

/** True when the page is wider than the viewport (sideways scrolling on a phone). */
export async function overflows(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core's serious and critical issues on what the page shows now, WCAG 2.2 AA and best practice. */
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

/**
 * The checks every screen gets, on what the page shows now at its current (360 px) size: no
 * catalogue key shown, no sideways scrolling, no serious axe issue. Problems are added to
 * `problems` (named `name: …`) so that one test reports them all at once.
 */
export async function scanScreen(page: Page, name: string, problems: string[]): Promise<void> {
  const keys = await leakedKeys(page);
  if (keys.length) problems.push(`${name}: untranslated keys ${keys.join(', ')}`);
  if (await overflows(page)) problems.push(`${name}: wider than a 360 px screen`);
  for (const issue of await seriousA11yIssues(page)) problems.push(`${name}: ${issue}`);
}

/** scanScreen once the page has its data: pages mark what they still fetch with data-loading. */
export async function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-loading]') === null);
  await scanScreen(page, name, problems);
}

/** The page resized to `view`: a problem if it then needs sideways scrolling. */
export async function checkWidth(
  page: Page,
  view: { width: number; height: number },
  name: string,
  problems: string[],
): Promise<void> {
  await page.setViewportSize(view);
  if (await overflows(page)) problems.push(`${name}: wider than a ${view.width} px screen`);
}
