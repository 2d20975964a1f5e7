import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { AppError } from '../../platform/http/errors.ts';

const DEFAULT_COUNTRY = 'RW';

/** E.164 form of a phone number; local Rwandan forms (0788 123 456) are accepted. */
export function normalizePhone(input: string): string {
  const parsed = parsePhoneNumberFromString(input.trim(), DEFAULT_COUNTRY);
  if (!parsed?.isValid()) {
    throw new AppError(
      'invalid_phone',
      'Give a valid mobile number, for example 0788 123 456 or +250 788 123 456',
    );
  }
  return parsed.number;
}

export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

/** A login identifier is an email when it has an @, otherwise a phone number. */
export function classifyIdentifier(input: string): { kind: 'email' | 'phone'; value: string } | undefined {
  if (input.includes('@')) return { kind: 'email', value: normalizeEmail(input) };
  try {
    return { kind: 'phone', value: normalizePhone(input) };
  } catch {
    return undefined;
  }
}

/**
 * A short fingerprint of someone's current password and PIN hashes: a channel that keeps its own
 * signed-in state (a USSD call) compares it on every step, so a credential change elsewhere ends it.
 */
export function credentialFingerprint(row: {
  pin_hash: string | null;
  password_hash: string | null;
}): string {
  return createHash('sha256')
    .update(`${row.pin_hash ?? ''}|${row.password_hash ?? ''}`)
    .digest('hex')
    .slice(0, 16);
}
