import type { Static } from 'typebox';
import type { AppointmentSchema, CycleSummarySchema } from '../../../src/modules/appointments/schema.ts';
import type {
  AdminProviderSchema,
  AvailabilitySchema,
  DirectoryEntrySchema,
  InvitationSchema,
  ProviderProfileSchema,
  ProviderSlotsSchema,
} from '../../../src/modules/providers/schema.ts';

// The API's own shapes, from the server's schemas: types only, no bytes in the bundle.

/** A verified health worker in the directory (GET /providers). */
export type Provider = Static<typeof DirectoryEntrySchema>;
/** The health worker's own profile (GET /providers/me). */
export type OwnProfile = Static<typeof ProviderProfileSchema>;
export type ProviderStatus = OwnProfile['status'];
/** A provider as an administrator sees it, with the licence to check (GET /admin/providers). */
export type AdminProvider = Static<typeof AdminProviderSchema>;
export type Invitation = Static<typeof InvitationSchema>;

export type SlotList = Static<typeof ProviderSlotsSchema>;
export type Availability = Static<typeof AvailabilitySchema>;

export type Appointment = Static<typeof AppointmentSchema>;
export type CycleSummary = Static<typeof CycleSummarySchema>;

// The server's list of reasons is in a schema file that also builds schemas: named here, and
// checked against it by the compiler.
export const REASONS = [
  'period_problem',
  'pain',
  'irregular_cycle',
  'contraception_advice',
  'nutrition',
  'general_checkup',
  'other',
] as const satisfies readonly Appointment['reason']['code'][];
