import type { RowSeal } from '../../platform/crypto/row-seal.ts';
import type { AppointmentRow } from '../../platform/db/tables.ts';

type Sealed = Pick<AppointmentRow, 'id' | 'provider_id' | 'patient_id' | 'share_summary'>;

/**
 * An appointment lets its provider read her name, her reason and (if she chose) her cycle
 * summary: its people and that choice are trusted only under the server's MAC, so someone who can
 * write the database cannot book a provider into her data, or tick "share my summary" for her.
 */
export function createAppointmentSeal(seal: RowSeal) {
  const parts = (row: Sealed) => [row.id, row.provider_id, row.patient_id, row.share_summary];
  return {
    seal: (row: Sealed) => seal.seal(parts(row)),
    intact: (row: Sealed & { row_mac: Uint8Array }) => seal.intact(parts(row), row.row_mac),
  };
}
export type AppointmentSeal = ReturnType<typeof createAppointmentSeal>;
