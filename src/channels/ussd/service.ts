import { createHmac, hkdfSync } from 'node:crypto';
import type { CycleService } from '../../modules/cycles/service.ts';
import { credentialFingerprint, normalizePhone } from '../../modules/users/identifiers.ts';
import type { UserService } from '../../modules/users/service.ts';
import { open, seal } from '../../platform/crypto/aead.ts';
import type { BlindIndex } from '../../platform/crypto/blind-index.ts';
import type { Language } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { translate } from '../../platform/i18n/index.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { DEFAULT_TIME_ZONE, localDate } from '../../platform/time.ts';
import type { DialLimit } from './dial-limit.ts';
import type { UssdEffects } from './effects.ts';
import { applyResult, reloadOnReturn, renderScreen, step } from './menu.ts';
import type { UssdSessionRepo } from './session-repo.ts';
import type { Effect, HopEnv, Outcome, UssdState } from './state.ts';

export type UssdRequest = { sessionId: string; phoneNumber: string; text: string; serviceCode: string };

/**
 * A hop that failed (a bug, a database down), with the language of the call it failed in: the
 * gateway logs the cause and still answers her politely, in her words when the call has some.
 */
export class UssdHopError extends Error {
  readonly lang: Language;
  constructor(lang: Language, cause: unknown) {
    super('USSD hop failed', { cause });
    this.lang = lang;
  }
}

/** A session lives this long after its last hop; a dropped one can be resumed within RESUME. */
const SESSION_TTL_MS = 10 * 60_000;
const RESUME_WINDOW_MS = 5 * 60_000;
const MAX_CONFLICT_RETRIES = 3;

type Stored = { state: UssdState; response: string };

// Menu effects that show her health data; the access log notes them as reads of that kind.
const HEALTH_READS: Partial<Record<Effect['kind'], 'prediction' | 'stats'>> = {
  loadPrediction: 'prediction',
  loadSummary: 'stats',
};

/**
 * One hop of the USSD dialogue: load the session, apply the latest input through the pure menu
 * engine, run its effect through the shared services, save, answer. A hop the gateway retries
 * (same session, same text) gets the saved answer back and changes nothing. A session is the
 * gateway's id from one number, and once it ended (END answered, or the gateway said so) only an
 * exact retry of its last hop is answered; anything else on that id starts a new dialogue.
 */
