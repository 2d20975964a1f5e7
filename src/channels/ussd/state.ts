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
  | 'people'
  | 'people_add'
  | 'person'
  | 'person_remove'
  | 'person_confirm'
  | 'people_enter_code'
  | 'link_code'
  | 'child'
  | 'book_district'
  | 'book_provider'
  | 'book_day'
  | 'book_slot'
  | 'book_reason'
  | 'book_confirm'
  | 'appts'
  | 'appt'
  | 'appt_cancel'
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
  /** The link (care network) chosen on the people list. */
  linkId?: string;
  /** The district, provider, day, slot and reason of a booking being made. */
  district?: string;
  providerId?: string;
  day?: IsoDate;
  slot?: string;
  reason?: string;
  /** The appointment chosen on her list of visits. */
  appointmentId?: string;
};

/**
 * One person on the care list. Hers: who sees her data and what (her own settings). A parent's:
 * only the daughter's name and who she is, never what she shares, which is read at each hop.
 */
export type PersonItem = {
  linkId: string;
  name: string;
  status: 'active' | 'pending';
  awaitingYou: boolean;
  /** Her user id, on a parent's list (the child view is fetched with it at each hop). */
  childId?: string;
  /** Her list: the scopes this person sees, and whether the link is her consenting guardian's. */
  scopes?: string[];
  fixed?: boolean;
};
export type ProviderItem = { id: string; name: string; facility: string };
/** A day with free slots (the provider's local date) and how many. */
export type DayItem = { date: IsoDate; free: number };
/** A free slot: its instant and its local time "08:30" at the provider. */
export type SlotItem = { start: string; time: string };
/** One of her visits: date and time at the provider (in the provider's time zone). */
export type AppointmentItem = {
  id: string;
  /** Its instant, and until when she may still cancel it (null once it is not live). */
  start: string;
  changeableUntil: string | null;
  date: IsoDate;
  time: string;
  provider: string;
  facility: string;
  status: string;
};

/**
 * Lists an effect fetched for a screen to number (kept so the numbers stay the same while she
 * pages and comes back). Dropped at home. Nothing a daughter shares is ever kept here.
 */
export type Lists = {
  people?: PersonItem[];
  providers?: ProviderItem[];
  days?: DayItem[];
  slots?: SlotItem[];
  appointments?: AppointmentItem[];
  /** Published tips of one category in her language (GSM-7 already). */
  tips?: string[];
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
  lists?: Lists;
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

/** Facts of this hop that screens may read: her local date, and the instant of the hop. */
export type HopEnv = { today: IsoDate; now: Date };

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
  | { kind: 'resetPin'; pin: string }
  | { kind: 'loadPeople' }
  | { kind: 'loadChild'; childId: string }
  | { kind: 'createLinkCode' }
  | { kind: 'enterLinkCode'; code: string }
  | { kind: 'confirmLink'; linkId: string }
  | { kind: 'unlink'; linkId: string }
  | { kind: 'loadTips'; category: string }
  | { kind: 'loadProviders'; district: string }
  | { kind: 'loadDays'; providerId: string }
  | { kind: 'loadSlots'; providerId: string; day: IsoDate }
  | { kind: 'book'; providerId: string; start: string; reason: string; day: IsoDate }
  | { kind: 'loadAppointments' }
  | { kind: 'cancelAppointment'; appointmentId: string };

/** What running an effect produced: the outcome code decides the next screen. */
export type EffectResult = {
  outcome: string;
  params?: Params;
  user?: SessionUser;
  view?: View;
  /** Lists fetched for the next screen; each one given replaces the one kept. */
  lists?: Lists;
};

export type Outcome = { state: UssdState; effect?: Effect };
