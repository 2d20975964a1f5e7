import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from './database.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
export const KEYSTORE_MIGRATIONS_DIR = join(import.meta.dirname, 'keystore-migrations');
// Any constant will do: it only has to be the same for every instance that migrates this database.
const MIGRATION_LOCK_ID = 724_150_001;

export type Migration = { version: number; name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

/**
 * Applies every pending forward-only migration in one transaction, under an advisory lock so
 * several instances starting at once migrate exactly once. A migration edited after it was
 * applied is refused: migrations are history, never rewritten. Run it as the role that owns the
 * schema (MIGRATION_DATABASE_URL on a provisioned database, see deploy/provision.sql).
 */
export async function migrate(
  db: Db,
  migrations = readMigrations(),
  table = 'schema_migrations',
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS ${sql.table(table)} (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
    await keepReadOnlyForOthers(trx, table);
    const applied = await readApplied(trx, table);
    const ran: string[] = [];
    for (const migration of unapplied(migrations, applied)) {
      await sql.raw(migration.sql).execute(trx);
      await trx
        .insertInto(table as 'schema_migrations')
        .values({
          version: migration.version,
          name: migration.name,
          checksum: migration.checksum,
          applied_at: new Date(),
        })
        .execute();
      ran.push(migration.name);
    }
    return ran;
  });
}

/**
 * The migrations not yet applied, read without changing anything: a runtime role that may only
 * read and write data can ask this (a start-up check), but could not run `migrate`.
 */
export async function pendingMigrations(
  db: Db,
  migrations = readMigrations(),
  table = 'schema_migrations',
): Promise<Migration[]> {
  const exists = await sql<{ found: string | null }>`SELECT to_regclass(${table})::text AS found`.execute(db);
  if (!exists.rows[0]?.found) return migrations;
  return unapplied(migrations, await readApplied(db, table));
}

type Applied = { version: number; checksum: string };

function readApplied(db: Db, table: string): Promise<Applied[]> {
  return db
    .selectFrom(table as 'schema_migrations')
    .select(['version', 'checksum'])
    .execute();
}

function unapplied(migrations: Migration[], applied: Applied[]): Migration[] {
  const byVersion = new Map(applied.map((m) => [m.version, m]));
  return migrations.filter((migration) => {
    const done = byVersion.get(migration.version);
    if (done && done.checksum !== migration.checksum) {
      throw new Error(`Migration ${migration.name} was changed after it was applied; add a new one instead`);
    }
    return done === undefined;
  });
}

/**
 * The provisioned default privileges give the runtime role read and write on every new table;
 * on the migrations bookkeeping table it keeps only SELECT (enough for the start-up check), so it
 * cannot mark a migration as applied. Nothing to do where no other role was granted anything.
 */
async function keepReadOnlyForOthers(db: Db, table: string): Promise<void> {
  const grantees = await sql<{ grantee: string }>`
    SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
    FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE c.oid = to_regclass(${table}) AND a.grantee <> c.relowner AND a.privilege_type <> 'SELECT'`.execute(
    db,
  );
  for (const { grantee } of grantees.rows) {
    // grantee is quote_ident()'s output (or PUBLIC): a safe identifier, not user input.
    await sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${sql.table(table)} FROM ${sql.raw(grantee)}`.execute(
      db,
    );
  }
}
