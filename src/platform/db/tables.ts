import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Row types of every table, as Kysely sees them. Column names follow the SQL migrations. */
export type Tables = {
  users: UsersTable;
  user_keys: UserKeysTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  throttle_counters: ThrottleCountersTable;
  consent_records: ConsentRecordsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  periods: PeriodsTable;
  day_logs: DayLogsTable;
  ussd_sessions: UssdSessionsTable;
  audit_head: AuditHeadTable;
  audit_anchor: AuditAnchorTable;
  guardian_codes: GuardianCodesTable;
  sms_outbox: SmsOutboxTable;
  verification_codes: VerificationCodesTable;
  review_flags: ReviewFlagsTable;
  /** Browsers she signed in with, and recoveries her guardian approves (migration 0015). */
  known_devices: KnownDevicesTable;
  guardian_recovery_requests: GuardianRecoveryRequestsTable;
  credential_upgrades: {
    user_id: string;
    password_digest: Uint8Array | null;
    pin_digest: Uint8Array | null;
    role: Role;
    status: 'active' | 'deactivated';
  };
  data_upgrades: { name: string; done_at: Date };
  /** When each scheduled job last ran (migration 0007; `npm run doctor` reads it). */
  job_runs: { job: string; last_run_at: Date };
  /** A one-way check value per server key (migration 0010, src/platform/crypto/key-check.ts). */
  key_checks: { name: string; check_value: Uint8Array; created_at: Date };
  /** The care network (migration 0016, docs/care-network.md). */
  care_link_codes: CareLinkCodesTable;
  care_links: CareLinksTable;
  provider_profiles: ProviderProfilesTable;
  provider_hours: ProviderHoursTable;
  provider_days_off: { provider_id: string; day: string };
  provider_invitations: ProviderInvitationsTable;
  appointments: AppointmentsTable;
  /** The education library (migration 0017). */
  content_items: ContentItemsTable;
  content_versions: ContentVersionsTable;
};

export type Role = 'adolescent' | 'parent' | 'provider' | 'writer' | 'admin';
export type Language = 'en' | 'rw' | 'fr' | 'sw';
export type Channel = 'api' | 'web' | 'ussd';

export type UsersTable = {
  id: string;
  role: Role;
  status: 'active' | 'deactivated';
  name_enc: Uint8Array;
  phone_enc: Uint8Array | null;
  phone_bidx: Uint8Array | null;
  email_enc: Uint8Array | null;
  email_bidx: Uint8Array | null;
  birth_year_enc: Uint8Array | null;
  /** A number given on the web, until its owner proves it with the code sent to it. */
  phone_pending_enc: Generated<Uint8Array | null>;
  phone_pending_bidx: Generated<Uint8Array | null>;
  /** MAC over id, role and status under a server key (src/modules/users/account-seal.ts). */
  account_mac: Generated<Uint8Array | null>;
  password_hash: string | null;
  pin_hash: string | null;
  language: Language;
  time_zone: string;
  /** Idle minutes before a web session locks (migration 0014, decision 019). */
  lock_minutes: Generated<number>;
  created_at: Date;
  updated_at: Date;
  deactivated_at: Date | null;
};
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

export type UserKeysTable = {
  user_id: string;
  master_key_id: string;
  wrapped_key: Uint8Array;
  created_at: Date;
  rewrapped_at: Date | null;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  channel: Channel;
  user_agent_enc: Uint8Array | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  /** Locked until her PIN or password is entered again (migration 0014, decision 019). */
  locked_at: Generated<Date | null>;
};
export type SessionRow = Selectable<SessionsTable>;

export type RefreshTokensTable = {
  /** HMAC-SHA-256 under the refresh-token key, bound to session and owner (decision 015). */
  token_hash: Uint8Array;
  session_id: string;
  issued_at: Date;
  used_at: Date | null;
};

export type ThrottleCountersTable = {
  key: string;
  failures: number;
  last_failure_at: Date;
  expires_at: Date;
};

