import { randomUUID } from 'node:crypto';
import type { DataProtection, UserVault } from '../../platform/crypto/data-protection.ts';
import type { Db } from '../../platform/db/database.ts';
import type { CareLinkRow } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { ConsentRepo } from '../consents/repo.ts';
import { type ChildViewDeps, createChildViews } from './child-view.ts';
import {
  actorContext,
  createLinkAccess,
  type LinkAccessDeps,
  type LinkView,
  type SharingChange,
  sharingDetailField,
  sharingRecord,
} from './link-access.ts';
import { createLinkCodes, type LinkCodeDeps } from './link-codes.ts';
import { canonicalScopes, GUARDIAN_SCOPES } from './scopes.ts';

export type { LinkView } from './link-access.ts';

/**
 * The care network's links between a young woman and the adults she lets see parts of her data
 * (docs/care-network.md, decision 023), for every channel: one-time codes, confirmation by the
 * code's maker, her sharing choices (read on every request, never cached), and the reads an adult
 * makes through them (child-view.ts).
 */
export function createCareService(
  deps: LinkAccessDeps &
    Omit<ChildViewDeps, 'access'> &
    Omit<LinkCodeDeps, 'access'> & {
      dataProtection: DataProtection;
      /** Her consent records: each sharing change is one, written in the link's transaction. */
      consentRecords: Pick<ConsentRepo, 'record'>;
    },
) {
  const { repo, seal, clock } = deps;
  const access = createLinkAccess(deps);

  /** Every link she (or he) is in, with what it shows: she always sees who sees her data. */
  async function listLinks(userId: string): Promise<LinkView[]> {
    const views: LinkView[] = [];
    for (const row of await repo.linksOf(userId)) {
      const trusted = await access.intact(row);
      const view = trusted && (await access.viewFor(trusted, userId));
      if (view) views.push(view);
    }
    return views;
  }

  return {
    ...createChildViews({ ...deps, access }),
    ...createLinkCodes({ ...deps, access }),

    listLinks,

    /**
     * What each of her care-sharing consent records says (the link, the adult, the scopes, who
     * changed them), opened for her export.
     */
    async sharingDetails(
      userId: string,
      records: ReadonlyArray<{ id: string; purpose: string; detail: Uint8Array | null }>,
    ): Promise<Map<string, SharingChange & { linkId: string; adultId: string }>> {
      const vault = await deps.dataProtection.vaultFor(userId);
      const details = new Map<string, SharingChange & { linkId: string; adultId: string }>();
      for (const r of records)
        if (r.purpose === 'care_sharing' && r.detail)
          details.set(r.id, JSON.parse(vault.open(sharingDetailField(r.id), r.detail)));
      return details;
    },

    /** Her links for her data export: who, what they see, since when. */
    async linksForExport(userId: string) {
      const links = await listLinks(userId);
      return links.map(({ awaitingYou: _a, fixedScopes: _f, ...link }) => link);
    },

    /** The code's maker confirms who entered it: only then does the adult see anything. */
    async confirm(userId: string, linkId: string, ctx: RequestContext): Promise<LinkView> {
      const row = await access.partyLink(userId, linkId, ctx);
      if (row.status === 'active') return access.viewOrGone(row, userId);
      assertThat(row.awaiting_id === userId, 'forbidden', 'The person who made the code confirms the link');
      const vault = await deps.dataProtection.vaultFor(row.child_id);
      const now = clock();
      const confirmed = await deps.db.transaction().execute(async (tx) => {
        const current = await repo.findLink(linkId, tx, true);
        assertThat(current && seal.intact(current), 'not_found', 'No such link');
        if (current.status === 'active') return current;
        assertThat(
          current.awaiting_id === userId,
          'forbidden',
          'The person who made the code confirms the link',
        );
        const next = access.sealed({
          ...current,
          status: 'active',
          awaiting_id: null,
          confirmed_at: now,
          updated_at: now,
        });
        await repo.saveLink(next, tx);
        const by = userId === current.child_id ? 'her' : 'adult';
        await deps.consentRecords.record(
          sharingRecord(vault, next, { scopes: next.scopes, change: 'linked', by }, now),
          tx,
        );
        return next;
      });
      await deps.audit.record(actorContext(ctx, userId), {
        action: 'care.confirm',
        outcome: 'success',
        subjectId: row.child_id,
        resource: 'care_link',
      });
      return access.viewOrGone(confirmed, userId);
    },

    /**
     * She alone chooses what this adult sees; it holds from the next request on (nothing caches
     * scopes). A consenting guardian's scopes stay while she is under the consent age.
     */
    async setSharing(childId: string, linkId: string, scopes: readonly string[], ctx: RequestContext) {
      const row = await access.partyLink(childId, linkId, ctx);
      assertThat(row.child_id === childId, 'forbidden', 'Only she decides what she shares');
      const next = canonicalScopes(scopes);
      const fixed = await access.fixedScopesOf(row);
      if (fixed.some((scope) => !next.includes(scope))) throw new AppError('guardian_link_fixed');
      const vault = await deps.dataProtection.vaultFor(childId);
      const now = clock();
      const result = await deps.db.transaction().execute(async (tx) => {
        const current = await repo.findLink(linkId, tx, true);
        assertThat(current && seal.intact(current), 'not_found', 'No such link');
        // Became a guardian's link since it was read: her choice is checked again on a retry.
        if (current.origin !== row.origin)
          throw new AppError('conflict', 'This link just changed; try again');
        if (current.scopes.join(',') === next.join(',')) return { link: current, changed: false };
        const link = access.sealed({ ...current, scopes: next, updated_at: now });
        await repo.saveLink(link, tx);
        await deps.consentRecords.record(
          sharingRecord(vault, link, { scopes: next, change: 'sharing', by: 'her' }, now),
          tx,
        );
        return { link, changed: true };
      });
      if (result.changed) {
        await deps.audit.record(actorContext(ctx, childId), {
          action: 'care.sharing',
          outcome: 'success',
          subjectId: childId,
          resource: next.join(',') || 'none',
        });
      }
      return access.viewOrGone(result.link, childId);
    },

    /** Either of them ends the link (or refuses a pending one); she cannot while it is a guardian's fixed link. */
    async unlink(userId: string, linkId: string, ctx: RequestContext): Promise<void> {
      const row = await access.partyLink(userId, linkId, ctx);
      if (row.child_id === userId && (await access.fixedScopesOf(row)).length > 0) {
        throw new AppError('guardian_link_fixed');
      }
      const vault = await deps.dataProtection.vaultFor(row.child_id);
      const now = clock();
      await deps.db.transaction().execute(async (tx) => {
        const current = await repo.findLink(linkId, tx, true);
        assertThat(current && seal.intact(current), 'not_found', 'No such link');
        if (current.origin !== row.origin)
          throw new AppError('conflict', 'This link just changed; try again');
        await repo.deleteLink(linkId, tx);
        if (current.status !== 'active') return;
        const by = userId === current.child_id ? 'her' : 'adult';
        await deps.consentRecords.record(
          sharingRecord(vault, current, { scopes: [], change: 'unlinked', by }, now),
          tx,
        );
      });
      await deps.audit.record(actorContext(ctx, userId), {
        action: 'care.unlink',
        outcome: 'success',
        subjectId: row.child_id,
        resource: row.status,
      });
    },

    /**
     * The guardian who is consenting to her account (consents.redeemGuardianCode) is linked in
     * the same transaction with prediction and flags; a link the two already had becomes that
     * link, keeping whatever more she shared. Returns what to note once it has committed.
     */
    async linkConsentingGuardian(childId: string, guardianId: string, ctx: RequestContext) {
      // Her vault is opened before the transaction: the embedded database has one connection.
      const vault = await deps.dataProtection.vaultFor(childId);
      return { write: (tx: Db) => writeGuardianLink(tx, vault, childId, guardianId, ctx) };
    },
  };

  async function writeGuardianLink(
    tx: Db,
    vault: UserVault,
    childId: string,
    guardianId: string,
    ctx: RequestContext,
  ): Promise<() => Promise<void>> {
    const now = clock();
    const fresh = access.sealed({
      id: randomUUID(),
      child_id: childId,
      adult_id: guardianId,
      status: 'active',
      awaiting_id: null,
      origin: 'guardian_consent',
      scopes: [...GUARDIAN_SCOPES],
      created_at: now,
      confirmed_at: now,
      updated_at: now,
    });
    let link = fresh;
    let broken: CareLinkRow | undefined;
    if (!(await repo.insertLinkIfNone(fresh, tx))) {
      const current = await repo.findPair(childId, guardianId, tx, true);
      assertThat(current, 'conflict', 'This link just changed; try again');
      // A row the server did not write gives nothing: it is replaced by the server's own.
      const trusted = seal.intact(current);
      if (!trusted) broken = current;
      const kept = trusted ? current.scopes : [];
      link = access.sealed({
        ...current,
        status: 'active',
        awaiting_id: null,
        origin: 'guardian_consent',
        scopes: canonicalScopes([...kept, ...GUARDIAN_SCOPES]),
        confirmed_at: current.confirmed_at ?? now,
        updated_at: now,
      });
      await repo.saveLink(link, tx);
    }
    const record = { scopes: link.scopes, change: 'linked' as const, by: 'guardian_consent' as const };
    await deps.consentRecords.record(sharingRecord(vault, link, record, now), tx);
    // Noted once the consent's transaction has committed.
    return async () => {
      if (broken) await access.intact(broken, ctx);
      await deps.audit.record(actorContext(ctx, guardianId), {
        action: 'care.link',
        outcome: 'success',
        subjectId: childId,
        resource: 'guardian_consent',
      });
    };
  }
}
export type CareService = ReturnType<typeof createCareService>;
