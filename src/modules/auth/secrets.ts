import { createHmac, timingSafeEqual } from 'node:crypto';
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

export type CredentialKind = 'password' | 'pin';

/** Versioned peppers (CREDENTIAL_PEPPERS): new hashes use the active one, older ones still verify. */
export type Peppers = {
  keys: Map<string, Buffer>;
  active: string;
  /** The pepper PINs had before hashes were bound to accounts (accepted only inside a sealed legacy hash). */
  legacyPin: Buffer;
};

export type Verified = { ok: boolean; rehash: boolean };

const CURRENT = '$le1$';
const LEGACY = '$lemac$';

/**
 * Stored credential hashes are bound to their account and to a server secret:
 *   `$le1$<pepper id>$<Argon2id of HMAC(pepper, kind ‖ account id ‖ secret)>`.
 * Someone who can write the database but holds no pepper can neither make a hash that verifies
 * nor move a hash from one account to another (the account id is inside the MAC). Hashes made
 * before this scheme are kept only wrapped, `$lemac$<pepper id>$<MAC of kind ‖ id ‖ hash>$<hash>`,
 * by a start-up upgrade (src/platform/upgrades/), and re-hashed at the next successful sign-in.
 */
export function createSecretHasher(cost: PasswordHashingCost, peppers: Peppers) {
  // The library's default algorithm is Argon2id (its const enum cannot be named under type stripping);
  // a test asserts every stored hash contains $argon2id$.
  const costs: Record<CredentialKind, PasswordHashingCost> = {
    password: { ...cost },
    pin: { ...PIN_HASHING },
  };
  const pepperOf = (id: string) => peppers.keys.get(id);
  const activeKey = pepperOf(peppers.active);
  if (!activeKey) throw new Error(`the active credential pepper ${peppers.active} is not configured`);
  const normalize = (kind: CredentialKind, secret: string) =>
    kind === 'password' ? normalizeSecret(secret) : secret;
  const bound = (key: Buffer, kind: CredentialKind, userId: string, secret: string) =>
    createHmac('sha256', key)
      .update(`${kind}\u0000${userId}\u0000${normalize(kind, secret)}`, 'utf8')
      .digest('base64');
  const legacyMac = (key: Buffer, kind: CredentialKind, userId: string, inner: string) =>
    createHmac('sha256', key)
      .update(`legacy\u0000${kind}\u0000${userId}\u0000${inner}`, 'utf8')
      .digest('base64url');
  // Verifying against these when an account or hash is unusable keeps failures equally slow.
  const dummies: Record<CredentialKind, Promise<string>> = {
    password: hash('timing-equaliser-not-a-real-secret', costs.password),
    pin: hash('timing-equaliser-not-a-real-pin', costs.pin),
  };

  async function argonCheck(kind: CredentialKind, encoded: string | undefined, input: string) {
    const target = encoded ?? (await dummies[kind]);
    try {
      return (await verify(target, input)) && encoded !== undefined;
    } catch {
      return false;
    }
  }

  /** The Argon2id input a legacy hash was made from: the bare password, or the PIN under the old pepper. */
  const legacyInput = (kind: CredentialKind, secret: string) =>
    kind === 'password'
      ? normalizeSecret(secret)
      : createHmac('sha256', peppers.legacyPin).update(secret, 'utf8').digest('base64');

  return {
    async hash(userId: string, kind: CredentialKind, secret: string): Promise<string> {
      const encoded = await hash(bound(activeKey, kind, userId, secret), costs[kind]);
      return `${CURRENT}${peppers.active}$${encoded}`;
    },

    /**
     * Whether `secret` is this account's credential; `rehash` says the stored form is older than
     * the active pepper/scheme and should be replaced now that the secret is known.
     */
    async verify(
      userId: string,
      kind: CredentialKind,
      stored: string | null | undefined,
      secret: string,
    ): Promise<Verified> {
      const parsed = parseStored(stored);
      if (parsed?.scheme === 'current') {
        const key = pepperOf(parsed.pepperId);
        const ok = await argonCheck(
          kind,
          key ? parsed.encoded : undefined,
          key ? bound(key, kind, userId, secret) : secret,
        );
        return { ok, rehash: ok && parsed.pepperId !== peppers.active };
      }
      if (parsed?.scheme === 'legacy') {
        const key = pepperOf(parsed.pepperId);
        const genuine =
          key !== undefined && timingSafeEqualText(legacyMac(key, kind, userId, parsed.encoded), parsed.mac);
        const ok = await argonCheck(kind, genuine ? parsed.encoded : undefined, legacyInput(kind, secret));
        return { ok, rehash: ok };
      }
      await argonCheck(kind, undefined, secret);
      return { ok: false, rehash: false };
    },

    /** Seals a hash written before hashes were bound to accounts, so it keeps working until re-hashed. */
    wrapLegacy(userId: string, kind: CredentialKind, stored: string): string {
      return `${LEGACY}${peppers.active}$${legacyMac(activeKey, kind, userId, stored)}$${stored}`;
    },
  };
}
export type SecretHasher = ReturnType<typeof createSecretHasher>;

/** A stored hash in neither of our bound forms (written before binding, or by someone else). */
export function isUnboundHash(stored: string): boolean {
  return !stored.startsWith(CURRENT) && !stored.startsWith(LEGACY);
}

type Parsed =
  | { scheme: 'current'; pepperId: string; encoded: string }
  | { scheme: 'legacy'; pepperId: string; mac: string; encoded: string };

function parseStored(stored: string | null | undefined): Parsed | undefined {
  if (!stored) return undefined;
  if (stored.startsWith(CURRENT)) {
    const rest = stored.slice(CURRENT.length);
    const cut = rest.indexOf('$');
    if (cut <= 0) return undefined;
    return { scheme: 'current', pepperId: rest.slice(0, cut), encoded: rest.slice(cut + 1) };
  }
  if (stored.startsWith(LEGACY)) {
    const [pepperId, mac, ...inner] = stored.slice(LEGACY.length).split('$');
    if (!pepperId || !mac || inner.length === 0) return undefined;
    return { scheme: 'legacy', pepperId, mac, encoded: inner.join('$') };
  }
  return undefined;
}

function timingSafeEqualText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
