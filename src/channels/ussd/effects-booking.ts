import { REASONS, type ReasonCode } from '../../modules/appointments/schema.ts';
import type { AppointmentService } from '../../modules/appointments/service.ts';
import type { SlotService } from '../../modules/appointments/slot-service.ts';
import { offsetAt } from '../../modules/appointments/slots.ts';
import type { ConsentService } from '../../modules/consents/service.ts';
import type { ProviderServiceApi } from '../../modules/providers/service.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { DEFAULT_TIME_ZONE, localDate } from '../../platform/time.ts';
import { toGsm7 } from './gsm7.ts';
import type { AppointmentItem, Effect, EffectResult, ProviderItem, UssdState } from './state.ts';

export type BookingDeps = {
  providers: Pick<ProviderServiceApi, 'directory' | 'profileRow'>;
  slots: Pick<SlotService, 'freeDays' | 'providerSlots'>;
  appointments: Pick<AppointmentService, 'book' | 'listMine' | 'cancel'>;
  consents: Pick<ConsentService, 'healthDataAllowed' | 'guardianConsentAge'>;
  clock: () => Date;
};

export type BookingEffect = Extract<
  Effect,
  { kind: 'loadProviders' | 'loadDays' | 'loadSlots' | 'book' | 'loadAppointments' | 'cancelAppointment' }
>;

/** At most this many items on a phone's list: numbers 1–97 are free (98 is "more", 0 and 00 navigate). */
export const MAX_ITEMS = 90;
/** Statuses she sees on her list of visits (a declined one tells her to book another). */
const LISTED = new Set(['requested', 'confirmed', 'declined']);

/** "08:30", the local time of an instant in a zone. */
export function localTime(instant: string, timeZone: string): string {
  const at = Date.parse(instant);
  return new Date(at + offsetAt(at, timeZone)).toISOString().slice(11, 16);
}

const reasonOf = (reason: string): ReasonCode | undefined =>
  (REASONS as readonly string[]).includes(reason) ? (reason as ReasonCode) : undefined;

/** The signed-in girl (or parent) the effect acts for. */
export function signedIn(state: UssdState): { userId: string; role: 'adolescent' | 'parent' } {
  const user = state.user;
  if (!user || (user.role !== 'adolescent' && user.role !== 'parent'))
    throw new Error('USSD care effect needs a signed-in girl or parent');
  return { userId: user.id, role: user.role };
}

/** The AppError code of a refusal, or the error again when it is not one. */
export function codeOf(error: unknown): string {
  if (error instanceof AppError) return error.code;
  throw error;
}

/**
 * Booking a visit and her list of visits, through the same services as the REST routes. Every
 * list shown after a refusal is read again: a provider who vanished, a day that filled up.
 * Times are the provider's, in the provider's time zone, on every screen.
 */
