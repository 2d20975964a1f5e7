import type { Db } from '../../platform/db/database.ts';
import type { SmsOutboxStatus } from '../../platform/db/tables.ts';

/** An outbox row as stored: destination and text are sealed (see sealing.ts). */
export type StoredSms = {
  id: string;
  destinationSealed: Uint8Array;
  textSealed: Uint8Array;
  purpose: string;
  status: SmsOutboxStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  providerMessageId: string | null;
  lastError: string | null;
};

/** How one attempt ended. */
export type SmsAttempt =
  | { status: 'sent'; at: Date; providerMessageId: string }
  | { status: 'kept'; at: Date }
  | { status: 'failed'; at: Date; error: string };

export function createSmsOutboxRepo(db: Db) {
  return {
    async insert(row: {
      id: string;
      destinationSealed: Uint8Array;
      textSealed: Uint8Array;
      purpose: string;
      createdAt: Date;
    }): Promise<void> {
      await db
        .insertInto('sms_outbox')
        .values({
          id: row.id,
          destination_enc: row.destinationSealed,
          text_enc: row.textSealed,
          purpose: row.purpose,
          status: 'queued',
          attempts: 0,
          created_at: row.createdAt,
        })
        .execute();
    },

    /** Records one attempt: the count goes up whatever the outcome; sent_at only when it left. */
    async recordAttempt(id: string, attempt: SmsAttempt): Promise<void> {
      await db
        .updateTable('sms_outbox')
        .set((eb) => ({
          status: attempt.status,
          attempts: eb('attempts', '+', 1),
          sent_at: attempt.status === 'sent' ? attempt.at : null,
          provider_message_id: attempt.status === 'sent' ? attempt.providerMessageId : null,
          last_error: attempt.status === 'failed' ? attempt.error : null,
        }))
        .where('id', '=', id)
        .execute();
    },

    async find(id: string): Promise<StoredSms | undefined> {
      const row = await db.selectFrom('sms_outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        row && {
          id: row.id,
          destinationSealed: row.destination_enc,
          textSealed: row.text_enc,
          purpose: row.purpose,
          status: row.status,
          attempts: row.attempts,
          createdAt: row.created_at,
          sentAt: row.sent_at,
          providerMessageId: row.provider_message_id,
          lastError: row.last_error,
        }
      );
    },
  };
}
export type SmsOutboxRepo = ReturnType<typeof createSmsOutboxRepo>;
