import { randomUUID } from 'node:crypto';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import { labelledMac, newDigitCode, typedDigitCode } from '../../platform/crypto/one-time-code.ts';
import type { Db } from '../../platform/db/database.ts';
import type { UserRow } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import type { AuditService } from '../audit/service.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { UserService } from '../users/service.ts';
import { POLICY_KINDS, type Policies, type PolicyKind, PURPOSES, type Purpose } from './policies.ts';
import type { ConsentRecord, ConsentRepo } from './repo.ts';

const GUARDIAN_CODE_HOURS = 48;
const GUARDIAN_CODE_DIGITS = 8;
/** From this many children consented for by one guardian number, an admin is asked to look. */
export const GUARDIAN_REVIEW_AT = 3;
export const GUARDIAN_PURPOSE = 'guardian';

export type ConsentStatus = {
  policies: Array<{
    kind: PolicyKind;
    version: string;
    url: string;
    acceptedVersion: string | null;
    accepted: boolean;
  }>;
  purposes: Array<{ purpose: Purpose; granted: boolean; since: string | null }>;
  guardian: { required: boolean; given: boolean; at: string | null };
};

export type ConsentChanges = {
  accept?: Partial<Record<PolicyKind, string>> | undefined;
  purposes?: Partial<Record<Purpose, boolean>> | undefined;
};

/**
 * Consent as versioned records read at request time: policy acceptance, purposes she grants and
 * withdraws, and a guardian's consent for a young teenager's account (after which the care
 * module links that guardian to her with the prediction and flags: onGuardianConsent).
 */