export type ConsentRecordsTable = {
  id: string;
  user_id: string;
  purpose: string;
  version: string;
  granted: boolean;
  recorded_at: Date;
  /** No longer written: who gave a consent is sealed in granted_by_enc (migration 0013). */
  granted_by: Generated<string | null>;
  granted_by_enc: Generated<Uint8Array | null>;
  guardian_phone_bidx: Generated<Uint8Array | null>;
  seq: Generated<number>;
  /** A care-sharing record's link, adult and scopes, sealed under her key (migration 0016). */
  detail_enc: Generated<Uint8Array | null>;
};

export type VerificationCodesTable = {
  id: string;
  user_id: string;
  purpose: 'phone' | 'recovery';
  phone_bidx: Uint8Array;
  code_hash: Uint8Array;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
};

export type KnownDevicesTable = {
  user_id: string;
  device_hash: Uint8Array;
  first_seen_at: Date;
  last_seen_at: Date;
};

export type GuardianRecoveryRequestsTable = {
  id: string;
  code_hash: Uint8Array;
  secret_hash: Uint8Array;
  child_id: string | null;
  created_at: Date;
  expires_at: Date;
  approved_at: Date | null;
  used_at: Date | null;
};

export type ReviewFlagsTable = {
  id: string;
  kind: string;
  subject_id: string | null;
  count: number;
  created_at: Date;
  resolved_at: Date | null;
};

export type SmsOutboxStatus = 'queued' | 'sent' | 'failed' | 'kept';
/** Outgoing SMS (migration 0012): destination and text sealed under the outbox key. */
export type SmsOutboxTable = {
  id: string;
  destination_enc: Uint8Array;
  text_enc: Uint8Array;
  purpose: string;
  status: SmsOutboxStatus;
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
  provider_message_id: string | null;
  last_error: string | null;
};

export type GuardianCodesTable = {
  code_hash: Uint8Array;
  child_id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
};

export type AuditLogTable = {
  seq: Generated<number>;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_id: string | null;
  resource: string | null;
  outcome: 'success' | 'failure' | 'denied';
  channel: string;
  request_id: string | null;
  prev_hash: Uint8Array;
  hash: Uint8Array;
  /** 1: old unkeyed SHA-256 rows (before migration 0008); 2: keyed rows (decision 012). */
  chain_version: 1 | 2;
  /** Keyed rows: HMAC commitments to actor_id/subject_id, kept when erasure removes the id. */
  actor_commitment: Uint8Array | null;
  subject_commitment: Uint8Array | null;
};
export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;

/** The chain's last row (seq 0 and the genesis hash while empty) and the server's tag on it. */
export type AuditHeadTable = { id: number; seq: number; hash: Uint8Array; mac: Uint8Array | null };
export type AuditHeadRow = Selectable<AuditHeadTable>;

/** Owner-written: the last row purge_audit_log() removed, and where the old format ends. */
export type AuditAnchorTable = {
  id: number;
  purged_seq: number;
  purged_hash: Uint8Array;
  legacy_until_seq: number;
};
export type AuditAnchorRow = Selectable<AuditAnchorTable>;

export type SchemaMigrationsTable = {
  version: number;
  name: string;
  checksum: string;
  applied_at: Date;
};

// No timestamps on health rows (migration 0009): they would date her periods in clear.
export type PeriodsTable = {
  id: string;
  user_id: string;
  data_enc: Uint8Array;
};

export type DayLogsTable = {
  id: string;
  user_id: string;
  day_bidx: Uint8Array;
  data_enc: Uint8Array;
};

export type UssdSessionsTable = {
  id_hash: Uint8Array;
  phone_bidx: Uint8Array;
  state_enc: Uint8Array;
  last_text_hash: Uint8Array | null;
  version: number;
  ended: boolean;
  updated_at: Date;
  expires_at: Date;
};

export type CareScope = 'prediction' | 'periods' | 'symptoms' | 'flags' | 'appointments';

export type CareLinkCodesTable = {
  id: string;
  code_hash: Uint8Array;
  creator_id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
};

