/*
 * What the SMS sender needs from whoever delivers a message. A provider sends one message, now,
 * once: retries, queues and delivery reports belong to the caller (the job queue, later).
 */

/** One text message to one phone. */
export type SmsMessage = {
  /** E.164, e.g. +250788123456. */
  to: string;
  text: string;
};

/** `sent`: handed to the carrier's gateway; `kept`: deliberately sent nowhere (the outbox provider). */
export type SmsProviderResult = { status: 'sent'; providerMessageId: string } | { status: 'kept' };

export type SmsProvider = {
  /** Stable name for logs (`outbox`, `africastalking`, `test`). */
  readonly name: string;
  /** Sends one message; throws SmsProviderError when it was not accepted. */
  send(message: SmsMessage): Promise<SmsProviderResult>;
};

/**
 * A message the provider did not accept. `reason` is a short code of ours or the provider's
 * status name (`timeout`, `http_500`, `rejected_InvalidPhoneNumber`): it is stored and logged, so
 * it never carries the number, the text or the provider's free-text answer.
 */
export class SmsProviderError extends Error {
  readonly reason: string;
  /** Worth trying again later (timeouts, network failures, the provider's own 5xx). */
  readonly retryable: boolean;

  constructor(reason: string, retryable: boolean) {
    const safe = safeReason(reason);
    super(`SMS provider failure: ${safe}`);
    this.name = 'SmsProviderError';
    this.reason = safe;
    this.retryable = retryable;
  }
}

/** Letters, digits and _ only, at most 64 characters: nothing a provider echoes back gets through. */
export function safeReason(reason: string): string {
  return reason.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64) || 'unknown';
}

const E164 = /^\+[1-9][0-9]{7,14}$/;

export function isE164(phone: string): boolean {
  return E164.test(phone);
}

/** The last three digits only (`***456`): enough to tell test phones apart, too little to find her. */
export function redactPhone(phone: string): string {
  return `***${phone.slice(-3)}`;
}
