-- The audit trail under a least-privilege runtime role (decision 009, deploy/provision.sql): the
-- application may INSERT and SELECT audit rows, never UPDATE, DELETE or TRUNCATE them. Old rows
-- still have to go after the retention period, so the application calls purge_audit_log(), which
-- runs with its owner's rights and deletes only rows older than BOTH the application's cutoff and
-- the retention period held here. A stolen runtime password can therefore not erase the trail of
-- what it did: it could at most delete rows the retention policy would delete anyway.

-- One row. Only the owner role may change it (the runtime role keeps SELECT only, below).
CREATE TABLE audit_policy (
  id              smallint PRIMARY KEY CHECK (id = 1),
  retention_days  integer NOT NULL CHECK (retention_days >= 1)
);
INSERT INTO audit_policy (id, retention_days) VALUES (1, 2557);

-- search_path is fixed (pg_temp last) so a caller's temporary tables cannot stand in for ours.
CREATE FUNCTION purge_audit_log(cutoff timestamptz) RETURNS bigint
  LANGUAGE sql
  SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  WITH gone AS (
    DELETE FROM public.audit_log
    WHERE at < cutoff
      AND at < now() - make_interval(days => (SELECT retention_days FROM public.audit_policy WHERE id = 1))
    RETURNING 1
  )
  SELECT count(*) FROM gone
$$;
-- Only roles granted EXECUTE explicitly (the provisioned runtime role, by default privileges).
REVOKE ALL ON FUNCTION purge_audit_log(timestamptz) FROM PUBLIC;

-- Default privileges (deploy/provision.sql) granted the runtime role read and write on these
-- tables when they were created; take back what it must not do, whatever the role is called:
-- audit rows are read and appended only; the chain head is read and moved on (appending updates
-- it), never removed (appends would then silently write nothing); the policy is read only.
DO $$
DECLARE
  g record;
BEGIN
  FOR g IN
    SELECT DISTINCT c.relname AS tbl,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE c.oid IN ('audit_log'::regclass, 'audit_head'::regclass, 'audit_policy'::regclass)
      AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('REVOKE %s ON %I FROM %s',
      CASE g.tbl
        WHEN 'audit_log' THEN 'UPDATE, DELETE, TRUNCATE'
        WHEN 'audit_head' THEN 'INSERT, DELETE, TRUNCATE'
        ELSE 'INSERT, UPDATE, DELETE, TRUNCATE'
      END,
      g.tbl, g.grantee);
  END LOOP;
END
$$;