export type CareLinksTable = {
  id: string;
  child_id: string;
  adult_id: string;
  status: 'pending' | 'active';
  /** The code's creator, who still has to confirm who entered it (null once active). */
  awaiting_id: string | null;
  origin: 'code' | 'guardian_consent';
  scopes: CareScope[];
  created_at: Date;
  confirmed_at: Date | null;
  updated_at: Date;
  /** Server-keyed MAC over id, child, adult, status, awaiting, origin and scopes (a DB writer cannot grant sight). */
  row_mac: Uint8Array;
};
export type CareLinkRow = Selectable<CareLinksTable>;

export type ProviderStatus = 'pending' | 'verified' | 'rejected' | 'suspended';
export type ProviderProfilesTable = {
  user_id: string;
  status: ProviderStatus;
  display_name: string;
  facility: string;
  district: string;
  languages: Language[];
  services: string[];
  licence_enc: Uint8Array;
  time_zone: string;
  slot_minutes: number;
  review_note: string | null;
  created_at: Date;
  updated_at: Date;
  verified_at: Date | null;
  /** Server-keyed MAC over user id and status (a DB writer cannot verify a provider). */
  row_mac: Uint8Array;
};
export type ProviderProfileRow = Selectable<ProviderProfilesTable>;

/** ISO weekday (1 = Monday), opening and closing time ('08:00:00') in the provider's time zone. */
export type ProviderHoursTable = { provider_id: string; weekday: number; opens: string; closes: string };

export type ProviderInvitationsTable = {
  id: string;
  code_hash: Uint8Array;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
};

export type AppointmentStatus =
  | 'requested'
  | 'confirmed'
  | 'declined'
  | 'cancelled'
  | 'completed'
  | 'no_show';
export type AppointmentsTable = {
  id: string;
  provider_id: string;
  patient_id: string;
  booked_by: 'patient' | 'guardian';
  /** The guardian who booked for her; null when she booked herself. */
  booked_by_id: string | null;
  starts_at: Date;
  ends_at: Date;
  status: AppointmentStatus;
  /** Sealed under her key: { code, words? }. */
  reason_enc: Uint8Array;
  share_summary: boolean;
  decline_reason_enc: Uint8Array | null;
  /** Sealed under her key: why it was cancelled (whoever cancelled). */
  cancel_reason_enc: Uint8Array | null;
  visit_note_enc: Uint8Array | null;
  cancelled_by: 'patient' | 'guardian' | 'provider' | null;
  created_at: Date;
  updated_at: Date;
  /** Server-keyed MAC over id, provider, patient, share_summary (a DB writer cannot add a reader). */
  row_mac: Uint8Array;
};
export type AppointmentRow = Selectable<AppointmentsTable>;

export type ContentKind = 'article' | 'tip';
export type ContentCategory =
  | 'periods_basics'
  | 'pads_hygiene'
  | 'pain_relief'
  | 'nutrition_iron'
  | 'puberty_parents'
  | 'see_health_worker'
  | 'myths_facts';
export type AgeBand = '10-14' | '15-19' | 'all' | 'parents';
export type ContentStatus = 'draft' | 'submitted' | 'rejected' | 'published' | 'superseded' | 'unpublished';

export type ContentItemsTable = {
  id: string;
  key: string;
  kind: ContentKind;
  category: ContentCategory;
  age_band: AgeBand;
  created_by: string | null;
  created_at: Date;
};
export type ContentItemRow = Selectable<ContentItemsTable>;

/** One language's text of an item, one row per version (the generated `search` column is left out). */
export type ContentVersionsTable = {
  id: string;
  item_id: string;
  lang: Language;
  version: number;
  status: ContentStatus;
  title: string;
  summary: string;
  body: string;
  review: 'pending' | 'done';
  author_id: string | null;
  reviewer_id: string | null;
  review_comment: string | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  decided_at: Date | null;
  published_at: Date | null;
};
export type ContentVersionRow = Selectable<ContentVersionsTable>;
