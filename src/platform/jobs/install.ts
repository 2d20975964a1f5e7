import { sql } from 'kysely';
import { getConstructionPlans, getMigrationPlans } from 'pg-boss';
import type { Db } from '../db/database.ts';

/*
 * The job queue's tables (pg-boss, decision 024) live in their own schema, made and upgraded by
 * pg-boss's own versioned plans. They run at migration time, as the role that owns the database
 * (MIGRATION_DATABASE_URL; the embedded database's only role), never from the running server: the
 * runtime role reads and writes the queue's rows and nothing else.
 */
export const JOB_SCHEMA = 'pgboss';

/** The queue schema version this build of pg-boss expects (what its install plan writes). */
export function expectedJobSchemaVersion(): number {
  const plan = getConstructionPlans(JOB_SCHEMA, { createSchema: true });
  const found = /INSERT INTO \w+\.version\(version\) VALUES \('(\d+)'\)/.exec(plan);
  if (!found?.[1]) throw new Error('pg-boss install plan without a version: check the pinned pg-boss');
  return Number(found[1]);
}

/** The queue schema's version in this database, or null when it is not installed. */
export async function installedJobSchemaVersion(db: Db): Promise<number | null> {
  const table = await sql<{
    found: string | null;
  }>`SELECT to_regclass(${`${JOB_SCHEMA}.version`})::text AS found`.execute(db);
  if (!table.rows[0]?.found) return null;
  const row = await sql<{
    version: string;
  }>`SELECT version FROM ${sql.table(`${JOB_SCHEMA}.version`)}`.execute(db);
  return row.rows[0] ? Number(row.rows[0].version) : null;
}

/** What installing or upgrading the queue schema would do, for the start-up check ('' when nothing). */
export async function pendingJobSchema(db: Db): Promise<string> {
  const installed = await installedJobSchemaVersion(db);
  const expected = expectedJobSchemaVersion();
  if (installed === null) return `job queue schema ${expected} (pg-boss)`;
  return installed < expected ? `job queue schema ${installed} → ${expected} (pg-boss)` : '';
}

/**
 * Installs or upgrades the queue schema (each plan is its own transaction under pg-boss's lock,
 * so instances migrating at once do it once), then lets the roles that may use the application's
 * schema use this one too: the tables themselves reach the runtime role through the owner's
 * default privileges (deploy/provision.sql). Returns what it did.
 */
export async function installJobSchema(db: Db): Promise<string[]> {
  const installed = await installedJobSchemaVersion(db);
  const expected = expectedJobSchemaVersion();
  const done: string[] = [];
  if (installed === null) {
    await sql.raw(getConstructionPlans(JOB_SCHEMA, { createSchema: true })).execute(db);
    done.push(`job queue schema ${expected} (pg-boss)`);
  } else if (installed < expected) {
    await refuseForeignQueueTables(db);
    await sql.raw(getMigrationPlans(JOB_SCHEMA, installed)).execute(db);
    done.push(`job queue schema ${installed} → ${expected} (pg-boss)`);
  } else if (installed > expected) {
    throw new Error(
      `The job queue schema is at version ${installed}, newer than this build's pg-boss (${expected}): run a newer build`,
    );
  }
  await shareSchemaUsage(db);
  return done;
}

/**
 * The roles that may use the application's schema (the runtime role) may use the queue's too —
 * but not choose its version: the owner's upgrades read it, so only the claim stamps pg-boss
 * sets while it runs (cron_on, bam_on…) stay writable.
 */
async function shareSchemaUsage(db: Db): Promise<void> {
  const grantees = await sql<{ grantee: string }>`
    SELECT DISTINCT quote_ident(pg_get_userbyid(a.grantee)) AS grantee
    FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a
    WHERE n.nspname = 'public' AND a.privilege_type = 'USAGE'
      AND a.grantee <> 0 AND a.grantee <> n.nspowner`.execute(db);
  const stamps = await sql<{ column: string }>`
    SELECT quote_ident(column_name) AS column FROM information_schema.columns
    WHERE table_schema = ${JOB_SCHEMA} AND table_name = 'version' AND column_name <> 'version'`.execute(db);
  const version = sql.table(`${JOB_SCHEMA}.version`);
  for (const { grantee } of grantees.rows) {
    // quote_ident()'s output: safe identifiers, not user input.
    const role = sql.raw(grantee);
    await sql`GRANT USAGE ON SCHEMA ${sql.id(JOB_SCHEMA)} TO ${role}`.execute(db);
    await sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${version} FROM ${role}`.execute(db);
    if (stamps.rows.length > 0)
      await sql`GRANT UPDATE (${sql.raw(stamps.rows.map((s) => s.column).join(', '))}) ON ${version} TO ${role}`.execute(
        db,
      );
  }
}

/**
 * pg-boss's upgrade plans build index names from each queue's table name without quoting: a row
 * the runtime role wrote could turn the owner's upgrade into its own SQL. Only names pg-boss makes
 * are accepted.
 */
async function refuseForeignQueueTables(db: Db): Promise<void> {
  const foreign = await sql<{ name: string }>`
    SELECT name FROM ${sql.table(`${JOB_SCHEMA}.queue`)}
    WHERE table_name !~ '^(job_common|j[0-9a-f]{56})$'`.execute(db);
  if (foreign.rows.length > 0)
    throw new Error(
      `The job queue has queues with table names pg-boss never makes (${foreign.rows.map((r) => r.name).join(', ')}): ` +
        'someone wrote its tables directly. Look into it before upgrading.',
    );
}
