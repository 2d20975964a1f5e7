import { createHmac, createSecretKey } from 'node:crypto';

export type BlindIndex = (kind: 'phone' | 'email' | 'throttle' | 'ussd', normalizedValue: string) => Buffer;

/**
 * Keyed HMAC-SHA-256 of a normalised identifier: equal inputs give equal indexes, so a phone or
 * email can be looked up, but without the key a dump cannot be matched against a list of numbers.
 */
export function createBlindIndex(key: Buffer): BlindIndex {
  // One key object for the process: from a raw buffer, Node rebuilds it on every HMAC (a profile
  // of the USSD bench showed that as one of the larger per-hop costs).
  const secret = createSecretKey(key);
  return (kind, value) => createHmac('sha256', secret).update(`${kind}\u0000${value}`).digest();
}
