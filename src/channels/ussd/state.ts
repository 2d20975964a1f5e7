import type { Flow, IsoDate } from '../../modules/cycles/engine/types.ts';
import type { Language, Role } from '../../platform/db/tables.ts';
import type { CountedKey, MessageKey, Params } from '../../platform/i18n/index.ts';

export type ScreenId =
  | 'language'
  | 'reg_name'
  | 'reg_role'
  | 'reg_birth_year'
  | 'reg_pin'
  | 'reg_pin_again'
  | 'reg_terms'
  | 'signin_pin'
  | 'recover_pin'
  | 'recover_pin_again'
  | 'resume'
  | 'menu'
  | 'start_when'
  | 'start_date'
  | 'start_confirm'
  | 'end_when'
  | 'end_date'
  | 'end_confirm'
  | 'day_flow'
  | 'day_symptoms'
  | 'day_mood'
  | 'day_pain'
  | 'prediction'
  | 'summary'
  | 'tips'
  | 'tip'
  | 'settings'
  | 'settings_language'
  | 'pin_current'
  | 'pin_new'
  | 'pin_new_again'
  | 'delete_confirm'
  | 'policy_accept'
  | 'guardian_code'
  | 'child_code'
  | 'end';

/** A line to show: a text, or a counted text (`<base>.one`/`.other` picked by `n` in her language). */
export type Notice =
  | { key: MessageKey; params?: Params }
  | { counted: CountedKey; n: number; params?: Params };

/** Why a period log looks unusual, as the confirmation screen says it. */
export type Unusual = { reason: 'long' | 'after' | 'before'; days: number; date?: string };

/** Answers being collected by a multi-step flow. Never a PIN: those are read from the gateway's text. */
export type Form = {
  name?: string;
  role?: 'adolescent' | 'parent';
  birthYear?: number;
  date?: IsoDate;
  flow?: Flow;
  symptoms?: string[];
  mood?: string;
  tip?: number;
  unusual?: Unusual;
  /** Position of the current-PIN entry in this session's inputs (the PIN itself is not kept). */
  pinAt?: number;
};

/** Lines prepared by an effect for display (already translated when stored). */
export type View = { paragraphs: string[] };

/** Everything a USSD session remembers between hops; stored sealed, never holding a PIN. */
export type UssdState = {
  lang: Language;
  phone: string;
  /** Whether an account existed for this phone when the session started. */
  known: boolean;
  screen: ScreenId;
  stack: ScreenId[];
  page: number;
  user?: SessionUser;
  form: Form;
  notice?: Notice;
  view?: View;
  endMessage?: Notice;
  /** A dropped session of the same phone that can be resumed. */
  resume?: UssdState;
  /** Where a resumed call goes once the PIN is given again. */
  resumeTo?: ScreenId;
};

/** Who is signed in; `needsGuardian` while a young teenager's account awaits a guardian's consent. */
export type SessionUser = {
  id: string;
  role: Role;
  timeZone?: string;
  needsGuardian?: boolean;
  /** Fingerprint of her credentials at sign-in: a PIN change elsewhere signs this call out. */
  credentials?: string;
};

/** Facts of this hop that screens may read: her local date. */
export type HopEnv = { today: IsoDate };

export type Effect =
  | { kind: 'register'; pin: string }
  | { kind: 'signIn'; pin: string }
  | { kind: 'logPeriodStart'; date: IsoDate; confirm: boolean }
  | { kind: 'logPeriodEnd'; date: IsoDate; confirm: boolean }
  | { kind: 'logDay'; pain: number }
  | { kind: 'loadPrediction' }
  | { kind: 'loadSummary' }
  | { kind: 'setLanguage'; lang: Language }
  | { kind: 'changePin'; current: string; next: string }
  | { kind: 'deleteAccount'; pin: string }
  | { kind: 'acceptPolicies' }
  | { kind: 'issueGuardianCode' }
  | { kind: 'redeemGuardianCode'; code: string }
  | { kind: 'resetPin'; pin: string };

/** What running an effect produced: the outcome code decides the next screen. */
export type EffectResult = {
  outcome: string;
  params?: Params;
  user?: SessionUser;
  view?: View;
};

export type Outcome = { state: UssdState; effect?: Effect };
