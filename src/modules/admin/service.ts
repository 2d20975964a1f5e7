import type { Language, Role } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import type { AuditService } from '../audit/service.ts';
import type { ConsentRepo } from '../consents/repo.ts';
import type { SessionService } from '../sessions/service.ts';
import type { AccountSeal } from '../users/account-seal.ts';
import type { UserRepo } from '../users/repo.ts';
import type { PublicUser, UserService } from '../users/service.ts';

export type AdminNewAccount = {
  name: string;
  role: Role;
  phone?: string | undefined;
  email?: string | undefined;
  password: string;
  language?: Language | undefined;
};

/** Account administration: staff accounts, deactivation and role changes. Callers are admins. */
export function createAdminService(deps: {
  users: UserService;
  userRepo: UserRepo;
  sessions: SessionService;
  audit: AuditService;
  consents: Pick<ConsentRepo, 'openReviewFlags'>;
  accountSeal: AccountSeal;
  clock: () => Date;
}) {
  const { users, userRepo, sessions, audit, clock } = deps;

  async function setStatus(userId: string, status: 'active' | 'deactivated', ctx: RequestContext) {
    assertThat(
      userId !== ctx.principal?.userId,
      'forbidden',
      'You cannot change the status of your own account',
    );
    const now = clock();
    const row = await userRepo.findById(userId);
    assertThat(row, 'not_found', 'No such account');
    const found = await userRepo.update(userId, {
      status,
      account_mac: deps.accountSeal.seal(userId, row.role, status),
      deactivated_at: status === 'deactivated' ? now : null,
      updated_at: now,
    });
    assertThat(found, 'not_found', 'No such account');
    if (status === 'deactivated') await sessions.revokeAll(userId, 'deactivated');
    await audit.record(auditContextOf(ctx), {
      action: status === 'deactivated' ? 'admin.account_deactivate' : 'admin.account_activate',
      outcome: 'success',
      subjectId: userId,
      resource: 'account',
    });
  }

  return {
    /** Staff accounts (provider, writer, admin) exist only through an admin: never self-registered. */
    async createAccount(input: AdminNewAccount, ctx: RequestContext): Promise<PublicUser> {
      // Nobody accepts the terms on her behalf: no consent is recorded, and she is asked to read and
      // accept them at her first sign-in (users.create records none for an account made by an admin).
      return users.create({ ...input, acceptTerms: true }, ctx);
    },

    getAccount: (userId: string, ctx: RequestContext) => users.getAsAdmin(userId, ctx),

    /** Open review flags (e.g. one guardian number consenting for many children), newest first. */
    async reviewFlags() {
      const rows = await deps.consents.openReviewFlags(200);
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        accountId: r.subject_id,
        count: r.count,
        createdAt: r.created_at.toISOString(),
      }));
    },

    deactivate: (userId: string, ctx: RequestContext) => setStatus(userId, 'deactivated', ctx),
    activate: (userId: string, ctx: RequestContext) => setStatus(userId, 'active', ctx),

    /** A new role ends every session of the account, so no token carries the old rights. */
    async changeRole(userId: string, role: Role, ctx: RequestContext): Promise<PublicUser> {
      const row = await userRepo.findById(userId);
      assertThat(row, 'not_found', 'No such account');
      if (row.role === 'admin' && role !== 'admin' && (await userRepo.countAdmins()) <= 1) {
        throw new AppError('conflict', 'This is the last active admin; create another admin first');
      }
      await userRepo.update(userId, {
        role,
        account_mac: deps.accountSeal.seal(userId, role, row.status),
        updated_at: clock(),
      });
      await sessions.revokeAll(userId, 'role_change');
      await audit.record(auditContextOf(ctx), {
        action: 'admin.role_change',
        outcome: 'success',
        subjectId: userId,
        resource: `role:${role}`,
      });
      return users.get(userId);
    },
  };
}
export type AdminService = ReturnType<typeof createAdminService>;
