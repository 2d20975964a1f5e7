import type { Db } from '../../platform/db/database.ts';
import type { NewUserRow, UserRow, UserUpdate } from '../../platform/db/tables.ts';

export function createUserRepo(db: Db) {
  return {
    async insert(row: NewUserRow, tx: Db = db): Promise<void> {
      await tx.insertInto('users').values(row).execute();
    },

    async findById(id: string, tx: Db = db): Promise<UserRow | undefined> {
      return tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findByBlindIndex(kind: 'phone' | 'email', index: Uint8Array): Promise<UserRow | undefined> {
      const column = kind === 'phone' ? 'phone_bidx' : 'email_bidx';
      return db.selectFrom('users').selectAll().where(column, '=', index).executeTakeFirst();
    },

    /** Active accounts waiting to verify this number, newest first. */
    async findByPendingPhone(index: Uint8Array, limit: number): Promise<UserRow[]> {
      return db
        .selectFrom('users')
        .selectAll()
        .where('phone_pending_bidx', '=', index)
        .where('status', '=', 'active')
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },

    async identifierTaken(phoneIndex: Uint8Array | null, emailIndex: Uint8Array | null): Promise<boolean> {
      if (!phoneIndex && !emailIndex) return false;
      const row = await db
        .selectFrom('users')
        .select('id')
        .where((eb) =>
          eb.or([
            ...(phoneIndex ? [eb('phone_bidx', '=', phoneIndex)] : []),
            ...(emailIndex ? [eb('email_bidx', '=', emailIndex)] : []),
          ]),
        )
        .executeTakeFirst();
      return row !== undefined;
    },

    async update(id: string, changes: UserUpdate, tx: Db = db): Promise<boolean> {
      const result = await tx.updateTable('users').set(changes).where('id', '=', id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /**
     * Deletes the account; every row of hers (data key included) goes with it by foreign-key
     * cascade, and her phone's USSD sessions (keyed by the number, not the account) with it.
     */
    async delete(id: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .deleteFrom('users')
          .where('id', '=', id)
          .returning('phone_bidx')
          .executeTakeFirst();
        if (!row) return false;
        if (row.phone_bidx)
          await tx.deleteFrom('ussd_sessions').where('phone_bidx', '=', row.phone_bidx).execute();
        return true;
      });
    },

    async countAdmins(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type UserRepo = ReturnType<typeof createUserRepo>;
