-- Least-privilege roles for one Lady's Essence database (docs/deploy.md, decision 009).
--
-- Run as a PostgreSQL superuser, once for the application database and once for the key store,
-- each with its own two roles:
--
--   psql -X -d postgres -f deploy/provision.sql \
--     -v db=ladys -v owner=ladys_owner -v runtime=ladys_app \
--     -v owner_password="$OWNER_PASSWORD" -v runtime_password="$APP_PASSWORD"
--
-- owner    owns the database, its schema and every table; runs the migrations
--          (MIGRATION_DATABASE_URL / KEYSTORE_MIGRATION_DATABASE_URL).
-- runtime  what the server connects as (DATABASE_URL / KEYSTORE_DATABASE_URL): it reads and
--          writes data and nothing else. No DDL, no TRUNCATE, no temporary objects; on the audit
--          trail INSERT and SELECT only (migration 0006 keeps it so for tables made later).
--
-- There are no default passwords: both must be given (16 characters or more). Safe to run again,
-- also on a database that was migrated before it was provisioned (its tables move to the owner);
-- running it again sets the passwords to the ones given.

\set ON_ERROR_STOP on
\set QUIET on

\if :{?db}
\else
  \warn 'provision.sql: pass -v db=<database name>'
  SELECT 1/0 AS missing_variable_db;
\endif
\if :{?owner}
\else
  \warn 'provision.sql: pass -v owner=<owner role name>'
  SELECT 1/0 AS missing_variable_owner;
\endif
\if :{?runtime}
\else
  \warn 'provision.sql: pass -v runtime=<runtime role name>'
  SELECT 1/0 AS missing_variable_runtime;
\endif
\if :{?owner_password}
\else
  \warn 'provision.sql: pass -v owner_password=<password>'
  SELECT 1/0 AS missing_variable_owner_password;
\endif
\if :{?runtime_password}
\else
  \warn 'provision.sql: pass -v runtime_password=<password>'
  SELECT 1/0 AS missing_variable_runtime_password;
\endif

SELECT length(:'owner_password') >= 16 AND length(:'runtime_password') >= 16 AS passwords_ok,
       :'owner' <> :'runtime' AS roles_differ \gset
\if :passwords_ok
\else
  \warn 'provision.sql: owner_password and runtime_password must be at least 16 characters'
  SELECT 1/0 AS weak_password;
\endif
\if :roles_differ
\else
  \warn 'provision.sql: owner and runtime must be two different roles'
  SELECT 1/0 AS same_role;
\endif

-- Roles. Neither may create databases or roles, bypass row security or replicate.
SELECT format('CREATE ROLE %I', :'owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I', :'runtime')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'runtime') \gexec
ALTER ROLE :"owner" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD :'owner_password';
ALTER ROLE :"runtime" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD :'runtime_password';

-- The database belongs to the owner; nobody else may connect or make temporary objects in it,
-- the runtime role may only connect.
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'owner', 'UTF8')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"runtime";

\connect :"db"
\set ON_ERROR_STOP on

-- The schema: the owner's; the runtime role may look things up in it, not create anything.
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"runtime";

-- Tables and functions made before provisioning (a database migrated by another role) move to
-- the owner, so migrations and purge_audit_log() run with the owner's rights only.
SELECT format('ALTER TABLE public.%I OWNER TO %I', c.relname, :'owner')
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
  AND pg_get_userbyid(c.relowner) <> :'owner'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') \gexec
SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, :'owner')
FROM pg_proc p
WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> :'owner'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') \gexec

-- Everything the owner creates from now on (every future migration) is usable by the runtime
-- role for data only: rows of tables, values of sequences, calling functions.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"runtime";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT USAGE ON SEQUENCES TO :"runtime";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT EXECUTE ON FUNCTIONS TO :"runtime";

-- The same for what already exists.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"runtime";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :"runtime";
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO :"runtime";

-- The job queue's schema (pg-boss, decision 024), when the database was migrated before it was
-- provisioned: the owner's, its rows the runtime role's to work.
SELECT format('ALTER SCHEMA pgboss OWNER TO %I', :'owner')
WHERE to_regnamespace('pgboss') IS NOT NULL \gexec
SELECT format('ALTER TABLE pgboss.%I OWNER TO %I', c.relname, :'owner')
FROM pg_class c
WHERE to_regnamespace('pgboss') IS NOT NULL AND c.relnamespace = to_regnamespace('pgboss')
  AND c.relkind IN ('r', 'p') AND pg_get_userbyid(c.relowner) <> :'owner' \gexec
SELECT format('GRANT USAGE ON SCHEMA pgboss TO %I', :'runtime')
WHERE to_regnamespace('pgboss') IS NOT NULL \gexec
SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO %I', :'runtime')
WHERE to_regnamespace('pgboss') IS NOT NULL \gexec
SELECT format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO %I', :'runtime')
WHERE to_regnamespace('pgboss') IS NOT NULL \gexec
-- Its version decides which upgrade plans the owner runs: the runtime role sets only the stamps
-- pg-boss claims work with (src/platform/jobs/install.ts does the same at migration time).
SELECT format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON pgboss.version FROM %I', :'runtime')
WHERE to_regclass('pgboss.version') IS NOT NULL \gexec
SELECT format('GRANT UPDATE (%s) ON pgboss.version TO %I', string_agg(quote_ident(column_name), ', '), :'runtime')
FROM information_schema.columns
WHERE table_schema = 'pgboss' AND table_name = 'version' AND column_name <> 'version'
HAVING count(*) > 0 \gexec
-- ... except where the runtime role must do less (the same rules migration 0006 and the
-- migration runner apply to tables they create): the migration bookkeeping and the audit
-- policy are read-only, audit rows are read and appended only, the chain head is never removed.
SELECT format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.%I FROM %I', t, :'runtime')
FROM unnest(ARRAY['schema_migrations', 'keystore_migrations', 'audit_policy', 'audit_anchor']) AS t
WHERE to_regclass('public.' || t) IS NOT NULL \gexec
SELECT format('REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_log FROM %I', :'runtime')
WHERE to_regclass('public.audit_log') IS NOT NULL \gexec
SELECT format('REVOKE INSERT, DELETE, TRUNCATE ON public.audit_head FROM %I', :'runtime')
WHERE to_regclass('public.audit_head') IS NOT NULL \gexec
-- Key check values are written once (migration 0010); the list of credential hashes the server
-- may seal is written by the owner only and emptied by the server (migration 0013).
SELECT format('REVOKE UPDATE, DELETE, TRUNCATE ON public.key_checks FROM %I', :'runtime')
WHERE to_regclass('public.key_checks') IS NOT NULL \gexec
SELECT format('REVOKE INSERT, UPDATE, TRUNCATE ON public.credential_upgrades FROM %I', :'runtime')
WHERE to_regclass('public.credential_upgrades') IS NOT NULL \gexec

\echo 'provisioned database' :"db" 'owner' :"owner" 'runtime' :"runtime"
