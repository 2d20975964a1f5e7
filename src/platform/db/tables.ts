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
  audit_head: { id: number; prev: Uint8Array; hash: Uint8Array };
  guardian_codes: GuardianCodesTable;
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
  password_hash: string | null;
  pin_hash: string | null;
  language: Language;
  time_zone: string;
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
};
export type SessionRow = Selectable<SessionsTable>;

export type RefreshTokensTable = {
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
  granted_by: string | null;
  seq: Generated<number>;
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
};
export type AuditRow = Selectable<AuditLogTable>;

export type SchemaMigrationsTable = {
  version: number;
  name: string;
  checksum: string;
  applied_at: Date;
};

export type PeriodsTable = {
  id: string;
  user_id: string;
  data_enc: Uint8Array;
  created_at: Date;
  updated_at: Date;
};

export type DayLogsTable = {
  id: string;
  user_id: string;
  day_bidx: Uint8Array;
  data_enc: Uint8Array;
  created_at: Date;
  updated_at: Date;
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
