import type { AuthService } from '../../modules/auth/service.ts';
import { POLICY_KINDS } from '../../modules/consents/policies.ts';
import type { ConsentService } from '../../modules/consents/service.ts';
import type { ContentService } from '../../modules/content/service.ts';
import type { CycleInsights } from '../../modules/cycles/insights.ts';
import type { CycleService } from '../../modules/cycles/service.ts';
import { credentialFingerprint } from '../../modules/users/identifiers.ts';
import type { UserService } from '../../modules/users/service.ts';
import type { VerificationService } from '../../modules/verification/service.ts';
import type { Role } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type MessageKey, shortDate, translate as tr, translateCount } from '../../platform/i18n/index.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { type CareDeps, createCareEffects } from './effects-care.ts';
import { toGsm7 } from './gsm7.ts';
import type { Effect, EffectResult, UssdState } from './state.ts';

type Deps = CareDeps & {
  auth: AuthService;
  users: UserService;
  cycles: CycleService;
  insights: CycleInsights;
  consents: ConsentService;
  verification: Pick<VerificationService, 'resetPinByCarrier'>;
  content: Pick<ContentService, 'tips'>;
};

/** Tips kept in the call at once: plenty to page through, little session state. */
const TIPS_PER_CATEGORY = 20;

// Refusals of the period rules, as outcome codes the screens understand.
const PERIOD_OUTCOMES: Record<string, string> = {
  date_in_future: 'future',
  period_overlap: 'overlap',
  confirmation_required: 'unusual',
  invalid_date_range: 'before_start',
  not_found: 'no_open',
  guardian_consent_required: 'guardian_required',
};

/**
 * The facts of a period refusal for the phone's screen, from the service's problem params (the
 * same the web receives): which period it overlaps, what looks unusual.
 */
function periodRefusal(
  state: UssdState,
  error: AppError,
  outcome: string,
  startDate: string | undefined,
): EffectResult | undefined {
  const p = error.params ?? {};
  const d = (iso: unknown) => (typeof iso === 'string' ? shortDate(state.lang, iso) : '');
  if (outcome === 'overlap' && typeof p.otherStart === 'string') {
    return { outcome: p.otherOpen === true ? 'overlap_open' : 'overlap', params: { date: d(p.otherStart) } };
  }
  if (outcome === 'unusual' && p.reason === 'long_period') {
    return { outcome, params: { reason: 'long', days: Number(p.days) } };
  }
  if (outcome === 'unusual' && p.reason === 'short_cycle' && typeof p.otherStart === 'string') {
    const reason = startDate !== undefined && startDate < p.otherStart ? 'before' : 'after';
    return { outcome, params: { reason, days: Number(p.days), date: d(p.otherStart) } };
  }
  return undefined;
}

/**
 * Runs a screen's effect through the same services as the REST API: no rule is re-implemented
 * for the phone channel. Expected refusals become outcome codes; anything else is a real error.
 */
