import type { TestDatabase } from '../support/databases.ts';
import type { Actor } from './fuzz-actors.ts';

/** Field names that would mean a stored secret or internal key is on its way out. */
const HIDDEN_KEY = /hash|bidx|blind|_enc$|Enc$|wrapped|master_?key|key_?id|(^|_)salt$|Salt$|pepper|secret/i;

/** Every JSON key under `value` that looks like a hidden field, with where it is. */
export function hiddenKeysIn(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => hiddenKeysIn(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(HIDDEN_KEY.test(k) ? [`${path}.${k}`] : []),
    ...hiddenKeysIn(v, `${path}.${k}`),
  ]);
}

export type Secret = { label: string; value: string };

/** What identifies a person in an answer: her name, email and phone (any form of it). */
export function piiOf(actor: Actor): Secret[] {
  const who = `${actor.role} ${actor.id.slice(0, 8)}`;
  const secrets: Secret[] = [
    { label: `${who}'s name`, value: actor.name },
    { label: `${who}'s email`, value: actor.email },
  ];
  // The national number matches +250…, 0… and any spacing-free form alike.
  if (actor.phone) secrets.push({ label: `${who}'s phone`, value: actor.phone.slice(-9) });
  return secrets;
}

/** Stored secrets of every account: password and PIN hashes, blind indexes and wrapped keys. */
export async function storedSecrets(db: TestDatabase): Promise<Secret[]> {
  const rows = await db.raw<Record<string, string | null>>(
    `SELECT u.password_hash, u.pin_hash, encode(u.phone_bidx, 'hex') AS phone_bidx,
            encode(u.email_bidx, 'hex') AS email_bidx, encode(u.phone_bidx, 'base64') AS phone_bidx64,
            encode(u.email_bidx, 'base64') AS email_bidx64, encode(k.wrapped_key, 'base64') AS wrapped_key
       FROM users u LEFT JOIN user_keys k ON k.user_id = u.id`,
  );
  return rows.flatMap((row) =>
    Object.entries(row).flatMap(([label, value]) => {
      if (!value) return [];
      const plain = value.replace(/\s|=+$/g, '');
      const url = plain.replaceAll('+', '-').replaceAll('/', '_');
      return [...new Set([plain, url])].map((v) => ({ label, value: v }));
    }),
  );
}

/** The secrets found in an answer's body. */
export function leaksIn(body: string, secrets: Secret[]): string[] {
  const found = secrets.filter((s) => s.value.length >= 6 && body.includes(s.value)).map((s) => s.label);
  if (body.includes('$argon2')) found.push('an Argon2 hash');
  return found;
}
