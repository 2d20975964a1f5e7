import type { CareService } from '../../modules/care/service.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type MessageKey, shortDate, translate as tr, translateCount } from '../../platform/i18n/index.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import {
  type BookingDeps,
  type BookingEffect,
  codeOf,
  createBookingEffects,
  MAX_ITEMS,
  signedIn,
} from './effects-booking.ts';
import { toGsm7 } from './gsm7.ts';
import type { Effect, EffectResult, PersonItem, UssdState } from './state.ts';

/** The care service as the phone uses it: the same calls as its REST routes. */
export type CareApi = Pick<
  CareService,
  'listLinks' | 'createCode' | 'enterCode' | 'confirm' | 'unlink' | 'childView'
>;

export type CareDeps = BookingDeps & { care: CareApi };

/** The effects about links; every other care effect is booking's (effects-booking.ts). */
const LINK_KINDS = [
  'loadPeople',
  'loadChild',
  'createLinkCode',
  'enterLinkCode',
  'confirmLink',
  'unlink',
] as const;
type LinkEffect = Extract<Effect, { kind: (typeof LINK_KINDS)[number] }>;
type CareEffect = LinkEffect | BookingEffect;
const isLinkEffect = (effect: CareEffect): effect is LinkEffect =>
  (LINK_KINDS as readonly string[]).includes(effect.kind);

/** "4821 7730": a link code as read aloud and typed. */
const spaced = (code: string) => (code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code);

/**
 * The care network's effects on the phone: her people and a parent's children (links through
 * the care service, read afresh at every step that shows them); booking and her visits are
 * effects-booking.ts's.
 */
export function createCareEffects(deps: CareDeps) {
  const { care } = deps;

  /**
   * Her links, or a parent's. A parent's list keeps each daughter's name and id only: what she
   * shares is read by `loadChild` each time he opens her.
   */
  async function people(state: UssdState): Promise<PersonItem[]> {
    const { userId, role } = signedIn(state);
    const links = await care.listLinks(userId);
    return links.slice(0, MAX_ITEMS).map((link) => {
      const item: PersonItem = {
        linkId: link.id,
        // Nobody is named to whoever entered a code until its maker confirms.
        name: link.person ? toGsm7(link.person.name) : '',
        status: link.status,
        awaitingYou: link.awaitingYou,
      };
      if (role === 'parent') {
        if (link.status === 'active' && link.person) item.childId = link.person.id;
      } else {
        item.scopes = [...link.scopes];
        if (link.fixedScopes.length > 0) item.fixed = true;
      }
      return item;
    });
  }

  async function withPeople(state: UssdState, outcome: string, params?: EffectResult['params']) {
    return {
      outcome,
      ...(params ? { params } : {}),
      lists: { people: await people(state) },
    };
  }

  /** What a daughter shares of her next period, read now (so a revocation shows at once). */
  async function child(state: UssdState, childId: string, ctx: RequestContext): Promise<EffectResult> {
    const { userId } = signedIn(state);
    let view: Awaited<ReturnType<CareApi['childView']>> | undefined;
    try {
      // Only the part the phone shows is read (and written to her access log).
      view = await care.childView(userId, childId, 'prediction', ctx);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'not_found') return withPeople(state, 'not_linked');
      if (code !== 'not_shared') throw error;
    }
    const name = view?.name ?? state.lists?.people?.find((p) => p.childId === childId)?.name ?? '';
    const lang = state.lang;
    const d = (iso: string) => shortDate(lang, iso);
    const lines = [tr(lang, 'child.heading', { name: toGsm7(name) })];
    const p = view?.prediction;
    if (!p) lines.push(tr(lang, 'child.not_shared'));
    else if (!p.nextPeriod || !p.phase) lines.push(tr(lang, 'child.pred_none'));
    else if (p.phase.name === 'late')
      lines.push(translateCount(lang, 'child.pred_late', p.phase.lateByDays ?? 0));
    else {
      lines.push(
        tr(lang, 'child.pred_next', {
          date: d(p.nextPeriod.start),
          earliest: d(p.nextPeriod.earliest),
          latest: d(p.nextPeriod.latest),
        }),
      );
      lines.push(tr(lang, 'child.pred_today', { phase: tr(lang, `phase.${p.phase.name}` as MessageKey) }));
    }
    return { outcome: 'ok', view: { paragraphs: lines } };
  }

  async function linkCode(state: UssdState, ctx: RequestContext): Promise<EffectResult> {
    const { userId, role } = signedIn(state);
    const { code, expiresAt } = await care.createCode(userId, ctx);
    const hours = Math.max(1, Math.round((Date.parse(expiresAt) - deps.clock().getTime()) / 3_600_000));
    const key = role === 'parent' ? 'child.code' : 'people.code';
    return {
      outcome: 'ok',
      view: { paragraphs: [translateCount(state.lang, key, hours, { code: spaced(code) })] },
    };
  }

  async function enterCode(state: UssdState, code: string, ctx: RequestContext): Promise<EffectResult> {
    const { userId } = signedIn(state);
    try {
      await care.enterCode(userId, code, ctx);
    } catch (error) {
      const failure = codeOf(error);
      if (failure === 'already_linked') return { outcome: 'already_linked' };
      if (failure === 'too_many_requests' && error instanceof AppError) {
        return { outcome: 'locked', params: { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) } };
      }
      if (failure === 'invalid_code' || failure === 'validation_failed') return { outcome: 'invalid' };
      throw error;
    }
    return withPeople(state, 'ok');
  }

  /** Confirm or remove a link; the list comes back as it now is. */
  async function changeLink(
    state: UssdState,
    change: 'confirm' | 'unlink',
    linkId: string,
    ctx: RequestContext,
  ): Promise<EffectResult> {
    const { userId } = signedIn(state);
    try {
      if (change === 'confirm') await care.confirm(userId, linkId, ctx);
      else await care.unlink(userId, linkId, ctx);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'guardian_link_fixed')
        return withPeople(state, 'fixed', { age: deps.consents.guardianConsentAge });
      if (code === 'not_found' || code === 'forbidden' || code === 'conflict')
        return withPeople(state, 'gone');
      throw error;
    }
    return withPeople(state, change === 'confirm' ? 'confirmed' : 'removed');
  }

  const booking = createBookingEffects(deps);

  async function links(effect: LinkEffect, state: UssdState, ctx: RequestContext): Promise<EffectResult> {
    switch (effect.kind) {
      case 'loadPeople':
        return withPeople(state, 'ok');
      case 'loadChild':
        return child(state, effect.childId, ctx);
      case 'createLinkCode':
        return linkCode(state, ctx);
      case 'enterLinkCode':
        return enterCode(state, effect.code, ctx);
      case 'confirmLink':
        return changeLink(state, 'confirm', effect.linkId, ctx);
      case 'unlink':
        return changeLink(state, 'unlink', effect.linkId, ctx);
    }
  }

  /**
   * Runs one effect. A refusal of the services that no step above expects (a rule the phone does
   * not know yet) is `refused`: she is told it could not be done and stays in the call, with her
   * way back. A failure (not a refusal) is still an error.
   */
  return async function run(
    effect: CareEffect,
    state: UssdState,
    ctx: RequestContext,
  ): Promise<EffectResult> {
    try {
      return isLinkEffect(effect) ? await links(effect, state, ctx) : await booking(effect, state, ctx);
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return { outcome: 'refused' };
      throw error;
    }
  };
}
