import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHashingCost } from '../../platform/config.ts';
import { AppError } from '../../platform/http/errors.ts';

export const PASSWORD_MIN_LENGTH = 8;
// Generous so pass-phrases fit; bounded so a megabyte "password" cannot tie up Argon2.
export const PASSWORD_MAX_LENGTH = 256;
export const PIN_LENGTH = 5;

// ~49,000 common and breached passwords, bundled with the package, so the check works offline.
// Loaded on the first password check rather than at start: the phone channel never needs it.
let commonPasswords: Set<string> | undefined;
function isCommonPassword(lower: string): boolean {
  if (!commonPasswords) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as {
      dictionary: Record<string, string[]>;
    };
    commonPasswords = new Set((dictionary['passwords-common'] ?? []).map((p) => p.toLowerCase()));
  }
  return commonPasswords.has(lower);
}

const COMMON_PINS = new Set([
  '12321',
  '13579',
  '24680',
  '11223',
  '12312',
  '11122',
  '10000',
  '99999',
  '00000',
]);

/** NIST SP 800-63B style: length, not composition rules; never a common password; never truncated. */
export function checkPassword(password: string, personal: string[] = []): void {
  const normalized = normalizeSecret(password);
  const length = [...normalized].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new AppError(
      'weak_password',
      `Use at least ${PASSWORD_MIN_LENGTH} characters; a short sentence works well`,
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new AppError('weak_password', `Use at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  const lower = normalized.toLowerCase();
  if (isCommonPassword(lower)) {
    throw new AppError(
      'weak_password',
      'This password is on a list of common or leaked passwords; choose another',
    );
  }
  if (new Set(lower).size < 3) throw new AppError('weak_password', 'Use more than two different characters');
  for (const word of personal) {
    if (word.length >= 4 && lower.includes(word.toLowerCase())) {
      throw new AppError('weak_password', 'Do not use your name, phone number or email in your password');
    }
  }
}

/** Words from the person's own details that must not appear in their password. */
export function personalWords(person: {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
}) {
  return [...person.name.split(/\s+/), person.phone?.slice(-6) ?? '', person.email?.split('@')[0] ?? ''];
}

/** 5 digits, refusing what a person nearby would guess first: repeats, runs, patterns, birth year. */
export function checkPin(pin: string, birthYear?: number): void {
  if (!new RegExp(`^[0-9]{${PIN_LENGTH}}$`).test(pin)) {
    throw new AppError('weak_pin', `The PIN must be exactly ${PIN_LENGTH} digits`);
  }
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => d - (digits[i] ?? 0));
  const allSame = steps.every((s) => s === 0);
  const run = steps.every((s) => s === 1) || steps.every((s) => s === -1);
  const alternating = pin[0] === pin[2] && pin[2] === pin[4] && pin[1] === pin[3];
  if (allSame || run || alternating || COMMON_PINS.has(pin)) {
    throw new AppError(
      'weak_pin',
      'This PIN is too easy to guess: avoid repeated digits, runs like 12345 and patterns',
    );
  }
  if (birthYear !== undefined && pin.includes(String(birthYear))) {
    throw new AppError('weak_pin', 'Do not use your birth year in your PIN');
  }
}

/** Unicode normalisation, so the same pass-phrase typed on two keyboards is the same secret. */
function normalizeSecret(secret: string): string {
  return secret.normalize('NFKC');
}

/**
 * PINs: only 100,000 exist, so no hashing cost stops someone who holds the database *and* every
 * key; what protects them is a pepper (an HMAC key the database never sees) applied before
 * Argon2id. The Argon2id cost for PINs is therefore modest, which keeps the phone channel fast.
 */
export const PIN_HASHING: PasswordHashingCost = { memoryCost: 4096, timeCost: 2, parallelism: 1 };

export function createSecretHasher(cost: PasswordHashingCost, pinPepper: Buffer) {
  // The library's default algorithm is Argon2id (its const enum cannot be named under type stripping);
  // a test asserts every stored hash starts with $argon2id$.
  const options = { ...cost };
  const pinOptions = { ...PIN_HASHING };
  const pepper = (pin: string) => createHmac('sha256', pinPepper).update(pin, 'utf8').digest('base64');
  // Verifying against these when an account is unknown keeps failures equally slow for everyone.
  const dummy = hash('timing-equaliser-not-a-real-secret', options);
  const dummyPin = hash('timing-equaliser-not-a-real-pin', pinOptions);

  async function check(
    stored: string | null | undefined,
    fallback: Promise<string>,
    input: string,
  ): Promise<boolean> {
    const target = stored ?? (await fallback);
    try {
      const ok = await verify(target, input);
      return ok && stored !== null && stored !== undefined;
    } catch {
      return false;
    }
  }

  return {
    hash: (secret: string) => hash(normalizeSecret(secret), options),
    verify: (stored: string | null | undefined, secret: string) =>
      check(stored, dummy, normalizeSecret(secret)),
    hashPin: (pin: string) => hash(pepper(pin), pinOptions),
    verifyPin: (stored: string | null | undefined, pin: string) => check(stored, dummyPin, pepper(pin)),
  };
}
export type SecretHasher = ReturnType<typeof createSecretHasher>;
