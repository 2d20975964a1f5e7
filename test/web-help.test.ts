import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HELP_CONTACTS } from '../web/src/help/contacts.ts';
import { I18N_DIR, webCatalogues } from './support/web-catalogues.ts';

/*
 * The Get help page's numbers live in one reviewed file (web/src/help/contacts.ts): each is a
 * number she can dial, says where it comes from, is named and explained in all four languages,
 * and no catalogue text writes a number of its own. Every run lists the numbers still to verify.
 */
const catalogues = await webCatalogues();

describe('Get help contacts', () => {
  it('each number is dialable, sourced and marked verified or not, with a check date once verified', () => {
    for (const contact of HELP_CONTACTS) {
      assert.match(contact.number, /^[0-9]{3,6}$/, contact.id);
      assert.ok(contact.source.length > 10, `${contact.id}: a source for the reviewer`);
      if (contact.verified) assert.match(String(contact.checkedOn), /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
    }
    const unverified = HELP_CONTACTS.filter((c) => !c.verified).map((c) => `${c.id} ${c.number}`);
    if (unverified.length)
      console.log(`# help numbers TO BE VERIFIED BEFORE LAUNCH: ${unverified.join(', ')}`);
  });

  it('each contact has a name and a description in all four languages', () => {
    for (const contact of HELP_CONTACTS) {
      for (const part of ['name', 'what']) {
        const key = `help.contact.${contact.id}.${part}`;
        for (const language of ['en', 'rw', 'fr', 'sw'] as const)
          assert.ok(catalogues[language][key]?.trim(), `${key} in ${language}`);
      }
    }
  });

  it('no help text writes a phone number itself: they come from the reviewed list', () => {
    const files = readdirSync(I18N_DIR).filter((file) => file.startsWith('help-'));
    for (const file of files) {
      const text = readFileSync(join(I18N_DIR, file), 'utf8');
      // Any number of three or more digits, not only the listed ones: a new one typed here is unreviewed.
      assert.doesNotMatch(text, /\b[0-9]{3,}\b/, `${file} writes a number itself`);
    }
  });
});
