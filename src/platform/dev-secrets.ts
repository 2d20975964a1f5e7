import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type DevSecrets = {
  jwtSecret: string;
  masterKeys: string;
  activeMasterKey: string;
  blindIndexKey: string;
};

export const DEV_SECRETS_FILE = 'dev-secrets.json';

/**
 * Development keys live in DATA_DIR, generated on first start with mode 0600, so a clean clone
 * starts with no setup yet no secret is ever hard-coded. Production refuses to use this path.
 * Two processes starting at once on a new directory (the server and a command) end up with the
 * same keys: the file is created only if absent, and the one that loses reads the winner's.
 */
export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, DEV_SECRETS_FILE);
  const existing = readDevSecrets(file);
  if (existing) return existing;
  const secrets: DevSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    masterKeys: `dev1:${randomBytes(32).toString('base64')}`,
    activeMasterKey: 'dev1',
    blindIndexKey: randomBytes(48).toString('base64url'),
  };
  const draft = writeDraft(dataDir, secrets);
  try {
    createExclusively(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readDevSecrets(file) ?? secrets;
  } finally {
    unlinkSync(draft);
  }
  return secrets;
}

/** file := draft's content, unless file exists (EEXIST). */
function createExclusively(draft: string, file: string): void {
  try {
    linkSync(draft, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    // A file system without hard links (some mounted volumes).
    writeFileSync(file, readFileSync(draft), { flag: 'wx', mode: 0o600 });
  }
}

/** Replaces the file whole (written aside, then renamed over it): a reader never sees half of it. */
export function saveDevSecrets(dataDir: string, secrets: DevSecrets): void {
  renameSync(writeDraft(dataDir, secrets), join(dataDir, DEV_SECRETS_FILE));
}

function readDevSecrets(file: string): DevSecrets | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

function writeDraft(dataDir: string, secrets: DevSecrets): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const draft = join(dataDir, `${DEV_SECRETS_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(draft, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(draft, 0o600);
  return draft;
}
