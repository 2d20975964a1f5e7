import { randomUUID } from 'node:crypto';
import type { BlindIndex } from '../../platform/crypto/blind-index.ts';
import type { DataProtection, UserVault } from '../../platform/crypto/data-protection.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Language, Role, UserRow } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import type { AuditService } from '../audit/service.ts';
import { checkPassword, checkPin, personalWords, type SecretHasher } from '../auth/secrets.ts';
import { POLICY_KINDS, type Policies } from '../consents/policies.ts';
import type { ConsentRepo } from '../consents/repo.ts';
import { type AppLock, DEFAULT_LOCK_MINUTES } from '../sessions/app-lock.ts';
import { lockFactsOf, type SessionRepo } from '../sessions/repo.ts';
import type { AccountSeal } from './account-seal.ts';
import { normalizeEmail, normalizePhone } from './identifiers.ts';
import type { UserRepo } from './repo.ts';

export type NewAccount = {
  name: string;
  role: Role;
  phone?: string | undefined;
  email?: string | undefined;
  password?: string | undefined;
  pin?: string | undefined;
  birthYear?: number | undefined;
  language?: Language | undefined;
  acceptTerms: boolean;
};

export type PublicUser = {
  id: string;
  name: string;
  role: Role;
  status: 'active' | 'deactivated';
  language: Language;
  timeZone: string;
  phone?: string;
  pendingPhone?: string;
  email?: string;
  birthYear?: number;
  hasPassword: boolean;
  hasPin: boolean;
  lockMinutes: number;
  createdAt: string;
};

const field = (userId: string, column: string) => ({ table: 'users', column, rowId: userId });