export function createUssdEffects(deps: Deps) {
  /** Who signed in, with what the menu must know: a pending policy, a missing guardian consent. */
  async function sessionUser(user: {
    id: string;
    role: Role;
    timeZone?: string;
    credentials?: string;
  }): Promise<EffectResult> {
    const state = await deps.consents.signInState(user.id);
    return {
      outcome: state.pendingPolicies.length > 0 ? 'policies' : 'ok',
      user: { ...user, ...(state.guardianRequired ? { needsGuardian: true } : {}) },
    };
  }

  async function pinThen(
    state: UssdState,
    pin: string,
    ctx: RequestContext,
    then: (
      userId: string,
      user: { id: string; role: Role; timeZone: string; credentials: string },
    ) => Promise<EffectResult>,
  ) {
    const check = await deps.auth.verifyPhonePin(state.phone, pin, ctx);
    if (check.outcome === 'ok') return then(check.user.id, check.user);
    if (check.outcome === 'wrong') return { outcome: 'wrong', params: { left: check.triesLeft } };
    if (check.outcome === 'locked')
      return { outcome: 'locked', params: { minutes: Math.ceil(check.retryAfterSeconds / 60) } };
    return { outcome: check.outcome === 'deactivated' ? 'deactivated' : 'wrong', params: { left: 0 } };
  }

  async function periodLog(
    state: UssdState,
    effect: Extract<Effect, { kind: 'logPeriodStart' | 'logPeriodEnd' }>,
    ctx: RequestContext,
  ) {
    const userId = signedIn(state);
    try {
      // The same start or end logged again (a second tap, a retried call) is answered as saved.
      if (effect.kind === 'logPeriodStart')
        await deps.cycles.createPeriod(userId, { startDate: effect.date, confirm: effect.confirm }, ctx);
      else await deps.cycles.endOpenPeriod(userId, effect.date, effect.confirm, ctx);
      return { outcome: 'ok', params: { date: shortDate(state.lang, effect.date) } };
    } catch (error) {
      const outcome = error instanceof AppError ? PERIOD_OUTCOMES[error.code] : undefined;
      if (!(error instanceof AppError) || !outcome) throw error;
      if (outcome === 'guardian_required') return guardianRequired(deps);
      const start = effect.kind === 'logPeriodStart' ? effect.date : undefined;
      const refusal = periodRefusal(state, error, outcome, start);
      if (refusal) return refusal;
      const latest = (await deps.cycles.allPeriods(userId)).at(-1);
      return { outcome, params: { date: latest ? shortDate(state.lang, latest.startDate) : '' } };
    }
  }

  /** Runs a call; expected refusals become an outcome code, anything else stays an error. */
  /** Runs a call; the errors listed become the outcome they map to, anything else is a bug. */
  async function expected(
    call: () => Promise<unknown>,
    outcomes: Partial<Record<string, string>>,
  ): Promise<EffectResult> {
    try {
      await call();
      return { outcome: 'ok' };
    } catch (error) {
      const outcome = error instanceof AppError ? outcomes[error.code] : undefined;
      if (outcome !== undefined) return { outcome };
      throw error;
    }
  }

  async function resetPin(state: UssdState, pin: string, ctx: RequestContext): Promise<EffectResult> {
    try {
      const done = await deps.verification.resetPinByCarrier(state.phone, pin, ctx);
      return { outcome: done ? 'ok' : 'failed' };
    } catch (error) {
      if (error instanceof AppError && error.code === 'weak_pin') return { outcome: 'weak' };
      throw error;
    }
  }

  async function changePin(
    state: UssdState,
    userId: string,
    effect: { current: string; next: string },
    ctx: RequestContext,
  ): Promise<EffectResult> {
    try {
      await deps.auth.changePin({ userId }, { currentPin: effect.current, newPin: effect.next }, ctx);
    } catch (error) {
      if (error instanceof AppError && error.code === 'weak_pin') return { outcome: 'weak' };
      if (error instanceof AppError && error.retryAfterSeconds !== undefined) {
        return { outcome: 'locked', params: { minutes: Math.ceil(error.retryAfterSeconds / 60) } };
      }
      throw error;
    }
    // Her own change: this call stays signed in, with the new fingerprint.
    const row = await deps.users.findRow(userId);
    return row && state.user
      ? { outcome: 'ok', user: { ...state.user, credentials: credentialFingerprint(row) } }
      : { outcome: 'ok' };
  }

  async function logDay(state: UssdState, pain: number, ctx: RequestContext): Promise<EffectResult> {
    const userId = signedIn(state);
    const today = await deps.cycles.todayOf(userId);
    const { flow, symptoms, mood } = state.form;
    const result = await expected(
      () => deps.cycles.logDay(userId, today, { flow, symptoms, mood, pain }, ctx, 'merge'),
      { guardian_consent_required: 'guardian_required' },
    );
    return result.outcome === 'guardian_required' ? guardianRequired(deps) : result;
  }

  async function acceptPolicies(state: UssdState, ctx: RequestContext): Promise<EffectResult> {
    const accept = Object.fromEntries(POLICY_KINDS.map((k) => [k, deps.consents.policies[k].version]));
    await deps.consents.update(signedIn(state), { accept }, ctx);
    return { outcome: 'ok' };
  }

  async function issueGuardianCode(state: UssdState, ctx: RequestContext): Promise<EffectResult> {
    try {
      const { code } = await deps.consents.issueGuardianCode(signedIn(state), ctx);
      return { outcome: 'ok', view: { paragraphs: [tr(state.lang, 'guardian.code', { code })] } };
    } catch (error) {
      // A guardian consented since she signed in: the menu no longer needs the option.
      if (error instanceof AppError && error.code === 'conflict') {
        const { needsGuardian: _done, ...user } = state.user ?? {
          id: signedIn(state),
          role: 'adolescent' as const,
        };
        return { outcome: 'not_needed', user };
      }
      throw error;
    }
  }

  const care = createCareEffects(deps);

  return async function run(effect: Effect, state: UssdState, ctx: RequestContext): Promise<EffectResult> {
    switch (effect.kind) {
      case 'register':
        return register(deps, state, effect.pin, ctx);
      case 'signIn':
        return pinThen(state, effect.pin, ctx, async (_userId, user) => sessionUser(user));
      case 'logPeriodStart':
      case 'logPeriodEnd':
        return periodLog(state, effect, ctx);
      case 'logDay':
        return logDay(state, effect.pain, ctx);
      case 'acceptPolicies':
        return acceptPolicies(state, ctx);
      case 'issueGuardianCode':
        return issueGuardianCode(state, ctx);
      case 'redeemGuardianCode':
        return expected(() => deps.consents.redeemGuardianCode(signedIn(state), effect.code, ctx), {
          not_found: 'invalid',
          too_many_requests: 'invalid',
          guardian_phone_required: 'same_phone',
        });
      case 'resetPin':
        return resetPin(state, effect.pin, ctx);
      case 'loadPrediction':
        return { outcome: 'ok', view: { paragraphs: await predictionLines(deps, state) } };
      case 'loadSummary':
        return { outcome: 'ok', view: { paragraphs: await summaryLines(deps, state) } };
      case 'setLanguage':
        await deps.users.updateProfile(signedIn(state), { language: effect.lang });
        return { outcome: 'ok', params: { lang: effect.lang } };
      case 'changePin':
        return pinThen(state, effect.current, ctx, (userId) => changePin(state, userId, effect, ctx));
      case 'deleteAccount':
        return pinThen(state, effect.pin, ctx, async (userId) => {
          await deps.users.deleteAccount(userId, ctx);
          return { outcome: 'ok' };
        });
      case 'loadTips': {
        const tips = await deps.content.tips(state.lang, effect.category);
        if (tips.length === 0) return { outcome: 'none' };
        return {
          outcome: 'ok',
          lists: { tips: tips.slice(0, TIPS_PER_CATEGORY).map((t) => toGsm7(t.text)) },
        };
      }
      default:
        // The care network: her people, a parent's children, booking and her visits.
        return care(effect, state, ctx);
    }
  };
}
export type UssdEffects = ReturnType<typeof createUssdEffects>;

