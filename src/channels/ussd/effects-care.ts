import { REASONS, type ReasonCode } from '../../modules/appointments/schema.ts';
import type { AppointmentService } from '../../modules/appointments/service.ts';
import type { SlotService } from '../../modules/appointments/slot-service.ts';
import { offsetAt } from '../../modules/appointments/slots.ts';
import type { CareService } from '../../modules/care/service.ts';
import type { ConsentService } from '../../modules/consents/service.ts';
import type { ProviderServiceApi } from '../../modules/providers/service.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type MessageKey, shortDate, translate as tr, translateCount } from '../../platform/i18n/index.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { DEFAULT_TIME_ZONE, localDate } from '../../platform/time.ts';
import { toGsm7 } from './gsm7.ts';
import type { AppointmentItem, Effect, EffectResult, PersonItem, ProviderItem, UssdState } from './state.ts';

/** The care service as the phone uses it: the same calls as its REST routes. */
export type CareApi = Pick<
  CareService,
  'listLinks' | 'createCode' | 'enterCode' | 'confirm' | 'unlink' | 'childView'
>;

export type CareDeps = {
  care: CareApi;
  providers: Pick<ProviderServiceApi, 'directory'>;
  slots: Pick<SlotService, 'freeDays' | 'providerSlots'>;
  appointments: Pick<AppointmentService, 'book' | 'listMine' | 'cancel'>;
  consents: Pick<ConsentService, 'healthDataAllowed' | 'guardianConsentAge'>;
  clock: () => Date;
};

type CareEffect = Extract<
  Effect,
  {
    kind:
      | 'loadPeople'
      | 'loadChild'
      | 'createLinkCode'
      | 'enterLinkCode'
      | 'confirmLink'
      | 'unlink'
      | 'loadProviders'
      | 'loadDays'
      | 'loadSlots'
      | 'book'
      | 'loadAppointments'
      | 'cancelAppointment';
  }
>;
export const CARE_EFFECTS: ReadonlySet<Effect['kind']> = new Set<CareEffect['kind']>([
  'loadPeople',
  'loadChild',
  'createLinkCode',
  'enterLinkCode',
  'confirmLink',
  'unlink',
  'loadProviders',
  'loadDays',
  'loadSlots',
  'book',
  'loadAppointments',
  'cancelAppointment',
]);

/** At most this many items on a phone's list: numbers 1–97 are free (98 is "more", 0 and 00 navigate). */
const MAX_ITEMS = 90;
/** Statuses she sees on her list of visits (a declined one tells her to book another). */
const LISTED = new Set(['requested', 'confirmed', 'declined']);

/** "08:30", the local time of an instant in a zone. */
export function localTime(instant: string, timeZone: string): string {
  const at = Date.parse(instant);
  return new Date(at + offsetAt(at, timeZone)).toISOString().slice(11, 16);
}

const reasonOf = (reason: string): ReasonCode | undefined =>
  (REASONS as readonly string[]).includes(reason) ? (reason as ReasonCode) : undefined;

/** "4821 7730": a link code as read aloud and typed. */
const spaced = (code: string) => (code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code);

function signedIn(state: UssdState): { userId: string; role: 'adolescent' | 'parent' } {
  const user = state.user;
  if (!user || (user.role !== 'adolescent' && user.role !== 'parent'))
    throw new Error('USSD care effect needs a signed-in girl or parent');
  return { userId: user.id, role: user.role };
}

/** The AppError code of a refusal, or the error again when it is not one. */
function codeOf(error: unknown): string {
  if (error instanceof AppError) return error.code;
  throw error;
}

