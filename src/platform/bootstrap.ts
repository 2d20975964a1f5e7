import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { describeKeyProblems, findKeyProblems, type KeyContext } from './crypto/key-check.ts';
import { createKeyCheckRepo } from './crypto/key-check-repo.ts';
import { DataDirInUseError, lockDataDir, type ProcessKind } from './db/data-dir-lock.ts';
import { type Database, type DatabaseOptions, openDatabase } from './db/database.ts';
import { pendingMigrations } from './db/migrate.ts';
import {
  applicationSchema,
  keystoreSchema,
  prepareSchema,
  SchemaNotReadyError,
  type SchemaTarget,
} from './db/schema.ts';
import { DEV_SECRETS_FILE } from './dev-secrets.ts';
import { NO_PROGRESS, type Progress } from './startup-progress.ts';

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
 * process exits saying which migrations are pending when its role may not apply them. An embedded
 * directory another process has open is refused with a message (decision 021).
 */
export async function openMigratedDatabase(
  config: Config,
  options: { as?: ProcessKind; progress?: Progress } = {},
): Promise<Database> {
  const progress = options.progress ?? NO_PROGRESS;
  if (config.databaseUrl) {
    progress('Connecting to PostgreSQL (DATABASE_URL)…');
  } else if (existsSync(join(config.dataDir, 'pgdata', 'PG_VERSION'))) {
    progress(`Opening the embedded database in ${config.dataDir}…`);
  } else {
    progress(`Preparing the embedded database in ${config.dataDir} (first start takes a moment)…`);
  }
  const database = await openDatabaseOrExit(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir, as: options.as ?? 'command' },
  );
  const schema = applicationSchema();
  await announcePendingMigrations(database, schema, progress);
  await prepareOrExit(database, () => prepareSchema(database, schema, config.migrationDatabaseUrl));
  return database;
}

/** openDatabase, or exit 1 with the message (no stack trace) when another process has the directory. */
export async function openDatabaseOrExit(options: DatabaseOptions): Promise<Database> {
  try {
    return await openDatabase(options);
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/**
 * Takes the embedded data directory for this command before it writes anything there besides the
 * database (the generated keys), or exits 1 with the message; released when the process exits.
 */
export function lockDataDirOrExit(dataDir: string): void {
  try {
    lockDataDir(dataDir, 'command');
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function announcePendingMigrations(
  database: Database,
  schema: SchemaTarget,
  progress: Progress,
): Promise<void> {
  if (progress === NO_PROGRESS) return;
  try {
    const pending = await pendingMigrations(database.db, schema.migrations, schema.table);
    if (pending.length > 0) progress(`Applying database updates (${pending.length})…`);
  } catch {
    // prepareSchema reports a schema it may not read, with what to do.
  }
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

/**
 * Refuses to go on with keys the database was not made with (decision 014): records them on the
 * first start, then exits naming each key that differs and what to do. The server and every
 * command call it after opening their databases; tests that build the app do not.
 */
export async function verifyKeysOrExit(
  config: Config,
  database: Database,
  keystore: Database,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const repo = createKeyCheckRepo(database.db, keystore.db);
  const problems = await findKeyProblems(config, repo, () => new Date());
  if (problems.length === 0) return;
  await database.close();
  if (keystore !== database) await keystore.close();
  process.stderr.write(
    `${describeKeyProblems(problems, keyContext(config, env))}The process will not start until the keys match.\n`,
  );
  process.exit(1);
}

/** Which keys came from the generated development file: the same rule as loadConfig's. */
function keyContext(config: Config, env: NodeJS.ProcessEnv): KeyContext {
  const variables = ['JWT_SECRET', 'MASTER_KEYS', 'BLIND_INDEX_KEY'];
  const unset = variables.filter((v) => !env[v]);
  const generated = config.env !== 'production' && unset.length > 0;
  return {
    generated: generated ? { file: join(config.dataDir, DEV_SECRETS_FILE), variables: unset } : undefined,
    database: config.databaseUrl
      ? 'the database in DATABASE_URL'
      : `the embedded database in ${config.dataDir}`,
  };
}
