import type { UserVault } from '../../platform/crypto/data-protection.ts';
import type { AppointmentRow } from '../../platform/db/tables.ts';
import { DEFAULT_TIME_ZONE } from '../../platform/time.ts';
import type { AppointmentWithProvider } from './repo.ts';
import { DEFAULT_REASON, REASONS, type ReasonCode } from './schema.ts';

/** Her health words on an appointment row, each sealed under her key and bound to the row. */
export const sealedField = (
  appointmentId: string,
  column: 'reason' | 'decline_reason' | 'cancel_reason' | 'visit_note',
) => ({
  table: 'appointments',
  column,
  rowId: appointmentId,
});

export type Reason = { code: ReasonCode; words: string | null };
export type CycleSummary = {
  averageCycleLength: number | null;
  lastPeriodStart: string | null;
  nextPeriod: { start: string; earliest: string; latest: string } | null;
  flags: string[];
};

/** What both sides see of an appointment (her words, the note, the reasons given for changes). */
export type AppointmentView = {
  id: string;
  start: string;
  end: string;
  status: AppointmentRow['status'];
  reason: Reason;
  shareSummary: boolean;
  bookedBy: AppointmentRow['booked_by'];
  cancelledBy: AppointmentRow['cancelled_by'];
  cancelReason: string | null;
  declineReason: string | null;
  visitNote: string | null;
  /** Cancelling or moving it is possible until then (null once it is no longer requested or confirmed). */
  changeableUntil: string | null;
  createdAt: string;
  updatedAt: string;
  provider?: { id: string; displayName: string; facility: string; district: string; timeZone: string };
  patient?: { firstName: string };
  summary?: CycleSummary;
};

/** What a linked parent sees when she shares `appointments`: never a reason, words or a note. */
export type GuardianAppointmentView = {
  id: string;
  provider: { displayName: string; facility: string; timeZone: string };
  start: string;
  end: string;
  status: AppointmentRow['status'];
};

function openReason(vault: UserVault, row: AppointmentRow): Reason {
  const parsed = JSON.parse(vault.open(sealedField(row.id, 'reason'), row.reason_enc)) as {
    code?: string;
    words?: string;
  };
  const code = (REASONS as readonly string[]).includes(parsed.code ?? '')
    ? (parsed.code as ReasonCode)
    : DEFAULT_REASON;
  return { code, words: parsed.words ?? null };
}

/** The view common to her and the provider, opened with her vault. */
export function baseView(vault: UserVault, row: AppointmentRow): AppointmentView {
  return {
    id: row.id,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    status: row.status,
    reason: openReason(vault, row),
    shareSummary: row.share_summary,
    bookedBy: row.booked_by,
    cancelledBy: row.cancelled_by,
    cancelReason: vault.openOptional(sealedField(row.id, 'cancel_reason'), row.cancel_reason_enc),
    declineReason: vault.openOptional(sealedField(row.id, 'decline_reason'), row.decline_reason_enc),
    visitNote: vault.openOptional(sealedField(row.id, 'visit_note'), row.visit_note_enc),
    changeableUntil: null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function providerOf(row: AppointmentWithProvider): NonNullable<AppointmentView['provider']> {
  return {
    id: row.provider_id,
    displayName: row.provider_name ?? '',
    facility: row.provider_facility ?? '',
    district: row.provider_district ?? '',
    timeZone: row.provider_time_zone ?? DEFAULT_TIME_ZONE,
  };
}

export function guardianView(row: AppointmentWithProvider): GuardianAppointmentView {
  return {
    id: row.id,
    provider: {
      displayName: row.provider_name ?? '',
      facility: row.provider_facility ?? '',
      timeZone: row.provider_time_zone ?? DEFAULT_TIME_ZONE,
    },
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    status: row.status,
  };
}

/** Her first name only: a provider needs to call her in, not her full name. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}
