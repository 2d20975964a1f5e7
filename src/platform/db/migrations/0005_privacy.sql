-- Consent records may be given by someone else (a guardian for a young teenager's account).
ALTER TABLE consent_records ADD COLUMN granted_by uuid REFERENCES users (id) ON DELETE SET NULL;
-- Insertion order decides which record is in force (two changes can share a timestamp).
ALTER TABLE consent_records ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX consent_records_user_purpose ON consent_records (user_id, purpose, seq DESC);

-- One-time codes a young person shares with a guardian, who enters it to give consent.
-- Stored as a keyed hash; single use; short-lived.
CREATE TABLE guardian_codes (
  code_hash   bytea PRIMARY KEY,
  child_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX guardian_codes_child_id ON guardian_codes (child_id);

CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE INDEX audit_log_at ON audit_log (at);
