-- Every SMS the service sends, written before the provider is called (decision 016): what was
-- sent, why, and how it went. The destination and the text (which may hold a one-time code) are
-- sealed with AES-256-GCM under a service key derived from BLIND_INDEX_KEY and bound to the row id
-- and column, so neither can be read from the database or a backup. No user id: a number being
-- verified may have no account, and the row must say nothing about who she is. last_error holds a
-- short status code (timeout, http_500, rejected_InvalidPhoneNumber), never the provider's text.
-- The runtime role inserts, updates (the outcome) and deletes (retention) through the provisioned
-- default privileges; it gets no TRUNCATE and needs nothing else.
CREATE TABLE sms_outbox (
  id                   uuid PRIMARY KEY,
  destination_enc      bytea NOT NULL,
  text_enc             bytea NOT NULL,
  purpose              text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9_]{0,39}$'),
  status               text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'kept')),
  attempts             integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at           timestamptz NOT NULL,
  sent_at              timestamptz,
  provider_message_id  text CHECK (length(provider_message_id) BETWEEN 1 AND 200),
  last_error           text CHECK (last_error ~ '^[A-Za-z0-9_]{1,64}$')
);
-- Retention deletes by age.
CREATE INDEX sms_outbox_created_at ON sms_outbox (created_at);
