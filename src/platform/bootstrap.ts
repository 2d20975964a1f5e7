import { type Config, ConfigError, loadConfig } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { applicationSchema, keystoreSchema, prepareSchema, SchemaNotReadyError } from './db/schema.ts';

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

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise)
 * with its schema up to date: migrated as the owner (MIGRATION_DATABASE_URL) when needed, or the
 * process exits saying which migrations are pending when its role may not apply them.
 */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  await prepareOrExit(database, () =>
    prepareSchema(database, applicationSchema(), config.migrationDatabaseUrl),
  );
  return database;
}

/**
 * The key store: a separate PostgreSQL database when KEYSTORE_DATABASE_URL is set (production),
 * otherwise the application database itself (its migration 0001 already made the table).
 */
export async function openKeystore(config: Config, database: Database): Promise<Database> {
  if (!config.keystoreUrl) return database;
  const keystore = await openDatabase({ kind: 'postgres', url: config.keystoreUrl, poolSize: 4 });
  await prepareOrExit(keystore, () =>
    prepareSchema(keystore, keystoreSchema(), config.keystoreMigrationDatabaseUrl),
  );
  return keystore;
}

async function prepareOrExit(database: Database, prepare: () => Promise<unknown>): Promise<void> {
  try {
    await prepare();
  } catch (error) {
    if (!(error instanceof SchemaNotReadyError)) throw error;
    await database.close();
    process.stderr.write(`${error.message}\nThe process will not start until the schema is up to date.\n`);
    process.exit(1);
  }
}