export function createBookingEffects(deps: BookingDeps) {
  const guardianRequired = (): EffectResult => ({
    outcome: 'guardian_required',
    params: { age: deps.consents.guardianConsentAge },
  });

  /** The verified providers of a district, in the directory's order (so numbers hold). */
  async function providerList(district: string | undefined, ctx: RequestContext): Promise<ProviderItem[]> {
    if (!district) return [];
    const found = await deps.providers.directory({ district }, ctx);
    return found.slice(0, MAX_ITEMS).map((p) => ({
      id: p.id,
      name: toGsm7(p.displayName),
      facility: toGsm7(p.facility),
    }));
  }

  async function providersIn(state: UssdState, district: string, ctx: RequestContext): Promise<EffectResult> {
    const { userId } = signedIn(state);
    if (!(await deps.consents.healthDataAllowed(userId))) return guardianRequired();
    const providers = await providerList(district, ctx);
    return { outcome: providers.length ? 'ok' : 'none', lists: { providers } };
  }

  /** The provider takes no bookings now (suspended, no longer verified): the district's list as it is now. */
  async function gone(state: UssdState, ctx: RequestContext): Promise<EffectResult> {
    return { outcome: 'gone', lists: { providers: await providerList(state.form.district, ctx) } };
  }

  async function days(state: UssdState, providerId: string, ctx: RequestContext): Promise<EffectResult> {
    try {
      const free = await deps.slots.freeDays(providerId, {}, ctx);
      const list = free.days.slice(0, MAX_ITEMS).map((d) => ({ date: d.date, free: d.free }));
      return { outcome: list.length ? 'ok' : 'none', lists: { days: list } };
    } catch (error) {
      if (codeOf(error) === 'not_found') return gone(state, ctx);
      throw error;
    }
  }

  async function slotsOf(
    state: UssdState,
    providerId: string,
    day: string,
    ctx: RequestContext,
  ): Promise<EffectResult> {
    try {
      const free = await deps.slots.providerSlots(providerId, { from: day, to: day }, ctx);
      const slots = free.slots
        .slice(0, MAX_ITEMS)
        .map((x) => ({ start: x.start, time: localTime(x.start, free.timeZone) }));
      return { outcome: slots.length ? 'ok' : 'none', lists: { slots } };
    } catch (error) {
      if (codeOf(error) === 'not_found') return gone(state, ctx);
      throw error;
    }
  }

  /** A day's slots; a day that filled up since the days were listed gives the days as they are now. */
  async function slotsOrDays(
    state: UssdState,
    providerId: string,
    day: string,
    ctx: RequestContext,
  ): Promise<EffectResult> {
    const found = await slotsOf(state, providerId, day, ctx);
    if (found.outcome !== 'none') return found;
    const other = await days(state, providerId, ctx);
    return other.outcome === 'ok' ? { ...other, outcome: 'day_full' } : other;
  }

  /** Taken a moment ago: that day's slots as they are now, or the days if that one is full. */
  async function taken(
    state: UssdState,
    effect: Extract<Effect, { kind: 'book' }>,
    ctx: RequestContext,
  ): Promise<EffectResult> {
    const again = await slotsOrDays(state, effect.providerId, effect.day, ctx);
    return again.outcome === 'ok' ? { ...again, outcome: 'taken' } : again;
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
      if (code === 'slot_taken' || code === 'slot_unavailable') return taken(state, effect, ctx);
      if (code === 'guardian_consent_required') return guardianRequired();
      if (code === 'not_found') return gone(state, ctx);
      throw error;
    }
  }

  /** Each provider's time zone (a provider no longer listed keeps the one it had, or Kigali's). */
  async function zonesOf(providerIds: string[], ctx: RequestContext): Promise<Map<string, string>> {
    const ids = [...new Set(providerIds)];
    const rows = await Promise.all(ids.map((id) => deps.providers.profileRow(id, ctx)));
    return new Map(ids.map((id, i) => [id, rows[i]?.time_zone ?? DEFAULT_TIME_ZONE]));
  }

  /** Her visits from today on that are still worth seeing, oldest first, at the provider's time. */
  async function appointments(state: UssdState, ctx: RequestContext): Promise<AppointmentItem[]> {
    const { userId } = signedIn(state);
    const now = deps.clock().getTime();
    const mine = (await deps.appointments.listMine(userId))
      .filter((a) => LISTED.has(a.status) && Date.parse(a.end) > now)
      .slice(0, MAX_ITEMS);
    const zones = await zonesOf(
      mine.flatMap((a) => (a.provider ? [a.provider.id] : [])),
      ctx,
    );
    return mine.map((a) => {
      const zone = (a.provider && zones.get(a.provider.id)) ?? DEFAULT_TIME_ZONE;
      return {
        id: a.id,
        start: a.start,
        changeableUntil: a.changeableUntil,
        date: localDate(new Date(a.start), zone),
        time: localTime(a.start, zone),
        provider: toGsm7(a.provider?.displayName ?? ''),
        facility: toGsm7(a.provider?.facility ?? ''),
        status: a.status,
      };
    });
  }

  async function cancel(state: UssdState, appointmentId: string, ctx: RequestContext): Promise<EffectResult> {
    const { userId, role } = signedIn(state);
    let outcome = 'ok';
    try {
      await deps.appointments.cancel({ userId, role }, appointmentId, undefined, ctx);
    } catch (error) {
      const code = codeOf(error);
      // Too late: her visit's screen, read again, says until when it could be changed.
      if (code === 'change_too_late') outcome = 'too_late';
      else if (code === 'appointment_closed' || code === 'not_found') outcome = 'closed';
      else throw error;
    }
    return { outcome, lists: { appointments: await appointments(state, ctx) } };
  }

  return async function run(
    effect: BookingEffect,
    state: UssdState,
    ctx: RequestContext,
  ): Promise<EffectResult> {
    switch (effect.kind) {
      case 'loadProviders':
        return providersIn(state, effect.district, ctx);
      case 'loadDays':
        return days(state, effect.providerId, ctx);
      case 'loadSlots':
        return slotsOrDays(state, effect.providerId, effect.day, ctx);
      case 'book':
        return book(state, effect, ctx);
      case 'loadAppointments':
        return { outcome: 'ok', lists: { appointments: await appointments(state, ctx) } };
      case 'cancelAppointment':
        return cancel(state, effect.appointmentId, ctx);
    }
  };
}
