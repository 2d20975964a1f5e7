import { checkPin } from '../../modules/auth/secrets.ts';
import type { Language } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { LANGUAGE_NAMES, LANGUAGES, translate as tr } from '../../platform/i18n/index.ts';
import { finish, go, home, noticeText, replace, type Screen, stay, withEffect } from './flow.ts';
import type { Notice, ScreenId, UssdState } from './state.ts';

const PIN = /^[0-9]{5}$/;
/** Typed on the PIN screen instead of a PIN (never a valid PIN: those are 5 digits). */
const FORGOT_PIN = '9';
const NAME = /^[\p{L}][\p{L} '-]{1,29}$/u;

const languageChoices = () => LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }));

/** "Wrong PIN. 1 try left." in her language, singular or plural. */
const wrongPin = (params: Record<string, string | number> | undefined): Notice => ({
  counted: 'signin.wrong',
  n: Number(params?.left ?? 0),
});

/** Outcomes of a PIN check shared by sign-in, PIN change and account deletion. */
function afterPinCheck(s: UssdState, outcome: string, params: Record<string, string | number> | undefined) {
  if (outcome === 'wrong') return stay(s, wrongPin(params));
  if (outcome === 'locked') return finish(s, { counted: 'signin.locked', n: Number(params?.minutes ?? 0) });
  if (outcome === 'deactivated') return finish(s, 'signin.deactivated');
  return undefined;
}

