-- The audit chain's head in one row. Appending is then a single statement: updating this row
-- takes its lock (serialising writers on every instance) and computes the new hash from the
-- previous one in the same step, so the chain can never fork under concurrency.
CREATE TABLE audit_head (
  id    smallint PRIMARY KEY CHECK (id = 1),
  prev  bytea NOT NULL,
  hash  bytea NOT NULL
);
INSERT INTO audit_head (id, prev, hash)
SELECT 1, '\x'::bytea, COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), decode(repeat('00', 32), 'hex'));
