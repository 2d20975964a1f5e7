import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en as serverEnglish } from '../src/platform/i18n/en.ts';
import { createDates } from '../web/src/i18n/dates.ts';
import { lookup, lookupCount } from '../web/src/i18n/translate.ts';
import { type WebLanguage, webCatalogues } from './support/web-catalogues.ts';

/*
 * Counted texts and dates on the web, through the same lookups the app runs (translate.ts,
 * dates.ts) on its real catalogues: "1 day" not "1 days" in four languages, French 0 and 1
 * singular, Kinyarwanda's noun class changing at 1, and month names in her language whether or
 * not the browser's Intl knows it (Chromium has no Kinyarwanda).
 */
process.env.TZ = 'Africa/Kigali';
const catalogues = await webCatalogues();
const LANGUAGES: WebLanguage[] = ['en', 'rw', 'fr', 'sw'];
const ENGLISH_MONTHS =
  /\b(January|February|March|April|June|July|August|September|October|November|December)\b/;

function tn(language: WebLanguage, base: string, n: number, params = {}): string {
  return lookupCount(language, catalogues[language], catalogues.en, base, n, params);
}

describe('plural forms on the web', () => {
  it('says 1 day and 2 days in English, 0 and 1 jour in French, umunsi 1 and iminsi 2 in Kinyarwanda', () => {
    assert.equal(tn('en', 'web.days', 1), '1 day');
    assert.equal(tn('en', 'web.days', 0), '0 days');
    assert.equal(tn('en', 'web.days', 2), '2 days');
    assert.equal(tn('fr', 'web.days', 0), '0 jour');
    assert.equal(tn('fr', 'web.days', 1), '1 jour');
    assert.equal(tn('fr', 'web.days', 2), '2 jours');
    assert.equal(tn('fr', 'web.days', 1.5), '1,5 jour');
    assert.equal(tn('rw', 'web.days', 1), 'umunsi 1');
    assert.equal(tn('rw', 'web.days', 2), 'iminsi 2');
    assert.equal(tn('rw', 'web.days', 0), 'iminsi 0');
    assert.equal(tn('sw', 'web.days', 1), 'siku 1');
    assert.equal(tn('sw', 'web.days', 5), 'siku 5');
  });

  it('counts on her pages take the form of their number', () => {
    assert.equal(tn('en', 'home.late', 1), 'Your period is 1 day late');
    assert.equal(tn('en', 'home.next_in', 3), 'Next period in about 3 days');
    assert.equal(tn('en', 'settings.revoked', 1), 'Signed out of 1 other session.');
    assert.equal(tn('fr', 'settings.revoked', 1), '1 autre session déconnectée.');
    assert.equal(tn('fr', 'settings.revoked', 3), '3 autres sessions déconnectées.');
    assert.equal(tn('rw', 'home.late', 1), 'Imihango yawe yatinze umunsi 1');
    assert.equal(tn('en', 'stats.average', 28.5), 'Average cycle: 28.5 days');
    assert.equal(tn('fr', 'stats.average', 28.5), 'Cycle moyen : 28,5 jours');
    assert.equal(
      tn('en', 'stats.symptom_row', 1, { symptom: 'Cramps', days: 1 }),
      'Cramps: 1 of 1 logged day',
    );
    assert.equal(
      tn('en', 'error.too_many_requests.wait', 1),
      'Too many tries. Wait 1 minute, then try again.',
    );
    assert.equal(
      tn('sw', 'error.too_many_requests.wait', 15),
      'Majaribio mengi mno. Subiri dakika 15, kisha ujaribu tena.',
    );
  });

  it('writes no web count as a single entry: each has its .one and .other in every language', () => {
    const COUNT = /\{(n|count|days|total|minutes|left|cycles)\}/;
    const PLURAL = /\.(zero|one|two|few|many|other)$/;
    // USSD and SMS texts (src/platform/i18n) are checked with the server's catalogues.
    const web = Object.entries(catalogues.en).filter(([key]) => !(key in serverEnglish));
    const single = web
      .filter(([key, text]) => COUNT.test(text) && !PLURAL.test(key))
      .map(([key, text]) => `${key} counts without plural forms: "${text}"`);
    const bases = new Set(web.filter(([key]) => PLURAL.test(key)).map(([key]) => key.replace(PLURAL, '')));
    const missing = [...bases].flatMap((base) =>
      LANGUAGES.flatMap((language) =>
        ['one', 'other']
          .filter((form) => !catalogues[language][`${base}.${form}`])
          .map((form) => `${base}.${form} missing in ${language}`),
      ),
    );
    assert.deepEqual([...single, ...missing], []);
  });
});

describe('dates on the web', () => {
  const monthName = (language: WebLanguage) => (month: number) =>
    lookup(catalogues[language], catalogues.en, `date.month.${month}`);

  it('full month names in her language through Intl: 8 December, 8 décembre, 8 Desemba, 8 Ukuboza', () => {
    const dates = (language: WebLanguage) => createDates(language, monthName(language), true);
    assert.equal(dates('en').date('2025-12-08'), '8 December');
    assert.equal(dates('fr').date('2025-12-08'), '8 décembre');
    assert.equal(dates('sw').date('2025-12-08'), '8 Desemba');
    assert.equal(dates('rw').date('2025-12-08'), '8 Ukuboza');
    assert.equal(dates('en').date('2026-05-03', { year: true }), '3 May 2026');
    assert.equal(dates('rw').date('2026-05-03', { year: true }), '3 Gicurasi 2026');
    assert.equal(dates('fr').month('2026-02'), 'février 2026');
    assert.match(dates('en').dateTime('2025-12-08T07:30:00Z'), /^8 December 2025.*09:30$/);
  });

  it('a browser without Kinyarwanda dates still shows Kinyarwanda months, from the catalogue', () => {
    const fallback = createDates('rw', monthName('rw'), false);
    assert.equal(fallback.date('2025-01-31'), '31 Mutarama');
    assert.equal(fallback.month('2025-09'), 'Nzeri 2025');
    assert.equal(fallback.dateTime('2025-12-08T07:30:00Z'), '8 Ukuboza 2025, 09:30');
  });

  it('never shows an English month name outside English, on either path', () => {
    for (const language of ['rw', 'fr', 'sw'] as const) {
      for (const useIntl of [true, false]) {
        const dates = createDates(language, monthName(language), useIntl);
        for (let month = 1; month <= 12; month++) {
          const iso = `2025-${String(month).padStart(2, '0')}-15`;
          for (const text of [dates.date(iso), dates.month(iso), dates.dateTime(`${iso}T10:00:00Z`)])
            assert.doesNotMatch(text, ENGLISH_MONTHS, `${language} (Intl ${useIntl}): ${text}`);
        }
      }
    }
  });

  it("the catalogue's month names are the ones Intl gives where it knows the language", () => {
    for (const language of LANGUAGES) {
      const viaIntl = createDates(language, monthName(language), true);
      const viaCatalogue = createDates(language, monthName(language), false);
      for (let month = 1; month <= 12; month++) {
        const iso = `2025-${String(month).padStart(2, '0')}`;
        assert.equal(viaIntl.month(iso), viaCatalogue.month(iso), `${language} month ${month}`);
      }
    }
  });
});
