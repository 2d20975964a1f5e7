-- Account recovery through her linked guardian (issue 12, item 4; decision 020).

-- Browsers she has signed in with on the web: a random token in an httpOnly cookie, kept here
-- only as a keyed hash. A guardian-approved recovery can only be started from one of them, so a
-- guardian on his own phone cannot start one for her. Gone with her account.
CREATE TABLE known_devices (
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_hash    bytea NOT NULL,
  first_seen_at  timestamptz NOT NULL,
  last_seen_at   timestamptz NOT NULL,
  PRIMARY KEY (user_id, device_hash)
);

-- A request she starts on her device: a short code she tells her guardian (kept as a keyed hash)
-- and a secret only her device holds (a keyed hash too). child_id stays NULL when nobody can be
-- helped this way (no such account, no guardian, a device she never used): such a request looks
-- the same from outside and can never be approved. Single use, short-lived.
CREATE TABLE guardian_recovery_requests (
  id           uuid PRIMARY KEY,
  code_hash    bytea NOT NULL,
  secret_hash  bytea NOT NULL,
  child_id     uuid REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  approved_at  timestamptz,
  used_at      timestamptz
);
CREATE INDEX guardian_recovery_requests_code ON guardian_recovery_requests (code_hash);
CREATE INDEX guardian_recovery_requests_expires_at ON guardian_recovery_requests (expires_at);
CREATE INDEX guardian_recovery_requests_child ON guardian_recovery_requests (child_id);
