import { loadConfigOrExit } from '../platform/bootstrap.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';

// npm run db:migrate — applies pending migrations to the configured database and lists them.
const config = loadConfigOrExit();
const database = await openDatabase(
  config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir },
);
try {
  const ran = await migrate(database.db);
  console.log(ran.length === 0 ? 'Database is up to date.' : `Applied: ${ran.join(', ')}`);
} finally {
  await database.close();
}
