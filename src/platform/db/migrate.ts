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
 * applied is refused: migrations are history, never rewritten.
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
    const applied = await trx
      .selectFrom(table as 'schema_migrations')
      .selectAll()
      .execute();
    const byVersion = new Map(applied.map((m) => [m.version, m]));
    const ran: string[] = [];
    for (const migration of migrations) {
      const done = byVersion.get(migration.version);
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied; add a new one instead`,
          );
        }
        continue;
      }
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
