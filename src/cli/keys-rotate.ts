import { randomBytes } from 'node:crypto';
import { lockDataDirOrExit } from '../platform/bootstrap.ts';
import { loadOrCreateDevSecrets, saveDevSecrets } from '../platform/dev-secrets.ts';
import { openCli } from './cli-context.ts';

/*
 * npm run keys:rotate — re-wraps every user's data key under ACTIVE_MASTER_KEY. Data rows are
 * untouched (they are encrypted with the data keys, which do not change).
 * Production: add the new key to MASTER_KEYS, point ACTIVE_MASTER_KEY at it, run this, then the
 * old key may be removed. Development: `npm run keys:rotate -- --generate` adds and activates a
 * new key in DATA_DIR/dev-secrets.json first.
 */
if (process.argv.includes('--generate')) {
  if (process.env.NODE_ENV === 'production' || process.env.MASTER_KEYS) {
    console.error(
      '--generate only works with the generated development keys; in production set MASTER_KEYS.',
    );
    process.exit(1);
  }
  const dataDir = process.env.DATA_DIR ?? './data';
  // Not while the service runs on this directory: it would keep the old keys and the file would
  // no longer describe them (decision 021).
  if (!process.env.DATABASE_URL) lockDataDirOrExit(dataDir);
  const secrets = loadOrCreateDevSecrets(dataDir);
  const id = `dev${Date.now()}`;
  saveDevSecrets(dataDir, {
    ...secrets,
    masterKeys: `${secrets.masterKeys},${id}:${randomBytes(32).toString('base64')}`,
    activeMasterKey: id,
  });
  console.log(`Generated master key ${id} and made it active.`);
}

const cli = await openCli();
try {
  const { rewrapped } = await cli.services.dataProtection.rewrapAll(new Date());
  console.log(`Re-wrapped ${rewrapped} data keys under master key ${cli.config.activeMasterKeyId}.`);
} finally {
  await cli.close();
}
