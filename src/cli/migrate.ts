import { openDatabaseOrExit } from '../platform/bootstrap.ts';
import { checkDatabaseUrl } from '../platform/db/connection-url.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import {
  applicationSchema,
  keystoreSchema,
  migrateTarget,
  setAuditRetention,
} from '../platform/db/schema.ts';

/*
 * npm run db:migrate — applies pending migrations to the application database and, when one is
 * configured, the key store, as the role that owns each schema: MIGRATION_DATABASE_URL and
 * KEYSTORE_MIGRATION_DATABASE_URL, falling back to DATABASE_URL and KEYSTORE_DATABASE_URL (a
 * development server where one role does everything), or the embedded database. It also sets the
 * audit retention the database enforces from AUDIT_RETENTION_DAYS. It reads only these variables:
 * the migration job needs no application secrets.
 */
type Targets = {
  appUrl: string | undefined;
  keystoreUrl: string | undefined;
  dataDir: string;
  auditDays: number;
};

function readTargets(env: NodeJS.ProcessEnv): Targets {
  const value = (name: string) => (env[name] === '' ? undefined : env[name]);
  const problems: string[] = [];
  const appUrl = value('MIGRATION_DATABASE_URL') ?? value('DATABASE_URL');
  const keystoreUrl = value('KEYSTORE_MIGRATION_DATABASE_URL') ?? value('KEYSTORE_DATABASE_URL');
  for (const name of [
    'DATABASE_URL',
    'MIGRATION_DATABASE_URL',
    'KEYSTORE_DATABASE_URL',
    'KEYSTORE_MIGRATION_DATABASE_URL',
  ]) {
    const url = value(name);
    if (url !== undefined) checkDatabaseUrl(name, url, problems);
  }
  if (keystoreUrl !== undefined && appUrl === undefined) {
    problems.push('a key store URL needs MIGRATION_DATABASE_URL or DATABASE_URL');
  }
  if (value('NODE_ENV') === 'production') {
    if (appUrl === undefined)
      problems.push('MIGRATION_DATABASE_URL (or DATABASE_URL) is required in production');
    if (keystoreUrl === undefined) {
      problems.push('KEYSTORE_MIGRATION_DATABASE_URL (or KEYSTORE_DATABASE_URL) is required in production');
    }
  }
  const auditDays = Number(value('AUDIT_RETENTION_DAYS') ?? '2557');
  if (!Number.isInteger(auditDays) || auditDays < 1 || auditDays > 999_999) {
    problems.push('AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 999999');
  }
  if (problems.length > 0) {
    process.stderr.write(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  return { appUrl, keystoreUrl, dataDir: value('DATA_DIR') ?? './data', auditDays };
}

async function withDatabase<T>(database: Database, work: (database: Database) => Promise<T>): Promise<T> {
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const targets = readTargets(process.env);
// The embedded directory is refused while the service (or another command) has it open.
const app = await openDatabaseOrExit(
  targets.appUrl ? { kind: 'postgres', url: targets.appUrl } : { kind: 'pglite', dataDir: targets.dataDir },
);
await withDatabase(app, async ({ db }) => {
  const schema = applicationSchema();
  const ran = await migrateTarget(db, schema);
  console.log(ran.length === 0 ? 'Database is up to date.' : `Applied: ${ran.join(', ')}`);
  if (await setAuditRetention(db, targets.auditDays)) {
    console.log(`Audit rows are now kept ${targets.auditDays} days.`);
  }
});
if (targets.keystoreUrl) {
  const keystore = await openDatabase({ kind: 'postgres', url: targets.keystoreUrl, poolSize: 1 });
  await withDatabase(keystore, async ({ db }) => {
    const schema = keystoreSchema();
    const ran = await migrate(db, schema.migrations, schema.table);
    console.log(ran.length === 0 ? 'Key store is up to date.' : `Key store: applied ${ran.join(', ')}`);
  });
}
