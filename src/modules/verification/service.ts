import { randomUUID } from 'node:crypto';
import type { Background } from '../../platform/background.ts';
import type { BlindIndex } from '../../platform/crypto/blind-index.ts';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import { labelledMac, newDigitCode, sameMac, typedDigitCode } from '../../platform/crypto/one-time-code.ts';
import type { Language, UserRow } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { translate, translateCount } from '../../platform/i18n/index.ts';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import { eventContext, type SecurityEvents } from '../../platform/security/events.ts';
import type { RateLimiter } from '../../platform/security/rate-limit.ts';
import type { AuditService } from '../audit/service.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import { checkPassword, checkPin, personalWords, type SecretHasher } from '../auth/secrets.ts';
import type { SessionService, TokenPair } from '../sessions/service.ts';
import { normalizePhone } from '../users/identifiers.ts';
import type { UserRepo } from '../users/repo.ts';
import type { PublicUser, UserService } from '../users/service.ts';
import type { CodePurpose, VerificationRepo } from './repo.ts';

const CODE_MINUTES = 15;
const CODE_DIGITS = 6;
const SENDS_PER_HOUR = 5;

/** What the verification service needs of the SMS channel: one message, sent now or not. */
export type SendSms = (message: { to: string; text: string; purpose: string }) => Promise<{ sent: boolean }>;

export type NewSecret = { newPassword?: string | undefined; newPin?: string | undefined };

const field = (userId: string, column: string) => ({ table: 'users', column, rowId: userId });

/**
 * Proof that someone holds a phone number: a 6-digit code sent to it by SMS (the USSD channel
 * needs none: the carrier gives the caller's number). Used to make a number a sign-in identifier
 * and to recover an account whose PIN or password is forgotten.
 */
