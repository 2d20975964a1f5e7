import { CATEGORIES as TIP_CATEGORIES } from '../../modules/content/schema.ts';
import { SYMPTOMS } from '../../modules/cycles/vocabulary.ts';
import { type MessageKey, type Params, translate as tr, translateCount } from '../../platform/i18n/index.ts';
import { addDays, parseDayMonth } from './dates.ts';
import { type Choice, go, home, replace, type Screen, stay, withEffect } from './flow.ts';
import type { Effect, ScreenId, Unusual, UssdState } from './state.ts';

const FLOWS = ['none', 'spotting', 'light', 'medium', 'heavy'] as const;
const MOODS = ['happy', 'calm', 'sad', 'anxious', 'irritable', 'sensitive'] as const;
/** Words on a small screen, stored on the 0–10 scale the other channels use. */
const PAIN: Array<[MessageKey, number]> = [
  ['pain.none', 0],
  ['pain.mild', 2],
  ['pain.moderate', 5],
  ['pain.severe', 7],
  ['pain.worst', 10],
];
const MAX_SYMPTOMS = 3;

const option = (s: UssdState, value: string, key: MessageKey, n?: number): Choice => ({
  value,
  label: tr(s.lang, key),
  ...(n === undefined ? {} : { n }),
});

/**
 * Her menu, each option at a fixed number. The code for her parent, shown only until a guardian
 * consents, is number 8 (so nothing else moves when it appears or goes) but listed first: until
 * then it is the one thing that works, and it must not fall on a second page. The care network
 * (booking, her visits, her people) came later, so it follows at 9 to 11.
 */
function menuChoices(s: UssdState): Choice[] {
  if (s.user?.role === 'parent')
    return [
      option(s, 'child_code', 'menu.child_consent', 1),
      option(s, 'tips', 'menu.tips', 2),
      option(s, 'settings', 'menu.settings', 3),
      option(s, 'people', 'menu.children', 4),
    ];
  if (s.user?.role !== 'adolescent')
    return [option(s, 'tips', 'menu.tips', 1), option(s, 'settings', 'menu.settings', 2)];
  return [
    ...(s.user.needsGuardian ? [option(s, 'guardian_code', 'menu.guardian_code', 8)] : []),
    option(s, 'start_when', 'menu.log_start', 1),
    option(s, 'end_when', 'menu.log_end', 2),
    option(s, 'day_flow', 'menu.log_today', 3),
    option(s, 'prediction', 'menu.next_period', 4),
    option(s, 'summary', 'menu.summary', 5),
    option(s, 'tips', 'menu.tips', 6),
    option(s, 'settings', 'menu.settings', 7),
    option(s, 'book_district', 'menu.book', 9),
    option(s, 'appts', 'menu.visits', 10),
    option(s, 'people', 'menu.people', 11),
  ];
}

/** Today / yesterday / another day, then the effect that logs the chosen date. */
function whenScreen(question: MessageKey, dateScreen: ScreenId, effect: (date: string) => Effect): Screen {
  return {
    text: (s) => tr(s.lang, question),
    choices: (s) => [
      option(s, 'today', 'period.today'),
      option(s, 'yesterday', 'period.yesterday'),
      option(s, 'other', 'period.other_day'),
    ],
    next: (s, value, { env }) => {
      if (value === 'other') return { state: go(s, dateScreen) };
      const date = value === 'today' ? env.today : addDays(env.today, -1);
      return withEffect({ ...s, form: { ...s.form, date } }, effect(date));
    },
  };
}

function dateScreen(effect: (date: string) => Effect): Screen {
  return {
    text: (s) => tr(s.lang, 'period.enter_date'),
    next: (s, value, { env }) => {
      const date = parseDayMonth(value, env.today);
      if (!date) return { state: stay(s, 'period.date_invalid') };
      return withEffect({ ...s, form: { ...s.form, date } }, effect(date));
    },
  };
}

