import { sql } from 'kysely';
import { installJobSchema, pendingJobSchema } from '../jobs/install.ts';
import { type Database, type Db, openDatabase } from './database.ts';
import {
  KEYSTORE_MIGRATIONS_DIR,
  type Migration,
  migrate,
  pendingMigrations,
  readMigrations,
} from './migrate.ts';

/** One database's migrations, and the variables an operator sets for it (named in messages). */
export type SchemaTarget = {
  label: string;
  migrations: Migration[];
  table: string;
  urlVariable: string;
  ownerUrlVariable: string;
  /** A schema not made of our migration files (the job queue's), brought up to date after them. */
  beside?: { pending(db: Db): Promise<string>; apply(db: Db): Promise<string[]> };
};

export const APPLICATION_SCHEMA: Omit<SchemaTarget, 'migrations'> = {
  label: 'application database',
  table: 'schema_migrations',
  urlVariable: 'DATABASE_URL',
  ownerUrlVariable: 'MIGRATION_DATABASE_URL',
};
export const KEYSTORE_SCHEMA: Omit<SchemaTarget, 'migrations'> = {
  label: 'key store',
  table: 'keystore_migrations',
  urlVariable: 'KEYSTORE_DATABASE_URL',
  ownerUrlVariable: 'KEYSTORE_MIGRATION_DATABASE_URL',
};

export const applicationSchema = (): SchemaTarget => ({
  ...APPLICATION_SCHEMA,
  migrations: readMigrations(),
  beside: { pending: pendingJobSchema, apply: installJobSchema },
});

/** Every migration of a target, then what lives beside them (the job queue's schema). */
export async function migrateTarget(db: Db, target: SchemaTarget): Promise<string[]> {
  const ran = await migrate(db, target.migrations, target.table);
  return [...ran, ...((await target.beside?.apply(db)) ?? [])];
}

/** The application database brought up to date (tests, benches, commands). */
export const migrateApplication = (db: Db): Promise<string[]> => migrateTarget(db, applicationSchema());
export const keystoreSchema = (): SchemaTarget => ({
  ...KEYSTORE_SCHEMA,
  migrations: readMigrations(KEYSTORE_MIGRATIONS_DIR),
});

/** The schema is behind and this process may not bring it up to date: the operator must migrate. */
export class SchemaNotReadyError extends Error {}

const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Start-up: brings a database's schema up to date, or explains why it cannot. Nothing pending →
 * no DDL at all, so a runtime role without schema rights starts normally. Pending → migrated as
 * the owner when its URL is given, else with the runtime connection itself (the embedded
 * database, or a development server where one role does everything); a runtime role that may
 * not change the schema gets a SchemaNotReadyError naming the migrations and what to run.
 */
export async function prepareSchema(
  database: Database,
  target: SchemaTarget,
  ownerUrl?: string,
): Promise<string[]> {
  const files = await pendingOrExplain(database.db, target);
  const beside = (await target.beside?.pending(database.db)) ?? '';
  const pending = [...files.map((m) => m.name), ...(beside ? [beside] : [])];
  if (pending.length === 0) return [];
  if (ownerUrl !== undefined) return migrateAsOwner(ownerUrl, target);
  try {
    return await migrateTarget(database.db, target);
  } catch (error) {
    if (codeOf(error) !== INSUFFICIENT_PRIVILEGE) throw error;
    throw new SchemaNotReadyError(
      `The ${target.label} has ${pending.length} pending migration(s) (${pending.join(', ')}) ` +
        `and the role in ${target.urlVariable} may not change the schema (as intended for the runtime role). ` +
        `Run \`npm run db:migrate\` with ${target.ownerUrlVariable} set to the owner role's URL, ` +
        `or give the server ${target.ownerUrlVariable} (see docs/deploy.md).`,
    );
  }
}

/** Applies pending migrations over a short-lived connection as the schema's owner. */
export async function migrateAsOwner(ownerUrl: string, target: SchemaTarget): Promise<string[]> {
  const owner = await openDatabase({ kind: 'postgres', url: ownerUrl, poolSize: 1 });
  try {
    return await migrateTarget(owner.db, target);
  } finally {
    await owner.close();
  }
}

/**
 * Sets how long the database keeps audit rows (the floor purge_audit_log() enforces). Only the
 * owner role may: `npm run db:migrate` applies AUDIT_RETENTION_DAYS this way.
 */
export async function setAuditRetention(db: Db, days: number): Promise<boolean> {
  const result = await sql`UPDATE audit_policy SET retention_days = ${days}
    WHERE id = 1 AND retention_days <> ${days}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

async function pendingOrExplain(db: Db, target: SchemaTarget): Promise<Migration[]> {
  try {
    return await pendingMigrations(db, target.migrations, target.table);
  } catch (error) {
    if (codeOf(error) !== INSUFFICIENT_PRIVILEGE) throw error;
    throw new SchemaNotReadyError(
      `The role in ${target.urlVariable} may not read ${target.table}: provision the ${target.label} ` +
        `with deploy/provision.sql and migrate it as the owner role (see docs/deploy.md).`,
    );
  }
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
