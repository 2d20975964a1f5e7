import { randomBytes, randomUUID } from 'node:crypto';
import type { Background } from '../../platform/background.ts';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import { labelledMac, newDigitCode, sameMac, typedDigitCode } from '../../platform/crypto/one-time-code.ts';
import type { UserRow } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import { eventContext, type SecurityEvents } from '../../platform/security/events.ts';
import type { RateLimiter } from '../../platform/security/rate-limit.ts';
import type { AuditService } from '../audit/service.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { ConsentRepo } from '../consents/repo.ts';
import type { TokenPair } from '../sessions/service.ts';
import { classifyIdentifier } from '../users/identifiers.ts';
import type { PublicUser, UserService } from '../users/service.ts';
import type { GuardianRecoveryRepo, RecoveryRequest } from './guardian-recovery-repo.ts';
import type { NewSecret, VerificationService } from './service.ts';

/** How long her request waits for her guardian: long enough for a phone call, no longer. */
export const REQUEST_MINUTES = 30;
/** A browser she has not signed in with for this long no longer counts as hers. */
const DEVICE_DAYS = 365;
const STARTS_PER_HOUR = 5;
const CODE_DIGITS = 8;

export type RecoveryStatus = 'waiting' | 'approved' | 'expired';
export type StartedRequest = { requestId: string; code: string; requestToken: string; expiresAt: string };

const NOT_VALID = 'This code is not valid, was already used or has expired';

/**
 * A forgotten PIN or password, recovered through the guardian who gave consent for her account
 * (decision 020). Three parties, each holding one piece: she starts it on a browser she has signed
 * in with before and keeps the secret its answer carries; her guardian, signed in to their own
 * account, approves the short code she reads out; then that same browser sets the new secret. The
 * guardian alone lacks her device and secret; she alone lacks her guardian's account. Every answer
 * is the same whether or not the account, its guardian or the device exists.
 */