/**
 * The care network's effects on the phone: her people and a parent's children (links through
 * the care service, read afresh at every step that shows them), booking and her visits.
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

  async function providersIn(state: UssdState, district: string, ctx: RequestContext): Promise<EffectResult> {
    const { userId } = signedIn(state);
    if (!(await deps.consents.healthDataAllowed(userId)))
      return { outcome: 'guardian_required', params: { age: deps.consents.guardianConsentAge } };
    const found = await deps.providers.directory({ district }, ctx);
    const providers: ProviderItem[] = found.slice(0, MAX_ITEMS).map((p) => ({
      id: p.id,
      name: toGsm7(p.displayName),
      facility: toGsm7(p.facility),
    }));
    return { outcome: providers.length ? 'ok' : 'none', lists: { providers } };
  }

  async function days(providerId: string, ctx: RequestContext): Promise<EffectResult> {
    try {
      const free = await deps.slots.freeDays(providerId, {}, ctx);
      const list = free.days.slice(0, MAX_ITEMS).map((d) => ({ date: d.date, free: d.free }));
      return { outcome: list.length ? 'ok' : 'none', lists: { days: list } };
    } catch (error) {
      if (codeOf(error) === 'not_found') return { outcome: 'gone' };
      throw error;
    }
  }

  async function slotsOf(providerId: string, day: string, ctx: RequestContext): Promise<EffectResult> {
    try {
      const free = await deps.slots.providerSlots(providerId, { from: day, to: day }, ctx);
      const slots = free.slots
        .slice(0, MAX_ITEMS)
        .map((x) => ({ start: x.start, time: localTime(x.start, free.timeZone) }));
      return { outcome: slots.length ? 'ok' : 'none', lists: { slots } };
    } catch (error) {
      if (codeOf(error) === 'not_found') return { outcome: 'gone' };
      throw error;
    }
  }

  /** Taken a moment ago: that day's slots as they are now, or the days if that one is full. */
  async function taken(
    effect: Extract<Effect, { kind: 'book' }>,
    ctx: RequestContext,
  ): Promise<EffectResult> {
    const again = await slotsOf(effect.providerId, effect.day, ctx);
    if (again.outcome === 'ok') return { ...again, outcome: 'taken' };
    if (again.outcome === 'gone') return again;
    const other = await days(effect.providerId, ctx);
    return other.outcome === 'ok' ? { ...other, outcome: 'day_full' } : { outcome: 'gone' };
  }

  async function book(
    state: UssdState,
    effect: Extract<Effect, { kind: 'book' }>,
    ctx: RequestContext,
  ): Promise<EffectResult> {
    const { userId, role } = signedIn(state);
    try {
      await deps.appointments.book(
        { userId, role },
        { providerId: effect.providerId, start: effect.start, reason: reasonOf(effect.reason) },
        ctx,
      );
      return { outcome: 'ok' };
    } catch (error) {
      const code = codeOf(error);
      if (code === 'slot_taken' || code === 'slot_unavailable') return taken(effect, ctx);
      if (code === 'guardian_consent_required')
        return { outcome: 'guardian_required', params: { age: deps.consents.guardianConsentAge } };
      if (code === 'not_found') return { outcome: 'gone' };
      throw error;
    }
  }

  /** Her visits from today on that are still worth seeing, oldest first. */
  async function appointments(state: UssdState): Promise<AppointmentItem[]> {
    const { userId } = signedIn(state);
    const zone = state.user?.timeZone ?? DEFAULT_TIME_ZONE;
    const now = deps.clock().getTime();
    const mine = await deps.appointments.listMine(userId);
    return mine
      .filter((a) => LISTED.has(a.status) && Date.parse(a.end) > now)
      .slice(0, MAX_ITEMS)
      .map((a) => ({
        id: a.id,
        date: localDate(new Date(a.start), zone),
        time: localTime(a.start, zone),
        provider: toGsm7(a.provider?.displayName ?? ''),
        facility: toGsm7(a.provider?.facility ?? ''),
        status: a.status,
      }));
  }

  async function cancel(state: UssdState, appointmentId: string, ctx: RequestContext): Promise<EffectResult> {
    const { userId, role } = signedIn(state);
    let outcome = 'ok';
    let params: EffectResult['params'];
    try {
      await deps.appointments.cancel({ userId, role }, appointmentId, undefined, ctx);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'change_too_late' && error instanceof AppError) {
        outcome = 'too_late';
        params = { minutes: Number(error.params?.minutes ?? 120) };
      } else if (code === 'appointment_closed' || code === 'not_found') outcome = 'closed';
      else throw error;
    }
    return {
      outcome,
      ...(params ? { params } : {}),
      lists: { appointments: await appointments(state) },
    };
  }

  return async function run(
    effect: CareEffect,
    state: UssdState,
    ctx: RequestContext,
  ): Promise<EffectResult> {
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
      case 'loadProviders':
        return providersIn(state, effect.district, ctx);
      case 'loadDays':
        return days(effect.providerId, ctx);
      case 'loadSlots':
        return slotsOf(effect.providerId, effect.day, ctx);
      case 'book':
        return book(state, effect, ctx);
      case 'loadAppointments':
        return { outcome: 'ok', lists: { appointments: await appointments(state) } };
      case 'cancelAppointment':
        return cancel(state, effect.appointmentId, ctx);
    }
  };
}
