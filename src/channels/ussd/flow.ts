import type { Language } from '../../platform/db/tables.ts';
import {
  CATALOGUES,
  type MessageKey,
  type Params,
  translate,
  translateCount,
} from '../../platform/i18n/index.ts';
import type { Effect, HopEnv, Notice, Outcome, ScreenId, UssdState } from './state.ts';

/** A numbered option; `n` fixes its number, so hiding another option never renumbers it. */
export type Choice = { value: string; label: string; n?: number };

/** What the screen receives with an input: this hop's facts and every input of the session so far. */
export type InputContext = { env: HopEnv; inputs: string[] };

/**
 * One screen: what it shows and what an answer does. Pure: it returns the next state and at most
 * one effect (a service call run by the gateway), never performs I/O itself.
 */
export type Screen = {
  text(s: UssdState, env: HopEnv): string;
  /** Numbered choices; when present, `next` receives the chosen value, else the raw input. */
  choices?(s: UssdState, env: HopEnv): Choice[];
  next?(s: UssdState, value: string, ctx: InputContext): Outcome;
  /** After the effect ran, the outcome code decides where to go. */
  after?(s: UssdState, result: { outcome: string; params?: Params }): UssdState;
  /** Ends the session (END) after showing its text. */
  end?: boolean;
  /** `0` goes back (default). The main menu's `0` exits; screens that take digits may turn it off. */
  back?: 'back' | 'exit' | 'none';
  /** No way around this screen (not even `00`): it must be answered, e.g. accepting new terms. */
  locked?: boolean;
  /**
   * For a screen that shows what someone else shares (or who is linked): the effect that reads it
   * again. Every hop that stays on the screen (a page turned with 98, an answer refused), comes
   * back to it with `0`, or resumes a dropped call there runs it, so nothing read on an earlier
   * hop is ever shown again.
   */
  reload?(s: UssdState): Effect | undefined;
};

/** Goes to a screen; back (`0`) returns here. What an effect showed (`view`) stays with its screen. */
export function go(s: UssdState, screen: ScreenId, patch: Partial<UssdState> = {}): UssdState {
  const { notice: _n, view: _v, ...rest } = s;
  return { ...rest, stack: [...s.stack, s.screen], screen, page: 0, ...patch };
}

/** Replaces the current screen without making it a step back can return to. */
export function replace(s: UssdState, screen: ScreenId, patch: Partial<UssdState> = {}): UssdState {
  const { notice: _n, view: _v, ...rest } = s;
  return { ...rest, screen, page: 0, ...patch };
}

/** Stays on the screen with a line above it: a message key (with its params) or a whole notice. */
export function stay(s: UssdState, key: MessageKey | Notice, params?: Params): UssdState {
  return { ...s, page: 0, notice: noticeOf(key, params) };
}

function noticeOf(key: MessageKey | Notice, params?: Params): Notice {
  if (typeof key !== 'string') return key;
  return params ? { key, params } : { key };
}

/**
 * The text of a notice in her language. A call saved before an upgrade may hold a key that is
 * gone (a text now counted): it shows nothing rather than failing the hop.
 */
export function noticeText(lang: Language, notice: Notice): string {
  if ('counted' in notice) return translateCount(lang, notice.counted, notice.n, notice.params);
  return notice.key in CATALOGUES[lang] ? translate(lang, notice.key, notice.params) : '';
}

/** "1 Yes / 2 No", for every question that asks for one. */
export function yesNo(s: UssdState): Choice[] {
  return [
    { value: 'yes', label: translate(s.lang, 'common.yes') },
    { value: 'no', label: translate(s.lang, 'common.no') },
  ];
}

export function withEffect(state: UssdState, effect: Effect): Outcome {
  return { state, effect };
}

/** Home: the main menu when signed in, otherwise the first screen. Forms and lists are dropped. */
export function home(s: UssdState, notice?: Notice): UssdState {
  const { notice: _n, view: _v, lists: _l, ...rest } = s;
  const screen: ScreenId = s.user ? 'menu' : s.known ? 'signin_pin' : 'language';
  return { ...rest, screen, stack: [], page: 0, form: {}, ...(notice ? { notice } : {}) };
}

export function finish(s: UssdState, key: MessageKey | Notice, params?: Params): UssdState {
  return { ...s, screen: 'end', endMessage: noticeOf(key, params) };
}
