import { REASONS } from '../../modules/appointments/schema.ts';
import { DISTRICTS } from '../../modules/providers/districts.ts';
import { type MessageKey, shortDate, translate as tr, translateCount } from '../../platform/i18n/index.ts';
import { go, home, noticeText, type Screen, stay, withEffect, yesNo } from './flow.ts';
import { backTo, clip } from './screens-care.ts';
import type { AppointmentItem, HopEnv, Notice, ScreenId, UssdState } from './state.ts';

/** Statuses in which she can still cancel (until the cut-off; the service checks again). */
const LIVE = new Set(['requested', 'confirmed']);

const districtName = (code: string | undefined) => DISTRICTS.find((d) => d.code === code)?.name ?? '';
const chosenProvider = (s: UssdState) => s.lists?.providers?.find((p) => p.id === s.form.providerId);
const chosenSlot = (s: UssdState) => s.lists?.slots?.find((x) => x.start === s.form.slot);
const chosenAppointment = (s: UssdState): AppointmentItem | undefined =>
  s.lists?.appointments?.find((a) => a.id === s.form.appointmentId);
const day = (s: UssdState, date: string | undefined) => (date ? shortDate(s.lang, date) : '');
/** A reason's words ("other" is "reason.something_else": a key ending in .other is a plural form). */
const reasonText = (s: UssdState, code: string) =>
  tr(s.lang, `reason.${code === 'other' ? 'something_else' : code}` as MessageKey);

/**
 * Where booking goes for outcomes every step shares. The effect read again what the screen it
 * lands on lists: the district's providers after `gone`, the provider's days after `day_full`.
 */
function shared(
  s: UssdState,
  outcome: string,
  params?: Record<string, string | number>,
): UssdState | undefined {
  if (outcome === 'guardian_required')
    return home(s, { key: 'guardian.required', ...(params ? { params } : {}) });
  // The provider takes no bookings now: the district's list without them (or the districts).
  if (outcome === 'gone')
    return backTo(s, s.lists?.providers?.length ? 'book_provider' : 'book_district', { key: 'book.gone' });
  if (outcome === 'day_full') return backTo(s, 'book_day', { key: 'book.day_full' });
  if (outcome === 'none') return backTo(s, 'book_provider', { key: 'book.no_days' });
  return undefined;
}

/** Cancelling is open until `changeableUntil` (the service's cut-off, inclusive as the service has it). */
function changeable(a: AppointmentItem, env: HopEnv): boolean {
  return LIVE.has(a.status) && !!a.changeableUntil && env.now.getTime() <= Date.parse(a.changeableUntil);
}

/** Past the cut-off of a live visit: changes close so long before (in hours when whole hours). */
function tooLate(a: AppointmentItem, env: HopEnv): Notice | undefined {
  // A list saved by a call from before changeableUntil existed has none: nothing is said then.
  if (!LIVE.has(a.status) || !a.changeableUntil || changeable(a, env)) return undefined;
  const minutes = Math.round((Date.parse(a.start) - Date.parse(a.changeableUntil)) / 60_000);
  return minutes % 60 === 0
    ? { counted: 'appt.too_late_hours', n: minutes / 60 }
    : { counted: 'appt.too_late_minutes', n: minutes };
}

