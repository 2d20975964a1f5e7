-- Accounts, sessions, throttling counters, consent records and the audit trail.
-- Personal fields are AES-256-GCM ciphertexts (bytea) under the owner's data key; lookups go
-- through keyed HMAC blind indexes. Nothing here holds a readable name, phone or email.

CREATE TABLE users (
  id               uuid PRIMARY KEY,
  role             text NOT NULL CHECK (role IN ('adolescent', 'parent', 'provider', 'writer', 'admin')),
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
  name_enc         bytea NOT NULL,
  phone_enc        bytea,
  phone_bidx       bytea UNIQUE,
  email_enc        bytea,
  email_bidx       bytea UNIQUE,
  birth_year_enc   bytea,
  password_hash    text,
  pin_hash         text,
  language         text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'rw', 'fr', 'sw')),
  time_zone        text NOT NULL DEFAULT 'Africa/Kigali',
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  deactivated_at   timestamptz,
  CONSTRAINT users_identifier_present CHECK (phone_bidx IS NOT NULL OR email_bidx IS NOT NULL),
  CONSTRAINT users_secret_present CHECK (password_hash IS NOT NULL OR pin_hash IS NOT NULL)
);

-- One random 256-bit data key per user, stored only wrapped under a master key.
-- Deleting this row makes every ciphertext of the user unreadable, backups included.
CREATE TABLE user_keys (
  user_id        uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  master_key_id  text NOT NULL,
  wrapped_key    bytea NOT NULL,
  created_at     timestamptz NOT NULL,
  rewrapped_at   timestamptz
);
CREATE INDEX user_keys_master_key_id ON user_keys (master_key_id);

CREATE TABLE sessions (
  id               uuid PRIMARY KEY,
  user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  channel          text NOT NULL CHECK (channel IN ('api', 'web', 'ussd')),
  user_agent_enc   bytea,
  created_at       timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  revoked_at       timestamptz,
  revoked_reason   text
);
CREATE INDEX sessions_user_id ON sessions (user_id);

-- Refresh tokens are stored as SHA-256 hashes; a spent row is kept so reuse can be recognised.
CREATE TABLE refresh_tokens (
  token_hash   bytea PRIMARY KEY,
  session_id   uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  issued_at    timestamptz NOT NULL,
  used_at      timestamptz
);
CREATE INDEX refresh_tokens_session_id ON refresh_tokens (session_id);

-- Failure counters for throttling (used when REDIS_URL is not set). Keys are HMACs, not identifiers.
CREATE TABLE throttle_counters (
  key              text PRIMARY KEY,
  failures         integer NOT NULL,
  last_failure_at  timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL
);
CREATE INDEX throttle_counters_expires_at ON throttle_counters (expires_at);

CREATE TABLE consent_records (
  id           uuid PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose      text NOT NULL,
  version      text NOT NULL,
  granted      boolean NOT NULL,
  recorded_at  timestamptz NOT NULL
);
CREATE INDEX consent_records_user_id ON consent_records (user_id);

-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical row). No health data, no phones.
CREATE TABLE audit_log (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id           uuid NOT NULL UNIQUE,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_role   text,
  action       text NOT NULL,
  subject_id   uuid,
  resource     text,
  outcome      text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  channel      text NOT NULL,
  request_id   text,
  prev_hash    bytea NOT NULL,
  hash         bytea NOT NULL
);
CREATE INDEX audit_log_subject_id ON audit_log (subject_id);
CREATE INDEX audit_log_actor_id ON audit_log (actor_id);
