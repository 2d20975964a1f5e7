import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { predictionLines, summaryLines } from '../../src/channels/ussd/effects.ts';
import { isGsm7, toGsm7 } from '../../src/channels/ussd/gsm7.ts';
import { applyResult, renderScreen, SCREENS, step } from '../../src/channels/ussd/menu.ts';
import { MAX_SCREEN } from '../../src/channels/ussd/render.ts';
import { bookingScreens } from '../../src/channels/ussd/screens-booking.ts';
import { careScreens } from '../../src/channels/ussd/screens-care.ts';
import type { Effect, EffectResult, HopEnv, UssdState } from '../../src/channels/ussd/state.ts';
import { readStarterSet } from '../../src/modules/content/starter.ts';
import type { Prediction } from '../../src/modules/cycles/engine/types.ts';
import type { CycleInsights } from '../../src/modules/cycles/insights.ts';
import { DISTRICTS } from '../../src/modules/providers/districts.ts';
import type { Language } from '../../src/platform/db/tables.ts';
import { LANGUAGES, translate } from '../../src/platform/i18n/index.ts';
import { CARE_VARIANTS, NOW, WALK_CONTEXT } from './walk-care-services.ts';

const env: HopEnv = { today: '2026-11-28', now: NOW };
const adolescent = { id: 'u1', role: 'adolescent' as const };

const basePrediction: Prediction = {
  status: 'ok',
  nextPeriod: { start: '2026-12-08', earliest: '2026-12-05', latest: '2026-12-11' },
  ovulation: { date: '2026-11-24' },
  fertileWindow: { start: '2026-11-19', end: '2026-11-24' },
  phase: { name: 'luteal', cycleDay: 19 },
  averageCycleLength: 28.2,
  cycleLengthVariability: 1.4,
  averagePeriodLength: 5,
  lutealLength: null,
  confidence: 0.8,
  cyclesUsed: 5,
  flags: [],
};
const PREDICTIONS: Prediction[] = [
  basePrediction,
  { ...basePrediction, status: 'insufficient_data', phase: { name: 'menstrual', cycleDay: 2 } },
  { ...basePrediction, phase: { name: 'late', cycleDay: 41, lateByDays: 12 } },
  {
    ...basePrediction,
    status: 'insufficient_data',
    nextPeriod: null,
    phase: null,
    ovulation: null,
    fertileWindow: null,
  },
];
const STATS = [
  {
    averageCycleLength: 29.4,
    cycleLengthVariability: 9.6,
    averagePeriodLength: 8.2,
    cycles: [{ start: '2026-10-01', length: 31, periodLength: 8 }],
    flags: ['irregular', 'long_periods', 'heavy_flow', 'short_cycles', 'no_period_90_days'].map((code) => ({
      code,
      message: '',
      seeProvider: true,
    })),
  },
  {
    averageCycleLength: 28,
    cycleLengthVariability: 1,
    averagePeriodLength: 5,
    cycles: [{ start: '2026-10-01', length: 28, periodLength: 5 }],
    flags: [],
  },
  {
    averageCycleLength: null,
    cycleLengthVariability: null,
    averagePeriodLength: null,
    cycles: [],
    flags: [],
  },
];

const STARTER = readStarterSet();

