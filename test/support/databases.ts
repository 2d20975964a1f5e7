import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { KEYSTORE_MIGRATIONS_DIR, migrate, readMigrations } from '../../src/platform/db/migrate.ts';
import { migrateApplication } from '../../src/platform/db/schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export const DATABASE_KINDS: DatabaseKind[] = ['pglite', 'postgres'];

export type TestDatabase = {
  kind: DatabaseKind;
  database: Database;
  /** Connection URL of this test's own PostgreSQL database (postgres only). */
  url: string | undefined;
  /** Plain SQL as a superuser would run it: for looking at raw rows and tampering on purpose. */
  raw<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: run the tests through `npm test` (it starts PostgreSQL)');
  return url;
}

/** A separate key store on the test PostgreSQL server (what production runs with). */
export async function openTestKeystore(): Promise<TestDatabase> {
  const store = await openTestDatabase('postgres', { migrations: false });
  await migrate(store.database.db, readMigrations(KEYSTORE_MIGRATIONS_DIR), 'keystore_migrations');
  return store;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the test PostgreSQL server. */
export async function openTestDatabase(
  kind: DatabaseKind,
  opts: { migrations?: boolean } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
    await migrateApplication(database.db);
    const { sql } = await import('kysely');
    return {
      kind,
      database,
      url: undefined,
      raw: async <T>(text: string, params: unknown[] = []) =>
        (await sql.raw<T>(params.length ? interpolate(text, params) : text).execute(database.db)).rows,
      close: () => database.close(),
    };
  }
  const name = `le_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl(), name);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  if (opts.migrations !== false) await migrateApplication(database.db);
  const rawClient = new pg.Client({ connectionString: url });
  await rawClient.connect();
  return {
    kind,
    database,
    url,
    raw: async <T>(text: string, params: unknown[] = []) => (await rawClient.query(text, params)).rows as T[],
    async close() {
      await rawClient.end();
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// PGlite's raw helper takes literal SQL; tests only pass simple values, quoted here.
function interpolate(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, i: string) => {
    const value = params[Number(i) - 1];
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number') return String(value);
    return `'${String(value).replaceAll("'", "''")}'`;
  });
}
