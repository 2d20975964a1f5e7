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
