import { createHmac } from 'node:crypto';

export type BlindIndex = (kind: 'phone' | 'email' | 'throttle' | 'ussd', normalizedValue: string) => Buffer;

/**
 * Keyed HMAC-SHA-256 of a normalised identifier: equal inputs give equal indexes, so a phone or
 * email can be looked up, but without the key a dump cannot be matched against a list of numbers.
 */
export function createBlindIndex(key: Buffer): BlindIndex {
  return (kind, value) => createHmac('sha256', key).update(`${kind}\u0000${value}`).digest();
}