export function createGuardianRecoveryService(deps: {
  repo: GuardianRecoveryRepo;
  consents: Pick<ConsentRepo, 'guardianGrant'>;
  users: UserService;
  dataProtection: DataProtection;
  /** Derived for this purpose only: hashes device tokens, request codes and request secrets. */
  key: Buffer;
  throttle: Pick<LoginThrottle, 'keysForGuardian' | 'keysForUnknown' | 'begin' | 'fail' | 'succeed'>;
  rateLimit: RateLimiter;
  verification: Pick<VerificationService, 'finishRecovery'>;
  audit: AuditService;
  background: Background;
  events: Pick<SecurityEvents, 'record'>;
  clock: () => Date;
}) {
  const { repo, clock } = deps;
  const mac = (purpose: string, value: string) => labelledMac(deps.key, purpose, value);
  const days = (n: number) => new Date(clock().getTime() - n * 86_400_000);
  const quotaKey = (value: string) => mac('quota', value).toString('hex').slice(0, 32);

  /** Whether `guardian` is the one whose consent is in force on `child`'s account. */
  async function isGuardianOf(guardian: UserRow, child: UserRow): Promise<boolean> {
    const grant = await deps.consents.guardianGrant(child.id);
    if (!grant) return false;
    const vault = await deps.dataProtection.vaultFor(child.id);
    let givenBy: { guardianId?: unknown };
    try {
      givenBy = JSON.parse(
        vault.open({ table: 'consent_records', column: 'granted_by', rowId: grant.id }, grant.sealed),
      ) as { guardianId?: unknown };
    } catch {
      return false;
    }
    if (givenBy.guardianId !== guardian.id) return false;
    // Still a guardian with a proven number of their own, and not one of hers.
    const own = guardian.phone_bidx;
    const same = (index: Uint8Array | null) =>
      index !== null && own !== null && Buffer.from(index).equals(own);
    return own !== null && !same(child.phone_bidx) && !same(child.phone_pending_bidx);
  }

  /** The account a request may help, or why not (found after the answer: its timing tells nothing). */
  async function resolve(identifier: string, deviceToken: string | undefined) {
    const parsed = classifyIdentifier(identifier);
    const row = parsed ? await deps.users.findByIdentifier(parsed.kind, parsed.value) : undefined;
    if (row?.status !== 'active') return { row: undefined, helpable: false };
    const known =
      deviceToken !== undefined &&
      (await repo.isKnownDevice(row.id, mac('device', deviceToken), days(DEVICE_DAYS)));
    const grant = known ? await deps.consents.guardianGrant(row.id) : undefined;
    return { row, helpable: known && grant !== undefined };
  }

  /** Of the live requests with the code she read out, the one this guardian may approve. */
  async function approvableBy(guardian: UserRow, live: RecoveryRequest[]) {
    let refusedFor: string | null = null;
    for (const request of live) {
      const child = request.childId ? await deps.users.findRow(request.childId) : undefined;
      if (!child) continue;
      if (await isGuardianOf(guardian, child)) return { match: { request, child }, refusedFor };
      refusedFor = child.id;
    }
    return { match: undefined, refusedFor };
  }

  function secretMatches(request: RecoveryRequest, secret: string): boolean {
    return sameMac(request.secretHash, mac('secret', secret));
  }

  return {
    /** A browser she signed in with: returns the token its cookie keeps (a new one if it had none). */
    async rememberDevice(userId: string, token: string | undefined): Promise<string> {
      const value =
        token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : randomBytes(32).toString('base64url');
      await repo.rememberDevice(userId, mac('device', value), clock(), days(DEVICE_DAYS));
      return value;
    },

    /**
     * She asks her guardian for help, on her own device. The answer (a code to read out and a
     * secret her device keeps) is the same for every identifier; whether the request can ever be
     * approved is settled afterwards.
     */
    async start(
      identifier: string,
      deviceToken: string | undefined,
      ctx: RequestContext,
    ): Promise<StartedRequest> {
      await deps.rateLimit(`guardian-recovery-ip:${quotaKey(ctx.ip)}`, 30, 3600);
      // Per account, however the number is written ("07…", "+250 7…"): the normalised form.
      const parsed = classifyIdentifier(identifier);
      await deps.rateLimit(
        `guardian-recovery-id:${quotaKey(parsed ? `${parsed.kind}:${parsed.value}` : identifier.trim().toLowerCase())}`,
        STARTS_PER_HOUR,
        3600,
      );
      const now = clock();
      const id = randomUUID();
      const code = newDigitCode(CODE_DIGITS);
      const requestToken = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + REQUEST_MINUTES * 60_000);
      await repo.insert(
        { id, codeHash: mac('code', code), secretHash: mac('secret', requestToken), at: now, expiresAt },
        days(1),
      );
      deps.background.run('guardian-recovery-start', async () => {
        const { row, helpable } = await resolve(identifier, deviceToken);
        if (row && helpable) await repo.assignChild(id, row.id);
        // In her access log either way: a request from a device she never used is worth her knowing.
        await deps.audit.record(
          { ...auditContextOf(ctx), actorId: null },
          {
            action: 'auth.guardian_recovery_start',
            outcome: helpable ? 'success' : 'denied',
            subjectId: row?.id ?? null,
            resource: 'guardian',
          },
        );
      });
      return { requestId: id, code, requestToken, expiresAt: expiresAt.toISOString() };
    },

    /** What her device sees while it waits: the same for a request nobody can approve. */
    async status(requestId: string, requestToken: string): Promise<RecoveryStatus> {
      const request = await repo.find(requestId);
      if (!request || !secretMatches(request, requestToken)) return 'waiting';
      if (request.usedAt !== null || request.expiresAt <= clock()) return 'expired';
      return request.approvedAt !== null ? 'approved' : 'waiting';
    },

    /**
     * Her guardian, signed in to their own account, enters the code she read out. Only the guardian
     * whose consent is in force on her account can approve it; anyone else, a wrong code, a used or
     * expired one all get the same answer, counted on the guardian's code budget.
     */
    async approve(guardianId: string, code: string, ctx: RequestContext): Promise<void> {
      const guardian = await deps.users.findRow(guardianId);
      assertThat(
        guardian?.role === 'parent',
        'forbidden',
        'Only a parent or guardian account can approve this',
      );
      assertThat(
        guardian.phone_bidx,
        'guardian_phone_required',
        'Verify your own phone number first (the code we text you proves it), then enter the code again',
      );
      const keys = deps.throttle.keysForGuardian(guardianId);
      const attempt = await deps.throttle.begin(keys);
      const digits = typedDigitCode(code, CODE_DIGITS, /\s+/g);
      const live = digits ? await repo.liveByCode(mac('code', digits), clock()) : [];
      const { match, refusedFor } = await approvableBy(guardian, live);
      if (!match || !(await repo.approve(match.request.id, clock()))) {
        await deps.throttle.fail(keys, attempt);
        await deps.events.record({
          type: 'code_failed',
          ...eventContext(ctx),
          subject: guardianId,
          detail: 'guardian_recovery',
        });
        // A parent who is not her guardian entering her live code is in her access log.
        await deps.audit.record(auditContextOf(ctx), {
          action: 'auth.guardian_recovery_approve',
          outcome: refusedFor ? 'denied' : 'failure',
          subjectId: match?.child.id ?? refusedFor,
          resource: 'guardian',
        });
        throw new AppError('not_found', NOT_VALID);
      }
      await deps.throttle.succeed(keys);
      await deps.audit.record(auditContextOf(ctx), {
        action: 'auth.guardian_recovery_approve',
        outcome: 'success',
        subjectId: match.child.id,
        resource: 'guardian',
      });
    },

    /** Her device, with its secret and an approved request, sets her new PIN or password. */
    async complete(
      input: { requestId: string; requestToken: string } & NewSecret,
      ctx: RequestContext,
    ): Promise<TokenPair & { user: PublicUser }> {
      await deps.rateLimit(`guardian-recovery-ip:${quotaKey(ctx.ip)}`, 30, 3600);
      const keys = deps.throttle.keysForUnknown(`guardian-recovery\u0000${input.requestId}`, ctx.ip);
      const attempt = await deps.throttle.begin(keys);
      const request = await repo.find(input.requestId);
      const ready =
        request !== undefined &&
        secretMatches(request, input.requestToken) &&
        request.approvedAt !== null &&
        request.usedAt === null &&
        request.expiresAt > clock();
      const child = ready && request.childId ? await deps.users.findRow(request.childId) : undefined;
      if (!request || child?.status !== 'active') {
        await deps.throttle.fail(keys, attempt);
        throw new AppError('invalid_code');
      }
      await deps.throttle.succeed(keys);
      return deps.verification.finishRecovery(child, input, ctx, {
        resource: 'guardian',
        spend: () => repo.spend(request.id, clock()),
      });
    },
  };
}
export type GuardianRecoveryService = ReturnType<typeof createGuardianRecoveryService>;
