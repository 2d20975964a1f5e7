-- A keyed audit chain (decision 012). Until now each row's hash was SHA-256(previous hash ||
-- row), which anyone able to write the table could recompute after deleting or changing rows.
-- From here on the server computes HMAC-SHA-256 under a key the database never sees, and the
-- database keeps the facts a verifier needs to notice rows missing at either end: the head (last
-- seq, hash and a keyed tag) and an anchor for rows removed by retention.

-- Appends (which lock the head row first) wait until this migration is done, and an append
-- already holding the head cannot deadlock against us.
LOCK TABLE audit_head, audit_log IN ACCESS EXCLUSIVE MODE;

-- chain_version 1: the old unkeyed format, kept for rows written before this migration.
-- chain_version 2: the keyed format. The ids are not hashed themselves; each present id is
-- replaced in the hashed text by a per-row commitment HMAC(key, column, row id, user id), stored
-- beside it, so erasure can remove the id and the row still verifies. The default exists only to
-- label the rows already here: an instance still running the old code cannot append (it would
-- write an unkeyed row into a keyed chain), so it fails loudly instead.
ALTER TABLE audit_log
  ADD COLUMN chain_version smallint NOT NULL DEFAULT 1 CHECK (chain_version IN (1, 2)),
  ADD COLUMN actor_commitment bytea,
  ADD COLUMN subject_commitment bytea;
ALTER TABLE audit_log ALTER COLUMN chain_version DROP DEFAULT;
-- A keyed row always commits to the ids it names (an erased id leaves its commitment behind).
ALTER TABLE audit_log ADD CONSTRAINT audit_log_ids_committed CHECK (
  chain_version = 1
  OR ((actor_id IS NULL OR actor_commitment IS NOT NULL) AND (subject_id IS NULL OR subject_commitment IS NOT NULL))
);

-- Accounts erased before this upgrade left their ids in the trail (every audit id is a users id):
-- they go now, marked as erased the way forget_audit_subject() below marks old-format rows.
UPDATE audit_log a SET
  actor_id = CASE WHEN a.actor_id IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.id = a.actor_id) THEN a.actor_id END,
  actor_commitment = CASE WHEN a.actor_id IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.id = a.actor_id) THEN NULL ELSE '\x'::bytea END,
  subject_id = CASE WHEN a.subject_id IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.id = a.subject_id) THEN a.subject_id END,
  subject_commitment = CASE WHEN a.subject_id IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.id = a.subject_id) THEN NULL ELSE '\x'::bytea END
WHERE (a.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = a.actor_id))
   OR (a.subject_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = a.subject_id));

-- The head now names the last row (seq) and carries mac = HMAC(key, hash), written by the server,
-- so a writer cannot simply point it at a shorter chain. prev is no longer needed.
ALTER TABLE audit_head
  ADD COLUMN seq bigint NOT NULL DEFAULT 0,
  ADD COLUMN mac bytea,
  DROP COLUMN prev;
UPDATE audit_head SET seq = coalesce(
  (SELECT max(seq) FROM audit_log),
  pg_sequence_last_value(pg_get_serial_sequence('audit_log', 'seq')::regclass),
  0
) WHERE id = 1;

-- Owner-written facts about the chain, one row; the runtime role may only read it.
--   purged_seq, purged_hash: the last row purge_audit_log() removed (0 and the genesis hash while
--     nothing was purged). The first remaining row must link to it, so rows removed from the start
--     of the chain any other way are noticed.
--   legacy_until_seq: rows up to this seq are in the old unkeyed format (those already here now);
--     every later row must be keyed.
CREATE TABLE audit_anchor (
  id                smallint PRIMARY KEY CHECK (id = 1),
  purged_seq        bigint NOT NULL,
  purged_hash       bytea NOT NULL,
  legacy_until_seq  bigint NOT NULL
);
-- Rows purged before today left no record: the first remaining row is trusted once, here.
INSERT INTO audit_anchor (id, purged_seq, purged_hash, legacy_until_seq)
SELECT 1,
       CASE WHEN first.seq IS NULL THEN head.seq WHEN first.seq = 1 THEN 0 ELSE first.seq - 1 END,
       CASE WHEN first.seq IS NULL THEN head.hash WHEN first.seq = 1 THEN decode(repeat('00', 32), 'hex') ELSE first.prev_hash END,
       head.seq