/** Every outcome an effect can have, so the walk also reaches the screens that follow each. */
async function outcomesOf(effect: Effect, state: UssdState): Promise<EffectResult[]> {
  const insights = (p: Prediction, s: (typeof STATS)[number]) =>
    ({
      prediction: async () => ({ ...p, today: env.today }),
      stats: async () => s,
    }) as unknown as CycleInsights;
  switch (effect.kind) {
    case 'register':
      return [
        { outcome: 'ok', params: { name: 'Aline' }, user: adolescent },
        { outcome: 'taken' },
        { outcome: 'ok', params: { name: 'Mama' }, user: { id: 'p1', role: 'parent' } },
      ];
    case 'issueGuardianCode':
      return [
        {
          outcome: 'ok',
          view: { paragraphs: [translate(state.lang, 'guardian.code', { code: '04718293' })] },
        },
        { outcome: 'not_needed', user: adolescent },
      ];
    case 'redeemGuardianCode':
      return [{ outcome: 'ok' }, { outcome: 'invalid' }];
    case 'logDay':
      return [{ outcome: 'ok' }, { outcome: 'guardian_required', params: { age: 16 } }];
    case 'signIn':
    case 'deleteAccount':
      return [
        { outcome: 'ok', user: adolescent },
        { outcome: 'ok', user: { ...adolescent, needsGuardian: true } },
        { outcome: 'policies', user: adolescent },
        { outcome: 'wrong', params: { left: 3 } },
        { outcome: 'locked', params: { minutes: 15 } },
        { outcome: 'deactivated' },
      ];
    case 'changePin':
      return [
        { outcome: 'ok' },
        { outcome: 'weak' },
        { outcome: 'wrong', params: { left: 2 } },
        { outcome: 'locked', params: { minutes: 15 } },
      ];
    case 'logPeriodStart':
    case 'logPeriodEnd':
      return [
        ...['ok', 'future', 'overlap', 'overlap_open', 'before_start', 'no_open'].map((outcome) => ({
          outcome,
          params: { date: '3 Nov' },
        })),
        { outcome: 'unusual', params: { reason: 'long', days: 12 } },
        { outcome: 'unusual', params: { reason: 'after', days: 9, date: '30 Dec' } },
        { outcome: 'unusual', params: { reason: 'before', days: 1, date: '30 Dec' } },
        { outcome: 'guardian_required', params: { age: 16 } },
      ];
    case 'loadPrediction':
      return Promise.all(
        PREDICTIONS.map(async (p) => ({
          outcome: 'ok',
          view: {
            paragraphs: await predictionLines(
              { insights: insights(p, STATS[1] as (typeof STATS)[number]) } as never,
              state,
            ),
          },
        })),
      );
    case 'loadSummary':
      return Promise.all(
        STATS.map(async (s) => ({
          outcome: 'ok',
          view: { paragraphs: await summaryLines({ insights: insights(basePrediction, s) } as never, state) },
        })),
      );
    case 'setLanguage':
      return [{ outcome: 'ok', params: { lang: effect.lang } }];
    case 'loadTips': {
      // The longest published tips of that category and language (the starter set), and none.
      const tips = STARTER.filter(
        (t) => t.kind === 'tip' && t.lang === state.lang && t.category === effect.category,
      )
        .map((t) => toGsm7(t.body))
        .sort((x, y) => y.length - x.length);
      return [{ outcome: 'ok', lists: { tips } }, { outcome: 'none' }];
    }
    case 'loadPeople':
    case 'loadChild':
    case 'createLinkCode':
    case 'enterLinkCode':
    case 'confirmLink':
    case 'unlink':
    case 'loadProviders':
    case 'loadDays':
    case 'loadSlots':
    case 'book':
    case 'loadAppointments':
    case 'cancelAppointment':
      return Promise.all(CARE_VARIANTS.map((run) => run(effect, state, WALK_CONTEXT)));
    default:
      return [{ outcome: 'ok' }];
  }
}

/** A placeholder left unfilled, or a catalogue key shown instead of its text. */
const UNTRANSLATED =
  /\{[a-z]+\}|\b(app|lang|nav|common|reg|signin|resume|menu|period|day|pain|flow|symptom|mood|pred|phase|sum|flag|tips?|tipcat|settings|pin|delete|month|people|scope|child|book|reason|appt)\.[a-z_0-9]+/;

/** The number of the district with the longest name (the screens after it name it). */
const LONGEST_DISTRICT = String(
  DISTRICTS.reduce((best, d, i) => (d.name.length > (DISTRICTS[best]?.name.length ?? 0) ? i : best), 0) + 1,
);

/** Inputs to try on a screen without numbered choices. */
const FREE_INPUTS = ['Aline', '2009', '58203', '0311', '04718293', 'x'];

/** The numbers a screen offers: its lines that start with one, but for lines of its own text ("28 Nov at 11:00"). */
function shownNumbers(text: string, s: UssdState): string[] {
  const own = new Set(toGsm7(SCREENS[s.screen].text(s, env)).split('\n'));
  return text
    .replace(/^(CON|END) /, '')
    .split('\n')
    .filter((line) => !own.has(line))
    .map((line) => /^(\d{1,2}) /.exec(line)?.[1])
    .filter((n): n is string => n !== undefined);
}

function startStates(lang: Language): UssdState[] {
  const base = { lang, phone: '+250788000000', stack: [] as UssdState['stack'], page: 0, form: {} };
  const signedIn = { ...base, known: true, screen: 'menu' as const, user: adolescent };
  return [
    { ...base, known: false, screen: 'language' },
    { ...base, known: true, screen: 'signin_pin' },
    signedIn,
    { ...signedIn, user: { ...adolescent, needsGuardian: true } },
    { ...signedIn, user: { id: 'p1', role: 'parent' } },
    {
      ...base,
      known: true,
      screen: 'resume',
      resume: { ...signedIn, screen: 'pin_new_again', form: { pinAt: 0 } },
    },
  ];
}

type Node = { state: UssdState; inputs: string[] };

/**
 * A screen that shows someone else's data (or who is linked) reads it again on every hop that
 * stays on it (a page turned, a wrong answer) and on `0` back to it.
 */
