import { randomUUID } from 'node:crypto';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import type { AppointmentRow, AppointmentStatus, Role } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import { eventContext, type SecurityEvents } from '../../platform/security/events.ts';
import { localDate } from '../../platform/time.ts';
import type { AuditService } from '../audit/service.ts';
import type { ConsentService } from '../consents/service.ts';
import { addDays, daysBetween } from '../cycles/engine/dates.ts';
import type { CycleInsights } from '../cycles/insights.ts';
import type { CycleService } from '../cycles/service.ts';
import type { ProviderServiceApi } from '../providers/service.ts';
import type { UserService } from '../users/service.ts';
import {
  type AppointmentChanges,
  type AppointmentRepo,
  type AppointmentWithProvider,
  LIVE_STATUSES,
} from './repo.ts';
import { DEFAULT_REASON, type ReasonCode } from './schema.ts';
import type { AppointmentSeal } from './seal.ts';
import { BOOKING_HORIZON_DAYS, MAX_RANGE_DAYS, type SlotService } from './slot-service.ts';
import {
  type AppointmentView,
  baseView,
  type CycleSummary,
  firstNameOf,
  type GuardianAppointmentView,
  guardianView,
  providerOf,
  sealedField,
} from './views.ts';

/** Who acts: her, a parent for her, or a provider (every channel passes it; USSD has no session). */
export type Actor = { userId: string; role: Role };
export type Booking = {
  providerId: string;
  start: string;
  reason?: ReasonCode | undefined;
  words?: string | undefined;
  shareSummary?: boolean | undefined;
  forUserId?: string | undefined;
};
type Side = 'patient' | 'guardian' | 'provider';
type Access = { row: AppointmentWithProvider; side: Side };

const PROVIDER_LIST_DAYS = 7;

/**
 * Appointments: booking (her, or a parent she lets), the provider's day, and the state machine
 * requested → confirmed | declined | cancelled, confirmed → completed | no_show | cancelled.
 * Rules live here for every channel. Her words (reason, notes, reasons given for changes) are
 * sealed under her key; each appointment row is under the server's MAC; a provider reading her
 * is audited with her as subject, so she sees it in her access log.
 */
