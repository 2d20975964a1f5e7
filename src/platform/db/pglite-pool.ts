import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];
const COMMANDS = new Set<string>(['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE', 'COMMIT', 'ROLLBACK']);

/**
 * Makes one embedded PGlite connection look like a pg Pool of size one, so Kysely's own
 * PostgreSQL dialect (and therefore one code path) serves both databases. Clients are handed out
 * one at a time: PGlite is a single session, and a transaction must own it until it ends.
 */
export function createPgliteAsPool(db: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();
  return {
    async connect(): Promise<PostgresPoolClient> {
      let release: () => void = () => {};
      const previous = tail;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      const client = {
        async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          // Parameterless text may hold several statements (migrations): PGlite runs those with exec().
          const result =
            parameters.length === 0
              ? ((await db.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 })
              : await db.query<R>(sql, [...parameters]);
          return {
            command: commandOf(sql),
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows as R[],
          };
        },
        release() {
          release();
        },
      };
      return client as PostgresPoolClient;
    },
    async end() {
      await tail;
      await db.close();
    },
  };
}

function commandOf(sql: string): Command {
  const word = /^\s*(?:with\b[\s\S]*?\)\s*)?([a-z]+)/i.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
  return (COMMANDS.has(word) ? word : 'SELECT') as Command;
}
