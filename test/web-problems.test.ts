import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CATALOGUE } from '../src/platform/http/errors.ts';
import { createDates } from '../web/src/i18n/dates.ts';
import {
  describeProblem,
  FIELD_LABELS,
  type ProblemLike,
  type Translator,
} from '../web/src/i18n/problems.ts';
import { lookup, lookupCount } from '../web/src/i18n/translate.ts';
import { type WebLanguage, webCatalogues } from './support/web-catalogues.ts';

/*
 * What she reads when the API refuses: the web's text for the code, in her language, with the
 * problem's params filled in (dates in her language), a translated line per wrong field, and a
 * link to the next step. Runs the app's own problems.ts on the real catalogues; the server's
 * English `detail` must never show for a code the catalogue knows.
 */
const catalogues = await webCatalogues();
const DETAIL = 'ENGLISH DETAIL FROM THE SERVER';

function translator(language: WebLanguage): Translator {
  const own = catalogues[language];
  const t = (key: string, params = {}) => lookup(own, catalogues.en, key, params);
  // Chromium has no Kinyarwanda dates: take the path the browser takes.
  const dates = createDates(language, (m) => t(`date.month.${m}`), language !== 'rw');
  return {
    has: (key) => key in own || key in catalogues.en,
    t,
    tn: (base, n, params = {}) => lookupCount(language, own, catalogues.en, base, n, params),
    date: dates.date,
  };
}

function problem(code: string, extra: Partial<ProblemLike> = {}): ProblemLike {
  return { code, detail: DETAIL, params: {}, errors: [], ...extra };
}

describe('API errors on the web', () => {
  it('an overlap names the other period by its date, in her language', () => {
    const overlap = problem('period_overlap', { params: { otherStart: '2026-05-03', otherOpen: false } });
    assert.equal(
      describeProblem(overlap, translator('rw')).text,
      "Ibi bihura n'imihango yawe yatangiye ku wa 3 Gicurasi 2026. Reba amatariki, cyangwa uhindure iyo mihango.",
    );
    assert.match(describeProblem(overlap, translator('fr')).text, /commencées le 3 mai 2026/);
    const open = problem('period_overlap', { params: { otherStart: '2026-05-03', otherOpen: true } });
    assert.equal(
      describeProblem(open, translator('en')).text,
      'Your period that started on 3 May 2026 has not ended yet. Mark the day it ended first.',
    );
    assert.equal(
      describeProblem(problem('period_overlap'), translator('sw')).text,
      catalogues.sw['error.period_overlap'],
    );
  });

  it('"Save anyway?" says what is unusual, counted in her language', () => {
    const long = problem('confirmation_required', { params: { reason: 'long_period', days: 12 } });
    assert.equal(
      describeProblem(long, translator('fr')).text,
      'Ces règles dureraient 12 jours, plus longtemps que d’habitude. Est-ce bien ça ?',
    );
    const short = problem('confirmation_required', { params: { reason: 'short_cycle', days: 1 } });
    assert.match(describeProblem(short, translator('en')).text, /only 1 day after another period/);
    assert.match(describeProblem(short, translator('rw')).text, /umunsi 1/);
    const from = problem('confirmation_required', {
      params: { reason: 'short_cycle', days: 9, otherStart: '2026-01-20' },
    });
    assert.match(
      describeProblem(from, translator('sw')).text,
      /siku 9 tu baada ya hedhi yako ya 20 Januari 2026/,
    );
  });

  it('a date in the future says which day is today', () => {
    const future = problem('date_in_future', { params: { today: '2026-11-28' } });
    assert.match(describeProblem(future, translator('rw')).text, /\(28 Ugushyingo 2026\)/);
  });

  it('too many tries says how many minutes to wait, with its plural', () => {
    const wait = (seconds: number, language: WebLanguage) =>
      describeProblem(problem('too_many_requests', { retryAfterSeconds: seconds }), translator(language))
        .text;
    assert.equal(wait(45, 'en'), 'Too many tries. Wait 1 minute, then try again.');
    assert.equal(wait(900, 'en'), 'Too many tries. Wait 15 minutes, then try again.');
    assert.equal(wait(61, 'fr'), 'Trop d’essais. Attends 2 minutes, puis réessaie.');
    assert.match(wait(60, 'rw'), /umunota 1/);
  });

  it('wrong fields are named by their form label in her language, never in the server English', () => {
    const invalid = problem('validation_failed', {
      errors: [
        { field: '/pin', message: 'is required' },
        { field: '/birthYear', message: 'must be >= 1900' },
        { field: '/unheardOf', message: 'is not an allowed field' },
        { field: '/alsoUnheardOf', message: 'is not an allowed field' },
      ],
    });
    const { text, fields } = describeProblem(invalid, translator('fr'));
    assert.equal(text, catalogues.fr['error.validation_failed']);
    assert.deepEqual(fields, [
      `${catalogues.fr['auth.pin']} : cette réponse est nécessaire.`,
      `${catalogues.fr['auth.birth_year']} : vérifie cette réponse.`,
      'Une réponse n’est pas dans la forme attendue.',
    ]);
    for (const label of Object.values(FIELD_LABELS)) assert.ok(catalogues.en[label], `${label} exists`);
  });

  it('a refusal with a next step links to it', () => {
    const consent = describeProblem(problem('guardian_consent_required'), translator('rw'));
    assert.deepEqual(consent.action, {
      href: '/parent-consent',
      label: catalogues.rw['error.guardian_consent_required.action'],
    });
    assert.equal(
      describeProblem(problem('phone_required'), translator('en')).action?.href,
      '/parent-consent',
    );
  });

  it('the sign-in error reads plainly', () => {
    assert.equal(
      describeProblem(problem('invalid_credentials'), translator('en')).text,
      'Phone number or password is wrong.',
    );
  });

  it("no code the server knows shows the server's English detail; an unknown code does", () => {
    for (const language of ['en', 'rw', 'fr', 'sw'] as const) {
      for (const code of Object.keys(ERROR_CATALOGUE))
        assert.notEqual(
          describeProblem(problem(code), translator(language)).text,
          DETAIL,
          `${language} ${code}`,
        );
    }
    assert.equal(describeProblem(problem('code_from_a_newer_server'), translator('rw')).text, DETAIL);
  });
});
