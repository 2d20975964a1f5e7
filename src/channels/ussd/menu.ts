import { translate as tr } from '../../platform/i18n/index.ts';
import { type Choice, finish, home, type InputContext, noticeText, type Screen, stay } from './flow.ts';
import { toGsm7 } from './gsm7.ts';
import { paginate } from './render.ts';
import { accountScreens } from './screens-account.ts';
import { bookingScreens } from './screens-booking.ts';
import { careScreens } from './screens-care.ts';
import { cycleScreens } from './screens-cycle.ts';
import type { Effect, EffectResult, HopEnv, Outcome, ScreenId, UssdState } from './state.ts';

export const SCREENS: Record<ScreenId, Screen> = {
  ...accountScreens,
  ...cycleScreens,
  ...careScreens,
  ...bookingScreens,
} as Record<ScreenId, Screen>;

/** The answer to show: "CON …" to continue or "END …" to close, already fitted to 182 GSM-7 characters. */
export function renderScreen(s: UssdState, env: HopEnv): { text: string; end: boolean } {
  const screen = SCREENS[s.screen];
  if (screen.end) return { text: `END ${toGsm7(bodyOf(s, env)).slice(0, 178)}`, end: true };
  const pages = pagesOf(s, env);
  const page = pages[Math.min(s.page, pages.length - 1)] ?? { text: '' };
  return { text: `CON ${page.text}`, end: false };
}

/** A notice (what just happened, or why an answer was refused) above the screen's own text. */
function bodyOf(s: UssdState, env: HopEnv): string {
  const notice = s.notice ? noticeText(s.lang, s.notice) : '';
  return [notice, SCREENS[s.screen].text(s, env)].filter(Boolean).join('\n');
}

function pagesOf(s: UssdState, env: HopEnv) {
  const screen = SCREENS[s.screen];
  const body = bodyOf(s, env);
  const choices = screen.choices?.(s, env) ?? [];
  const lines = numbered(choices).map(([n, c]) => toGsm7(`${n} ${c.label}`));
  const back = screen.back ?? 'back';
  const nav =
    back === 'exit'
      ? [`0 ${tr(s.lang, 'nav.exit')}`]
      : back === 'back'
        ? [`0 ${tr(s.lang, 'nav.back')}`]
        : [];
  if (s.user && s.screen !== 'menu' && !screen.locked) nav.push(`00 ${tr(s.lang, 'nav.home')}`);
  return paginate(toGsm7(body), lines, nav.length ? [nav.join(' ')] : [], `98 ${tr(s.lang, 'nav.more')}`);
}

/**
 * The menu engine: a pure function of the stored state and the latest input. `0` back, `00` home
 * and `98` more work everywhere they are shown; anything unexpected re-asks with a short reason.
 */
export function step(state: UssdState, input: string, ctx: InputContext): Outcome {
  const outcome = move(state, input, ctx);
  // Staying on, or going back to, a screen that shows someone else's data reads it again (see
  // Screen.reload): what she took back is gone on the very next hop.
  const landed = outcome.state.screen;
  const reread = landed === state.screen || (input === '0' && landed !== state.screen);
  const reload = outcome.effect || !reread ? undefined : SCREENS[landed].reload;
  const effect = reload?.(outcome.state);
  return effect ? { ...outcome, effect } : outcome;
}

function move(state: UssdState, input: string, ctx: InputContext): Outcome {
  if (input === '98') {
    // Paging keeps the notice, so every page is cut exactly as it was shown.
    const more = pagesOf(state, ctx.env)[state.page]?.hasMore === true;
    return { state: more ? { ...state, page: state.page + 1 } : stay(state, 'common.invalid_choice') };
  }
  const { notice: _old, ...s } = state;
  const screen = SCREENS[s.screen];
  const back = screen.back ?? 'back';
  if (input === '00' && !screen.locked) return { state: home(s) };
  if (input === '0' && back !== 'none') {
    if (back === 'exit') return { state: finish(s, 'common.goodbye') };
    const previous = s.stack.at(-1);
    // What an effect showed stays with its screen: going back never shows it again.
    const { view: _shown, ...left } = s;
    return {
      state: previous ? { ...left, screen: previous, stack: s.stack.slice(0, -1), page: 0 } : home(s),
    };
  }
  if (!screen.next) return { state: stay(s, 'common.invalid_choice') };
  if (screen.choices) {
    const choices = screen.choices(s, ctx.env);
    const chosen = /^[0-9]{1,2}$/.test(input)
      ? numbered(choices).find(([n]) => n === Number(input))?.[1]
      : undefined;
    if (!chosen) return { state: stay(s, 'common.invalid_choice') };
    return screen.next(s, chosen.value, ctx);
  }
  return screen.next(s, input.trim(), ctx);
}

/** Each choice with its number: its own `n`, else its place in the list. */
function numbered(choices: Choice[]): Array<[number, Choice]> {
  return choices.map((c, i) => [c.n ?? i + 1, c]);
}

/**
 * After an effect ran: the screen that asked for it decides where its outcome leads. A refusal no
 * screen expects (`refused`) is said in her language and she stays where she was, with its way
 * back; what an effect showed there before is not shown again.
 */
export function applyResult(s: UssdState, result: EffectResult): UssdState {
  if (result.outcome === 'refused') {
    const { view: _shown, ...rest } = s;
    return stay(rest, 'common.refused');
  }
  const withData: UssdState = {
    ...s,
    ...(result.user ? { user: result.user } : {}),
    ...(result.view ? { view: result.view } : {}),
    ...(result.lists ? { lists: { ...s.lists, ...result.lists } } : {}),
  };
  const after = SCREENS[s.screen].after;
  return after
    ? after(withData, { outcome: result.outcome, ...(result.params ? { params: result.params } : {}) })
    : withData;
}

/**
 * After an effect: a resumed call that the PIN has just brought back to the screen where it was
 * dropped reads that screen's data again (a list read before the line dropped is never shown).
 */
export function reloadOnReturn(before: UssdState, after: UssdState): Effect | undefined {
  const resumed =
    before.resumeTo !== undefined && after.resumeTo === undefined && after.screen === before.resumeTo;
  return resumed ? SCREENS[after.screen].reload?.(after) : undefined;
}
