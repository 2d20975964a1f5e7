import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ERROR_CATALOGUE } from '../../src/platform/http/errors.ts';
import { describeEachDatabase } from '../support/app.ts';
import { placeholdersOf, unregisteredCatalogues, webCatalogues } from '../support/web-catalogues.ts';

/*
 * She reads every refusal in her language: each error code the API can answer (as its OpenAPI
 * document enumerates them) has a text `error.<code>` in the web app's four catalogues, really
 * translated, with the same placeholders as the English one. A code added on the server without
 * its texts fails here, naming the code.
 */
const TRANSLATED = ['rw', 'fr', 'sw'] as const;

/** Codes whose text may read the same as English in a language (none today). */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {};

type OpenApiDoc = { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };

function codesOf(doc: OpenApiDoc): string[] {
  const problem = doc.components.schemas.Problem;
  const code = problem?.properties?.code as { enum?: unknown } | undefined;
  assert.ok(Array.isArray(code?.enum), 'the Problem schema enumerates its codes');
  return (code.enum as unknown[]).map(String);
}

describeEachDatabase('error codes', (get) => {
  it('the OpenAPI document enumerates every code of the error catalogue', async () => {
    const res = await get().request({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(codesOf(res.json()).sort(), Object.keys(ERROR_CATALOGUE).sort());
  });

  it('every code the API answers has its text in all four web catalogues', async () => {
    const res = await get().request({ method: 'GET', url: '/api/v1/openapi.json' });
    const codes = codesOf(res.json());
    const catalogues = await webCatalogues();
    const problems: string[] = [];
    for (const code of codes) {
      const key = `error.${code}`;
      const english = catalogues.en[key];
      if (!english?.trim()) {
        problems.push(`${key}: no English text`);
        continue;
      }
      for (const language of TRANSLATED) {
        const text = catalogues[language][key];
        if (!text?.trim()) problems.push(`${key}: no ${language} text`);
        else if (text === english && !SAME_AS_ENGLISH[code]?.includes(language))
          problems.push(`${key}: the ${language} text is the English one`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every error text and its variants use the same placeholders in every language', async () => {
    const catalogues = await webCatalogues();
    const problems: string[] = [];
    for (const [key, english] of Object.entries(catalogues.en)) {
      if (!key.startsWith('error.')) continue;
      for (const language of TRANSLATED) {
        const text = catalogues[language][key];
        if (text === undefined) problems.push(`${key}: missing in ${language}`);
        else if (placeholdersOf(text).join() !== placeholdersOf(english).join())
          problems.push(
            `${key}: ${language} uses {${placeholdersOf(text)}}, English {${placeholdersOf(english)}}`,
          );
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every web catalogue file is part of the catalogue the app loads', () => {
    assert.deepEqual(unregisteredCatalogues(), []);
  });
});