export function createVerificationService(deps: {
  repo: VerificationRepo;
  userRepo: UserRepo;
  users: UserService;
  dataProtection: DataProtection;
  blindIndex: BlindIndex;
  codeKey: Buffer;
  sendSms: SendSms;
  throttle: Pick<
    LoginThrottle,
    'keysForSmsCode' | 'keysForAccount' | 'keysForUnknown' | 'begin' | 'fail' | 'succeed' | 'clear'
  >;
  rateLimit: RateLimiter;
  sessions: Pick<SessionService, 'revokeAll' | 'start'>;
  hasher: SecretHasher;
  audit: AuditService;
  /** Country calling codes whose numbers may be texted (SMS_COUNTRY_CODES). */
  countryCodes: string[];
  /** Where a recovery's look-up and text run after the answer (its timing must not tell). */
  background: Background;
  /** Wrong codes are security events (they feed the per-address alert rules). */
  events: Pick<SecurityEvents, 'record'>;
  clock: () => Date;
}) {
  const { repo, blindIndex, clock } = deps;
  // Labelled with the code's own row: a hash copied to another row matches nothing there.
  const hashCode = (rowId: string, code: string) => labelledMac(deps.codeKey, rowId, code);
  // Pseudonyms for quota keys: never a raw number in a counter's name.
  const numberKey = (phone: string) =>
    blindIndex('throttle', `sms\u0000${phone}`).toString('hex').slice(0, 32);

  /** Whether texts may go to this number (allowed countries only: codes cost money). */
  const canText = (phone: string) => deps.countryCodes.some((code) => phone.startsWith(`+${code}`));
  const assertTextable = (phone: string) =>
    assertThat(
      canText(phone),
      'invalid_phone',
      `Codes can only be texted to numbers starting ${deps.countryCodes.map((c) => `+${c}`).join(' or ')}`,
    );

  /** Makes a code for this account and number, stores its hash and texts it. */
  async function issue(userId: string, phone: string, purpose: CodePurpose, lang: Language) {
    const now = clock();
    const id = randomUUID();
    const code = newDigitCode(CODE_DIGITS);
    await repo.retireLive(userId, purpose, now);
    await repo.insert({
      id,
      userId,
      purpose,
      phoneIndex: blindIndex('phone', phone),
      codeHash: hashCode(id, code),
      at: now,
      expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
    });
    // Discreet: the text names neither the service nor what it is about (a family phone is common).
    const text = translateCount(lang, 'sms.code', CODE_MINUTES, { code });
    return deps.sendSms({
      to: phone,
      text,
      purpose: purpose === 'phone' ? 'phone_verification' : 'recovery',
    });
  }

  /**
   * Checks a code against the newest live one for this account and number, counted per number;
   * `beforeSpend` runs between a match and the spend (a refused new secret keeps the code usable).
   */
  async function redeem(
    target: { userId: string; known: boolean; phone: string; purpose: CodePurpose; code: string },
    ctx: RequestContext,
    beforeSpend?: () => Promise<void> | void,
  ) {
    const { userId, phone, purpose, code } = target;
    // Per number, and on the account's own guess budget (one budget for codes and secrets alike);
    // a number with no account gets the same budgets under its own name.
    const keys = [
      ...deps.throttle.keysForSmsCode(phone),
      ...(target.known ? deps.throttle.keysForAccount(userId) : deps.throttle.keysForUnknown(`sms:${phone}`)),
    ];
    const attempt = await deps.throttle.begin(keys);
    const stored = typedDigitCode(code, CODE_DIGITS)
      ? await repo.latestLive(userId, blindIndex('phone', phone), purpose, clock())
      : undefined;
    const matches = stored !== undefined && sameMac(stored.codeHash, hashCode(stored.id, code));
    if (!stored || !matches) {
      await deps.throttle.fail(keys, attempt);
      await deps.events.record({
        type: 'code_failed',
        ...eventContext(ctx),
        subject: phone,
        detail: purpose,
      });
      throw new AppError('invalid_code');
    }
    await deps.throttle.succeed(keys);
    await beforeSpend?.();
    if (!(await repo.spend(stored.id, clock()))) throw new AppError('invalid_code');
  }

  async function pendingPhoneOf(row: UserRow): Promise<string | undefined> {
    const vault = await deps.dataProtection.vaultFor(row.id);
    return vault.openOptional(field(row.id, 'phone_pending'), row.phone_pending_enc) ?? undefined;
  }

  return {
    /** A number given at registration must be one we can text (else it could never be verified). */
    assertTextable: (phoneInput: string) => assertTextable(normalizePhone(phoneInput)),

    /**
     * Sends a code to the number she gives (or to her pending number again). The number stays
     * pending, and is no sign-in identifier, until the code comes back.
     */
    async startPhoneVerification(
      userId: string,
      input: { phone?: string | undefined },
      ctx: RequestContext,
    ): Promise<{ pendingPhone: string; expiresInSeconds: number }> {
      const row = await deps.users.findRow(userId);
      assertThat(row, 'not_found', 'No such account');
      const phone = input.phone !== undefined ? normalizePhone(input.phone) : await pendingPhoneOf(row);
      assertThat(phone, 'validation_failed', 'Give the phone number to verify');
      assertTextable(phone);
      await deps.rateLimit(`sms-account:${numberKey(userId)}`, SENDS_PER_HOUR, 3600);
      await deps.rateLimit(`sms-number:${numberKey(phone)}`, SENDS_PER_HOUR, 3600);
      if (input.phone !== undefined) {
        const vault = await deps.dataProtection.vaultFor(userId);
        await deps.userRepo.update(userId, {
          phone_pending_enc: vault.seal(field(userId, 'phone_pending'), phone),
          phone_pending_bidx: blindIndex('phone', phone),
          updated_at: clock(),
        });
      }
      const { sent } = await issue(userId, phone, 'phone', row.language);
      if (!sent) throw new AppError('sms_unavailable');
      await deps.audit.record(auditContextOf(ctx), {
        action: 'account.phone_code',
        outcome: 'success',
        subjectId: userId,
        resource: 'phone',
      });
      return { pendingPhone: phone, expiresInSeconds: CODE_MINUTES * 60 };
    },

    /** The code came back: her pending number becomes her sign-in number. */
    async confirmPhone(userId: string, code: string, ctx: RequestContext): Promise<PublicUser> {
      const row = await deps.users.findRow(userId);
      assertThat(row, 'not_found', 'No such account');
      const phone = await pendingPhoneOf(row);
      assertThat(phone, 'conflict', 'There is no phone number waiting to be verified');
      await redeem({ userId, known: true, phone, purpose: 'phone', code }, ctx);
      const vault = await deps.dataProtection.vaultFor(userId);
      const previous = vault.openOptional(field(userId, 'phone'), row.phone_enc);
      await promotePending(userId, phone);
      if (previous !== null && previous !== phone) {
        // Her sign-in (and recovery) number changed: her other sessions end, and the old number
        // hears of it, so a change she did not make does not go unnoticed.
        await deps.sessions.revokeAll(userId, 'phone_change', ctx.principal?.sessionId);
        const text = translate(row.language, 'sms.number_changed');
        await deps.sendSms({ to: previous, text, purpose: 'number_changed' });
      }
      await deps.audit.record(auditContextOf(ctx), {
        action: 'account.phone_verified',
        outcome: 'success',
        subjectId: userId,
        resource: 'phone',
      });
      return deps.users.get(userId);
    },

    /**
     * A forgotten PIN or password: a code goes to the account's verified number. The answer is the
     * same whether or not the number has an account (and whether the text could be sent).
     */
    async startRecovery(phoneInput: string, ctx: RequestContext): Promise<void> {
      const phone = normalizePhone(phoneInput);
      await deps.rateLimit(`recovery-number:${numberKey(phone)}`, SENDS_PER_HOUR, 3600);
      await deps.rateLimit(`recovery-ip:${numberKey(ctx.ip)}`, 30, 3600);
      // Everything that differs between a number with an account and one without happens after
      // the answer, so neither its content nor its timing tells them apart.
      deps.background.run('recovery-code', async () => {
        if (!canText(phone)) return; // such a number never has a verified account
        // Her sign-in number; failing that, a number she gave and never verified (she may have lost
        // the session she registered in): the code proves it now, and completing verifies it.
        const row =
          (await deps.users.findByIdentifier('phone', phone)) ??
          (await deps.users.findOnlyPendingPhone(phone));
        if (row?.status !== 'active') return;
        await issue(row.id, phone, 'recovery', row.language);
        await deps.audit.record(
          { ...auditContextOf(ctx), actorId: null },
          { action: 'auth.recovery_code', outcome: 'success', subjectId: row.id, resource: 'sms' },
        );
      });
    },

    /** The code came back with a new secret: set it, end every session, start a new one. */
    async completeRecovery(
      input: { phone: string; code: string } & NewSecret,
      ctx: RequestContext,
    ): Promise<TokenPair & { user: PublicUser }> {
      const phone = normalizePhone(input.phone);
      const ownerId = await repo.latestLiveOwner(blindIndex('phone', phone), 'recovery', clock());
      const owner = ownerId ? await deps.users.findRow(ownerId) : undefined;
      // The account the code was made for, if it still holds this number (verified or waiting).
      const verified = owner ? await deps.users.holds(owner, 'phone', phone) : false;
      const pending = owner && !verified ? await deps.users.holds(owner, 'phone_pending', phone) : false;
      const row = verified || pending ? owner : undefined;
      await deps.rateLimit(`recovery-ip:${numberKey(ctx.ip)}`, 30, 3600);
      // An unknown number is refused exactly like a wrong code (and counted the same way). The new
      // secret is checked before the code is spent, so a weak PIN does not cost her the code.
      let user: PublicUser | undefined;
      await redeem(
        {
          userId: row?.id ?? '00000000-0000-0000-0000-000000000000',
          known: row !== undefined,
          phone,
          purpose: 'recovery',
          code: input.code,
        },
        ctx,
        async () => {
          if (row?.status !== 'active') return;
          user = await deps.users.get(row.id);
          checkNewSecret(user, input);
        },
      );
      assertThat(row?.status === 'active' && user, 'invalid_code');
      if (pending) await promotePending(row.id, phone);
      // A recovery replaces every secret: whoever knew the old one (or set it) is out.
      await setSecret(row, user, input, { replaceAll: true });
      user = await deps.users.get(row.id);
      await deps.sessions.revokeAll(row.id, 'recovery');
      // She proved she holds the number: locks others caused on her account are lifted.
      await deps.throttle.clear(deps.throttle.keysForAccount(row.id));
      await deps.audit.record(
        { ...auditContextOf(ctx), actorId: row.id, actorRole: row.role },
        { action: 'auth.recovery', outcome: 'success', subjectId: row.id, resource: 'sms' },
      );
      const tokens = await deps.sessions.start(row, ctx);
      return { ...tokens, user };
    },

    /**
     * She proved herself another way (her guardian approved a request from her own device): the
     * new secret is checked, the proof spent (`spend` is false when it was already), every secret
     * and session replaced, locks lifted, and a new session starts.
     */
    async finishRecovery(
      row: UserRow,
      secret: NewSecret,
      ctx: RequestContext,
      proof: { resource: string; spend: () => Promise<boolean> },
    ): Promise<TokenPair & { user: PublicUser }> {
      checkNewSecret(await deps.users.get(row.id), secret);
      if (!(await proof.spend())) throw new AppError('invalid_code');
      await setSecret(row, await deps.users.get(row.id), secret, { replaceAll: true });
      await deps.sessions.revokeAll(row.id, 'recovery');
      await deps.throttle.clear(deps.throttle.keysForAccount(row.id));
      await deps.audit.record(
        { ...auditContextOf(ctx), actorId: row.id, actorRole: row.role },
        { action: 'auth.recovery', outcome: 'success', subjectId: row.id, resource: proof.resource },
      );
      const tokens = await deps.sessions.start(row, ctx);
      return { ...tokens, user: await deps.users.get(row.id) };
    },

    /**
     * Over USSD the carrier gives the caller's number, which is the proof: a new PIN for the account
     * that signs in with it; every session ends.
     */
    async resetPinByCarrier(phone: string, newPin: string, ctx: RequestContext): Promise<boolean> {
      const row = await deps.users.findByIdentifier('phone', phone);
      if (row?.status !== 'active') return false;
      await setSecret(row, await deps.users.get(row.id), { newPin }, { replaceAll: true });
      await deps.sessions.revokeAll(row.id, 'recovery');
      await deps.throttle.clear(deps.throttle.keysForAccount(row.id));
      await deps.audit.record(
        { ...auditContextOf(ctx), actorId: row.id, actorRole: row.role },
        { action: 'auth.recovery', outcome: 'success', subjectId: row.id, resource: 'ussd' },
      );
      return true;
    },
  };

  /** A number she has just proven becomes her sign-in number. */
  async function promotePending(userId: string, phone: string): Promise<void> {
    const vault = await deps.dataProtection.vaultFor(userId);
    const moved = await deps.userRepo
      .update(userId, {
        phone_enc: vault.seal(field(userId, 'phone'), phone),
        phone_bidx: blindIndex('phone', phone),
        phone_pending_enc: null,
        phone_pending_bidx: null,
        updated_at: clock(),
      })
      .catch((error: unknown) => {
        // She proved she holds the number, so she may learn that another account signs in with it.
        if ((error as { code?: string }).code === '23505') throw new AppError('phone_taken');
        throw error;
      });
    assertThat(moved, 'not_found', 'No such account');
  }

  /** The rules a new secret meets (exactly one; not weak; not her name, number or birth year). */
  function checkNewSecret(user: PublicUser, secret: NewSecret): void {
    if ((secret.newPassword === undefined) === (secret.newPin === undefined)) {
      throw new AppError('validation_failed', 'Give exactly one of newPassword or newPin');
    }
    if (secret.newPassword !== undefined) checkPassword(secret.newPassword, personalWords(user));
    else if (secret.newPin !== undefined) checkPin(secret.newPin, user.birthYear);
  }

  async function setSecret(
    row: UserRow,
    user: PublicUser,
    secret: NewSecret,
    opts: { replaceAll?: boolean } = {},
  ): Promise<void> {
    checkNewSecret(user, secret);
    if (secret.newPassword !== undefined) {
      const hash = await deps.hasher.hash(row.id, 'password', secret.newPassword);
      await deps.userRepo.update(row.id, {
        password_hash: hash,
        ...(opts.replaceAll ? { pin_hash: null } : {}),
        updated_at: clock(),
      });
    } else if (secret.newPin !== undefined) {
      const hash = await deps.hasher.hash(row.id, 'pin', secret.newPin);
      await deps.userRepo.update(row.id, {
        pin_hash: hash,
        ...(opts.replaceAll ? { password_hash: null } : {}),
        updated_at: clock(),
      });
    }
  }
}
export type VerificationService = ReturnType<typeof createVerificationService>;
