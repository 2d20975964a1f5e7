import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { predictionLines, summaryLines } from '../../src/channels/ussd/effects.ts';
import { type CareDeps, createCareEffects } from '../../src/channels/ussd/effects-care.ts';
import { isGsm7 } from '../../src/channels/ussd/gsm7.ts';
import { applyResult, renderScreen, SCREENS, step } from '../../src/channels/ussd/menu.ts';
import { MAX_SCREEN } from '../../src/channels/ussd/render.ts';
import type { Effect, EffectResult, HopEnv, UssdState } from '../../src/channels/ussd/state.ts';
import type { Prediction } from '../../src/modules/cycles/engine/types.ts';
import type { CycleInsights } from '../../src/modules/cycles/insights.ts';
import { DISTRICTS } from '../../src/modules/providers/districts.ts';
import type { Language } from '../../src/platform/db/tables.ts';
import { AppError, type ErrorCode } from '../../src/platform/http/errors.ts';
import { LANGUAGES, translate } from '../../src/platform/i18n/index.ts';
import type { RequestContext } from '../../src/platform/request-context.ts';

const env: HopEnv = { today: '2026-11-28' };
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

// The care network's effects run for real on stand-in services: each variant below is one way
// the services can answer (long names, empty lists, every refusal), so the texts the effects
// compose are measured too.
const LONG = 'Mukamana Uwimana Jeanne d Arc'; // 29 letters: names are up to 30 on the phone
const LONGER = 'Dr Nyirahabimana Marie-Claire Uwitonze Mukeshimana'; // providers type longer ones
const FACILITY = 'Centre de Santé de Kacyiru, Kigali, Gasabo District';
const NOW = new Date('2026-11-28T08:00:00Z');
const ctx = { requestId: 'walk', channel: 'ussd', ip: '127.0.0.1', userAgent: undefined } as RequestContext;
const fail = (code: ErrorCode, extra: ConstructorParameters<typeof AppError>[2] = {}) => {
  throw new AppError(code, undefined, extra);
};
const link = (
  id: string,
  name: string,
  status: 'active' | 'pending',
  awaitingYou: boolean,
  scopes: string[],
) => ({
  id,
  status,
  side: 'child' as const,
  // A pending link the viewer entered names nobody (person null), as the care service answers.
  person: status === 'pending' && !awaitingYou ? null : { id: `c-${id}`, name, role: 'parent' },
  scopes,
  fixedScopes: id === 'l1' ? ['prediction', 'flags'] : [],
  awaitingYou,
});
const prediction = (phase: { name: string; cycleDay: number; lateByDays?: number } | null) => ({
  nextPeriod: phase ? { start: '2026-12-08', earliest: '2026-12-05', latest: '2026-12-11' } : null,
  phase,
});
const days = Array.from({ length: 15 }, (_, i) => ({
  date: `2026-12-${String(i + 1).padStart(2, '0')}`,
  free: i + 1,
}));
const slots = Array.from({ length: 18 }, (_, i) => {
  const start = Date.parse('2026-12-01T06:00:00Z') + i * 1_800_000;
  return { start: new Date(start).toISOString(), end: new Date(start + 1_800_000).toISOString() };
});
const visit = (id: string, status: string) => ({
  id,
  start: '2026-12-01T06:30:00.000Z',
  end: '2026-12-01T07:00:00.000Z',
  status,
  provider: { id: 'p1', displayName: LONGER, facility: FACILITY, district: 'gasabo' },
});

