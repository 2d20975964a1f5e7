import type { Db } from '../../platform/db/database.ts';
import type { AppointmentRow, AppointmentStatus, AppointmentsTable } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/errors.ts';

/** Statuses that hold a provider's time: the exclusion constraint covers exactly these. */
export const LIVE_STATUSES: readonly AppointmentStatus[] = ['requested', 'confirmed'];
/** No appointment lasts longer than the longest slot: bounds the index range of busy-time queries. */
const LONGEST_MS = 60 * 60_000;

export type AppointmentWithProvider = AppointmentRow & {
  provider_name: string | null;
  provider_facility: string | null;
  provider_district: string | null;
  provider_time_zone: string | null;
};
export type AppointmentChanges = Partial<
  Pick<
    AppointmentsTable,
    | 'status'
    | 'starts_at'
    | 'ends_at'
    | 'decline_reason_enc'
    | 'cancel_reason_enc'
    | 'visit_note_enc'
    | 'cancelled_by'
  >
> & { updated_at: Date };

/** Two live appointments of one provider overlapping: the database's answer, whichever request lost. */
function slotTaken(error: unknown): never {
  const e = error as { code?: string; constraint?: string };
  if (e.code === '23P01' && (e.constraint === undefined || e.constraint === 'appointments_no_double_booking'))
    throw new AppError('slot_taken');
  throw error;
}

/** Appointments. SQL only; the double-booking rule is the table's exclusion constraint. */
export function createAppointmentRepo(db: Db) {
  const withProvider = () =>
    db
      .selectFrom('appointments')
      .leftJoin('provider_profiles', 'provider_profiles.user_id', 'appointments.provider_id')
      .selectAll('appointments')
      .select([
        'provider_profiles.display_name as provider_name',
        'provider_profiles.facility as provider_facility',
        'provider_profiles.district as provider_district',
        'provider_profiles.time_zone as provider_time_zone',
      ]);

  return {
    async insert(row: AppointmentsTable): Promise<void> {
      await db.insertInto('appointments').values(row).execute().catch(slotTaken);
    },

    async find(id: string): Promise<AppointmentWithProvider | undefined> {
      return withProvider().where('appointments.id', '=', id).executeTakeFirst();
    },

    async listForPatient(patientId: string): Promise<AppointmentWithProvider[]> {
      return withProvider()
        .where('appointments.patient_id', '=', patientId)
        .orderBy('appointments.starts_at')
        .execute();
    },

    async listForProvider(providerId: string, from: Date, to: Date): Promise<AppointmentWithProvider[]> {
      return withProvider()
        .where('appointments.provider_id', '=', providerId)
        .where('appointments.starts_at', '>=', from)
        .where('appointments.starts_at', '<', to)
        .orderBy('appointments.starts_at')
        .execute();
    },

    /** Live appointments of these providers overlapping [from, to). */
    async busy(
      providerIds: readonly string[],
      from: Date,
      to: Date,
    ): Promise<Array<{ provider_id: string; starts_at: Date; ends_at: Date }>> {
      if (providerIds.length === 0) return [];
      return db
        .selectFrom('appointments')
        .select(['provider_id', 'starts_at', 'ends_at'])
        .where('provider_id', 'in', providerIds)
        .where('status', 'in', LIVE_STATUSES)
        .where('starts_at', '>', new Date(from.getTime() - LONGEST_MS))
        .where('starts_at', '<', to)
        .where('ends_at', '>', from)
        .execute();
    },

    /**
     * Changes an appointment only while it is in one of `from` (and, with `startsAt`, still at
     * that time): two changes racing cannot both apply. Undefined when it was not.
     */
    async change(
      id: string,
      from: readonly AppointmentStatus[],
      changes: AppointmentChanges,
      startsAt?: Date,
    ): Promise<AppointmentRow | undefined> {
      let query = db
        .updateTable('appointments')
        .set(changes)
        .where('id', '=', id)
        .where('status', 'in', from);
      if (startsAt) query = query.where('starts_at', '=', startsAt);
      return query.returningAll().executeTakeFirst().catch(slotTaken);
    },
  };
}
export type AppointmentRepo = ReturnType<typeof createAppointmentRepo>;