export function createUssdService(deps: {
  repo: UssdSessionRepo;
  effects: UssdEffects;
  cycles: Pick<CycleService, 'noteRead'>;
  users: UserService;
  blindIndex: BlindIndex;
  masterKey: Buffer;
  clock: () => Date;
  /** Sessions started per phone; none in tests that do not exercise it. */
  dialLimit?: DialLimit;
}) {
  const { repo, blindIndex, clock } = deps;
  const stateKey = Buffer.from(hkdfSync('sha256', deps.masterKey, Buffer.alloc(0), 'le:ussd-session:v1', 32));
  // Bound to the row's whole key, so a state cannot be moved to another number's row.
  const rowLabel = (idHash: Uint8Array, phoneIndex: Uint8Array) =>
    `ussd:${Buffer.from(idHash).toString('hex')}:${Buffer.from(phoneIndex).toString('hex')}`;
  const sealState = (idHash: Uint8Array, phoneIndex: Uint8Array, stored: Stored) =>
    seal(stateKey, Buffer.from(JSON.stringify(stored)), rowLabel(idHash, phoneIndex));
  const openState = (idHash: Uint8Array, phoneIndex: Uint8Array, sealed: Uint8Array): Stored | undefined => {
    try {
      return JSON.parse(open(stateKey, sealed, rowLabel(idHash, phoneIndex)).toString()) as Stored;
    } catch {
      return undefined; // sealed under a master key that has since been rotated: start afresh
    }
  };
  const textHash = (sessionId: string, text: string) =>
    createHmac('sha256', stateKey).update(`${sessionId}\u0000${text}`).digest();

  async function freshState(phone: string, phoneIndex: Uint8Array): Promise<UssdState> {
    // Confirmed by decrypting her number, as every sign-in look-up is (a moved index finds nobody).
    const row = await deps.users.findByIdentifier('phone', phone);
    const base: UssdState = {
      lang: row?.language ?? 'en',
      phone,
      known: row !== undefined,
      screen: row ? 'signin_pin' : 'language',
      stack: [],
      page: 0,
      form: {},
    };
    const dropped = await repo.latestOpenForPhone(phoneIndex, new Date(clock().getTime() - RESUME_WINDOW_MS));
    const previous = dropped ? openState(dropped.idHash, phoneIndex, dropped.state) : undefined;
    if (!dropped || !previous || !isResumable(previous.state)) return base;
    await repo.markEnded(dropped.idHash, phoneIndex);
    return { ...base, lang: previous.state.lang, screen: 'resume', resume: previous.state };
  }

  /**
   * A call keeps its own signed-in state, so every step checks it still holds: the account is
   * active, its role unchanged and its PIN/password unchanged since sign-in. Otherwise the call
   * is signed out (a revocation elsewhere reaches phones at once, as it does tokens).
   */
  async function stillSignedIn(state: UssdState): Promise<UssdState> {
    if (!state.user) return state;
    const row = await deps.users.findRow(state.user.id);
    const valid =
      row !== undefined &&
      row.status === 'active' &&
      row.role === state.user.role &&
      credentialFingerprint(row) === state.user.credentials;
    if (valid) return state;
    const { user: _gone, view: _v, resumeTo: _r, ...rest } = state;
    if (row && row.status === 'active')
      return { ...rest, screen: 'signin_pin', stack: [], page: 0, form: {} };
    return { ...rest, screen: 'end', endMessage: { key: row ? 'signin.deactivated' : 'common.goodbye' } };
  }

  // Her time zone travels in the session (set at sign-in), so a hop needs no query to know "today".
  const envFor = (state: UssdState): HopEnv => {
    const now = clock();
    return { today: localDate(now, state.user?.timeZone ?? DEFAULT_TIME_ZONE), now };
  };

  /** Applies the latest input (if any) through the menu engine and runs its effect. */
  async function advance(state: UssdState, text: string, ctx: RequestContext): Promise<UssdState> {
    const inputs = text === '' ? [] : text.split('*');
    if (inputs.length === 0) return state;
    const outcome: Outcome = step(state, inputs.at(-1) ?? '', { env: envFor(state), inputs });
    if (!outcome.effect) return outcome.state;
    const result = await deps.effects(outcome.effect, outcome.state, ctx);
    const read = HEALTH_READS[outcome.effect.kind];
    if (read && outcome.state.user) await deps.cycles.noteRead(outcome.state.user.id, read, ctx);
    const next = applyResult(outcome.state, result);
    // Back where a dropped call was: what that screen lists is read again before it is shown.
    const reload = reloadOnReturn(outcome.state, next);
    return reload ? applyResult(next, await deps.effects(reload, next, ctx)) : next;
  }

  /**
   * This call's row from this number, and what it allows: an exact retry gets the answer it
   * already got, and after the session ended only its END answer (a session the gateway reported
   * ended must not show its last screen again). An ended or expired row is never continued: the
   * hop starts a new, signed-out dialogue in it.
   */
  async function load(idHash: Uint8Array, phoneIndex: Uint8Array, thisText: Buffer) {
    const existing = await repo.find(idHash, phoneIndex);
    const saved =
      existing && existing.expiresAt > clock() ? openState(idHash, phoneIndex, existing.state) : undefined;
    if (!existing || !saved) return { existing };
    const sameHop = existing.lastTextHash !== null && Buffer.from(existing.lastTextHash).equals(thisText);
    if (sameHop && (!existing.ended || saved.response.startsWith('END'))) {
      return { existing, answer: saved.response };
    }
    return existing.ended ? { existing } : { existing, stored: saved };
  }

  async function hop(
    request: UssdRequest,
    phone: string,
    ctx: RequestContext,
  ): Promise<{ text: string; retry: boolean }> {
    const idHash = blindIndex('ussd', request.sessionId);
    const phoneIndex = blindIndex('phone', phone);
    const thisText = textHash(request.sessionId, request.text);
    const { existing, answer, stored } = await load(idHash, phoneIndex, thisText);
    if (answer !== undefined) return { text: answer, retry: false };
    // A new session counts against its phone's quota, whatever text it starts with; refused, it stores nothing.
    if (!stored && deps.dialLimit && !(await deps.dialLimit(phone, ctx))) {
      return { text: `END ${translate('en', 'common.busy')}`, retry: false };
    }
    let state: UssdState;
    try {
      // A call just signed out shows the sign-in screen; the input it sent is not applied.
      const checked = stored ? await stillSignedIn(stored.state) : undefined;
      state = !stored
        ? await freshState(phone, phoneIndex)
        : checked === stored.state
          ? await advance(stored.state, request.text, ctx)
          : (checked ?? stored.state);
    } catch (error) {
      throw new UssdHopError(stored?.state.lang ?? 'en', error);
    }
    const rendered = renderScreen(state, envFor(state));
    const now = clock();
    const record = {
      idHash,
      phoneIndex,
      state: sealState(idHash, phoneIndex, { state, response: rendered.text }),
      lastTextHash: thisText,
      ended: rendered.end,
      at: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    };
    const written = existing
      ? await repo.update({ ...record, version: existing.version })
      : await repo.create(record);
    // An ending hop whose row is gone (the account and its sessions were just erased) is done.
    return { text: rendered.text, retry: !written && !rendered.end };
  }

  return {
    async handle(request: UssdRequest, ctx: RequestContext): Promise<string> {
      let phone: string;
      try {
        phone = normalizePhone(request.phoneNumber);
      } catch (error) {
        if (error instanceof AppError) return 'END This number cannot use the service.';
        throw error;
      }
      // A concurrent hop of the same session saved first: run again on its state (it may be our retry).
      for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
        const result = await hop(request, phone, ctx);
        if (!result.retry) return result.text;
      }
      throw new Error('USSD session kept changing under concurrent hops');
    },

    /**
     * The gateway's end-of-session notification: the session can no longer be resumed nor
     * continued. It names no number, so the id ends on every number that used it.
     */
    async ended(sessionId: string): Promise<void> {
      await repo.markEnded(blindIndex('ussd', sessionId));
    },
  };
}
export type UssdService = ReturnType<typeof createUssdService>;

/** Worth offering to resume: she was signed in, or past the first answers of registration. */
function isResumable(state: UssdState): boolean {
  if (state.screen === 'end' || state.screen === 'resume') return false;
  return state.user !== undefined || (state.screen !== 'language' && state.screen !== 'signin_pin');
}
