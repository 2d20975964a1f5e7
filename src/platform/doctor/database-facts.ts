import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { SchemaTarget } from '../db/schema.ts';
import type { AuditPrivileges, DatabaseFacts, RoleFacts } from './facts.ts';
import { describeError } from './redact.ts';

/*
 * The doctor's SQL: what the configured role may do on the live database, read from the catalogs
 * and the privilege functions as that role, so the answer is PostgreSQL's own (memberships,
 * PUBLIC grants and predefined roles included). Read-only: nothing here changes anything.
 */

/** Everything the checks need from one database (the application's or the key store's). */
export async function readDatabaseFacts(
  db: Db,
  target: SchemaTarget,
  options: { otherSchemaTable: string; application: boolean },
): Promise<DatabaseFacts> {
  const connection = await sql<{ ssl: boolean | null; identity: string; holds_other: boolean }>`
    SELECT (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS ssl,
           current_database() || ' on ' || coalesce(host(inet_server_addr()), 'a local socket')
             || ':' || coalesce(inet_server_port()::text, '-') AS identity,
           to_regclass(${`public.${options.otherSchemaTable}`}) IS NOT NULL AS holds_other`.execute(db);
  const row = connection.rows[0];
  return {
    ssl: row?.ssl === true,
    identity: row?.identity ?? 'unknown',
    holdsOtherSchema: row?.holds_other === true,
    role: await readRoleFacts(db),
    pending: await readPending(db, target),
    audit: options.application ? await readAuditPrivileges(db) : undefined,
    retentionLastRun: options.application ? await readLastRun(db, 'retention') : 'no-table',
  };
}

async function readRoleFacts(db: Db): Promise<RoleFacts> {
  const result = await sql<{
    role: string;
    superuser: boolean;
    attributes: string[];
    privileged_memberships: string[];
    create_on_database: boolean;
    temporary_on_database: boolean;
    create_on_schema: boolean;
    owns_schema: boolean;
    owned_tables: number;
  }>`
    SELECT r.rolname::text AS role,
           r.rolsuper AS superuser,
           array_remove(ARRAY[
             CASE WHEN r.rolcreaterole THEN 'CREATEROLE' END,
             CASE WHEN r.rolcreatedb THEN 'CREATEDB' END,
             CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' END,
             CASE WHEN r.rolreplication THEN 'REPLICATION' END], NULL) AS attributes,
           ARRAY(SELECT p.rolname::text FROM pg_roles p
                 WHERE p.oid <> r.oid
                   AND (p.rolsuper OR p.rolcreaterole OR p.rolcreatedb OR p.rolbypassrls OR p.rolreplication)
                   AND pg_has_role(r.oid, p.oid, 'MEMBER')
                 ORDER BY 1) AS privileged_memberships,
           has_database_privilege(current_database(), 'CREATE') AS create_on_database,
           has_database_privilege(current_database(), 'TEMPORARY') AS temporary_on_database,
           has_schema_privilege(n.oid, 'CREATE') AS create_on_schema,
           pg_has_role(n.nspowner, 'MEMBER') AS owns_schema,
           (SELECT count(*)::int FROM pg_class c
            WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
              AND pg_has_role(c.relowner, 'MEMBER')) AS owned_tables
    FROM pg_roles r CROSS JOIN pg_namespace n
    WHERE r.rolname = current_user AND n.nspname = 'public'`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the database has no public schema');
  return {
    role: row.role,
    superuser: row.superuser,
    attributes: row.attributes,
    privilegedMemberships: row.privileged_memberships,
    createOnDatabase: row.create_on_database,
    temporaryOnDatabase: row.temporary_on_database,
    createOnSchema: row.create_on_schema,
    ownsSchema: row.owns_schema,
    ownedTables: row.owned_tables,
  };
}

async function readPending(db: Db, target: SchemaTarget): Promise<string[] | { error: string }> {
  try {
    return (await pendingMigrations(db, target.migrations, target.table)).map((m) => m.name);
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** undefined when the database has no audit trail yet. Privileges on a missing table read as NULL. */
async function readAuditPrivileges(db: Db): Promise<AuditPrivileges | undefined> {
  const result = await sql<{
    present: boolean;
    rewrite: string[];
    policy_update: boolean;
    anchor_write: boolean;
  }>`
    SELECT to_regclass('public.audit_log') IS NOT NULL AS present,
           array_remove(ARRAY[
             CASE WHEN has_table_privilege(to_regclass('public.audit_log'), 'UPDATE') THEN 'UPDATE' END,
             CASE WHEN has_table_privilege(to_regclass('public.audit_log'), 'DELETE') THEN 'DELETE' END,
             CASE WHEN has_table_privilege(to_regclass('public.audit_log'), 'TRUNCATE') THEN 'TRUNCATE' END],
             NULL) AS rewrite,
           coalesce(has_table_privilege(to_regclass('public.audit_policy'), 'UPDATE'), false) AS policy_update,
           coalesce(has_table_privilege(to_regclass('public.audit_anchor'), 'INSERT,UPDATE,DELETE,TRUNCATE'), false)
             AS anchor_write`.execute(db);
  const row = result.rows[0];
  if (!row?.present) return undefined;
  return { rewrite: row.rewrite, policyUpdate: row.policy_update, anchorWrite: row.anchor_write };
}

/** When a scheduled job last recorded a run (job_runs, migration 0007). */
async function readLastRun(db: Db, job: string): Promise<Date | undefined | 'no-table'> {
  const table = await sql<{ present: boolean }>`
    SELECT to_regclass('public.job_runs') IS NOT NULL AS present`.execute(db);
  if (!table.rows[0]?.present) return 'no-table';
  const run = await sql<{ last_run_at: Date }>`
    SELECT last_run_at FROM job_runs WHERE job = ${job}`.execute(db);
  return run.rows[0]?.last_run_at;
}
