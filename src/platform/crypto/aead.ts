import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const FORMAT_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * AES-256-GCM with a random 96-bit nonce. Output: version(1) | nonce(12) | ciphertext | tag(16).
 * The associated data is authenticated, not stored: a ciphertext copied to another row, column or
 * user fails to decrypt instead of silently showing the wrong value.
 */
export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: string): Buffer {
  assertKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_VERSION), nonce, body, cipher.getAuthTag()]);
}

export function open(key: Uint8Array, sealed: Uint8Array, associatedData: string): Buffer {
  assertKey(key);
  const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (data.length < 1 + NONCE_BYTES + TAG_BYTES || data[0] !== FORMAT_VERSION) {
    throw new DecryptionError('unknown ciphertext format');
  }
  const nonce = data.subarray(1, 1 + NONCE_BYTES);
  const tag = data.subarray(data.length - TAG_BYTES);
  const body = data.subarray(1 + NONCE_BYTES, data.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new DecryptionError('ciphertext does not authenticate under this key and context');
  }
}

export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function assertKey(key: Uint8Array): void {
  if (key.byteLength !== KEY_BYTES) throw new Error('AES-256-GCM needs a 32-byte key');
}

export class DecryptionError extends Error {}
