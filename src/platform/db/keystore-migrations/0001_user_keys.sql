-- The key store: users' wrapped data keys, kept in a database of their own so that backups of
-- the application database never contain them. Erasing a user deletes her row here; a backup of
-- the data restored later holds her ciphertexts but no key to open them (crypto-shredding).
-- When no separate key store is configured the table lives in the application database
-- (migration 0001 there) and this file is not applied.
CREATE TABLE IF NOT EXISTS user_keys (
  user_id        uuid PRIMARY KEY,
  master_key_id  text NOT NULL,
  wrapped_key    bytea NOT NULL,
  created_at     timestamptz NOT NULL,
  rewrapped_at   timestamptz
);
CREATE INDEX IF NOT EXISTS user_keys_master_key_id ON user_keys (master_key_id);