function staleReads(s: UssdState): string[] {
  const problems: string[] = [];
  const reload = SCREENS[s.screen].reload?.(s);
  for (const input of reload ? ['98', '7', 'x'] : []) {
    const out = step(s, input, { env, inputs: [] });
    if (out.state.screen === s.screen && out.effect?.kind !== reload?.kind)
      problems.push(`${s.screen}: "${input}" shows it again without reading it again`);
  }
  if (s.stack.length > 0 && (SCREENS[s.screen].back ?? 'back') === 'back') {
    const out = step(s, '0', { env, inputs: [] });
    const expected = SCREENS[out.state.screen].reload?.(out.state);
    if (expected && out.effect?.kind !== expected.kind)
      problems.push(`${s.screen}: "0" back to ${out.state.screen} shows it without reading it again`);
  }
  return problems;
}

/** The screens of the care network and booking, where names typed elsewhere are shown. */
const CARE_SCREENS = new Set(Object.keys({ ...careScreens, ...bookingScreens }));
/** A name left empty where one belongs: "Remove ? They…", "5 : waiting for you", ", next period:". */
const EMPTY_NAME = /(^|\n)(\d{1,2} )?[,:.?]| [,:.?](\s|$)/;

/** What is wrong with one rendered screen: prefix, length, alphabet, leftovers of the catalogue. */
function checkScreen(screen: string, text: string): string[] {
  const problems: string[] = [];
  if (!/^(CON|END) /.test(text)) problems.push(`${screen}: no CON/END`);
  if (text.length > MAX_SCREEN) problems.push(`${screen}: ${text.length} characters: ${text}`);
  if (!isGsm7(text)) problems.push(`${screen}: not GSM-7: ${text}`);
  if (UNTRANSLATED.test(text)) problems.push(`${screen}: untranslated: ${text}`);
  if (CARE_SCREENS.has(screen) && EMPTY_NAME.test(text.slice(4)))
    problems.push(`${screen}: an empty name: ${text}`);
  return problems;
}

/** Every answer worth trying on a screen, each followed through every outcome of its effect. */
async function explore(node: Node, text: string, problems: string[]): Promise<Node[]> {
  const numbers = shownNumbers(text, node.state);
  const screen = SCREENS[node.state.screen];
  const tries = screen.choices || !screen.next ? [...numbers, '7'] : [...numbers, ...FREE_INPUTS];
  const children: Node[] = [];
  for (const input of tries) {
    const inputs = [...node.inputs, input];
    const outcome = step(node.state, input, { env, inputs });
    const refused =
      input === '98'
        ? outcome.state.page !== node.state.page + 1
        : outcome.state.notice !== undefined &&
          'key' in outcome.state.notice &&
          outcome.state.notice.key === 'common.invalid_choice';
    if (numbers.includes(input) && refused)
      problems.push(`${node.state.screen}: option ${input} shown but refused: ${text}`);
    // The 30 districts lead to the same screens but for the district's name: one, the longest, is followed.
    if (node.state.screen === 'book_district' && numbers.includes(input) && input !== LONGEST_DISTRICT)
      continue;
    const results = outcome.effect ? await outcomesOf(outcome.effect, outcome.state) : [undefined];
    for (const result of results)
      children.push({ state: result ? applyResult(outcome.state, result) : outcome.state, inputs });
  }
  return children;
}

describe('every USSD screen in every language', () => {
  for (const lang of LANGUAGES) {
    it(`fits the phone and every option shown works (${lang})`, async () => {
      const seen = new Set<string>();
      const reached = new Set<string>();
      const problems: string[] = [];
      const queue: Node[] = startStates(lang).map((state) => ({ state, inputs: [] }));
      for (let node = queue.shift(); node; node = queue.shift()) {
        // A screen is what it shows and where its answers lead: which symptoms or name were typed
        // does not make a new screen.
        const { text, end } = renderScreen(node.state, env);
        const s = node.state;
        const key = JSON.stringify([
          text,
          s.screen,
          s.page,
          s.user?.role,
          s.known,
          s.form.symptoms?.length,
          s.stack.length > 0,
        ]);
        if (seen.has(key) || node.inputs.length > 14) continue;
        seen.add(key);
        reached.add(s.screen);
        problems.push(...checkScreen(s.screen, text));
        problems.push(...staleReads(s));
        if (!end) queue.push(...(await explore(node, text, problems)));
      }
      assert.deepEqual([...new Set(problems.map((p) => p.slice(0, 60)))], []);
      assert.ok(seen.size > 60, `walked ${seen.size} screens`);
      for (const id of [
        'language',
        'reg_terms',
        'signin_pin',
        'menu',
        'day_symptoms',
        'prediction',
        'summary',
        'tip',
        'delete_confirm',
        'pin_new_again',
        'start_confirm',
        'end_date',
        'end',
        'policy_accept',
        'guardian_code',
        'child_code',
        'people',
        'people_add',
        'people_enter_code',
        'link_code',
        'person',
        'person_remove',
        'person_confirm',
        'child',
        'book_district',
        'book_provider',
        'book_day',
        'book_slot',
        'book_reason',
        'book_confirm',
        'appts',
        'appt',
        'appt_cancel',
      ]) {
        assert.ok(reached.has(id), `${id} never reached`);
      }
    });
  }
});
