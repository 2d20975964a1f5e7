import { type CareDeps, createCareEffects } from '../../src/channels/ussd/effects-care.ts';
import { AppError, type ErrorCode } from '../../src/platform/http/errors.ts';
import type { RequestContext } from '../../src/platform/request-context.ts';

/** The screens walk's clock: 28 November 2026, 10:00 in Kigali. */
export const NOW = new Date('2026-11-28T08:00:00Z');

// The care network's effects run for real on stand-in services: each variant below is one way
// the services can answer (long names, empty lists, every refusal), so the texts the effects
// compose are measured too.
const LONG = 'Mukamana Uwimana Jeanne d Arc'; // 29 letters: names are up to 30 on the phone
const LONGER = 'Dr Nyirahabimana Marie-Claire Uwitonze Mukeshimana'; // providers type longer ones
const FACILITY = 'Centre de Santé de Kacyiru, Kigali, Gasabo District';
export const WALK_CONTEXT = {
  requestId: 'walk',
  channel: 'ussd',
  ip: '127.0.0.1',
  userAgent: undefined,
} as RequestContext;
const fail = (code: ErrorCode, extra: ConstructorParameters<typeof AppError>[2] = {}) => {
  throw new AppError(code, undefined, extra);
};
const link = (
  id: string,
  name: string,
  status: 'active' | 'pending',
  awaitingYou: boolean,
  scopes: string[],
) => ({
  id,
  status,
  side: 'child' as const,
  // A pending link the viewer entered names nobody (person null), as the care service answers.
  person: status === 'pending' && !awaitingYou ? null : { id: `c-${id}`, name, role: 'parent' },
  scopes,
  fixedScopes: id === 'l1' ? ['prediction', 'flags'] : [],
  awaitingYou,
});
const prediction = (phase: { name: string; cycleDay: number; lateByDays?: number } | null) => ({
  nextPeriod: phase ? { start: '2026-12-08', earliest: '2026-12-05', latest: '2026-12-11' } : null,
  phase,
});
const days = Array.from({ length: 15 }, (_, i) => ({
  date: `2026-12-${String(i + 1).padStart(2, '0')}`,
  free: i + 1,
}));
const slots = Array.from({ length: 18 }, (_, i) => {
  const start = Date.parse('2026-12-01T06:00:00Z') + i * 1_800_000;
  return { start: new Date(start).toISOString(), end: new Date(start + 1_800_000).toISOString() };
});
/** A visit on 1 Dec; `soon` makes it today at 11:00 Kigali time, inside the 2-hour cut-off. */
const visit = (id: string, status: string, soon = false) => {
  const start = Date.parse(soon ? '2026-11-28T09:00:00Z' : '2026-12-01T06:30:00Z');
  const live = status === 'requested' || status === 'confirmed';
  return {
    id,
    start: new Date(start).toISOString(),
    end: new Date(start + 1_800_000).toISOString(),
    status,
    changeableUntil: live ? new Date(start - 2 * 3_600_000).toISOString() : null,
    provider: { id: 'p1', displayName: LONGER, facility: FACILITY, district: 'gasabo' },
  };
};

/** One way every care service can answer; `v` picks which (0 is the happy path). */
function careDeps(v: number): CareDeps {
  return {
    clock: () => NOW,
    consents: { healthDataAllowed: async () => v !== 3, guardianConsentAge: 16 },
    care: {
      listLinks: async () =>
        v === 1
          ? []
          : [
              link('l1', LONG, 'active', false, [
                'prediction',
                'periods',
                'symptoms',
                'flags',
                'appointments',
              ]),
              link('l2', 'Mama', 'active', false, []),
              link('l3', LONG, 'pending', true, ['prediction']),
              link('l4', 'Papa', 'pending', false, ['prediction']),
            ],
      createCode: async () => ({
        code: '48217730',
        expiresAt: new Date(NOW.getTime() + 86_400_000).toISOString(),
      }),
      enterCode: async () =>
        [
          undefined,
          () => fail('invalid_code'),
          () => fail('already_linked'),
          () => fail('too_many_requests', { retryAfterSeconds: 900 }),
        ][v]?.(),
      confirm: async () => (v === 2 ? fail('not_found') : undefined),
      unlink: async () => [undefined, () => fail('guardian_link_fixed'), () => fail('not_found')][v]?.(),
      childView: async () => {
        if (v === 3) fail('not_shared');
        if (v === 4) fail('not_found');
        const p = [
          prediction({ name: 'luteal', cycleDay: 19 }),
          prediction({ name: 'late', cycleDay: 41, lateByDays: 12 }),
          prediction(null),
        ][v];
        return { name: LONG, ...(p ? { prediction: p } : {}) };
      },
    } as unknown as CareDeps['care'],
    providers: {
      directory: async () =>
        v === 1
          ? []
          : [1, 2, 3, 4, 5].map((i) => ({
              id: `p${i}`,
              displayName: `${LONGER} ${i}`,
              facility: FACILITY,
              district: 'gasabo',
              languages: [],
              services: [],
              timeZone: 'Africa/Kigali',
              slotMinutes: 30,
            })),
      // The provider's time zone for her visits (none found: Kigali's).
      profileRow: async () => (v === 4 ? undefined : { time_zone: 'Africa/Kigali' }),
    } as unknown as CareDeps['providers'],
    slots: {
      freeDays: async (providerId: string) =>
        v === 2 ? fail('not_found') : { providerId, timeZone: 'Africa/Kigali', days: v === 1 ? [] : days },
      providerSlots: async (providerId: string) =>
        v === 2
          ? fail('not_found')
          : {
              providerId,
              timeZone: 'Africa/Kigali',
              slotMinutes: 30,
              slots: v === 1 || v === 4 ? [] : slots,
            },
    } as unknown as CareDeps['slots'],
    appointments: {
      book: async () =>
        [
          undefined,
          () => fail('slot_taken'),
          () => fail('not_found'),
          () => fail('guardian_consent_required'),
          () => fail('slot_unavailable'),
        ][v]?.(),
      listMine: async () =>
        v === 1
          ? []
          : [
              visit('a-soon', 'confirmed', true),
              ...['requested', 'confirmed', 'declined', 'cancelled', 'requested', 'confirmed'].map(
                (status, i) => visit(`a${i}`, status),
              ),
            ],
      cancel: async () =>
        [
          undefined,
          () => fail('change_too_late', { params: { minutes: 120 } }),
          () => fail('change_too_late', { params: { minutes: 90 } }),
          () => fail('appointment_closed'),
        ][v]?.(),
    } as unknown as CareDeps['appointments'],
  };
}
/** Every step she takes refused for a reason the phone does not know (a rule added later). */
function refusingDeps(): CareDeps {
  const base = careDeps(0);
  const no = async () => fail('validation_failed');
  return {
    ...base,
    care: { ...base.care, createCode: no, enterCode: no, confirm: no, unlink: no, childView: no },
    slots: { freeDays: no, providerSlots: no },
    appointments: { ...base.appointments, book: no, cancel: no },
  } as unknown as CareDeps;
}
export const CARE_VARIANTS = [...[0, 1, 2, 3, 4].map(careDeps), refusingDeps()].map(createCareEffects);
