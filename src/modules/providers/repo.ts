import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  Language,
  ProviderHoursTable,
  ProviderProfileRow,
  ProviderProfilesTable,
  ProviderStatus,
  Tables,
} from '../../platform/db/tables.ts';

type NewProfileRow = ProviderProfilesTable;
export type ProfileChanges = Partial<
  Pick<
    ProviderProfilesTable,
    | 'status'
    | 'display_name'
    | 'facility'
    | 'district'
    | 'languages'
    | 'services'
    | 'time_zone'
    | 'slot_minutes'
    | 'review_note'
    | 'verified_at'
    | 'row_mac'
  >
> & { updated_at: Date };
type HoursRow = ProviderHoursTable;
export type DirectoryFilter = {
  district?: string | undefined;
  language?: Language | undefined;
  service?: string | undefined;
};
/** What the directory and the slot search need of a profile (not the sealed licence). */
export type DirectoryRow = Pick<
  ProviderProfileRow,
  | 'user_id'
  | 'status'
  | 'display_name'
  | 'facility'
  | 'district'
  | 'languages'
  | 'services'
  | 'time_zone'
  | 'slot_minutes'
  | 'row_mac'
>;
const DIRECTORY_COLUMNS = [
  'provider_profiles.user_id',
  'provider_profiles.status',
  'provider_profiles.display_name',
  'provider_profiles.facility',
  'provider_profiles.district',
  'provider_profiles.languages',
  'provider_profiles.services',
  'provider_profiles.time_zone',
  'provider_profiles.slot_minutes',
  'provider_profiles.row_mac',
] as const;

/** Verified profiles matching the directory filter (the MAC is the caller's to check). */
function listed(filter: DirectoryFilter) {
  return (eb: ExpressionBuilder<Tables, 'provider_profiles'>) => {
    const conditions = [eb('provider_profiles.status', '=', 'verified')];
    if (filter.district) conditions.push(eb('provider_profiles.district', '=', filter.district));
    if (filter.language)
      conditions.push(eb(eb.val(filter.language), '=', eb.fn.any('provider_profiles.languages')));
    if (filter.service)
      conditions.push(eb(eb.val(filter.service), '=', eb.fn.any('provider_profiles.services')));
    return eb.and(conditions);
  };
}

