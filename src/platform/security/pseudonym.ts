import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Keyed, truncated HMAC of an identifier (an IP address, an account id, the phone or email someone
 * tried): the same input always gives the same pseudonym, so counters and logs can be correlated,
 * but without the key nobody can get back to the person.
 */
export type Pseudonymizer = (purpose: 'ip' | 'subject' | 'phone', value: string) => string;

export function createPseudonymizer(secret: Buffer): Pseudonymizer {
  // Its own key, derived once: pseudonyms never match blind indexes stored in the database.
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'le:security-pseudonym:v1', 32));
  return (purpose, value) =>
    createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest().subarray(0, 12).toString('hex');
}
