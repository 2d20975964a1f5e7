-- Which server keys this database belongs to (decision 014). One row per key the configuration
-- holds — JWT_SECRET, BLIND_INDEX_KEY, each MASTER_KEYS id, each CREDENTIAL_PEPPERS id — with a
-- one-way check value: HMAC-SHA-256 under a key derived from the secret for this purpose alone,
-- so the row tells whether a configured key is the recorded one and nothing about the key itself.
-- Written by the first start (and by the first start that configures a new key id); a server or
-- command whose keys differ from the recorded ones refuses to start, instead of silently writing
-- blind indexes, tokens and wrapped keys the other instances cannot read.
CREATE TABLE key_checks (
  name         text PRIMARY KEY,
  check_value  bytea NOT NULL,
  created_at   timestamptz NOT NULL
);

-- The runtime role records new keys (default privileges, deploy/provision.sql) but never changes
-- or removes a recorded one: replacing a key on purpose (JWT_SECRET, which signs everyone out) is
-- the owner's act — `DELETE FROM key_checks WHERE name = 'JWT_SECRET'` as MIGRATION_DATABASE_URL's role.
DO $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE c.oid = 'key_checks'::regclass AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON key_checks FROM %s', g.grantee);
  END LOOP;
END
$$;
