import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isGsm7 } from '../../src/channels/ussd/gsm7.ts';
import { CATALOGUES, LANGUAGES, type MessageKey } from '../../src/platform/i18n/index.ts';

const USSD = join(import.meta.dirname, '../../src/channels/ussd');
/** The care network's and booking's screens and effects, and the navigation every screen shows. */
const SOURCES = [
  'screens-care.ts',
  'screens-booking.ts',
  'effects-care.ts',
  'effects-booking.ts',
  'flow.ts',
  'menu.ts',
];
/** Texts these screens show through a helper rather than a key of their own: dates name months. */
const THROUGH_HELPERS = ['month.'];

const KEYS = Object.keys(CATALOGUES.en) as MessageKey[];

/**
 * Every catalogue key the care and booking screens can show, read from their source: each key
 * written out ('people.title'), each counted key with all its forms ('book.day_item' → .one,
 * .other), and every key under a prefix a key is built from (`scope.${scope}` → scope.*).
 */
function careKeys(): MessageKey[] {
  const found = new Set<MessageKey>();
  const under = (prefix: string) => {
    for (const key of KEYS) if (key.startsWith(prefix)) found.add(key);
  };
  for (const file of SOURCES) {
    const source = readFileSync(join(USSD, file), 'utf8');
    for (const [, word] of source.matchAll(/'([a-z_]+(?:\.[a-z_0-9]+)+)'/g)) {
      if (word === undefined) continue;
      if ((KEYS as string[]).includes(word)) found.add(word as MessageKey);
      if ((KEYS as string[]).includes(`${word}.other`)) under(`${word}.`);
    }
    for (const [, prefix] of source.matchAll(/`([a-z_]+(?:\.[a-z_0-9]+)*\.)\$\{/g))
      if (prefix !== undefined) under(prefix);
  }
  for (const prefix of THROUGH_HELPERS) under(prefix);
  return [...found].sort();
}

describe('the catalogue texts of the care and booking screens', () => {
  it('are GSM-7 as written in every language (placeholders aside), not only once converted', () => {
    const keys = careKeys();
    // Sanity: the extraction finds the families these screens use.
    for (const key of [
      'people.title',
      'child.heading',
      'book.day_item.other',
      'appt.too_late_hours.one',
      'appt.status.no_show',
      'scope.appointments',
      'reason.something_else',
      'phase.luteal',
      'common.refused',
      'nav.more',
      'month.12',
    ] as MessageKey[])
      assert.ok(keys.includes(key), `${key} not found among ${keys.length} keys`);
    const problems: string[] = [];
    for (const lang of LANGUAGES) {
      for (const key of keys) {
        const text = CATALOGUES[lang][key].replace(/\{[a-z]+\}/g, '');
        const outside = [...text].filter((c) => !isGsm7(c));
        if (outside.length > 0) problems.push(`${lang} ${key}: ${outside.join(' ')} in "${text}"`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