export const accountScreens: Partial<Record<ScreenId, Screen>> = {
  language: {
    text: (s) => tr(s.lang, 'lang.choose'),
    choices: languageChoices,
    next: (s, value) => ({ state: go({ ...s, lang: value as Language }, 'reg_name') }),
    back: 'exit',
  },

  reg_name: {
    text: (s) => tr(s.lang, 'reg.name'),
    next: (s, value) =>
      NAME.test(value.trim())
        ? { state: go(s, 'reg_role', { form: { ...s.form, name: value.trim() } }) }
        : { state: stay(s, 'reg.name_invalid') },
  },

  reg_role: {
    text: (s) => tr(s.lang, 'reg.role'),
    choices: (s) => [
      { value: 'adolescent', label: tr(s.lang, 'reg.role_adolescent') },
      { value: 'parent', label: tr(s.lang, 'reg.role_parent') },
    ],
    next: (s, value) => ({
      state: go(s, 'reg_birth_year', { form: { ...s.form, role: value as 'adolescent' | 'parent' } }),
    }),
  },

  reg_birth_year: {
    text: (s) => tr(s.lang, 'reg.birth_year'),
    next: (s, value, { env }) => {
      const year = Number(value);
      const ok = /^[0-9]{4}$/.test(value) && year >= 1920 && year <= Number(env.today.slice(0, 4)) - 5;
      return ok
        ? { state: go(s, 'reg_terms', { form: { ...s.form, birthYear: year } }) }
        : { state: stay(s, 'reg.birth_year_invalid') };
    },
  },

  reg_terms: {
    text: (s) => tr(s.lang, 'reg.terms'),
    choices: (s) => [
      { value: 'accept', label: tr(s.lang, 'reg.accept') },
      { value: 'decline', label: tr(s.lang, 'reg.decline') },
    ],
    next: (s, value) => ({ state: value === 'accept' ? go(s, 'reg_pin') : finish(s, 'reg.declined') }),
  },

  reg_pin: {
    text: (s) => tr(s.lang, 'reg.pin'),
    back: 'none',
    next: (s, value) => {
      if (!PIN.test(value)) return { state: stay(s, 'reg.pin') };
      try {
        checkPin(value, s.form.birthYear);
      } catch (error) {
        if (error instanceof AppError) return { state: stay(s, 'reg.pin_weak') };
        throw error;
      }
      return { state: go(s, 'reg_pin_again') };
    },
  },

  reg_pin_again: {
    text: (s) => tr(s.lang, 'reg.pin_again'),
    back: 'none',
    // The first entry is the previous input of this same session: the PIN is never stored.
    next: (s, value, { inputs }) =>
      value === inputs.at(-2)
        ? withEffect(s, { kind: 'register', pin: value })
        : { state: replace(s, 'reg_pin', { notice: { key: 'reg.pin_mismatch' } }) },
    after: (s, { outcome, params }) =>
      outcome === 'ok'
        ? home(s, { key: 'reg.done', ...(params ? { params } : {}) })
        : finish(s, outcome === 'taken' ? 'reg.taken' : 'common.busy'),
  },

  signin_pin: {
    text: (s) => tr(s.lang, 'signin.pin'),
    back: 'none',
    next: (s, value) => {
      if (value === FORGOT_PIN) return { state: go(s, 'recover_pin') };
      return PIN.test(value) ? withEffect(s, { kind: 'signIn', pin: value }) : { state: stay(s, 'reg.pin') };
    },
    after: (s, { outcome, params }) =>
      afterPinCheck(s, outcome, params) ??
      (outcome === 'policies' ? replace(s, 'policy_accept') : continueAfterSignIn(s)),
  },

  // A forgotten PIN: the carrier gives this call's number, which is the proof (as an SMS code is on the web).
  recover_pin: {
    text: (s) => tr(s.lang, 'recover.new_pin'),
    next: (s, value) => {
      if (!PIN.test(value)) return { state: stay(s, 'reg.pin') };
      try {
        checkPin(value);
      } catch (error) {
        if (error instanceof AppError) return { state: stay(s, 'reg.pin_weak') };
        throw error;
      }
      return { state: go(s, 'recover_pin_again') };
    },
  },

  recover_pin_again: {
    text: (s) => tr(s.lang, 'reg.pin_again'),
    back: 'none',
    // As at registration, the first entry is only the previous input of this call: never stored.
    next: (s, value, { inputs }) =>
      value === inputs.at(-2)
        ? withEffect(s, { kind: 'resetPin', pin: value })
        : { state: replace(s, 'recover_pin', { notice: { key: 'reg.pin_mismatch' } }) },
    after: (s, { outcome }) => {
      if (outcome === 'ok') return replace(s, 'signin_pin', { stack: [], notice: { key: 'recover.done' } });
      if (outcome === 'weak') return replace(s, 'recover_pin', { notice: { key: 'reg.pin_weak' } });
      return finish(s, 'common.busy');
    },
  },

  policy_accept: {
    locked: true,
    text: (s) => tr(s.lang, 'policy.changed'),
    choices: (s) => [
      { value: 'accept', label: tr(s.lang, 'reg.accept') },
      { value: 'decline', label: tr(s.lang, 'reg.decline') },
    ],
    back: 'none',
    next: (s, value) =>
      value === 'accept'
        ? withEffect(s, { kind: 'acceptPolicies' })
        : { state: finish(s, 'policy.declined') },
    after: (s) => home(s),
  },

  child_code: {
    text: (s) => tr(s.lang, 'guardian.enter_code'),
    next: (s, value) =>
      /^[0-9]{8}$/.test(value)
        ? withEffect(s, { kind: 'redeemGuardianCode', code: value })
        : { state: stay(s, 'guardian.code_invalid') },
    after: (s, { outcome }) => {
      if (outcome === 'ok') return home(s, { key: 'guardian.done' });
      return stay(s, outcome === 'same_phone' ? 'guardian.same_phone' : 'guardian.code_invalid');
    },
  },

  resume: {
    text: (s) => tr(s.lang, 'resume.ask'),
    choices: (s) => [
      { value: 'yes', label: tr(s.lang, 'common.yes') },
      { value: 'no', label: tr(s.lang, 'resume.start_again') },
    ],
    back: 'none',
    next: (s, value) => {
      const { resume, ...fresh } = s;
      if (value === 'yes' && resume) return { state: resumeAt(resume, s.phone) };
      return { state: home({ ...fresh, stack: [] }) };
    },
  },

  settings: {
    text: (s) => tr(s.lang, 'settings.title'),
    choices: (s) => [
      { value: 'settings_language', label: tr(s.lang, 'settings.language') },
      { value: 'pin_current', label: tr(s.lang, 'settings.change_pin') },
      { value: 'delete_confirm', label: tr(s.lang, 'settings.delete') },
    ],
    next: (s, value) => ({ state: go(s, value as ScreenId) }),
  },

  settings_language: {
    text: (s) => tr(s.lang, 'lang.choose'),
    choices: languageChoices,
    next: (s, value) => withEffect(s, { kind: 'setLanguage', lang: value as Language }),
    after: (s, { params }) =>
      home({ ...s, lang: (params?.lang as Language) ?? s.lang }, { key: 'settings.language_saved' }),
  },

  pin_current: {
    text: (s) => tr(s.lang, 'pin.current'),
    // Only where the current PIN was typed is remembered (its position in this session's inputs).
    next: (s, value, { inputs }) =>
      PIN.test(value)
        ? { state: go(s, 'pin_new', { form: { ...s.form, pinAt: inputs.length - 1 } }) }
        : { state: stay(s, 'pin.current') },
  },

  pin_new: {
    text: (s) => tr(s.lang, 'pin.new'),
    back: 'none',
    next: (s, value) => (PIN.test(value) ? { state: go(s, 'pin_new_again') } : { state: stay(s, 'pin.new') }),
  },

  pin_new_again: {
    text: (s) => tr(s.lang, 'pin.new_again'),
    back: 'none',
    next: (s, value, { inputs }) =>
      value === inputs.at(-2)
        ? withEffect(s, { kind: 'changePin', current: inputs[s.form.pinAt ?? -1] ?? '', next: value })
        : { state: replace(s, 'pin_new', { notice: { key: 'reg.pin_mismatch' } }) },
    after: (s, { outcome, params }) => {
      if (outcome === 'weak') return replace(s, 'pin_new', { notice: { key: 'reg.pin_weak' } });
      if (outcome === 'wrong') return replace(s, 'pin_current', { notice: wrongPin(params) });
      return afterPinCheck(s, outcome, params) ?? home(s, { key: 'pin.changed' });
    },
  },

  delete_confirm: {
    text: (s) => tr(s.lang, 'delete.warn'),
    next: (s, value) =>
      PIN.test(value)
        ? withEffect(s, { kind: 'deleteAccount', pin: value })
        : { state: stay(s, 'delete.warn') },
    after: (s, { outcome, params }) => afterPinCheck(s, outcome, params) ?? finish(s, 'delete.done'),
  },

  end: {
    text: (s) => (s.endMessage ? noticeText(s.lang, s.endMessage) : tr(s.lang, 'common.goodbye')),
    end: true,
  },
};