/** Provider profiles, their opening hours, days off and admins' invitations. SQL only. */
export function createProviderRepo(db: Db) {
  /**
   * Verified profiles of active provider accounts matching the filter (the MAC is checked by
   * the caller), in name order.
   */
  async function listVerified(filter: DirectoryFilter, limit: number): Promise<DirectoryRow[]> {
    return db
      .selectFrom('provider_profiles')
      .innerJoin('users', 'users.id', 'provider_profiles.user_id')
      .select(DIRECTORY_COLUMNS)
      .where(listed(filter))
      .where('users.status', '=', 'active')
      .where('users.role', '=', 'provider')
      .orderBy('provider_profiles.display_name')
      .orderBy('provider_profiles.user_id')
      .limit(limit)
      .execute();
  }

  return {
    async insertProfile(row: NewProfileRow, tx: Db = db): Promise<void> {
      await tx.insertInto('provider_profiles').values(row).execute();
    },

    async findProfile(userId: string, tx: Db = db): Promise<ProviderProfileRow | undefined> {
      return tx.selectFrom('provider_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
    },

    /** Profiles of one status, or all, newest first (admins' review list). */
    async listProfiles(status: ProviderStatus | undefined, limit: number): Promise<ProviderProfileRow[]> {
      let query = db.selectFrom('provider_profiles').selectAll();
      if (status) query = query.where('status', '=', status);
      return query.orderBy('created_at', 'desc').limit(limit).execute();
    },

    listVerified,

    /**
     * Changes whenever anything the directory shows may have changed (a profile, its hours or
     * days off, which update the profile too, or the account behind it): a key for reusing what
     * was read a moment ago.
     */
    async directoryVersion(filter: DirectoryFilter): Promise<string> {
      // xmin: the transaction that last wrote the row, whatever the clock said then. Every row's
      // own (id, xmin) pair goes into the digest, so any write, arrival or departure changes it
      // (a maximum alone would miss a write after transaction ids wrap around).
      const row = await db
        .selectFrom('provider_profiles')
        .innerJoin('users', 'users.id', 'provider_profiles.user_id')
        .select(
          sql<string>`coalesce(md5(string_agg(
            provider_profiles.user_id::text || ':' || provider_profiles.xmin::text || ':' || users.xmin::text,
            ',' ORDER BY provider_profiles.user_id)), '')`.as('digest'),
        )
        .where(listed(filter))
        .executeTakeFirst();
      return row?.digest ?? '';
    },

    /**
     * Each listed provider's version (the transactions that last wrote the profile and the
     * account), in name order: which schedules read before may be reused, which must be read again.
     */
    async directoryVersions(filter: DirectoryFilter): Promise<Array<{ user_id: string; version: string }>> {
      return db
        .selectFrom('provider_profiles')
        .innerJoin('users', 'users.id', 'provider_profiles.user_id')
        .select([
          'provider_profiles.user_id',
          sql<string>`provider_profiles.xmin::text || ':' || users.xmin::text`.as('version'),
        ])
        .where(listed(filter))
        .where('users.status', '=', 'active')
        .where('users.role', '=', 'provider')
        .orderBy('provider_profiles.display_name')
        .orderBy('provider_profiles.user_id')
        .execute();
    },

    /**
     * Some listed providers with their hours and days off from a date on (three queries side by
     * side): the district slot search reads again only the schedules that changed.
     */
    async listedSchedules(filter: DirectoryFilter, ids: readonly string[], since: string) {
      if (ids.length === 0) return { profiles: [], hours: [], daysOff: [] };
      const [profiles, hours, daysOff] = await Promise.all([
        db
          .selectFrom('provider_profiles')
          .innerJoin('users', 'users.id', 'provider_profiles.user_id')
          .select(DIRECTORY_COLUMNS)
          .where(listed(filter))
          .where('provider_profiles.user_id', 'in', ids)
          .where('users.status', '=', 'active')
          .where('users.role', '=', 'provider')
          .execute(),
        db
          .selectFrom('provider_hours')
          .select(['provider_id', 'weekday', 'opens', 'closes'])
          .where('provider_id', 'in', ids)
          .execute(),
        db
          .selectFrom('provider_days_off')
          .select(['provider_id', 'day'])
          .where('provider_id', 'in', ids)
          .where('day', '>=', since)
          .execute(),
      ]);
      return { profiles, hours, daysOff };
    },

    /** The account behind a profile is active and still a provider (roles change, accounts close). */
    async accountActive(userId: string): Promise<boolean> {
      const row = await db
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .where('status', '=', 'active')
        .where('role', '=', 'provider')
        .executeTakeFirst();
      return row !== undefined;
    },

    async updateProfile(userId: string, changes: ProfileChanges, tx: Db = db): Promise<boolean> {
      const result = await tx
        .updateTable('provider_profiles')
        .set(changes)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async hoursOf(providerIds: readonly string[], tx: Db = db): Promise<HoursRow[]> {
      if (providerIds.length === 0) return [];
      return tx
        .selectFrom('provider_hours')
        .selectAll()
        .where('provider_id', 'in', providerIds)
        .orderBy('provider_id')
        .orderBy('weekday')
        .orderBy('opens')
        .execute();
    },

    /** Days off from a date on (all of them without `from`). */
    async daysOffOf(
      providerIds: readonly string[],
      from?: string,
      to?: string,
      tx: Db = db,
    ): Promise<Array<{ provider_id: string; day: string }>> {
      if (providerIds.length === 0) return [];
      let query = tx.selectFrom('provider_days_off').selectAll().where('provider_id', 'in', providerIds);
      if (from) query = query.where('day', '>=', from);
      if (to) query = query.where('day', '<=', to);
      return query.orderBy('day').execute();
    },

    /** Replaces a provider's weekly hours and days off. */
    async replaceAvailability(
      providerId: string,
      hours: ReadonlyArray<{ weekday: number; opens: string; closes: string }>,
      daysOff: readonly string[],
      tx: Db,
    ): Promise<void> {
      await tx.deleteFrom('provider_hours').where('provider_id', '=', providerId).execute();
      await tx.deleteFrom('provider_days_off').where('provider_id', '=', providerId).execute();
      if (hours.length > 0)
        await tx
          .insertInto('provider_hours')
          .values(hours.map((h) => ({ provider_id: providerId, ...h })))
          .execute();
      if (daysOff.length > 0)
        await tx
          .insertInto('provider_days_off')
          .values(daysOff.map((day) => ({ provider_id: providerId, day })))
          .execute();
    },

    async insertInvitation(row: {
      id: string;
      code_hash: Uint8Array;
      created_by: string | null;
      created_at: Date;
      expires_at: Date;
    }): Promise<void> {
      await db
        .insertInto('provider_invitations')
        .values({ ...row, used_at: null })
        .execute();
    },

    /** A live invitation with this code exists (checked before the account is made). */
    async invitationLive(codeHash: Uint8Array, now: Date): Promise<boolean> {
      const row = await db
        .selectFrom('provider_invitations')
        .select('id')
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Spends a live invitation; false when it was not live (used meanwhile, expired, unknown). */
    async spendInvitation(codeHash: Uint8Array, now: Date, tx: Db): Promise<boolean> {
      const result = await tx
        .updateTable('provider_invitations')
        .set({ used_at: now })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
export type ProviderRepo = ReturnType<typeof createProviderRepo>;