export function createUserService(deps: {
  db: Db;
  repo: UserRepo;
  consents: ConsentRepo;
  policies: Policies;
  dataProtection: DataProtection;
  blindIndex: BlindIndex;
  hasher: SecretHasher;
  /** Role and status are trusted only under the server's MAC (a database writer cannot raise them). */
  accountSeal: AccountSeal;
  audit: AuditService;
  clock: () => Date;
  /** Her sessions and the idle-lock rule, to settle locks before her minutes change. */
  sessionLocks: { repo: Pick<SessionRepo, 'listLive' | 'lock'>; rule: AppLock };
}) {
  const { repo, dataProtection, blindIndex, hasher, clock } = deps;

  /**
   * A session's idle lock is decided when it is next used, not written when it falls due. Before
   * her minutes change, every session already idle past the old ones is locked now: raising them
   * from another device must not reopen a diary left open on a shared phone.
   */
  async function lockIdleSessions(userId: string): Promise<void> {
    const now = clock();
    const user = await repo.findById(userId);
    if (!user) return;
    for (const row of await deps.sessionLocks.repo.listLive(userId, now)) {
      const facts = lockFactsOf({ ...row, lock_minutes: user.lock_minutes });
      if (row.locked_at === null && deps.sessionLocks.rule.isLocked(facts, now)) {
        await deps.sessionLocks.repo.lock(row.id, now);
      }
    }
  }

  function toPublic(row: UserRow, vault: UserVault): PublicUser {
    const user: PublicUser = {
      id: row.id,
      name: vault.open(field(row.id, 'name'), row.name_enc),
      role: row.role,
      status: row.status,
      language: row.language,
      timeZone: row.time_zone,
      hasPassword: row.password_hash !== null,
      hasPin: row.pin_hash !== null,
      lockMinutes: row.lock_minutes,
      createdAt: row.created_at.toISOString(),
    };
    const phone = vault.openOptional(field(row.id, 'phone'), row.phone_enc);
    const pendingPhone = vault.openOptional(field(row.id, 'phone_pending'), row.phone_pending_enc ?? null);
    if (pendingPhone !== null) user.pendingPhone = pendingPhone;
    const email = vault.openOptional(field(row.id, 'email'), row.email_enc);
    const birthYear = vault.openOptional(field(row.id, 'birth_year'), row.birth_year_enc);
    if (phone !== null) user.phone = phone;
    if (email !== null) user.email = email;
    if (birthYear !== null) user.birthYear = Number(birthYear);
    return user;
  }

  async function holds(row: UserRow, kind: 'phone' | 'email' | 'phone_pending', value: string) {
    const sealed =
      kind === 'phone' ? row.phone_enc : kind === 'email' ? row.email_enc : row.phone_pending_enc;
    try {
      return (await dataProtection.vaultFor(row.id)).openOptional(field(row.id, kind), sealed) === value;
    } catch {
      return false; // sealed for another row, or under a key that is gone: not this account's
    }
  }

  async function get(userId: string): Promise<PublicUser> {
    const row = await repo.findById(userId);
    assertThat(row, 'not_found', 'No such account');
    return toPublic(row, await dataProtection.vaultFor(userId));
  }

  return {
    /**
     * Creates an account with its own data key; every personal field is encrypted before it is
     * stored. A phone number becomes her sign-in identifier only with proof that she holds it:
     * over USSD the carrier gives the number (proof), elsewhere it waits as a pending number until
     * the code sent to it is entered. A pending number is not unique, so registering answers the
     * same whether or not someone already uses that number.
     */
    async create(
      input: NewAccount,
      ctx: RequestContext,
      /** More rows of the same account, written in its transaction (a provider's profile). */
      alongside?: (tx: Db, account: { id: string; vault: UserVault; now: Date }) => Promise<void>,
    ): Promise<PublicUser> {
      const { name, phone, email } = checkNewAccount(input);
      const carrierProof = ctx.channel === 'ussd';
      const phoneIndex = phone ? blindIndex('phone', phone) : null;
      const emailIndex = email ? blindIndex('email', email) : null;
      if (await repo.identifierTaken(carrierProof ? phoneIndex : null, emailIndex))
        throw new AppError('identifier_taken');

      const id = randomUUID();
      const [passwordHash, pinHash] = await Promise.all([
        input.password === undefined ? null : hasher.hash(id, 'password', input.password),
        input.pin === undefined ? null : hasher.hash(id, 'pin', input.pin),
      ]);
      const now = clock();
      const byAdmin = ctx.principal !== undefined || ctx.channel === 'cli';
      const row = await deps.db
        .transaction()
        .execute(async (tx) => {
          const { vault, save } = dataProtection.newUserKey(id);
          const newRow = {
            id,
            role: input.role,
            status: 'active' as const,
            name_enc: vault.seal(field(id, 'name'), name),
            phone_enc: carrierProof ? vault.sealOptional(field(id, 'phone'), phone) : null,
            phone_bidx: carrierProof ? phoneIndex : null,
            phone_pending_enc: carrierProof ? null : vault.sealOptional(field(id, 'phone_pending'), phone),
            phone_pending_bidx: carrierProof ? null : phoneIndex,
            email_enc: vault.sealOptional(field(id, 'email'), email),
            email_bidx: emailIndex,
            birth_year_enc: vault.sealOptional(field(id, 'birth_year'), input.birthYear?.toString()),
            password_hash: passwordHash,
            pin_hash: pinHash,
            account_mac: deps.accountSeal.seal(id, input.role, 'active'),
            language: input.language ?? 'en',
            time_zone: 'Africa/Kigali',
            lock_minutes: DEFAULT_LOCK_MINUTES,
            created_at: now,
            updated_at: now,
            deactivated_at: null,
          };
          await repo.insert(newRow, tx);
          await save(now, tx);
          // Only her own acceptance counts: an account an admin creates records none, so she is
          // asked to read and accept the terms and privacy notice at her first sign-in.
          if (!byAdmin) {
            for (const kind of POLICY_KINDS) {
              const version = deps.policies[kind].version;
              await deps.consents.record({ userId: id, purpose: kind, version, granted: true, at: now }, tx);
            }
          }
          await alongside?.(tx, { id, vault, now });
          return { row: newRow, vault };
        })
        .catch((error: unknown) => {
          // Two registrations racing for one identifier: the unique index decides, the loser gets a 409.
          if ((error as { code?: string }).code === '23505') throw new AppError('identifier_taken');
          throw error;
        });
      // Self-registration is her own act; an admin's creation is the admin's.
      const actor = byAdmin
        ? auditContextOf(ctx)
        : { ...auditContextOf(ctx), actorId: id, actorRole: input.role };
      await deps.audit.record(actor, {
        action: byAdmin ? 'admin.account_create' : 'account.register',
        outcome: 'success',
        subjectId: id,
        resource: `user:${input.role}`,
      });
      return toPublic(row.row, row.vault);
    },

    get,

    /** Another person's profile: allowed to admins only, and every such read is audited. */
    async getAsAdmin(userId: string, ctx: RequestContext): Promise<PublicUser> {
      const user = await get(userId);
      await deps.audit.record(auditContextOf(ctx), {
        action: 'user.read',
        outcome: 'success',
        subjectId: userId,
        resource: 'profile',
      });
      return user;
    },

    async updateProfile(
      userId: string,
      changes: {
        name?: string | undefined;
        language?: Language | undefined;
        lockMinutes?: number | undefined;
      },
    ) {
      const update: Parameters<UserRepo['update']>[1] = { updated_at: clock() };
      if (changes.name !== undefined) {
        const name = changes.name.trim();
        assertThat(name.length > 0, 'validation_failed', 'The name must not be blank');
        update.name_enc = (await dataProtection.vaultFor(userId)).seal(field(userId, 'name'), name);
      }
      if (changes.language !== undefined) update.language = changes.language;
      if (changes.lockMinutes !== undefined) {
        await lockIdleSessions(userId);
        update.lock_minutes = changes.lockMinutes;
      }
      assertThat(await repo.update(userId, update), 'not_found', 'No such account');
      return get(userId);
    },

    /**
     * Erasure: her rows and her data key are deleted, so any copy of her data left in a backup
     * can no longer be decrypted. The audit trail keeps only pseudonymous rows.
     */
    async deleteAccount(userId: string, ctx: RequestContext): Promise<void> {
      assertThat(await repo.findById(userId), 'not_found', 'No such account');
      // The key first: should deleting the rows fail, what is left can no longer be read anyway.
      await dataProtection.destroyUserKey(userId);
      assertThat(await repo.delete(userId), 'not_found', 'No such account');
      await deps.audit.record(auditContextOf(ctx), {
        action: 'account.delete',
        outcome: 'success',
        subjectId: userId,
        resource: 'account',
      });
      // Her id leaves the audit trail too (tombstones that keep the chain verifiable).
      await deps.audit.forgetSubject(userId);
    },

    /**
     * The account that signs in with this phone number or email, confirmed by decrypting the
     * stored value (encrypted bound to its row): a lookup value moved onto another row by someone
     * who can write the database, but holds no key, finds nothing.
     */
    async findByIdentifier(kind: 'phone' | 'email', value: string): Promise<UserRow | undefined> {
      const row = await repo.findByBlindIndex(kind, blindIndex(kind, value));
      return row && deps.accountSeal.intact(row) && (await holds(row, kind, value)) ? row : undefined;
    },

    /** Whether this account's verified (or, with `pending`, waiting) phone or email is `value`. */
    holds,

    /**
     * The newest active account waiting to verify this number, when it is the only one: with
     * several, nobody can tell which is hers, so none is chosen.
     */
    async findOnlyPendingPhone(phone: string): Promise<UserRow | undefined> {
      const rows = await repo.findByPendingPhone(blindIndex('phone', phone), 2);
      const [row] = rows;
      return rows.length === 1 &&
        row &&
        deps.accountSeal.intact(row) &&
        (await holds(row, 'phone_pending', phone))
        ? row
        : undefined;
    },

    /** Her account's row, unless its role or status was changed without the server's key. */
    async findRow(userId: string): Promise<UserRow | undefined> {
      const row = await repo.findById(userId);
      return row && deps.accountSeal.intact(row) ? row : undefined;
    },

    async birthYearOf(row: UserRow): Promise<number | undefined> {
      const value = (await dataProtection.vaultFor(row.id)).openOptional(
        field(row.id, 'birth_year'),
        row.birth_year_enc,
      );
      return value === null ? undefined : Number(value);
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;

/** The rules every new account meets, whoever creates it; returns the normalised identifiers. */
function checkNewAccount(input: NewAccount) {
  assertThat(input.phone || input.email, 'validation_failed', 'Give a phone number or an email address');
  assertThat(input.password || input.pin, 'validation_failed', 'Choose a password or a PIN');
  assertThat(input.acceptTerms, 'validation_failed', 'The terms and privacy notice must be accepted');
  const phone = input.phone ? normalizePhone(input.phone) : undefined;
  const email = input.email ? normalizeEmail(input.email) : undefined;
  const name = input.name.trim();
  assertThat(name.length > 0, 'validation_failed', 'The name must not be blank');
  if (input.password !== undefined) checkPassword(input.password, personalWords({ name, phone, email }));
  if (input.pin !== undefined) checkPin(input.pin, input.birthYear);
  return { name, phone, email };
}
