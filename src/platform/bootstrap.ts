import { type Config, ConfigError, loadConfig } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';

/** Reads the configuration or exits listing every problem: shared by the server and every CLI command. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nThe process will not start until these are fixed.\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise) and migrates it. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  await migrate(database.db);
  return database;
}
