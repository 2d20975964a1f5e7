import { randomInt, randomUUID } from 'node:crypto';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import type { ProviderProfileRow, ProviderStatus } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import type { AuditService } from '../audit/service.ts';
import type { ProviderRepo } from './repo.ts';
import type { ProfileSeal } from './seal.ts';
import {
  invitationHasher,
  licenceField,
  newInvitationCode,
  type ProviderProfile,
  type ProviderServiceApi,
  toProfile,
} from './service.ts';

const INVITATION_DAYS = 7;
const LIST_LIMIT = 500;

export type AdminProvider = ProviderProfile & { licenceNumber: string };

/**
 * Admins' side of providers: one-time invitations (whoever registers with one is verified at
 * once), the review list with licence numbers (each read audited, the provider sees it), and
 * verifying, rejecting and suspending. Every status change re-seals the row with the server's MAC.
 */
export function createProviderAdminService(deps: {
  repo: ProviderRepo;
  providers: Pick<ProviderServiceApi, 'profileRow'>;
  dataProtection: DataProtection;
  audit: AuditService;
  profileSeal: ProfileSeal;
  invitationKey: Buffer;
  clock: () => Date;
}) {
  const { repo, audit, clock } = deps;
  const hashInvitation = invitationHasher(deps.invitationKey);

  async function withLicence(row: ProviderProfileRow): Promise<AdminProvider> {
    const vault = await deps.dataProtection.vaultFor(row.user_id);
    return { ...toProfile(row), licenceNumber: vault.open(licenceField(row.user_id), row.licence_enc) };
  }

  async function setStatus(
    providerId: string,
    next: ProviderStatus,
    allowedFrom: readonly ProviderStatus[],
    note: string | null,
    ctx: RequestContext,
  ): Promise<AdminProvider> {
    const row = await deps.providers.profileRow(providerId, ctx);
    assertThat(row, 'not_found', 'No such provider');
    if (row.status !== next) {
      if (!allowedFrom.includes(row.status))
        throw new AppError('conflict', `A ${row.status} provider cannot become ${next}`);
      const now = clock();
      const changes = {
        status: next,
        review_note: note,
        updated_at: now,
        row_mac: deps.profileSeal.seal(providerId, next),
        ...(next === 'verified' ? { verified_at: now } : {}),
      };
      await repo.updateProfile(providerId, changes);
      Object.assign(row, changes);
    }
    await audit.record(auditContextOf(ctx), {
      action: `admin.provider_${next === 'verified' ? 'verify' : next === 'rejected' ? 'reject' : 'suspend'}`,
      outcome: 'success',
      subjectId: providerId,
      resource: 'provider_profile',
    });
    return withLicence(row);
  }

  return {
    /** A one-time code for a provider the admin vouches for; valid 7 days, shown once. */
    async createInvitation(ctx: RequestContext): Promise<{ code: string; expiresAt: string }> {
      const code = newInvitationCode(randomInt);
      const now = clock();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
      await repo.insertInvitation({
        id: randomUUID(),
        code_hash: hashInvitation(code),
        created_by: ctx.principal?.userId ?? null,
        created_at: now,
        expires_at: expiresAt,
      });
      await audit.record(auditContextOf(ctx), {
        action: 'admin.provider_invite',
        outcome: 'success',
        subjectId: null,
        resource: 'provider_invitation',
      });
      return { code, expiresAt: expiresAt.toISOString() };
    },

    /** Providers (of one status), newest first, with their licence numbers: each one read is audited. */
    async list(status: ProviderStatus | undefined, ctx: RequestContext): Promise<AdminProvider[]> {
      const rows = await repo.listProfiles(status, LIST_LIMIT);
      const answer: AdminProvider[] = [];
      for (const row of rows) {
        if (!deps.profileSeal.intact(row)) {
          await deps.providers.profileRow(row.user_id, ctx); // absent, and noted as a security event
          continue;
        }
        answer.push(await withLicence(row));
        await audit.record(auditContextOf(ctx), {
          action: 'admin.provider_read',
          outcome: 'success',
          subjectId: row.user_id,
          resource: 'provider_licence',
        });
      }
      return answer;
    },

    verify: (providerId: string, ctx: RequestContext) =>
      setStatus(providerId, 'verified', ['pending', 'rejected', 'suspended'], null, ctx),
    reject: (providerId: string, reason: string, ctx: RequestContext) =>
      setStatus(providerId, 'rejected', ['pending'], reason.trim(), ctx),
    suspend: (providerId: string, ctx: RequestContext) =>
      setStatus(providerId, 'suspended', ['verified', 'pending'], null, ctx),
  };
}
export type ProviderAdminService = ReturnType<typeof createProviderAdminService>;
