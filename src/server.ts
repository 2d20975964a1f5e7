import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import {
  loadConfigOrExit,
  openKeystore,
  openMigratedDatabase,
  verifyKeysOrExit,
} from './platform/bootstrap.ts';
import { browserUrl, terminalProgress } from './platform/startup-progress.ts';

// Process entry: configuration → database → keys checked against it → app (the job queue starts
// with it) → listen (unless PROCESS_ROLE=worker), and a graceful stop on SIGTERM/SIGINT. Plain progress lines for the person at
// the terminal go to stderr, JSON logs to stdout (decision 021).
const config = loadConfigOrExit();
const progress = terminalProgress(config);
// The embedded data directory is this process's until it stops: a second server or a command on
// it is refused (decision 021).
const database = await openMigratedDatabase(config, { as: 'service', progress });
const keystore = await openKeystore(config, database);
await verifyKeysOrExit(config, database, keystore);
// Loaded only when configured: the embedded setup should not pay for a client it never uses.
const redis = config.redisUrl
  ? new (await import('ioredis')).Redis(config.redisUrl, { maxRetriesPerRequest: 2 })
  : undefined;
const https = config.tls
  ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }
  : undefined;
const app = await buildApp({
  config,
  database,
  keystore,
  scheduleJobs: true,
  ...(redis ? { redis } : {}),
  ...(https ? { https } : {}),
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  // In-flight requests finish; anything still running after 10 s is cut off.
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await app.close();
  await database.close();
  if (keystore !== database) await keystore.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

if (config.processRole === 'worker') {
  // A worker-only instance takes jobs and keeps the schedules; another instance serves HTTP.
  await app.ready();
  app.log.info(
    { database: database.kind, env: config.env, role: config.processRole },
    `Lady's Essence worker is ready`,
  );
  progress('Ready: working the job queue only (PROCESS_ROLE=worker; Ctrl-C stops it).');
} else {
  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    { database: database.kind, env: config.env, tls: https !== undefined, role: config.processRole },
    `Lady's Essence is ready`,
  );
  const { port } = app.server.address() as AddressInfo;
  progress(
    `Ready: open ${browserUrl(config.host, port, https !== undefined)} in your browser (Ctrl-C stops it).`,
  );
}
