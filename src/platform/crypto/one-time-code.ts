import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/*
 * Short one-time codes a person reads out or types (care link codes, a guardian's consent and
 * recovery codes, codes sent by SMS): drawn uniformly, kept only as a keyed hash, compared in
 * constant time. Each feature keeps its own length, key and label; the hash input
 * (`label`, a NUL, the code) is what its stored rows were made with, so it must never change.
 */

/** A code of `digits` decimal digits, leading zeros kept, every value as likely as any other. */
export function newDigitCode(digits: number): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/**
 * What someone typed, as a code of `digits` digits once the characters a person adds while
 * copying one down (`ignored`, a global pattern such as spaces and dashes) are taken out;
 * undefined when it cannot be one, so nothing is looked up.
 */
export function typedDigitCode(typed: string, digits: number, ignored?: RegExp): string | undefined {
  const code = ignored ? typed.replace(ignored, '') : typed;
  return code.length === digits && /^[0-9]+$/.test(code) ? code : undefined;
}

/** HMAC-SHA-256 of `label` NUL `value` under `key`: the label keeps one key's several uses apart. */
export function labelledMac(key: Buffer, label: string, value: string): Buffer {
  return createHmac('sha256', key).update(`${label}\u0000${value}`).digest();
}

/** Whether a stored hash equals one just computed, in constant time (one of another length never does). */
export function sameMac(stored: Uint8Array, computed: Buffer): boolean {
  return stored.length === computed.length && timingSafeEqual(Buffer.from(stored), computed);
}
