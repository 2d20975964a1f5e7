import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { pgConnectionString } from './connection-url.ts';
import { lockDataDir, type ProcessKind } from './data-dir-lock.ts';
import { createPgliteAsPool } from './pglite-pool.ts';
import type { Tables } from './tables.ts';

export type Db = Kysely<Tables>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** True when the database answers a trivial query (readiness). */
  ping(): Promise<boolean>;
  /**
   * SQL text as the job queue sends it (decision 024): one statement with parameters, or several
   * without — the rows of every statement, in order (pg-boss reads a lock's row before a COMMIT).
   * Through the same pool as everything else, so on the embedded database it waits for a
   * transaction in progress instead of running inside it.
   */
  runSql(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  // dataDir undefined: in memory (tests). A directory is locked to this process while open
  // (decision 021); `as` says who is asking, for the message when another process has it.
  | { kind: 'pglite'; dataDir: string | undefined; as?: ProcessKind };

// Both drivers return calendar dates as 'YYYY-MM-DD' text (never a Date shifted by the server's
// time zone) and int8 as number (our bigints are sequence numbers far below 2^53).
const OID_INT8 = 20;
const OID_DATE = 1082;
const keepText = (value: string): string => value;
// Not in PGlite's type declarations, but a public static of the class.
const PGLITE_DEFAULT_START_PARAMS = (PGlite as unknown as { defaultStartParams: string[] })
  .defaultStartParams;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres'
    ? openPostgres(options.url, options.poolSize)
    : openPglite(options.dataDir, options.as ?? 'command');
}

function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({
    connectionString: pgConnectionString(url),
    max: poolSize,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === OID_INT8) return Number;
        if (oid === OID_DATE) return keepText;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return wrap(db, 'postgres', async (text, values = []) => {
    // Several statements answer with one result each.
    const result = (await pool.query(text, [...values])) as pg.QueryResult | pg.QueryResult[];
    return { rows: Array.isArray(result) ? result.flatMap((r) => r.rows ?? []) : result.rows };
  });
}

async function openPglite(dataDir: string | undefined, as: ProcessKind): Promise<Database> {
  let location = 'memory://';
  // Taken before PGlite reads a byte: two processes on one directory lose each other's writes.
  const lock = dataDir === undefined ? undefined : lockDataDir(dataDir, as);
  try {
    if (dataDir !== undefined) {
      location = join(dataDir, 'pgdata');
      mkdirSync(location, { recursive: true, mode: 0o700 });
    }
    const lite = await PGlite.create(location, {
      parsers: { [OID_INT8]: Number, [OID_DATE]: keepText },
      // Appointments' no-double-booking constraint (migration 0016) needs it, as on PostgreSQL.
      extensions: { btree_gist },
      // PGlite's 128 MB of shared buffers alone would take most of the embedded setup's memory
      // budget; 8 MB is plenty for the single-user embedded database.
      startParams: [...PGLITE_DEFAULT_START_PARAMS, '-c', 'shared_buffers=8MB', '-c', 'max_connections=4'],
    });
    const pool = createPgliteAsPool(lite);
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    const database = wrap(db, 'pglite', async (text, values = []) => {
      // Holding the pool's one client is holding the session: nothing else runs meanwhile.
      const client = await pool.connect();
      try {
        if (values.length > 0) return { rows: (await lite.query(text, [...values])).rows };
        return { rows: (await lite.exec(text)).flatMap((r) => r.rows) };
      } catch (error) {
        // A script that failed between its BEGIN and COMMIT must not leave the only session aborted.
        await lite.exec('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
    return {
      ...database,
      async close() {
        try {
          await database.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function wrap(db: Db, kind: Database['kind'], runSql: Database['runSql']): Database {
  return {
    db,
    kind,
    runSql,
    async ping() {
      try {
        await sql`SELECT 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}
