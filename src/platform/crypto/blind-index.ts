import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { derivePurposeKey } from './purpose-keys.ts';

export const BLIND_INDEX_KINDS = ['phone', 'email', 'throttle', 'ussd'] as const;
export type BlindIndexKind = (typeof BLIND_INDEX_KINDS)[number];
export type BlindIndex = (kind: BlindIndexKind, normalizedValue: string) => Buffer;

/** The version of the index keys; a new one is brought in by re-indexing (src/modules/upgrades/). */
export const BLIND_INDEX_VERSION = 'v2';

/**
 * Keyed HMAC-SHA-256 of a normalised identifier: equal inputs give equal indexes, so a phone or
 * email can be looked up, but without the key a dump cannot be matched against a list of numbers.
 * Each kind has its own key derived from BLIND_INDEX_KEY, so an index of one kind (a throttle key,
 * a USSD session id) can never be matched against another (a phone number).
 */
export function createBlindIndex(root: Buffer): BlindIndex {
  // One key object per kind for the process: from a raw buffer, Node rebuilds it on every HMAC (a
  // profile of the USSD bench showed that as one of the larger per-hop costs).
  const keys = new Map<BlindIndexKind, KeyObject>(
    BLIND_INDEX_KINDS.map((kind) => [
      kind,
      createSecretKey(derivePurposeKey(root, `blind-index:${kind}:${BLIND_INDEX_VERSION}`)),
    ]),
  );
  return (kind, value) =>
    createHmac('sha256', keys.get(kind) as KeyObject)
      .update(value)
      .digest();
}
