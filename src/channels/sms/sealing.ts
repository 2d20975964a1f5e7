import { open, seal } from '../../platform/crypto/aead.ts';
import { derivePurposeKey } from '../../platform/crypto/purpose-keys.ts';

/** The outbox's key label; a new version means a new label (and re-sealing, or waiting out retention). */
export const SMS_OUTBOX_KEY_PURPOSE = 'sms-outbox:v1';

type SealedColumn = 'destination_enc' | 'text_enc';

/*
 * Outbox rows belong to no user yet (a number being verified has no account behind it), so they
 * are sealed under a service key derived from BLIND_INDEX_KEY rather than a user's data key. The
 * row id and column are bound in: a ciphertext copied to another row or column does not open.
 */
const associatedData = (column: SealedColumn, id: string) =>
  `le:${SMS_OUTBOX_KEY_PURPOSE}:sms_outbox.${column}:${id}`;

export function createOutboxSealer(rootKey: Uint8Array) {
  const key = derivePurposeKey(rootKey, SMS_OUTBOX_KEY_PURPOSE);
  return {
    seal: (column: SealedColumn, id: string, value: string): Buffer =>
      seal(key, Buffer.from(value, 'utf8'), associatedData(column, id)),
    open: (column: SealedColumn, id: string, sealed: Uint8Array): string =>
      open(key, sealed, associatedData(column, id)).toString('utf8'),
  };
}
export type OutboxSealer = ReturnType<typeof createOutboxSealer>;
