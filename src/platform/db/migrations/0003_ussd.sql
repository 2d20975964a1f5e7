-- USSD sessions, shared by every instance. The gateway's session id and the caller's number are
-- stored only as keyed HMACs; the state (language, screen, answers in progress, last screen
-- shown) is a sealed JSON document. PINs are never stored: they are read from the gateway's
-- `text`, of which only an HMAC is kept to recognise a retried hop.
CREATE TABLE ussd_sessions (
  id_hash         bytea PRIMARY KEY,
  phone_bidx      bytea NOT NULL,
  state_enc       bytea NOT NULL,
  last_text_hash  bytea,
  version         integer NOT NULL DEFAULT 0,
  ended           boolean NOT NULL DEFAULT false,
  updated_at      timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL
);
CREATE INDEX ussd_sessions_phone ON ussd_sessions (phone_bidx, updated_at DESC);
CREATE INDEX ussd_sessions_expires_at ON ussd_sessions (expires_at);