FROM audit_head head
LEFT JOIN LATERAL (SELECT seq, prev_hash FROM audit_log ORDER BY seq LIMIT 1) first ON true
WHERE head.id = 1;

-- Retention deletes only a prefix of the chain (rows by seq up to the first one that must stay;
-- "at" comes from the servers' clocks and need not grow with seq) and records the last row it
-- deleted as the anchor. Otherwise as in 0006: never rows younger than audit_policy allows.
CREATE OR REPLACE FUNCTION purge_audit_log(cutoff timestamptz) RETURNS bigint
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
DECLARE
  floor_days integer;
  old_before timestamptz;
  keep_from bigint;
  purged bigint;
  last_seq bigint;
  last_hash bytea;
BEGIN
  SELECT retention_days INTO floor_days FROM public.audit_policy WHERE id = 1;
  -- least() skips NULLs: without both limits nothing is old enough.
  IF cutoff IS NULL OR floor_days IS NULL THEN
    RETURN 0;
  END IF;
  old_before := least(cutoff, now() - make_interval(days => floor_days));
  -- One snapshot for both: a row appended after it is never taken for an old one.
  SELECT coalesce(
    (SELECT seq FROM public.audit_log WHERE at >= old_before ORDER BY seq LIMIT 1),
    (SELECT max(seq) + 1 FROM public.audit_log)
  ) INTO keep_from;
  WITH gone AS (
    DELETE FROM public.audit_log WHERE seq < keep_from RETURNING seq, hash
  ), counted AS (
    SELECT count(*) AS n, max(seq) AS top FROM gone
  )
  SELECT counted.n, counted.top, (SELECT hash FROM gone WHERE gone.seq = counted.top)
  INTO purged, last_seq, last_hash
  FROM counted;
  IF purged > 0 THEN
    -- Two purges at once: the later one waits for this row and never moves the anchor back.
    UPDATE public.audit_anchor SET purged_seq = last_seq, purged_hash = last_hash
    WHERE id = 1 AND purged_seq < last_seq;
  END IF;
  RETURN purged;
END
$$;

-- Erasure: her id leaves every audit row, as subject or as actor. In keyed rows the stored
-- commitment stays, so the chain still verifies. Old-format rows hashed the id itself: there an
-- empty commitment marks the erased id, and the verifier can check only that row's links.
-- Runs with the owner's rights because the runtime role may not UPDATE audit_log.
CREATE FUNCTION forget_audit_subject(subject uuid) RETURNS bigint
  LANGUAGE sql
  SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH forgotten AS (
    UPDATE public.audit_log SET
      actor_id = CASE WHEN actor_id = subject THEN NULL ELSE actor_id END,
      actor_commitment = CASE WHEN actor_id = subject AND chain_version = 1 THEN '\x'::bytea ELSE actor_commitment END,
      subject_id = CASE WHEN subject_id = subject THEN NULL ELSE subject_id END,
      subject_commitment = CASE WHEN subject_id = subject AND chain_version = 1 THEN '\x'::bytea ELSE subject_commitment END
    -- Only for an account that no longer exists: a stolen runtime password cannot use erasure's
    -- tombstones to hide what a living account did or what was done to it.
    WHERE (actor_id = subject OR subject_id = subject)
      AND NOT EXISTS (SELECT 1 FROM public.users WHERE id = subject)
    RETURNING 1
  )
  SELECT count(*) FROM forgotten
$$;
REVOKE ALL ON FUNCTION forget_audit_subject(uuid) FROM PUBLIC;

-- Default privileges (deploy/provision.sql) gave the runtime role write access to the new table;
-- it may only read the anchor. It keeps EXECUTE on both functions.
DO $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE c.oid = 'audit_anchor'::regclass AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_anchor FROM %s', g.grantee);
  END LOOP;
END
$$;
