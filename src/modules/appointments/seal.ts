import type { RowSeal } from '../../platform/crypto/row-seal.ts';
import type { AppointmentRow } from '../../platform/db/tables.ts';

type Sealed = Pick<
  AppointmentRow,
  'id' | 'provider_id' | 'patient_id' | 'share_summary' | 'booked_by' | 'booked_by_id'
>;

/**
 * An appointment lets its provider read her name, her reason and (if she chose) her cycle
 * summary: its people and that choice are trusted only under the server's MAC, so someone who can
 * write the database cannot book a provider into her data, or tick "share my summary" for her.
 */
export function createAppointmentSeal(seal: RowSeal) {
  // Who booked it is sealed too: a parent reads an appointment he booked for her (with her leave).
  const parts = (row: Sealed) => [
    row.id,
    row.provider_id,
    row.patient_id,
    row.share_summary,
    'v2',
    row.booked_by,
    row.booked_by_id,
  ];
  /** Rows sealed before `booked_by` was (version 1): trusted only as booked by her. */
  const v1 = (row: Sealed) => [row.id, row.provider_id, row.patient_id, row.share_summary];
  return {
    seal: (row: Sealed) => seal.seal(parts(row)),
    intact: (row: Sealed & { row_mac: Uint8Array }) =>
      seal.intact(parts(row), row.row_mac) ||
      (row.booked_by === 'patient' && row.booked_by_id === null && seal.intact(v1(row), row.row_mac)),
  };
}
export type AppointmentSeal = ReturnType<typeof createAppointmentSeal>;