export function createConsentService(deps: {
  repo: ConsentRepo;
  users: UserService;
  audit: AuditService;
  dataProtection: DataProtection;
  policies: Policies;
  guardianConsentAge: number;
  codeKey: Buffer;
  throttle: Pick<LoginThrottle, 'keysForGuardian' | 'begin' | 'fail' | 'succeed'>;
  db: Db;
  /**
   * Prepares, then writes in the transaction that records a guardian's consent, the care
   * module's link between the two (injected, no import cycle): both happen or neither. The write
   * returns what to note once committed.
   */
  onGuardianConsent?: (
    childId: string,
    guardianId: string,
    ctx: RequestContext,
  ) => Promise<{ write: (tx: Db) => Promise<() => Promise<void>> }>;
  clock: () => Date;
}) {
  const { repo, policies, clock } = deps;
  const hashCode = (code: string) => labelledMac(deps.codeKey, 'guardian-code', code);
  const latestOf = (records: ConsentRecord[], purpose: string) => records.find((r) => r.purpose === purpose);

  /** Age from the birth year alone is the youngest she can be; unknown counts as too young. */
  function underConsentAge(role: string, birthYear: number | undefined): boolean {
    if (role !== 'adolescent') return false;
    const age = birthYear === undefined ? 0 : clock().getUTCFullYear() - birthYear - 1;
    return age < deps.guardianConsentAge;
  }

  async function guardianNeeded(
    row: UserRow,
    records: ConsentRecord[],
  ): Promise<{ required: boolean; given: ConsentRecord | undefined }> {
    const given = latestOf(records, GUARDIAN_PURPOSE);
    if (row.role !== 'adolescent' || given?.granted === true) return { required: false, given };
    return { required: underConsentAge(row.role, await deps.users.birthYearOf(row)), given };
  }

  function pendingIn(records: ConsentRecord[]) {
    return POLICY_KINDS.filter((kind) => {
      const record = latestOf(records, kind);
      return !(record?.granted && record.version === policies[kind].version);
    });
  }

  // Once health data may be kept for someone it stays so (she only gets older; a guardian's
  // consent is not withdrawn), so the answer is remembered in this process to spare every write
  // three queries. Bounded: forgetting only costs a re-check.
  const knownAllowed = new Set<string>();
  const remember = (userId: string) => {
    if (knownAllowed.size >= 50_000) knownAllowed.clear();
    knownAllowed.add(userId);
  };

  async function rowOf(userId: string): Promise<UserRow> {
    const row = await deps.users.findRow(userId);
    assertThat(row, 'not_found', 'No such account');
    return row;
  }

  async function status(userId: string): Promise<ConsentStatus> {
    const [row, records] = await Promise.all([rowOf(userId), repo.latest(userId)]);
    const guardian = await guardianNeeded(row, records);
    return {
      policies: POLICY_KINDS.map((kind) => {
        const record = latestOf(records, kind);
        const acceptedVersion = record?.granted ? record.version : null;
        return {
          kind,
          version: policies[kind].version,
          url: policies[kind].url,
          acceptedVersion,
          accepted: acceptedVersion === policies[kind].version,
        };
      }),
      purposes: PURPOSES.map((purpose) => {
        const record = latestOf(records, purpose);
        return {
          purpose,
          granted: record?.granted === true,
          since: record ? record.recordedAt.toISOString() : null,
        };
      }),
      guardian: {
        required: guardian.required,
        given: guardian.given?.granted === true,
        at: guardian.given?.granted ? guardian.given.recordedAt.toISOString() : null,
      },
    };
  }

  return {
    policies,
    guardianConsentAge: deps.guardianConsentAge,
    status,

    underConsentAge,

    /** Policies whose current version she has not accepted: nothing but her account works until she does. */
    async pendingPolicies(userId: string): Promise<PolicyKind[]> {
      return pendingIn(await repo.latest(userId));
    },

    /** What a channel must know at sign-in, read together: pending policies, a missing guardian consent. */
    async signInState(userId: string): Promise<{ pendingPolicies: PolicyKind[]; guardianRequired: boolean }> {
      const [row, records] = await Promise.all([rowOf(userId), repo.latest(userId)]);
      return {
        pendingPolicies: pendingIn(records),
        guardianRequired: (await guardianNeeded(row, records)).required,
      };
    },

    async update(userId: string, changes: ConsentChanges, ctx: RequestContext): Promise<ConsentStatus> {
      const now = clock();
      for (const [kind, version] of Object.entries(changes.accept ?? {}) as Array<[PolicyKind, string]>) {
        if (version !== policies[kind].version) {
          throw new AppError(
            'conflict',
            `The current ${kind} version is ${policies[kind].version}; read it and accept that one`,
          );
        }
        await repo.record({ userId, purpose: kind, version, granted: true, at: now });
        await deps.audit.record(auditContextOf(ctx), {
          action: 'consent.accept',
          outcome: 'success',
          subjectId: userId,
          resource: `${kind}:${version}`,
        });
      }
      for (const [purpose, granted] of Object.entries(changes.purposes ?? {}) as Array<[Purpose, boolean]>) {
        await repo.record({ userId, purpose, version: 'v1', granted, at: now });
        await deps.audit.record(auditContextOf(ctx), {
          action: granted ? 'consent.grant' : 'consent.withdraw',
          outcome: 'success',
          subjectId: userId,
          resource: purpose,
        });
      }
      return status(userId);
    },

    /** Whether health data may be kept for her yet (a young teenager needs a guardian's consent first). */
    async healthDataAllowed(userId: string): Promise<boolean> {
      if (knownAllowed.has(userId)) return true;
      const [row, records] = await Promise.all([rowOf(userId), repo.latest(userId)]);
      const allowed = !(await guardianNeeded(row, records)).required;
      if (allowed) remember(userId);
      return allowed;
    },

    /** A one-time 8-digit code she gives her guardian; valid for 48 hours. */
    async issueGuardianCode(
      userId: string,
      ctx: RequestContext,
    ): Promise<{ code: string; expiresAt: string }> {
      const [row, records] = await Promise.all([rowOf(userId), repo.latest(userId)]);
      if (!(await guardianNeeded(row, records)).required) {
        throw new AppError('conflict', 'No guardian consent is needed for this account');
      }
      // "A different number" needs hers to be known: without it, one person with one phone could
      // be both the girl (an email account) and the guardian (a parent account on that phone).
      assertThat(
        row.phone_bidx,
        'phone_required',
        'First verify your own phone number: your guardian then gives consent from a different one',
      );
      const code = newDigitCode(GUARDIAN_CODE_DIGITS);
      const now = clock();
      const expiresAt = new Date(now.getTime() + GUARDIAN_CODE_HOURS * 3_600_000);
      await repo.insertGuardianCode({ codeHash: hashCode(code), childId: userId, at: now, expiresAt });
      await deps.audit.record(auditContextOf(ctx), {
        action: 'consent.guardian_code',
        outcome: 'success',
        subjectId: userId,
        resource: 'guardian',
      });
      return { code, expiresAt: expiresAt.toISOString() };
    },

    /**
     * A guardian enters her code. The service must have some reason to believe it is a guardian
     * and not the girl herself with a second account: the guardian's account signs in with a
     * phone number of its own that was proven (the carrier's number over USSD, an SMS code on the
     * web), and it is not a number of hers. The consent records who gave it and from which
     * number, sealed under her key; one number consenting for many children is flagged for review.
     */
    async redeemGuardianCode(guardianId: string, code: string, ctx: RequestContext): Promise<void> {
      const guardian = await rowOf(guardianId);
      assertThat(
        guardian.role === 'parent',
        'forbidden',
        'Only a parent or guardian account can give this consent',
      );
      const guardianPhone = guardian.phone_bidx;
      assertThat(
        guardianPhone,
        'guardian_phone_required',
        'Verify your own phone number first (the code we text you proves it), then enter the code again',
      );
      // Codes are 8 digits and live 48 hours: a guardian gets a few tries an hour, not a million.
      const keys = deps.throttle.keysForGuardian(guardianId);
      const attempt = await deps.throttle.begin(keys);
      const typed = typedDigitCode(code, GUARDIAN_CODE_DIGITS);
      const hash = typed ? hashCode(typed) : undefined;
      const childId = hash ? await repo.findGuardianCode(hash, clock()) : undefined;
      const child = childId ? await deps.users.findRow(childId) : undefined;
      if (!child || !hash) {
        await deps.throttle.fail(keys, attempt);
        await deps.audit.record(auditContextOf(ctx), {
          action: 'consent.guardian',
          outcome: 'failure',
          subjectId: null,
          resource: 'guardian',
        });
        throw new AppError('not_found', 'This code is not valid, was already used or has expired');
      }
      await deps.throttle.succeed(keys);
      const same = (index: Uint8Array | null) => index !== null && Buffer.from(index).equals(guardianPhone);
      const childPhone = child.phone_bidx;
      if (child.id === guardian.id || !childPhone || same(childPhone) || same(child.phone_pending_bidx)) {
        await deps.audit.record(auditContextOf(ctx), {
          action: 'consent.guardian',
          outcome: 'denied',
          subjectId: child.id,
          resource: 'guardian',
        });
        throw new AppError(
          'guardian_phone_required',
          "A guardian's consent must come from the guardian's own phone number, not the young person's",
        );
      }
      const recordId = randomUUID();
      const guardianVault = await deps.dataProtection.vaultFor(guardian.id);
      const phone = guardianVault.openOptional(
        { table: 'users', column: 'phone', rowId: guardian.id },
        guardian.phone_enc,
      );
      const childVault = await deps.dataProtection.vaultFor(child.id);
      const sealed = childVault.seal(
        { table: 'consent_records', column: 'granted_by', rowId: recordId },
        JSON.stringify({ guardianId: guardian.id, phone, channel: ctx.channel }),
      );
      // The code is spent, her consent recorded and her guardian linked at once, or not at all.
      const link = await deps.onGuardianConsent?.(child.id, guardian.id, ctx);
      const linked = await deps.db.transaction().execute(async (tx) => {
        if (!(await repo.redeemGuardianCode(hash, clock(), tx))) {
          throw new AppError('not_found', 'This code is not valid, was already used or has expired');
        }
        await repo.record(
          {
            id: recordId,
            userId: child.id,
            purpose: GUARDIAN_PURPOSE,
            version: 'v1',
            granted: true,
            at: clock(),
            guardian: { sealed, phoneIndex: guardianPhone },
          },
          tx,
        );
        return link?.write(tx);
      });
      await deps.audit.record(auditContextOf(ctx), {
        action: 'consent.guardian',
        outcome: 'success',
        subjectId: child.id,
        resource: 'guardian',
      });
      await linked?.();
      const children = await repo.childrenOfGuardianPhone(guardianPhone);
      if (children >= GUARDIAN_REVIEW_AT) {
        await repo.flagForReview({
          id: randomUUID(),
          kind: 'guardian_many_children',
          subjectId: guardian.id,
          count: children,
          at: clock(),
        });
        await deps.audit.record(auditContextOf(ctx), {
          action: 'review.flag',
          outcome: 'success',
          subjectId: guardian.id,
          resource: 'guardian_many_children',
        });
      }
    },
  };
}
export type ConsentService = ReturnType<typeof createConsentService>;
