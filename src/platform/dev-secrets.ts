import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
 */
export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, DEV_SECRETS_FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secrets: DevSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    masterKeys: `dev1:${randomBytes(32).toString('base64')}`,
    activeMasterKey: 'dev1',
    blindIndexKey: randomBytes(48).toString('base64url'),
  };
  saveDevSecrets(dataDir, secrets);
  return secrets;
}

export function saveDevSecrets(dataDir: string, secrets: DevSecrets): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DEV_SECRETS_FILE);
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