export function createAppointmentService(deps: {
  repo: AppointmentRepo;
  seal: AppointmentSeal;
  providers: Pick<ProviderServiceApi, 'bookable' | 'assertVerified'>;
  slots: Pick<SlotService, 'scheduledSlot'>;
  users: Pick<UserService, 'get'>;
  consents: Pick<ConsentService, 'healthDataAllowed'>;
  cycles: Pick<CycleService, 'allPeriods'>;
  insights: Pick<CycleInsights, 'prediction'>;
  dataProtection: DataProtection;
  /** A parent may book for her: she shares `appointments` with him, or he is her consenting guardian. */
  mayBookFor: (parentId: string, childId: string, ctx: RequestContext) => Promise<boolean>;
  audit: AuditService;
  events: Pick<SecurityEvents, 'record'>;
  /** Cancelling and rescheduling close this many minutes before the start. */
  cutoffMinutes: number;
  clock: () => Date;
}) {
  const { repo, seal, dataProtection, clock } = deps;

  const actorContext = (actor: Actor, ctx: RequestContext) => ({
    ...auditContextOf(ctx),
    actorId: actor.userId,
    actorRole: actor.role,
  });
  const note = (
    actor: Actor,
    ctx: RequestContext,
    action: string,
    subjectId: string,
    resource = 'appointment',
  ) => deps.audit.record(actorContext(actor, ctx), { action, outcome: 'success', subjectId, resource });

  /** A row whose MAC fails is absent, and a security event. */
  async function intact<T extends AppointmentRow>(
    row: T | undefined,
    ctx?: RequestContext,
  ): Promise<T | undefined> {
    if (!row || seal.intact(row)) return row;
    await deps.events.record({
      type: 'row_seal_broken',
      ...(ctx ? eventContext(ctx) : { route: 'appointments', ip: 'internal' }),
      subject: row.patient_id,
      detail: 'appointments',
    });
    return undefined;
  }

  /** Who this actor is to this appointment; anyone else gets 404, as if it did not exist. */
  async function access(actor: Actor, id: string, ctx: RequestContext): Promise<Access> {
    // A provider who may not see patients is told so, whatever the id.
    if (actor.role === 'provider') await deps.providers.assertVerified(actor.userId, ctx);
    const row = await intact(await repo.find(id), ctx);
    assertThat(row, 'not_found', 'No such appointment');
    if (actor.role === 'provider') {
      assertThat(row.provider_id === actor.userId, 'not_found', 'No such appointment');
      return { row, side: 'provider' };
    }
    if (row.patient_id === actor.userId) return { row, side: 'patient' };
    // The parent who booked it, while she still lets him book for her.
    if (
      actor.role === 'parent' &&
      row.booked_by === 'guardian' &&
      row.booked_by_id === actor.userId &&
      (await deps.mayBookFor(actor.userId, row.patient_id, ctx))
    )
      return { row, side: 'guardian' };
    throw new AppError('not_found', 'No such appointment');
  }

  async function summaryOf(patientId: string): Promise<CycleSummary> {
    const [prediction, periods] = await Promise.all([
      deps.insights.prediction(patientId),
      deps.cycles.allPeriods(patientId),
    ]);
    return {
      averageCycleLength: prediction.averageCycleLength,
      lastPeriodStart: periods.at(-1)?.startDate ?? null,
      nextPeriod: prediction.nextPeriod,
      flags: [...prediction.flags],
    };
  }

  /** The answer for the side asking: hers names the provider, the provider's names her (first name). */
  async function viewFor(
    side: Side,
    row: AppointmentWithProvider,
    opts: { summary?: boolean } = {},
  ): Promise<AppointmentView> {
    const view = baseView(await dataProtection.vaultFor(row.patient_id), row);
    view.changeableUntil = LIVE_STATUSES.includes(row.status)
      ? new Date(row.starts_at.getTime() - deps.cutoffMinutes * 60_000).toISOString()
      : null;
    if (side === 'provider') {
      view.patient = { firstName: firstNameOf((await deps.users.get(row.patient_id)).name) };
      // Her live cycle summary is for the visit: once it is cancelled, declined or over, it is not read.
      if (opts.summary && row.share_summary && LIVE_STATUSES.includes(row.status))
        view.summary = await summaryOf(row.patient_id);
      return view;
    }
    view.provider = providerOf(row);
    if (side === 'guardian') {
      // Her visit note and the words of a change she made are hers and the provider's only.
      view.visitNote = null;
      if (row.cancelled_by !== 'guardian') view.cancelReason = null;
    }
    return view;
  }

  function assertBeforeCutoff(row: AppointmentRow): void {
    const closes = row.starts_at.getTime() - deps.cutoffMinutes * 60_000;
    if (clock().getTime() > closes) {
      throw new AppError(
        'change_too_late',
        `Appointments can be changed up to ${deps.cutoffMinutes} minutes before they start`,
        { params: { minutes: deps.cutoffMinutes } },
      );
    }
  }

  /** A change that applies only from these statuses; anything else (or a race lost) is appointment_closed. */
  async function transition(
    access: Access,
    from: readonly AppointmentStatus[],
    changes: Omit<AppointmentChanges, 'updated_at'>,
    startsAt?: Date,
  ): Promise<AppointmentWithProvider> {
    if (!from.includes(access.row.status)) throw new AppError('appointment_closed');
    const updated = await repo.change(access.row.id, from, { ...changes, updated_at: clock() }, startsAt);
    assertThat(updated, 'appointment_closed');
    return { ...access.row, ...updated };
  }

  async function sealFor(
    patientId: string,
    id: string,
    column: Parameters<typeof sealedField>[1],
    text: string,
  ) {
    return (await dataProtection.vaultFor(patientId)).seal(sealedField(id, column), text);
  }

  /** A provider-only step on an appointment of theirs. */
  async function providerStep(actor: Actor, id: string, ctx: RequestContext): Promise<Access> {
    if (actor.role !== 'provider') throw new AppError('forbidden', 'Only the provider can do this');
    return access(actor, id, ctx);
  }

  function assertStarted(row: AppointmentRow): void {
    if (clock().getTime() < row.starts_at.getTime())
      throw new AppError('conflict', 'This can be recorded once the appointment has started');
  }

  return {
    /**
     * Books a free slot. She books for herself; a parent books for her (`forUserId`) only when
     * `mayBookFor` says so — a refusal is the same 403 whether or not she exists. `start` must be
     * on the provider's schedule (else 409 slot_unavailable); two bookings of overlapping times
     * are refused by the database's exclusion constraint (409 slot_taken), across instances too.
     */
    async book(actor: Actor, input: Booking, ctx: RequestContext): Promise<AppointmentView> {
      let patientId = actor.userId;
      let bookedBy: AppointmentRow['booked_by'] = 'patient';
      if (actor.role === 'parent') {
        assertThat(input.forUserId, 'validation_failed', 'Say whom the appointment is for (forUserId)');
        if (!(await deps.mayBookFor(actor.userId, input.forUserId, ctx)))
          throw new AppError('not_shared', 'She has not let you book appointments for her');
        assertThat(!input.shareSummary, 'forbidden', 'Only she can share her cycle summary with a provider');
        patientId = input.forUserId;
        bookedBy = 'guardian';
      } else {
        assertThat(actor.role === 'adolescent', 'forbidden', 'Only young women and their parents book');
        assertThat(
          input.forUserId === undefined || input.forUserId === actor.userId,
          'forbidden',
          'You can book only for yourself',
        );
      }
      if (!(await deps.consents.healthDataAllowed(patientId)))
        throw new AppError('guardian_consent_required', 'A parent or guardian must give consent first');
      const provider = await deps.providers.bookable(input.providerId, ctx);
      assertThat(provider, 'not_found', 'No such provider');
      const start = Date.parse(input.start);
      const horizon = clock().getTime() + BOOKING_HORIZON_DAYS * 86_400_000;
      const slot = start > horizon ? undefined : await deps.slots.scheduledSlot(provider.row, start);
      assertThat(slot, 'slot_unavailable', 'This time is not one of the free slots of this provider');

      const id = randomUUID();
      const now = clock();
      const vault = await dataProtection.vaultFor(patientId);
      const reason = { code: input.reason ?? DEFAULT_REASON, ...(input.words ? { words: input.words } : {}) };
      const row: AppointmentRow = {
        id,
        provider_id: provider.row.user_id,
        patient_id: patientId,
        booked_by: bookedBy,
        booked_by_id: bookedBy === 'guardian' ? actor.userId : null,
        starts_at: new Date(slot.start),
        ends_at: new Date(slot.end),
        status: 'requested',
        reason_enc: vault.seal(sealedField(id, 'reason'), JSON.stringify(reason)),
        share_summary: input.shareSummary === true,
        decline_reason_enc: null,
        cancel_reason_enc: null,
        visit_note_enc: null,
        cancelled_by: null,
        created_at: now,
        updated_at: now,
        row_mac: Buffer.alloc(0),
      };
      row.row_mac = seal.seal(row);
      await repo.insert(row);
      await note(
        actor,
        ctx,
        'appointment.book',
        patientId,
        row.share_summary ? 'appointment_with_summary' : 'appointment',
      );
      return viewFor(bookedBy, {
        ...row,
        provider_name: provider.entry.displayName,
        provider_facility: provider.entry.facility,
        provider_district: provider.entry.district,
        provider_time_zone: provider.entry.timeZone,
      });
    },

    /** Her appointments, oldest first, with the provider's notes and answers. */
    async listMine(userId: string): Promise<AppointmentView[]> {
      const rows = await repo.listForPatient(userId);
      const views: AppointmentView[] = [];
      for (const row of rows) {
        if (await intact(row)) views.push(await viewFor('patient', row));
      }
      return views;
    },

    /** A provider's appointments between two of the provider's local dates (default: this week). */
    async listForProvider(
      actor: Actor,
      range: { from?: string | undefined; to?: string | undefined },
      ctx: RequestContext,
    ): Promise<AppointmentView[]> {
      const profile = await deps.providers.assertVerified(actor.userId, ctx);
      const from = range.from ?? localDate(clock(), profile.time_zone);
      const to = range.to ?? addDays(from, PROVIDER_LIST_DAYS - 1);
      if (to < from) throw new AppError('invalid_date_range');
      assertThat(daysBetween(from, to) < MAX_RANGE_DAYS, 'validation_failed', 'Ask for at most 62 days');
      // Whole local dates, with a margin either side; rows outside them are dropped below.
      const rows = await repo.listForProvider(
        actor.userId,
        new Date(Date.parse(`${from}T00:00:00Z`) - 15 * 3_600_000),
        new Date(Date.parse(`${to}T00:00:00Z`) + 37 * 3_600_000),
      );
      const views: AppointmentView[] = [];
      const readers = new Set<string>();
      for (const row of rows) {
        const date = localDate(row.starts_at, profile.time_zone);
        if (date < from || date > to || !(await intact(row, ctx))) continue;
        views.push(await viewFor('provider', row));
        readers.add(row.patient_id);
      }
      for (const patientId of readers)
        await note(actor, ctx, 'appointment.read', patientId, 'appointment_list');
      return views;
    },

    /** One appointment: hers, the booking parent's, or the provider's (with her cycle summary if she shared it). */
    async get(actor: Actor, id: string, ctx: RequestContext): Promise<AppointmentView> {
      const found = await access(actor, id, ctx);
      const view = await viewFor(found.side, found.row, { summary: true });
      if (found.side === 'provider') {
        const resource = view.summary ? 'appointment_with_summary' : 'appointment';
        await note(actor, ctx, 'appointment.read', found.row.patient_id, resource);
      }
      return view;
    },

    /** Her, the parent who booked, or the provider; up to the cut-off before the start. */
    async cancel(actor: Actor, id: string, reason: string | undefined, ctx: RequestContext) {
      const found = await access(actor, id, ctx);
      if (!LIVE_STATUSES.includes(found.row.status)) throw new AppError('appointment_closed');
      assertBeforeCutoff(found.row);
      const row = await transition(found, LIVE_STATUSES, {
        status: 'cancelled',
        cancelled_by: found.side,
        cancel_reason_enc: reason ? await sealFor(found.row.patient_id, id, 'cancel_reason', reason) : null,
      });
      await note(actor, ctx, 'appointment.cancel', row.patient_id);
      return viewFor(found.side, row);
    },

    /**
     * Moves to another slot of the same provider, up to the cut-off before the old start; the new
     * slot is checked like a booking (schedule, then the database's constraint). Moved by her or
     * her parent it waits for the provider again; moved by the provider it keeps its status.
     */
    async reschedule(actor: Actor, id: string, start: string, ctx: RequestContext) {
      const found = await access(actor, id, ctx);
      if (!LIVE_STATUSES.includes(found.row.status)) throw new AppError('appointment_closed');
      assertBeforeCutoff(found.row);
      const provider = await deps.providers.bookable(found.row.provider_id, ctx);
      const startMs = Date.parse(start);
      const horizon = clock().getTime() + BOOKING_HORIZON_DAYS * 86_400_000;
      const slot =
        provider && startMs <= horizon ? await deps.slots.scheduledSlot(provider.row, startMs) : undefined;
      assertThat(slot, 'slot_unavailable', 'This time is not one of the free slots of this provider');
      const row = await transition(
        found,
        LIVE_STATUSES,
        {
          starts_at: new Date(slot.start),
          ends_at: new Date(slot.end),
          // Her move (or her parent's) asks the provider again; his keeps the status it had.
          status: found.side === 'provider' ? found.row.status : 'requested',
        },
        found.row.starts_at,
      );
      await note(actor, ctx, 'appointment.reschedule', row.patient_id);
      return viewFor(found.side, row);
    },

    async confirm(actor: Actor, id: string, ctx: RequestContext) {
      const found = await providerStep(actor, id, ctx);
      if (found.row.status === 'requested' && found.row.starts_at.getTime() <= clock().getTime())
        throw new AppError('appointment_closed', 'This appointment time has passed');
      const row = await transition(found, ['requested'], { status: 'confirmed' });
      await note(actor, ctx, 'appointment.confirm', row.patient_id);
      return viewFor('provider', row);
    },

    async decline(actor: Actor, id: string, reason: string, ctx: RequestContext) {
      const found = await providerStep(actor, id, ctx);
      const row = await transition(found, ['requested'], {
        status: 'declined',
        decline_reason_enc: await sealFor(found.row.patient_id, id, 'decline_reason', reason),
      });
      await note(actor, ctx, 'appointment.decline', row.patient_id);
      return viewFor('provider', row);
    },

    async complete(actor: Actor, id: string, ctx: RequestContext) {
      const found = await providerStep(actor, id, ctx);
      // Only a confirmed visit took place (a request never confirmed is declined or cancelled).
      if (found.row.status === 'confirmed') assertStarted(found.row);
      const row = await transition(found, ['confirmed'], { status: 'completed' });
      await note(actor, ctx, 'appointment.complete', row.patient_id);
      return viewFor('provider', row);
    },

    async noShow(actor: Actor, id: string, ctx: RequestContext) {
      const found = await providerStep(actor, id, ctx);
      if (found.row.status === 'confirmed') assertStarted(found.row);
      const row = await transition(found, ['confirmed'], { status: 'no_show' });
      await note(actor, ctx, 'appointment.no_show', row.patient_id);
      return viewFor('provider', row);
    },

    /** The provider's visit note, sealed under her key: she reads it; it goes with her erasure. */
    async setNote(actor: Actor, id: string, text: string, ctx: RequestContext) {
      const found = await providerStep(actor, id, ctx);
      const open: AppointmentStatus[] = ['confirmed', 'completed', 'no_show'];
      const row = await transition(found, open, {
        visit_note_enc: await sealFor(found.row.patient_id, id, 'visit_note', text),
      });
      await note(actor, ctx, 'appointment.note', row.patient_id);
      return viewFor('provider', row);
    },

    /**
     * Her appointments as a linked parent may see them when she shares `appointments` (the care
     * module checks that and audits the read): provider, facility, time and status only.
     */
    async listForGuardianView(childId: string): Promise<GuardianAppointmentView[]> {
      const rows = await repo.listForPatient(childId);
      const views: GuardianAppointmentView[] = [];
      for (const row of rows) if (await intact(row)) views.push(guardianView(row));
      return views;
    },

    /** The health workers she has booked, by id, with their directory names (her access log names them). */
    async providerNamesFor(patientId: string): Promise<Map<string, string>> {
      const rows = await repo.listForPatient(patientId);
      return new Map(
        rows.flatMap((r) => (r.provider_name ? [[r.provider_id, r.provider_name] as const] : [])),
      );
    },

    /** Everything of hers about appointments, for her export (visit notes included). */
    async exportFor(userId: string): Promise<AppointmentView[]> {
      const rows = await repo.listForPatient(userId);
      const views: AppointmentView[] = [];
      for (const row of rows) if (await intact(row)) views.push(await viewFor('patient', row));
      return views;
    },
  };
}
export type AppointmentService = ReturnType<typeof createAppointmentService>;