/** One way every care service can answer; `v` picks which (0 is the happy path). */
function careDeps(v: number): CareDeps {
  return {
    clock: () => NOW,
    consents: { healthDataAllowed: async () => v !== 3, guardianConsentAge: 16 },
    care: {
      listLinks: async () =>
        v === 1
          ? []
          : [
              link('l1', LONG, 'active', false, [
                'prediction',
                'periods',
                'symptoms',
                'flags',
                'appointments',
              ]),
              link('l2', 'Mama', 'active', false, []),
              link('l3', LONG, 'pending', true, ['prediction']),
              link('l4', 'Papa', 'pending', false, ['prediction']),
            ],
      createCode: async () => ({
        code: '48217730',
        expiresAt: new Date(NOW.getTime() + 86_400_000).toISOString(),
      }),
      enterCode: async () =>
        [
          undefined,
          () => fail('invalid_code'),
          () => fail('already_linked'),
          () => fail('too_many_requests', { retryAfterSeconds: 900 }),
        ][v]?.(),
      confirm: async () => (v === 2 ? fail('not_found') : undefined),
      unlink: async () => [undefined, () => fail('guardian_link_fixed'), () => fail('not_found')][v]?.(),
      childView: async () => {
        if (v === 3) fail('not_shared');
        if (v === 4) fail('not_found');
        const p = [
          prediction({ name: 'luteal', cycleDay: 19 }),
          prediction({ name: 'late', cycleDay: 41, lateByDays: 12 }),
          prediction(null),
        ][v];
        return { name: LONG, ...(p ? { prediction: p } : {}) };
      },
    } as unknown as CareDeps['care'],
    providers: {
      directory: async () =>
        v === 1
          ? []
          : [1, 2, 3, 4, 5].map((i) => ({
              id: `p${i}`,
              displayName: `${LONGER} ${i}`,
              facility: FACILITY,
              district: 'gasabo',
              languages: [],
              services: [],
              timeZone: 'Africa/Kigali',
              slotMinutes: 30,
            })),
    } as unknown as CareDeps['providers'],
    slots: {
      freeDays: async (providerId: string) =>
        v === 2 ? fail('not_found') : { providerId, timeZone: 'Africa/Kigali', days: v === 1 ? [] : days },
      providerSlots: async (providerId: string) =>
        v === 2
          ? fail('not_found')
          : {
              providerId,
              timeZone: 'Africa/Kigali',
              slotMinutes: 30,
              slots: v === 1 || v === 4 ? [] : slots,
            },
    } as unknown as CareDeps['slots'],
    appointments: {
      book: async () =>
        [
          undefined,
          () => fail('slot_taken'),
          () => fail('not_found'),
          () => fail('guardian_consent_required'),
          () => fail('slot_unavailable'),
        ][v]?.(),
      listMine: async () =>
        v === 1
          ? []
          : ['requested', 'confirmed', 'declined', 'cancelled', 'requested', 'confirmed'].map((status, i) =>
              visit(`a${i}`, status),
            ),
      cancel: async () =>
        [
          undefined,
          () => fail('change_too_late', { params: { minutes: 120 } }),
          () => fail('change_too_late', { params: { minutes: 90 } }),
          () => fail('appointment_closed'),
        ][v]?.(),
    } as unknown as CareDeps['appointments'],
  };
}
const CARE_VARIANTS = [0, 1, 2, 3, 4].map((v) => createCareEffects(careDeps(v)));

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
      return Promise.all(CARE_VARIANTS.map((run) => run(effect, state, ctx)));
    default:
      return [{ outcome: 'ok' }];
  }
}

/** A placeholder left unfilled, or a catalogue key shown instead of its text. */
const UNTRANSLATED =
  /\{[a-z]+\}|\b(app|lang|nav|common|reg|signin|resume|menu|period|day|pain|flow|symptom|mood|pred|phase|sum|flag|tips?|settings|pin|delete|month|people|scope|child|book|reason|appt)\.[a-z_0-9]+/;

/** The number of the district with the longest name (the screens after it name it). */
const LONGEST_DISTRICT = String(
  DISTRICTS.reduce((best, d, i) => (d.name.length > (DISTRICTS[best]?.name.length ?? 0) ? i : best), 0) + 1,
);

/** Inputs to try on a screen without numbered choices. */
const FREE_INPUTS = ['Aline', '2009', '58203', '0311', '04718293', 'x'];

function shownNumbers(text: string): string[] {
  return text
    .split('\n')
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

/** What a daughter shares is read again on every hop that shows it (a page turned, a wrong answer). */
function staleReads(s: UssdState): string[] {
  if (s.screen !== 'child' || !s.view) return [];
  return ['98', '7', 'x']
    .filter((input) => step(s, input, { env, inputs: [] }).effect?.kind !== 'loadChild')
    .map((input) => `child: "${input}" shows her data without reading it again`);
}

/** What is wrong with one rendered screen: prefix, length, alphabet, leftovers of the catalogue. */
function checkScreen(screen: string, text: string): string[] {
  const problems: string[] = [];
  if (!/^(CON|END) /.test(text)) problems.push(`${screen}: no CON/END`);
  if (text.length > MAX_SCREEN) problems.push(`${screen}: ${text.length} characters: ${text}`);
  if (!isGsm7(text)) problems.push(`${screen}: not GSM-7: ${text}`);
  if (UNTRANSLATED.test(text)) problems.push(`${screen}: untranslated: ${text}`);
  return problems;
}

/** Every answer worth trying on a screen, each followed through every outcome of its effect. */
async function explore(node: Node, text: string, problems: string[]): Promise<Node[]> {
  const numbers = shownNumbers(text);
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
      assert.deepEqual(problems.slice(0, 10), []);
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
