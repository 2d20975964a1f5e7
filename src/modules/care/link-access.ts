import { randomUUID } from 'node:crypto';
import type { UserVault } from '../../platform/crypto/data-protection.ts';
import type { CareLinkRow, CareLinksTable, Role } from '../../platform/db/tables.ts';
import { assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import { eventContext, type SecurityEvents } from '../../platform/security/events.ts';
import type { ConsentService } from '../consents/service.ts';
import type { UserService } from '../users/service.ts';
import type { CareRepo } from './repo.ts';
import { type CareScope, canonicalScopes, GUARDIAN_SCOPES } from './scopes.ts';
import type { LinkSeal } from './seal.ts';

/** A link as one of its two people sees it (GET /care/links, the USSD menu). */
export type LinkView = {
  id: string;
  status: 'pending' | 'active';
  /** 'child' when the viewer is the young woman whose data it shares. */
  side: 'child' | 'adult';
  /**
   * The other person (her id is the one GET /care/children/{id} takes); null to whoever entered a
   * code until its maker confirms, so an overheard or guessed code tells nothing about anyone.
   */
  person: { id: string; name: string; role: Role } | null;
  scopes: CareScope[];
  origin: 'code' | 'guardian_consent';
  /** Scopes she cannot switch off yet (the consenting guardian's, while she is under the age). */
  fixedScopes: CareScope[];
  /** The link waits for this viewer to confirm who entered the code. */
  awaitingYou: boolean;
  createdAt: string;
  confirmedAt: string | null;
};

/** Who may link: a young woman and an adult of her family, never two of a kind. */
export const LINKABLE: readonly Role[] = ['adolescent', 'parent'];

/** What one consent record of hers says about one link (sealed under her key). */
export type SharingChange = {
  scopes: CareScope[];
  change: 'linked' | 'sharing' | 'unlinked';
  by: 'her' | 'adult' | 'guardian_consent';
};

export type LinkAccessDeps = {
  repo: CareRepo;
  seal: LinkSeal;
  users: Pick<UserService, 'findRow' | 'get' | 'birthYearOf'>;
  consents: Pick<ConsentService, 'underConsentAge'>;
  events: Pick<SecurityEvents, 'record'>;
};

/** What every part of the care module needs to trust a link and show it. */
export function createLinkAccess(deps: LinkAccessDeps) {
  const { repo, seal, users } = deps;

  /** A row whose MAC fails is absent (and a security event): it was not written by the server. */
  async function intact(
    row: CareLinkRow | undefined,
    ctx?: RequestContext,
  ): Promise<CareLinkRow | undefined> {
    if (!row || seal.intact(row)) return row;
    await deps.events.record({
      type: 'row_seal_broken',
      ...(ctx ? eventContext(ctx) : { route: 'care', ip: 'internal' }),
      subject: row.child_id,
      detail: 'care_links',
    });
    return undefined;
  }

  /** Whether she is still under the consent age (an unknown birth year counts as under it). */
  async function underAge(childId: string): Promise<boolean> {
    const row = await users.findRow(childId);
    return row !== undefined && deps.consents.underConsentAge(row.role, await users.birthYearOf(row));
  }

  async function fixedScopesOf(row: CareLinkRow): Promise<CareScope[]> {
    return row.origin === 'guardian_consent' && (await underAge(row.child_id)) ? [...GUARDIAN_SCOPES] : [];
  }

  /**
   * The other person's name and role, unless their account row was altered without the server's
   * key. A deactivated young woman shares nothing: to an adult her links are gone.
   */
  async function personOf(
    userId: string,
    as: 'child' | 'adult',
  ): Promise<{ id: string; name: string; role: Role } | undefined> {
    const row = await users.findRow(userId);
    if (!row || (as === 'child' && row.status !== 'active')) return undefined;
    return { id: userId, name: (await users.get(userId)).name, role: row.role };
  }

  async function viewFor(row: CareLinkRow, viewerId: string): Promise<LinkView | undefined> {
    const side = row.child_id === viewerId ? 'child' : 'adult';
    const person = await personOf(
      side === 'child' ? row.adult_id : row.child_id,
      side === 'child' ? 'adult' : 'child',
    );
    if (!person) return undefined;
    const enteredByViewer = row.status === 'pending' && row.awaiting_id !== viewerId;
    return {
      id: row.id,
      status: row.status,
      side,
      person: enteredByViewer ? null : person,
      scopes: canonicalScopes(row.scopes),
      origin: row.origin,
      fixedScopes: await fixedScopesOf(row),
      awaitingYou: row.status === 'pending' && row.awaiting_id === viewerId,
      createdAt: row.created_at.toISOString(),
      confirmedAt: row.confirmed_at?.toISOString() ?? null,
    };
  }

  /** A link this person is one of the two people of; anyone else gets 404, as if it did not exist. */
  async function partyLink(userId: string, linkId: string, ctx?: RequestContext): Promise<CareLinkRow> {
    const row = await intact(await repo.findLink(linkId), ctx);
    assertThat(row && (row.child_id === userId || row.adult_id === userId), 'not_found', 'No such link');
    return row;
  }

  /**
   * The active link through which this adult sees her, if there is one the server wrote and her
   * account is active, with her name.
   */
  async function activeLink(adultId: string, childId: string, ctx: RequestContext) {
    const row = await intact(await repo.findPair(childId, adultId), ctx);
    if (row?.status !== 'active') return undefined;
    const child = await personOf(childId, 'child');
    return child && { row, child };
  }

  async function viewOrGone(row: CareLinkRow, viewerId: string): Promise<LinkView> {
    const view = await viewFor(row, viewerId);
    assertThat(view, 'not_found', 'No such link');
    return view;
  }

  /** A young woman's or a parent's account (nobody else links), unless altered without the server's key. */
  async function linkableRow(userId: string) {
    const row = await users.findRow(userId);
    assertThat(row, 'not_found', 'No such account');
    assertThat(
      LINKABLE.includes(row.role),
      'forbidden',
      'Only a young woman and her parent or guardian link',
    );
    return row;
  }

  /** A link as the server writes it: its MAC covers everything that decides who sees what. */
  function sealed(row: Omit<CareLinksTable, 'row_mac'>): CareLinksTable {
    return { ...row, row_mac: seal.seal(row) };
  }

  return {
    intact,
    underAge,
    fixedScopesOf,
    personOf,
    viewFor,
    viewOrGone,
    partyLink,
    activeLink,
    linkableRow,
    sealed,
  };
}

/** The audit context of a care action: the person acting, also on a channel without a session. */
export function actorContext(ctx: RequestContext, userId: string, role?: Role) {
  return { ...auditContextOf(ctx), actorId: userId, actorRole: ctx.principal?.role ?? role ?? null };
}

/** Her consent record about one link, for ConsentRepo.record: what it is about is sealed under her key. */
/** Where a care-sharing consent record's detail is sealed (her key, bound to the record). */
export const sharingDetailField = (recordId: string) => ({
  table: 'consent_records',
  column: 'detail',
  rowId: recordId,
});

export function sharingRecord(
  vault: UserVault,
  link: Pick<CareLinkRow, 'id' | 'child_id' | 'adult_id'>,
  change: SharingChange,
  at: Date,
) {
  const id = randomUUID();
  const detail = vault.seal(
    sharingDetailField(id),
    JSON.stringify({ linkId: link.id, adultId: link.adult_id, ...change }),
  );
  const granted = change.change !== 'unlinked' && change.scopes.length > 0;
  return { id, userId: link.child_id, purpose: 'care_sharing', version: 'v1', granted, at, detail };
}
export type LinkAccess = ReturnType<typeof createLinkAccess>;