/**
 * Where a resumed session continues. A step that needs an earlier PIN entry from the dropped
 * session (those are never stored) starts its PIN entry again. What a daughter shares is never
 * shown again from the dropped call: a parent resumes at his list and opens her afresh.
 */
function resumeAt(previous: UssdState, phone: string): UssdState {
  const restart: Partial<Record<ScreenId, ScreenId>> = {
    reg_pin_again: 'reg_pin',
    pin_new: 'pin_current',
    pin_new_again: 'pin_current',
  };
  if (previous.screen === 'child') {
    const { view: _shared, ...kept } = previous;
    return resumeAt({ ...kept, screen: 'people', stack: previous.stack.slice(0, -1) }, phone);
  }
  const { notice: _n, resume: _r, user, ...rest } = previous;
  const screen = restart[previous.screen] ?? previous.screen;
  // A resumed call that was signed in asks for the PIN again, then goes back where it was.
  if (user) return { ...rest, phone, known: true, screen: 'signin_pin', resumeTo: screen, page: 0 };
  return { ...rest, phone, screen, page: 0 };
}

/** After the PIN: where a resumed call left off, or the main menu. */
function continueAfterSignIn(s: UssdState): UssdState {
  const { resumeTo, ...rest } = s;
  return resumeTo && resumeTo !== 'menu' ? { ...rest, screen: resumeTo, page: 0 } : home(rest);
}
