-- Refresh tokens are now `<session id>.<secret>` and stored as HMAC-SHA-256 under a server key
-- that is not in the database, bound to the session and its owner (decision 015). Rows written
-- the old way (plain SHA-256 of the token) can never match again: they are deleted, and the
-- sessions they kept alive end now rather than linger in her device list until they expire.
-- Their holders sign in again.
UPDATE sessions
SET revoked_at = now(), revoked_reason = 'refresh_token_upgrade'
WHERE revoked_at IS NULL
  AND id IN (SELECT session_id FROM refresh_tokens);

DELETE FROM refresh_tokens;

COMMENT ON COLUMN refresh_tokens.token_hash IS
  'HMAC-SHA-256(server key, session id, user id, secret) of the refresh token; never a plain hash';
