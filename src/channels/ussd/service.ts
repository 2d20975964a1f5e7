import { createHmac, hkdfSync } from 'node:crypto';
import { credentialFingerprint, normalizePhone } from '../../modules/users/identifiers.ts';
import type { UserRepo } from '../../modules/users/repo.ts';
import type { UserService } from '../../modules/users/service.ts';
import { open, seal } from '../../platform/crypto/aead.ts';
import type { BlindIndex } from '../../platform/crypto/blind-index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { translate } from '../../platform/i18n/index.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { DEFAULT_TIME_ZONE, localDate } from '../../platform/time.ts';
import type { DialLimit } from './dial-limit.ts';
import type { UssdEffects } from './effects.ts';
import { applyResult, renderScreen, step } from './menu.ts';
import type { UssdSessionRepo } from './session-repo.ts';
import type { HopEnv, Outcome, UssdState } from './state.ts';

export type UssdRequest = { sessionId: string; phoneNumber: string; text: string; serviceCode: string };

/** A session lives this long after its last hop; a dropped one can be resumed within RESUME. */
const SESSION_TTL_MS = 10 * 60_000;
const RESUME_WINDOW_MS = 5 * 60_000;
const MAX_CONFLICT_RETRIES = 3;

type Stored = { state: UssdState; response: string };

/**
 * One hop of the USSD dialogue: load the session, apply the latest input through the pure menu
 * engine, run its effect through the shared services, save, answer. A hop the gateway retries
 * (same session, same text) gets the saved answer back and changes nothing.
 */
export function createUssdService(deps: {
  repo: UssdSessionRepo;
  effects: UssdEffects;
  users: UserService;
  userRepo: UserRepo;
  blindIndex: BlindIndex;
  masterKey: Buffer;
  clock: () => Date;
  /** Sessions started per phone; none in tests that do not exercise it. */
  dialLimit?: DialLimit;
}) {
  const { repo, blindIndex, clock } = deps;
  const stateKey = Buffer.from(hkdfSync('sha256', deps.masterKey, Buffer.alloc(0), 'le:ussd-session:v1', 32));
  const sealState = (idHash: Uint8Array, stored: Stored) =>
    seal(stateKey, Buffer.from(JSON.stringify(stored)), `ussd:${Buffer.from(idHash).toString('hex')}`);
  const openState = (idHash: Uint8Array, sealed: Uint8Array): Stored | undefined => {
    try {
      return JSON.parse(
        open(stateKey, sealed, `ussd:${Buffer.from(idHash).toString('hex')}`).toString(),
      ) as Stored;
    } catch {
      return undefined; // sealed under a master key that has since been rotated: start afresh
    }
  };
  const textHash = (sessionId: string, text: string) =>
    createHmac('sha256', stateKey).update(`${sessionId}\u0000${text}`).digest();

  async function freshState(phone: string, phoneIndex: Uint8Array): Promise<UssdState> {
    const row = await deps.userRepo.findByBlindIndex('phone', phoneIndex);
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
    const previous = dropped ? openState(dropped.idHash, dropped.state) : undefined;
    if (!dropped || !previous || !isResumable(previous.state)) return base;
    await repo.markEnded(dropped.idHash);
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
  const envFor = (state: UssdState): HopEnv => ({
    today: localDate(clock(), state.user?.timeZone ?? DEFAULT_TIME_ZONE),
  });

  /** Applies the latest input (if any) through the menu engine and runs its effect. */
  async function advance(state: UssdState, text: string, ctx: RequestContext): Promise<UssdState> {
    const inputs = text === '' ? [] : text.split('*');
    if (inputs.length === 0) return state;
    const outcome: Outcome = step(state, inputs.at(-1) ?? '', { env: envFor(state), inputs });
    if (!outcome.effect) return outcome.state;
    return applyResult(outcome.state, await deps.effects(outcome.effect, outcome.state, ctx));
  }

  async function hop(
    request: UssdRequest,
    phone: string,
    ctx: RequestContext,
  ): Promise<{ text: string; retry: boolean }> {
    const idHash = blindIndex('ussd', request.sessionId);
    const phoneIndex = blindIndex('phone', phone);
    const thisText = textHash(request.sessionId, request.text);
    const existing = await repo.find(idHash);
    const stored = existing && existing.expiresAt > clock() ? openState(idHash, existing.state) : undefined;
    if (existing && stored && existing.lastTextHash && Buffer.from(existing.lastTextHash).equals(thisText)) {
      return { text: stored.response, retry: false };
    }
    // A new session counts against its phone's quota, whatever text it starts with; refused, it stores nothing.
    if (!stored && deps.dialLimit && !(await deps.dialLimit(phone, ctx))) {
      return { text: `END ${translate('en', 'common.busy')}`, retry: false };
    }
    // A call just signed out shows the sign-in screen; the input it sent is not applied.
    const checked = stored ? await stillSignedIn(stored.state) : undefined;
    const state = !stored
      ? await freshState(phone, phoneIndex)
      : checked === stored.state
        ? await advance(stored.state, request.text, ctx)
        : (checked ?? stored.state);
    const rendered = renderScreen(state, envFor(state));
    const now = clock();
    const record = {
      idHash,
      state: sealState(idHash, { state, response: rendered.text }),
      lastTextHash: thisText,
      ended: rendered.end,
      at: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    };
    const saved = existing
      ? await repo.update({ ...record, version: existing.version })
      : await repo.create({ ...record, phoneIndex });
    // An ending hop whose row is gone (the account and its sessions were just erased) is done.
    return { text: rendered.text, retry: !saved && !rendered.end };
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

    /** The gateway's end-of-session notification: the session can no longer be resumed. */
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
