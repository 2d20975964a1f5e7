import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { predictionLines } from '../../src/channels/ussd/effects.ts';
import { isGsm7 } from '../../src/channels/ussd/gsm7.ts';
import { applyResult, renderScreen } from '../../src/channels/ussd/menu.ts';
import { MAX_SCREEN } from '../../src/channels/ussd/render.ts';
import type { UssdState } from '../../src/channels/ussd/state.ts';
import type { Prediction } from '../../src/modules/cycles/engine/types.ts';
import type { Language } from '../../src/platform/db/tables.ts';
import { CATALOGUES, LANGUAGES, translateCount } from '../../src/platform/i18n/index.ts';
import { pluralCategory } from '../../src/platform/i18n/plural.ts';

describe('plural forms of the server texts (USSD and SMS)', () => {
  it('picks the category each language needs', () => {
    const categories = (lang: string) => [0, 1, 2, 5, 21].map((n) => pluralCategory(lang, n));
    assert.deepEqual(categories('en'), ['other', 'one', 'other', 'other', 'other']);
    assert.deepEqual(
      categories('fr'),
      ['one', 'one', 'other', 'other', 'other'],
      'French: 0 and 1 are singular',
    );
    assert.deepEqual(
      categories('rw'),
      ['other', 'one', 'other', 'other', 'other'],
      'Kinyarwanda: 1 is singular',
    );
    assert.deepEqual(categories('sw'), ['other', 'one', 'other', 'other', 'other']);
  });

  it('says "1 try left", "1 minute", "1 day" in the singular in all four languages', () => {
    const expected: Record<Language, Array<[string, string, string]>> = {
      en: [
        ['1 try left', '4 tries left', '0 tries left'],
        ['in 1 minute.', 'in 15 minutes.', ''],
        ['1 day late', '3 days late', ''],
      ],
      rw: [
        ['ihirwe rimwe', 'amahirwe 4', 'amahirwe 0'],
        ['mu munota 1.', 'mu minota 15.', ''],
        ['yatinze umunsi 1.', 'yatinze iminsi 3.', ''],
      ],
      fr: [
        ['1 essai restant', '4 essais restants', '0 essai restant'],
        ['dans 1 minute.', 'dans 15 minutes.', ''],
        ['1 jour de retard', '3 jours de retard', ''],
      ],
      sw: [
        ['Imebaki nafasi 1', 'Zimebaki nafasi 4', 'Zimebaki nafasi 0'],
        ['dakika 1.', 'dakika 15.', ''],
        ['siku 1.', 'siku 3.', ''],
      ],
    };
    for (const lang of LANGUAGES) {
      const [tries, minutes, days] = expected[lang] as [
        [string, string, string],
        [string, string, string],
        [string, string, string],
      ];
      const check = (text: string, part: string) =>
        assert.ok(part === '' || text.includes(part), `${lang}: ${text}`);
      check(translateCount(lang, 'signin.wrong', 1), tries[0]);
      check(translateCount(lang, 'signin.wrong', 4), tries[1]);
      check(translateCount(lang, 'signin.wrong', 0), tries[2]);
      check(translateCount(lang, 'signin.locked', 1), minutes[0]);
      check(translateCount(lang, 'signin.locked', 15), minutes[1]);
      check(translateCount(lang, 'pred.late', 1), days[0]);
      check(translateCount(lang, 'pred.late', 3), days[1]);
      const sms = translateCount(lang, 'sms.code', 15, { code: '482913' });
      assert.ok(sms.includes('482913') && sms.includes('15') && !/\{/.test(sms), sms);
    }
  });

  it('writes every counted text per category, in every language, and no count in a single entry', () => {
    const english = Object.keys(CATALOGUES.en);
    const bases = english.filter((k) => k.endsWith('.other')).map((k) => k.slice(0, -'.other'.length));
    assert.ok(bases.length >= 9, bases.join());
    for (const lang of LANGUAGES) {
      const catalogue = CATALOGUES[lang] as Record<string, string>;
      for (const base of bases) {
        assert.ok(catalogue[`${base}.one`] && catalogue[`${base}.other`], `${lang}: ${base}.one/.other`);
        assert.match(catalogue[`${base}.other`] ?? '', /\{n\}/, `${lang}: ${base}.other shows the number`);
      }
      // A count in a single entry ("{minutes} minutes") is how "1 minutes" came about.
      const single = Object.entries(catalogue).filter(
        ([key, text]) => !/\.(one|other)$/.test(key) && /\{(n|left|minutes|days|avg|period)\}/.test(text),
      );
      assert.deepEqual(single, [], lang);
    }
  });
});

const env = { today: '2026-11-28', now: new Date('2026-11-28T08:00:00Z') };
const base = {
  phone: '+250788000000',
  known: true,
  stack: [],
  page: 0,
  form: { date: '2026-11-10' },
  user: { id: 'u1', role: 'adolescent' as const },
};

describe('the phone says what is unusual, and that fertile days are not contraception', () => {
  for (const lang of LANGUAGES) {
    it(`in ${lang}, within one GSM-7 screen`, async () => {
      const state: UssdState = { ...base, lang, screen: 'start_date' };
      const screens = [
        { outcome: 'unusual', params: { reason: 'long', days: 12 } },
        { outcome: 'unusual', params: { reason: 'after', days: 9, date: '1 Nov' } },
        { outcome: 'unusual', params: { reason: 'before', days: 1, date: '1 Nov' } },
        { outcome: 'overlap_open', params: { date: '28 Nov' } },
      ].map((result) => renderScreen(applyResult(state, result), env).text);
      // A refusal of "today" or "yesterday" stays on the screen that asks when.
      const when = { ...state, screen: 'start_when' as const };
      screens.push(
        renderScreen(applyResult(when, { outcome: 'overlap_open', params: { date: '28 Nov' } }), env).text,
      );
      const [long, after, before, overlap] = screens as [string, string, string, string];
      assert.match(long, /12/);
      assert.match(after, /9.*1 Nov/);
      assert.match(before, /1.*1 Nov/);
      assert.match(overlap, /28 Nov/);
      assert.notEqual(after, before);
      for (const text of screens) {
        assert.ok(text.length <= MAX_SCREEN && isGsm7(text), text);
        assert.doesNotMatch(text, /98 /, `one page: ${text}`);
      }

      const prediction: Prediction & { today: string } = {
        status: 'ok',
        today: env.today,
        nextPeriod: { start: '2026-12-08', earliest: '2026-12-05', latest: '2026-12-11' },
        ovulation: { date: '2026-11-24' },
        fertileWindow: { start: '2026-11-19', end: '2026-11-24' },
        phase: { name: 'fertile', cycleDay: 19 },
        averageCycleLength: 28,
        cycleLengthVariability: 1,
        averagePeriodLength: 5,
        lutealLength: null,
        confidence: 0.8,
        cyclesUsed: 5,
        flags: [],
      };
      const lines = await predictionLines({ insights: { prediction: async () => prediction } } as never, {
        ...state,
        screen: 'prediction',
      });
      const fertile = lines.at(-1) ?? '';
      const warning: Record<Language, RegExp> = {
        en: /Not safe as contraception\.$/,
        rw: /Si uburyo bwo kuboneza urubyaro\.$/,
        fr: /Ce n'est pas une contraception\.$/,
        sw: /Si njia ya kuzuia mimba\.$/,
      };
      assert.match(fertile, warning[lang]);
      assert.ok(isGsm7(fertile), fertile);
    });
  }
});