/** What is unusual, in her words: "A period of 12 days is long." */
function unusualText(s: UssdState, unusual: Unusual | undefined): string {
  if (!unusual) return '';
  const base =
    unusual.reason === 'long'
      ? 'period.unusual_long'
      : unusual.reason === 'after'
        ? 'period.unusual_after'
        : 'period.unusual_before';
  return translateCount(s.lang, base, unusual.days, { date: unusual.date ?? '' });
}

function confirmScreen(effect: (date: string) => Effect): Screen {
  return {
    text: (s) =>
      [unusualText(s, s.form.unusual), tr(s.lang, 'period.save_anyway')].filter(Boolean).join('\n'),
    choices: (s) => [option(s, 'yes', 'common.yes'), option(s, 'no', 'common.no')],
    next: (s, value) =>
      value === 'yes' && s.form.date ? withEffect(s, effect(s.form.date)) : { state: home(s) },
  };
}

const REFUSALS: Record<string, MessageKey> = {
  future: 'period.future',
  before_start: 'period.before_start',
  overlap: 'period.overlap',
  overlap_open: 'period.overlap_open',
};

/** Where a period log's outcome leads: saved → home; unusual → say what and ask; refused → say why. */
function afterPeriodLog(savedKey: MessageKey, confirmScreenId: ScreenId) {
  return (s: UssdState, { outcome, params }: { outcome: string; params?: Params }) => {
    if (outcome === 'ok') return home(s, { key: savedKey, ...(params ? { params } : {}) });
    if (outcome === 'unusual') {
      const unusual = unusualOf(params);
      return replace(s, confirmScreenId, { form: { ...s.form, ...(unusual ? { unusual } : {}) } });
    }
    if (outcome === 'no_open') return home(s, { key: 'period.no_open' });
    if (outcome === 'guardian_required')
      return home(s, { key: 'guardian.required', ...(params ? { params } : {}) });
    return stay(s, REFUSALS[outcome] ?? 'period.overlap', params);
  };
}

function unusualOf(params: Params | undefined): Unusual | undefined {
  const reason = params?.reason;
  if (reason !== 'long' && reason !== 'after' && reason !== 'before') return undefined;
  const date = params?.date;
  return { reason, days: Number(params?.days ?? 0), ...(typeof date === 'string' ? { date } : {}) };
}

const logStart = (date: string): Effect => ({ kind: 'logPeriodStart', date, confirm: false });
const logEnd = (date: string): Effect => ({ kind: 'logPeriodEnd', date, confirm: false });
const afterStart = afterPeriodLog('period.saved_start', 'start_confirm');
const afterEnd = afterPeriodLog('period.saved_end', 'end_confirm');

const viewScreen: Screen = { text: (s) => (s.view?.paragraphs ?? []).join('\n') };

