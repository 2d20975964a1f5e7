import { createHmac } from 'node:crypto';
import { BUILT_IN_PEPPER_ID, type Config } from '../config.ts';
import type { KeyCheckRepo } from './key-check-repo.ts';
import { createKeyRing } from './key-ring.ts';
import { derivePurposeKey } from './purpose-keys.ts';

/*
 * Start-up check that this process holds the keys its database was made with (decision 014).
 * Without it, two instances with different keys on one database (two development set-ups, or a
 * lost dev-secrets.json) both run: each writes blind indexes, tokens and wrapped keys the other
 * cannot read, so one phone gets two accounts and sessions are refused at random.
 */

export type ServerKeys = Pick<
  Config,
  'jwtSecret' | 'blindIndexKey' | 'masterKeys' | 'activeMasterKeyId' | 'credentialPeppers'
>;

export type KeyCheck = { name: string; value: Buffer };

/** A configured key the database disagrees with, or a master key its wrapped keys need. */
export type KeyProblem = { kind: 'differs'; name: string } | { kind: 'not-configured'; masterKeyId: string };

/**
 * The recorded value for one key: HMAC-SHA-256 under a key derived from the secret for this
 * purpose only, over a label naming the key. One-way: it confirms a key, it cannot rebuild one.
 */
export function keyCheckValue(name: string, secret: Uint8Array): Buffer {
  return createHmac('sha256', derivePurposeKey(secret, 'key-check:v1'))
    .update(`ladys-essence key check:${name}`)
    .digest();
}

/**
 * Every key the configuration holds, named as the operator sets it. The built-in pepper derives
 * from BLIND_INDEX_KEY, so that key's check covers it.
 */
export function keyChecksFor(keys: ServerKeys): KeyCheck[] {
  const named: [string, Uint8Array][] = [
    ['JWT_SECRET', keys.jwtSecret],
    ['BLIND_INDEX_KEY', keys.blindIndexKey],
    ...[...keys.masterKeys].map(([id, key]): [string, Uint8Array] => [`MASTER_KEYS:${id}`, key]),
    ...[...keys.credentialPeppers]
      .filter(([id]) => id !== BUILT_IN_PEPPER_ID)
      .map(([id, key]): [string, Uint8Array] => [`CREDENTIAL_PEPPERS:${id}`, key]),
  ];
  return named.map(([name, secret]) => ({ name, value: keyCheckValue(name, secret) }));
}

/**
 * Compares the configured keys with the database: recorded check values must match (a key id
 * not yet recorded — a new master key or pepper, or the very first start — is recorded now), a
 * master key id that wraps data keys in the key store must be configured and must open one of
 * them. Ids configured but no longer recorded in use (rotated away) are fine either way.
 */
export async function findKeyProblems(
  keys: ServerKeys,
  repo: KeyCheckRepo,
  clock: () => Date,
): Promise<KeyProblem[]> {
  const problems: KeyProblem[] = [];
  const ring = createKeyRing(keys.masterKeys, keys.activeMasterKeyId);
  for (const id of await repo.masterKeyIdsInUse()) {
    if (!ring.has(id)) {
      problems.push({ kind: 'not-configured', masterKeyId: id });
      continue;
    }
    // Also covers a database whose check values were first recorded by this very (wrong) key.
    const sample = await repo.sampleWrappedKey(id);
    if (sample && !opens(() => ring.unwrap(sample.userId, id, sample.wrapped))) {
      problems.push({ kind: 'differs', name: `MASTER_KEYS:${id}` });
    }
  }
  const checks = keyChecksFor(keys);
  const recorded = await repo.reconcile(
    checks,
    clock(),
    (found) => problems.length === 0 && differing(checks, found).length === 0,
  );
  for (const name of differing(checks, recorded)) {
    if (!problems.some((p) => p.kind === 'differs' && p.name === name))
      problems.push({ kind: 'differs', name });
  }
  return problems;
}

function differing(checks: KeyCheck[], recorded: Map<string, Uint8Array>): string[] {
  return checks
    .filter((c) => {
      const value = recorded.get(c.name);
      return value !== undefined && !c.value.equals(value);
    })
    .map((c) => c.name);
}

function opens(unwrap: () => unknown): boolean {
  try {
    unwrap();
    return true;
  } catch {
    return false;
  }
}

/** Where the process's keys and database came from, for messages an operator can act on. */
export type KeyContext = {
  /** The variables whose keys were generated into this development file rather than set. */
  generated: { file: string; variables: string[] } | undefined;
  /** "DATABASE_URL" or the embedded database's directory, as the operator would recognise it. */
  database: string;
};

/** The refusal an operator reads on stderr: which key, why it matters, what to do. */
export function describeKeyProblems(problems: KeyProblem[], context: KeyContext): string {
  const from = (variable: string) =>
    context.generated?.variables.includes(variable)
      ? ` (generated into ${context.generated.file}, since ${variable} is not set)`
      : '';
  const lines = problems.map((p) => `  - ${describeProblem(p, from)}`);
  const dev = context.generated
    ? `In development: use the dev-secrets.json this database was made with (the DATA_DIR of the instance that made it, or a copy of its file at ${context.generated.file}). If that file is lost, the data in this database cannot be read again: start with a new DATA_DIR (and, with DATABASE_URL, a new database).`
    : `Set the same JWT_SECRET, BLIND_INDEX_KEY, MASTER_KEYS and CREDENTIAL_PEPPERS as the instances already using this database, or give this one a database of its own.`;
  return [
    `Refusing to start: the keys given to this process do not match ${context.database}.`,
    ...lines,
    dev,
    `To replace JWT_SECRET on purpose (it signs everyone out): stop every instance, delete its record as the database owner (DELETE FROM key_checks WHERE name = 'JWT_SECRET'), then start them all with the new secret. Master keys are replaced by adding a new id, never by changing a key under an old one (npm run keys:rotate; docs/operations.md).`,
    '',
  ].join('\n');
}

function describeProblem(p: KeyProblem, from: (variable: string) => string): string {
  if (p.kind === 'not-configured') {
    return `master key "${p.masterKeyId}" wraps data keys in the key store but is not in MASTER_KEYS${from('MASTER_KEYS')}: those users' data could not be opened. Keep it in MASTER_KEYS until \`npm run keys:rotate\` has re-wrapped every data key under the active master key.`;
  }
  const [variable = p.name, id] = p.name.split(':');
  switch (variable) {
    case 'JWT_SECRET':
      return `JWT_SECRET${from(variable)} does not match: sessions signed with the recorded key would be refused here, and this process's by every instance holding that key.`;
    case 'BLIND_INDEX_KEY':
      return `BLIND_INDEX_KEY${from(variable)} does not match: existing phones and emails would not be found (the same phone could register twice), and PINs, tokens and the audit trail would not verify.`;
    case 'MASTER_KEYS':
      return `MASTER_KEYS key "${id}"${from(variable)} is not the key this database knows by that id: data keys wrapped by it could not be opened.`;
    default:
      return `${variable} key "${id}" is not the pepper this database knows by that id: passwords and PINs hashed with it would not verify.`;
  }
}