function guardianRequired(deps: Pick<Deps, 'consents'>): EffectResult {
  return { outcome: 'guardian_required', params: { age: deps.consents.guardianConsentAge } };
}

function signedIn(state: UssdState): string {
  if (!state.user) throw new Error('USSD effect needs a signed-in session');
  return state.user.id;
}

async function register(
  deps: Deps,
  state: UssdState,
  pin: string,
  ctx: RequestContext,
): Promise<EffectResult> {
  const { name, role, birthYear } = state.form;
  if (!name || !role) return { outcome: 'failed' };
  try {
    const user = await deps.users.create(
      { name, role, birthYear, pin, phone: state.phone, language: state.lang, acceptTerms: true },
      ctx,
    );
    // A new account has no guardian consent yet: her age alone decides.
    const needsGuardian = deps.consents.underConsentAge(user.role, birthYear);
    const row = await deps.users.findRow(user.id);
    return {
      outcome: 'ok',
      params: { name: user.name },
      user: {
        id: user.id,
        role: user.role,
        timeZone: user.timeZone,
        ...(row ? { credentials: credentialFingerprint(row) } : {}),
        ...(needsGuardian ? { needsGuardian } : {}),
      },
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'identifier_taken') return { outcome: 'taken' };
    throw error;
  }
}

/** The prediction in a few short lines of her language: the same numbers as the REST API. */
export async function predictionLines(deps: Pick<Deps, 'insights'>, state: UssdState): Promise<string[]> {
  const p = await deps.insights.prediction(signedIn(state));
  const d = (date: string) => shortDate(state.lang, date);
  if (!p.nextPeriod || !p.phase) return [tr(state.lang, 'pred.none')];
  const lines = [];
  if (p.phase.name === 'late') {
    lines.push(translateCount(state.lang, 'pred.late', p.phase.lateByDays ?? 0));
  } else {
    lines.push(
      tr(state.lang, 'pred.next', {
        date: d(p.nextPeriod.start),
        earliest: d(p.nextPeriod.earliest),
        latest: d(p.nextPeriod.latest),
      }),
    );
    const phase = tr(state.lang, `phase.${p.phase.name}` as MessageKey);
    lines.push(tr(state.lang, 'pred.today', { day: p.phase.cycleDay, phase }));
    if (p.fertileWindow)
      lines.push(
        tr(state.lang, 'pred.fertile', { start: d(p.fertileWindow.start), end: d(p.fertileWindow.end) }),
      );
  }
  if (p.status === 'insufficient_data') lines.push(tr(state.lang, 'pred.prior'));
  return lines;
}

export async function summaryLines(deps: Pick<Deps, 'insights'>, state: UssdState): Promise<string[]> {
  const stats = await deps.insights.stats(signedIn(state));
  if (stats.averageCycleLength === null || stats.cycles.length === 0) return [tr(state.lang, 'sum.none')];
  const lines = [
    [
      translateCount(state.lang, 'sum.cycle', Math.round(stats.averageCycleLength), {
        var: Math.round(stats.cycleLengthVariability ?? 0),
      }),
      translateCount(state.lang, 'sum.period', Math.round(stats.averagePeriodLength ?? 0)),
    ].join(' '),
  ];
  const concerns = stats.flags
    .filter((f) => f.seeProvider)
    .map((f) => tr(state.lang, `flag.${f.code}` as MessageKey));
  lines.push(
    concerns.length ? tr(state.lang, 'sum.flags', { list: concerns.join(', ') }) : tr(state.lang, 'sum.fine'),
  );
  return lines;
}
