-- Phone numbers become sign-in identifiers only after proof of possession (issue 11, item 4), and a
-- guardian's consent records who gave it and from which verified number, sealed (items 2, 5, 11).

-- A number given on the web waits here (sealed, and as a non-unique keyed fingerprint) until its
-- owner enters the code sent to it; only then does it move to phone_enc/phone_bidx, the unique
-- sign-in identifier. Nothing here tells anyone whether a number already has an account.
ALTER TABLE users ADD COLUMN phone_pending_enc bytea;
ALTER TABLE users ADD COLUMN phone_pending_bidx bytea;
CREATE INDEX users_phone_pending_bidx ON users (phone_pending_bidx);
ALTER TABLE users DROP CONSTRAINT users_identifier_present;
ALTER TABLE users ADD CONSTRAINT users_identifier_present
  CHECK (phone_bidx IS NOT NULL OR email_bidx IS NOT NULL OR phone_pending_bidx IS NOT NULL);

-- One-time codes sent by SMS: to verify a number, or to recover an account. Only a keyed hash
-- of the code (bound to the row) is kept; a code is used once and lives 15 minutes.
CREATE TABLE verification_codes (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('phone', 'recovery')),
  phone_bidx  bytea NOT NULL,
  code_hash   bytea NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX verification_codes_lookup ON verification_codes (phone_bidx, purpose, created_at DESC);
CREATE INDEX verification_codes_user ON verification_codes (user_id);
CREATE INDEX verification_codes_expires_at ON verification_codes (expires_at);

-- Who gave a consent (a guardian's id and verified number) is sealed under the young person's
-- key: a dump does not say who is whose guardian, erasing the guardian leaves it intact, and
-- erasing her makes it unreadable. The guardian's number is also kept as a keyed fingerprint so
-- one number giving consent for many children can be flagged. granted_by (clear, and set to NULL
-- when the guardian was erased) is emptied by a start-up upgrade and no longer written.
ALTER TABLE consent_records ADD COLUMN granted_by_enc bytea;
ALTER TABLE consent_records ADD COLUMN guardian_phone_bidx bytea;
CREATE INDEX consent_records_guardian_phone ON consent_records (guardian_phone_bidx)
  WHERE guardian_phone_bidx IS NOT NULL;
ALTER TABLE consent_records DROP CONSTRAINT IF EXISTS consent_records_granted_by_fkey;

-- A server-keyed MAC over id, role and status (src/modules/users/account-seal.ts): a database
-- writer cannot raise an account's role or re-activate it. Accounts made before are sealed once at
-- start-up, only those listed in credential_upgrades below.
ALTER TABLE users ADD COLUMN account_mac bytea;

-- Things an admin should look at (e.g. one guardian number consenting for many children).
CREATE TABLE review_flags (
  id           uuid PRIMARY KEY,
  kind         text NOT NULL,
  subject_id   uuid REFERENCES users (id) ON DELETE CASCADE,
  count        integer NOT NULL,
  created_at   timestamptz NOT NULL,
  resolved_at  timestamptz
);
CREATE INDEX review_flags_open ON review_flags (created_at) WHERE resolved_at IS NULL;

-- Credential hashes written before hashes were bound to their account (item 1) keep working only
-- once the server has sealed them with its pepper. This list, written here by the schema owner,
-- says which accounts' hashes predate the change; the server seals those once and empties it. The
-- runtime role may read and empty it but never add to it, so a stolen runtime password cannot get
-- a hash of its own making sealed.
-- The digests of the hashes as they are now let the server refuse a hash planted between this
-- migration and its first start.
CREATE TABLE credential_upgrades (
  user_id          uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  password_digest  bytea,
  pin_digest       bytea,
  role             text NOT NULL,
  status           text NOT NULL
);
INSERT INTO credential_upgrades (user_id, password_digest, pin_digest, role, status)
SELECT id,
       sha256(convert_to(password_hash, 'UTF8')),
       sha256(convert_to(pin_hash, 'UTF8')),
       role,
       status
FROM users;

-- One-time data upgrades that need the server's keys (run at start-up, recorded here).
CREATE TABLE data_upgrades (
  name     text PRIMARY KEY,
  done_at  timestamptz NOT NULL
);

DO $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE c.oid = 'credential_upgrades'::regclass AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('REVOKE INSERT, UPDATE, TRUNCATE ON credential_upgrades FROM %s', g.grantee);
  END LOOP;
END
$$;