export const bookingScreens: Partial<Record<ScreenId, Screen>> = {
  // Rwanda's 30 districts, always in the same order and numbers (paged with 98).
  book_district: {
    text: (s) => tr(s.lang, 'book.district'),
    choices: () => DISTRICTS.map((d) => ({ value: d.code, label: d.name })),
    next: (s, value) =>
      withEffect({ ...s, form: { ...s.form, district: value } }, { kind: 'loadProviders', district: value }),
    after: (s, { outcome, params }) => {
      if (outcome === 'ok') return go(s, 'book_provider');
      if (outcome === 'guardian_required')
        return home(s, { key: 'guardian.required', ...(params ? { params } : {}) });
      return stay(s, 'book.no_providers', { district: districtName(s.form.district) });
    },
  },

  book_provider: {
    text: (s) => tr(s.lang, 'book.provider', { district: districtName(s.form.district) }),
    choices: (s) =>
      (s.lists?.providers ?? []).map((p) => ({
        value: p.id,
        label: `${clip(p.name, 28)}, ${clip(p.facility, 28)}`,
      })),
    next: (s, value) =>
      withEffect({ ...s, form: { ...s.form, providerId: value } }, { kind: 'loadDays', providerId: value }),
    after: (s, { outcome, params }) => {
      if (outcome === 'ok') return go(s, 'book_day');
      if (outcome === 'none') return stay(s, 'book.no_days');
      return shared(s, outcome, params) ?? stay(s, 'book.no_days');
    },
  },

  book_day: {
    text: (s) => tr(s.lang, 'book.day'),
    choices: (s) =>
      (s.lists?.days ?? []).map((d) => ({
        value: d.date,
        label: translateCount(s.lang, 'book.day_item', d.free, { date: day(s, d.date) }),
      })),
    next: (s, value) => {
      const providerId = s.form.providerId;
      if (!providerId) return { state: home(s) };
      return withEffect(
        { ...s, form: { ...s.form, day: value } },
        { kind: 'loadSlots', providerId, day: value },
      );
    },
    after: (s, { outcome, params }) => {
      if (outcome === 'ok') return go(s, 'book_slot');
      return shared(s, outcome, params) ?? stay(s, 'book.day_full');
    },
  },

  book_slot: {
    text: (s) => tr(s.lang, 'book.slot', { date: day(s, s.form.day) }),
    choices: (s) => (s.lists?.slots ?? []).map((x) => ({ value: x.start, label: x.time })),
    next: (s, value) => ({ state: go(s, 'book_reason', { form: { ...s.form, slot: value } }) }),
  },

  book_reason: {
    text: (s) => tr(s.lang, 'book.reason'),
    choices: (s) => REASONS.map((r) => ({ value: r, label: reasonText(s, r) })),
    next: (s, value) => ({ state: go(s, 'book_confirm', { form: { ...s.form, reason: value } }) }),
  },

  book_confirm: {
    text: (s) => {
      const provider = chosenProvider(s);
      return tr(s.lang, 'book.confirm', {
        date: day(s, s.form.day),
        time: chosenSlot(s)?.time ?? '',
        provider: clip(provider?.name ?? '', 28),
        facility: clip(provider?.facility ?? '', 28),
        reason: reasonText(s, s.form.reason ?? 'general_checkup'),
      });
    },
    choices: yesNo,
    next: (s, value) => {
      const { providerId, slot, reason, day: date } = s.form;
      if (!providerId || !slot || !reason || !date) return { state: home(s) };
      // No: back to the times of that day, numbered as they were, to choose another.
      if (value !== 'yes') return { state: backTo(s, 'book_slot') };
      return withEffect(s, { kind: 'book', providerId, start: slot, reason, day: date });
    },
    after: (s, { outcome, params }) => {
      if (outcome === 'ok')
        return home(s, {
          key: 'book.done',
          params: { date: day(s, s.form.day), time: chosenSlot(s)?.time ?? '' },
        });
      // Someone else took it a moment ago: the slots of that day again, as they are now.
      if (outcome === 'taken') return backTo(s, 'book_slot', { key: 'book.taken' });
      if (outcome === 'day_full') return backTo(s, 'book_day', { key: 'book.taken' });
      return shared(s, outcome, params) ?? home(s, { key: 'book.gone' });
    },
  },

  appts: {
    text: (s) => tr(s.lang, (s.lists?.appointments ?? []).length ? 'appt.title' : 'appt.none'),
    choices: (s) =>
      (s.lists?.appointments ?? []).map((a) => ({
        value: a.id,
        label: clip(
          tr(s.lang, 'appt.item', { date: day(s, a.date), time: a.time, provider: a.provider }),
          60,
        ),
      })),
    next: (s, value) => ({ state: go(s, 'appt', { form: { ...s.form, appointmentId: value } }) }),
  },

  // One visit; Cancel is offered only until its cut-off, after which the screen says why not.
  appt: {
    text: (s, env) => {
      const a = chosenAppointment(s);
      if (!a) return tr(s.lang, 'appt.closed');
      const detail = tr(s.lang, 'appt.detail', {
        date: day(s, a.date),
        time: a.time,
        provider: clip(a.provider, 40),
        facility: clip(a.facility, 40),
        status: tr(s.lang, `appt.status.${a.status}` as MessageKey),
      });
      const late = tooLate(a, env);
      return late ? `${detail}\n${noticeText(s.lang, late)}` : detail;
    },
    choices: (s, env) => {
      const a = chosenAppointment(s);
      return a && changeable(a, env) ? [{ value: 'cancel', label: tr(s.lang, 'appt.cancel') }] : [];
    },
    next: (s) => ({ state: go(s, 'appt_cancel') }),
  },

  appt_cancel: {
    text: (s) => {
      const a = chosenAppointment(s);
      return tr(s.lang, 'appt.cancel_ask', { date: day(s, a?.date), time: a?.time ?? '' });
    },
    choices: yesNo,
    next: (s, value) => {
      const appointmentId = s.form.appointmentId;
      if (value !== 'yes' || !appointmentId) return { state: backTo(s, 'appt') };
      return withEffect(s, { kind: 'cancelAppointment', appointmentId });
    },
    after: (s, { outcome }) => {
      if (outcome === 'ok') return backTo(s, 'appts', { key: 'appt.cancelled' });
      // Its screen, read again, says that changes closed and how long before.
      if (outcome === 'too_late') return backTo(s, 'appt');
      return backTo(s, 'appts', { key: 'appt.closed' });
    },
  },
};
