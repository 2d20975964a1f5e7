/*
 * What she reads when the API refuses something: the text of the problem's `code` in her
 * language (`error.<code>`), filled from its `params`, one translated line per wrong field, and a
 * link to the next step where there is one. The server's English `detail` is used only for a code
 * the web has no text for yet. Free of React and the DOM, so Node tests run it on the real
 * catalogues.
 */

/** What the web knows of a problem+json answer (ApiError in api.ts has this shape). */
export type ProblemLike = {
  code: string;
  detail: string;
  params: Readonly<Record<string, string | number | boolean>>;
  errors: readonly { field?: string; path?: string; message: string }[];
  retryAfterSeconds?: number | undefined;
};

export type Translator = {
  /** True when the catalogue (hers or English) has this key. */
  has: (key: string) => boolean;
  t: (key: string, params?: Record<string, string | number>) => string;
  tn: (base: string, n: number, params?: Record<string, string | number>) => string;
  date: (iso: string, options?: { year?: boolean }) => string;
};

export type ProblemText = {
  text: string;
  /** One translated line per wrong answer (validation_failed), never the server's English. */
  fields: string[];
  /** The next step, e.g. her parent's consent: a link inside the app. */
  action?: { href: string; label: string };
};

/** Where she goes from a refusal that has a next step. */
const ACTIONS: Readonly<Record<string, string>> = {
  guardian_consent_required: '/parent-consent',
  // Only a guardian code asks for it; her consent steps start with verifying her number.
  phone_required: '/parent-consent',
};

/** A request field (last part of the JSON pointer) → the form label she saw for it. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'auth.name',
  phone: 'auth.phone',
  email: 'auth.email',
  identifier: 'auth.identifier',
  password: 'auth.password',
  pin: 'auth.pin',
  currentPassword: 'settings.current_password',
  currentPin: 'settings.current_pin',
  newPassword: 'settings.new_password',
  newPin: 'settings.new_pin',
  birthYear: 'auth.birth_year',
  role: 'auth.role',
  acceptTerms: 'auth.accept',
  language: 'web.lang.label',
  code: 'phone.code_label',
  startDate: 'period.start_label',
  endDate: 'period.end_label',
  date: 'day.date_label',
  flow: 'day.flow_label',
  symptoms: 'day.symptoms_label',
  otherSymptoms: 'day.symptoms_label',
  mood: 'day.mood_label',
  pain: 'day.pain_label',
  energy: 'day.energy_label',
  sleepHours: 'day.sleep_label',
  notes: 'day.notes_label',
  basalTemperature: 'day.temp_label',
  cervicalMucus: 'day.mucus_label',
};

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** Params as text: dates in her language ("3 May 2026"), the rest as they are. */
function shown(params: ProblemLike['params'], tr: Translator): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'boolean') continue;
    out[name] = typeof value === 'string' && ISO_DATE.test(value) ? tr.date(value, { year: true }) : value;
  }
  return out;
}

/** The variant of a code's text that its params call for (overlap with an open period, …). */
function mainText(problem: ProblemLike, tr: Translator): string {
  const { code, params } = problem;
  const filled = shown(params, tr);
  const days = typeof params.days === 'number' ? params.days : undefined;
  if (code === 'period_overlap' && typeof params.otherStart === 'string')
    return tr.t(
      params.otherOpen === true ? 'error.period_overlap.open' : 'error.period_overlap.dated',
      filled,
    );
  if (code === 'confirmation_required' && days !== undefined) {
    const reason = params.reason;
    if (reason === 'long_period') return tr.tn('error.confirmation_required.long_period', days, filled);
    if (reason === 'short_cycle') {
      const base =
        typeof params.otherStart === 'string'
          ? 'error.confirmation_required.short_cycle_from'
          : 'error.confirmation_required.short_cycle';
      return tr.tn(base, days, filled);
    }
  }
  if (code === 'date_in_future' && typeof params.today === 'string')
    return tr.t('error.date_in_future.today', filled);
  if (code === 'too_many_requests' && problem.retryAfterSeconds !== undefined)
    return tr.tn('error.too_many_requests.wait', Math.max(1, Math.ceil(problem.retryAfterSeconds / 60)));
  const key = `error.${code}`;
  if (tr.has(key)) return tr.t(key, filled);
  // A code the web does not know yet (a newer server): its English detail beats nothing.
  return problem.detail || tr.t('web.error');
}

/** The lines for a validation_failed problem's wrong answers, each in her language, no repeats. */
function fieldLines(problem: ProblemLike, tr: Translator): string[] {
  const lines = problem.errors.map((item) => {
    const pointer = item.field ?? item.path ?? '';
    const name = pointer.split('/').filter(Boolean).pop() ?? '';
    const label = FIELD_LABELS[name];
    if (!label || !tr.has(label)) return tr.t('error.field.generic');
    const key = item.message === 'is required' ? 'error.field.required' : 'error.field.invalid';
    return tr.t(key, { field: tr.t(label) });
  });
  return [...new Set(lines)];
}

export function describeProblem(problem: ProblemLike, tr: Translator): ProblemText {
  const result: ProblemText = { text: mainText(problem, tr), fields: fieldLines(problem, tr) };
  const href = ACTIONS[problem.code];
  if (href) result.action = { href, label: tr.t(`error.${problem.code}.action`) };
  return result;
}