export const cycleScreens: Partial<Record<ScreenId, Screen>> = {
  menu: {
    text: (s) => tr(s.lang, 'menu.title'),
    choices: menuChoices,
    back: 'exit',
    next: (s, value) => {
      if (value === 'prediction') return withEffect(go(s, 'prediction'), { kind: 'loadPrediction' });
      if (value === 'summary') return withEffect(go(s, 'summary'), { kind: 'loadSummary' });
      if (value === 'guardian_code') return withEffect(go(s, 'guardian_code'), { kind: 'issueGuardianCode' });
      // Lists are read afresh each time they are opened (a link removed elsewhere is gone at once).
      if (value === 'people') return withEffect(go(s, 'people'), { kind: 'loadPeople' });
      if (value === 'appts') return withEffect(go(s, 'appts'), { kind: 'loadAppointments' });
      return { state: go(s, value as ScreenId) };
    },
  },

  start_when: { ...whenScreen('period.start_when', 'start_date', logStart), after: afterStart },
  start_date: { ...dateScreen(logStart), after: afterStart },
  start_confirm: {
    ...confirmScreen((date) => ({ kind: 'logPeriodStart', date, confirm: true })),
    after: afterStart,
  },
  end_when: { ...whenScreen('period.end_when', 'end_date', logEnd), after: afterEnd },
  end_date: { ...dateScreen(logEnd), after: afterEnd },
  end_confirm: {
    ...confirmScreen((date) => ({ kind: 'logPeriodEnd', date, confirm: true })),
    after: afterEnd,
  },

  day_flow: {
    text: (s) => tr(s.lang, 'day.flow'),
    choices: (s) => FLOWS.map((f) => option(s, f, `flow.${f}`)),
    next: (s, value) => ({
      state: go(s, 'day_symptoms', {
        form: { ...s.form, flow: value as (typeof FLOWS)[number], symptoms: [] },
      }),
    }),
  },

  day_symptoms: {
    text: (s) => {
      const chosen = s.form.symptoms ?? [];
      if (chosen.length === 0) return tr(s.lang, 'day.symptoms');
      const list = chosen.map((c) => tr(s.lang, `symptom.${c}` as MessageKey)).join(', ');
      return tr(s.lang, 'day.symptoms_more', { list });
    },
    // Each symptom keeps its number (2 to 15); one already chosen is left out, not renumbered.
    choices: (s) => [
      option(s, 'done', 'day.no_more', 1),
      ...SYMPTOMS.map((x, i) => option(s, x, `symptom.${x}` as MessageKey, i + 2)).filter(
        (c) => !(s.form.symptoms ?? []).includes(c.value),
      ),
    ],
    next: (s, value) => {
      if (value === 'done') return { state: go(s, 'day_mood') };
      const symptoms = [...(s.form.symptoms ?? []), value];
      const form = { ...s.form, symptoms };
      return {
        state:
          symptoms.length >= MAX_SYMPTOMS
            ? go({ ...s, form }, 'day_mood')
            : replace({ ...s, form }, 'day_symptoms'),
      };
    },
  },

  day_mood: {
    text: (s) => tr(s.lang, 'day.mood'),
    choices: (s) => MOODS.map((m) => option(s, m, `mood.${m}`)),
    next: (s, value) => ({ state: go(s, 'day_pain', { form: { ...s.form, mood: value } }) }),
  },

  day_pain: {
    text: (s) => tr(s.lang, 'day.pain'),
    choices: (s) => PAIN.map(([key, level]) => option(s, String(level), key)),
    next: (s, value) => withEffect(s, { kind: 'logDay', pain: Number(value) }),
    after: (s, { outcome, params }) =>
      outcome === 'guardian_required'
        ? home(s, { key: 'guardian.required', ...(params ? { params } : {}) })
        : home(s, { key: 'day.saved' }),
  },

  prediction: viewScreen,
  summary: viewScreen,
  guardian_code: {
    ...viewScreen,
    after: (s, { outcome }) => (outcome === 'not_needed' ? home(s) : s),
  },

  // Published tips of the library (docs/content.md), by category, in her language.
  tips: {
    text: (s) => tr(s.lang, 'tips.title'),
    choices: (s) => TIP_CATEGORIES.map((category) => option(s, category, `tipcat.${category}` as MessageKey)),
    next: (s, value) =>
      withEffect({ ...s, form: { ...s.form, tip: 0 } }, { kind: 'loadTips', category: value }),
    after: (s, { outcome }) => (outcome === 'ok' ? go(s, 'tip') : stay(s, 'tips.none')),
  },

  tip: {
    text: (s) => s.lists?.tips?.[s.form.tip ?? 0] ?? tr(s.lang, 'tips.none'),
    choices: (s) => ((s.lists?.tips?.length ?? 0) > 1 ? [option(s, 'next', 'tips.next')] : []),
    // The next tip of the category, round again after the last.
    next: (s) => ({
      state: {
        ...s,
        form: { ...s.form, tip: ((s.form.tip ?? 0) + 1) % Math.max(1, s.lists?.tips?.length ?? 1) },
      },
    }),
  },
};
