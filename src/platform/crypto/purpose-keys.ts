import { hkdfSync } from 'node:crypto';

/**
 * One key per purpose, derived from a root secret that never enters the database (HKDF-SHA-256
 * with the purpose as its label). Keys for different purposes are unrelated, so a value computed
 * for one purpose (a blind index, a token MAC, an audit link) can never stand in for another, and
 * a purpose can move to a new version by changing its label.
 */
export function derivePurposeKey(root: Uint8Array, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), `le:${purpose}`, 32));
}
