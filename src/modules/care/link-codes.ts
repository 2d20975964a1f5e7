import { randomUUID } from 'node:crypto';
import { labelledMac, newDigitCode, typedDigitCode } from '../../platform/crypto/one-time-code.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { eventContext, type SecurityEvents } from '../../platform/security/events.ts';
import type { AuditService } from '../audit/service.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { UserService } from '../users/service.ts';
import { actorContext, LINKABLE, type LinkAccess, type LinkView } from './link-access.ts';
import type { CareRepo } from './repo.ts';
import { DEFAULT_SCOPES } from './scopes.ts';

/** A code lives a day: long enough to pass on by phone, short enough to be worthless when overheard later. */
const CODE_HOURS = 24;
/** Live codes per person: a girl may hand codes to her mother and her father on the same evening. */
const LIVE_CODES = 3;
const CODE_DIGITS = 8;
/** Read out over the phone: spaces and dashes a person writes between the digits are not part of it. */
const READ_OUT = /[\s-]/g;
const NOT_VALID = 'This code is not valid, was already used or has expired';

export type LinkCodeDeps = {
  db: Db;
  repo: CareRepo;
  access: LinkAccess;
  users: Pick<UserService, 'findRow'>;
  audit: AuditService;
  events: Pick<SecurityEvents, 'record'>;
  throttle: Pick<LoginThrottle, 'keysForCareCode' | 'begin' | 'fail' | 'succeed'>;
  /** Derived for this purpose only: codes are kept as keyed hashes. */
  codeKey: Buffer;
  clock: () => Date;
};

/**
 * Making a link: one side makes a one-time code and reads it out, the other enters it. A code
 * is guessed like a password, so wrong ones are counted per account (and per address, in
 * ROUTE_POLICIES), and every kind of wrong code gets the same answer.
 */
export function createLinkCodes(deps: LinkCodeDeps) {
  const { repo, access, users, clock } = deps;
  const hashCode = (code: string) => labelledMac(deps.codeKey, 'care-link', code);

  return {
    /** A one-time 8-digit code to read out to the other person; only its keyed hash is kept. */
    async createCode(userId: string, ctx: RequestContext): Promise<{ code: string; expiresAt: string }> {
      const me = await access.linkableRow(userId);
      const now = clock();
      const expiresAt = new Date(now.getTime() + CODE_HOURS * 3_600_000);
      // A new code may equal someone's live one (1 in 10^8 per live code): draw again.
      for (let attempt = 0; attempt < 5; attempt++) {
        const code = newDigitCode(CODE_DIGITS);
        const row = { id: randomUUID(), codeHash: hashCode(code), creatorId: userId, at: now, expiresAt };
        if (!(await repo.insertCode(row, LIVE_CODES))) continue;
        await deps.audit.record(actorContext(ctx, userId, me.role), {
          action: 'care.code',
          outcome: 'success',
          subjectId: userId,
          resource: 'care_link',
        });
        return { code, expiresAt: expiresAt.toISOString() };
      }
      throw new Error('no free care link code after 5 draws');
    },

    /**
     * The other person enters the code (spaces and dashes allowed, as it is read out). Every wrong,
     * expired, spent, own or same-role code gets one answer and counts against the account like a
     * wrong password. The link stays pending until the code's maker confirms who entered it.
     */
    async enterCode(userId: string, code: string, ctx: RequestContext): Promise<LinkView> {
      const me = await access.linkableRow(userId);
      const keys = deps.throttle.keysForCareCode(userId);
      const attempt = await deps.throttle.begin(keys);
      const digits = typedDigitCode(code, CODE_DIGITS, READ_OUT);
      const found = digits ? await repo.findLiveCode(hashCode(digits), clock()) : undefined;
      const creator = found && (await users.findRow(found.creatorId));
      // Her own code, or one of her own kind (two girls, two parents), links no one.
      if (
        !found ||
        !creator ||
        creator.id === me.id ||
        creator.status !== 'active' ||
        !LINKABLE.includes(creator.role) ||
        creator.role === me.role
      ) {
        await deps.throttle.fail(keys, attempt);
        await deps.events.record({
          type: 'code_failed',
          ...eventContext(ctx),
          subject: userId,
          detail: 'care_link',
        });
        await deps.audit.record(actorContext(ctx, userId, me.role), {
          action: 'care.link',
          outcome: 'failure',
          subjectId: null,
          resource: 'care_link',
        });
        throw new AppError('invalid_code', NOT_VALID);
      }
      await deps.throttle.succeed(keys);
      const [childId, adultId] = creator.role === 'adolescent' ? [creator.id, me.id] : [me.id, creator.id];
      const now = clock();
      const row = access.sealed({
        id: randomUUID(),
        child_id: childId,
        adult_id: adultId,
        status: 'pending',
        awaiting_id: creator.id,
        origin: 'code',
        scopes: [...DEFAULT_SCOPES],
        created_at: now,
        confirmed_at: null,
        updated_at: now,
      });
      await deps.db.transaction().execute(async (tx) => {
        if (await repo.findPair(childId, adultId, tx)) throw new AppError('already_linked');
        if (!(await repo.spendCode(found.id, now, tx))) throw new AppError('invalid_code', NOT_VALID);
        await repo.insertLink(row, tx);
      });
      await deps.audit.record(actorContext(ctx, userId, me.role), {
        action: 'care.link',
        outcome: 'success',
        subjectId: childId,
        resource: 'pending',
      });
      return access.viewOrGone(row, userId);
    },
  };
}
export type LinkCodes = ReturnType<typeof createLinkCodes>;
