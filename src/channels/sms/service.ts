import { randomUUID } from 'node:crypto';
import type { SmsLog } from './outbox-provider.ts';
import type { SmsOutboxRepo } from './outbox-repo.ts';
import { isE164, type SmsProvider, SmsProviderError } from './provider.ts';
import { createOutboxSealer } from './sealing.ts';

/** Three GSM-7 segments: a code or a reminder fits in one; a longer text is a mistake. */
export const MAX_SMS_TEXT = 459;
const PURPOSE = /^[a-z][a-z0-9_]{0,39}$/;

export type SmsSendRequest = {
  /** E.164 (normalise first: modules/users/identifiers.ts normalizePhone). */
  to: string;
  text: string;
  /** Why it is sent, for operators and per-purpose rules later: `phone_verification`, … */
  purpose: string;
};

/**
 * The outcome a caller acts on. Failure is an answer, not an exception: the caller turns it into a
 * clear problem (`sms_unavailable`, 503) instead of a 500, and the outbox row says what happened.
 */
export type SmsSendResult =
  | { ok: true; outboxId: string; status: 'sent'; providerMessageId: string }
  | { ok: true; outboxId: string; status: 'kept' }
  | {
      ok: false;
      outboxId: string;
      status: 'failed';
      code: 'sms_unavailable';
      reason: string;
      retryable: boolean;
    };

/**
 * Writes each message to the outbox (sealed), tries the provider once right away and records the
 * outcome. Retries, schedules and delivery reports come with the job queue and build on the row.
 */
export function createSmsSender(deps: {
  repo: SmsOutboxRepo;
  provider: SmsProvider;
  /** BLIND_INDEX_KEY: the outbox key is derived from it (sealing.ts). */
  rootKey: Uint8Array;
  clock: () => Date;
  log: SmsLog;
}) {
  const { repo, provider, clock, log } = deps;
  const sealer = createOutboxSealer(deps.rootKey);

  async function send(request: SmsSendRequest): Promise<SmsSendResult> {
    // Programming errors, not her input: callers validate and normalise before asking.
    if (!isE164(request.to)) throw new TypeError('SMS destination must be an E.164 number');
    if (request.text.length === 0 || request.text.length > MAX_SMS_TEXT) {
      throw new RangeError(`SMS text must be 1 to ${MAX_SMS_TEXT} characters`);
    }
    if (!PURPOSE.test(request.purpose)) throw new TypeError('SMS purpose must be a snake_case word');

    const id = randomUUID();
    await repo.insert({
      id,
      destinationSealed: sealer.seal('destination_enc', id, request.to),
      textSealed: sealer.seal('text_enc', id, request.text),
      purpose: request.purpose,
      createdAt: clock(),
    });

    try {
      const result = await provider.send({ to: request.to, text: request.text });
      if (result.status === 'sent') {
        await repo.recordAttempt(id, {
          status: 'sent',
          at: clock(),
          providerMessageId: result.providerMessageId,
        });
        return { ok: true, outboxId: id, status: 'sent', providerMessageId: result.providerMessageId };
      }
      await repo.recordAttempt(id, { status: 'kept', at: clock() });
      return { ok: true, outboxId: id, status: 'kept' };
    } catch (error) {
      // Anything the provider throws is a failed delivery, never the caller's 500.
      const failure =
        error instanceof SmsProviderError ? error : new SmsProviderError('provider_error', true);
      await repo.recordAttempt(id, { status: 'failed', at: clock(), error: failure.reason });
      log.warn(
        {
          event: 'sms_failed',
          outboxId: id,
          provider: provider.name,
          purpose: request.purpose,
          reason: failure.reason,
        },
        'SMS not sent',
      );
      return {
        ok: false,
        outboxId: id,
        status: 'failed',
        code: 'sms_unavailable',
        reason: failure.reason,
        retryable: failure.retryable,
      };
    }
  }

  /** An outbox row with its destination and text opened (operators' tools, the job queue later). */
  async function read(id: string) {
    const row = await repo.find(id);
    if (!row) return undefined;
    const { destinationSealed, textSealed, ...rest } = row;
    return {
      ...rest,
      to: sealer.open('destination_enc', id, destinationSealed),
      text: sealer.open('text_enc', id, textSealed),
    };
  }

  return { send, read };
}
export type SmsSender = ReturnType<typeof createSmsSender>;
