import { type SmsProvider, SmsProviderError, type SmsProviderResult } from './provider.ts';

/*
 * Africa's Talking bulk SMS: POST {base}/version1/messaging, form-encoded username, to, message;
 * the API key in the `apiKey` header. The answer lists one recipient per number:
 * { SMSMessageData: { Recipients: [{ status: "Success", messageId: "ATXid_…", statusCode: 101 }] } }.
 * https://developers.africastalking.com/docs/sms/sending/bulk
 */

export type AfricasTalkingOptions = {
  baseUrl: string;
  username: string;
  apiKey: string;
  /** The whole exchange, body included (default 5 s): a slow gateway must not hold a request. */
  timeoutMs?: number;
};

export function createAfricasTalkingProvider(options: AfricasTalkingOptions): SmsProvider {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/version1/messaging`;
  const timeoutMs = options.timeoutMs ?? 5_000;

  async function post(to: string, text: string): Promise<Response> {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          apiKey: options.apiKey,
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ username: options.username, to, message: text }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
        // fetch would repeat the apiKey header to wherever a redirect points.
        redirect: 'error',
      });
      return response;
    } catch (error) {
      throw failureOf(error);
    }
  }

  return {
    name: 'africastalking',
    async send({ to, text }): Promise<SmsProviderResult> {
      const response = await post(to, text);
      let body: unknown;
      try {
        const raw = await response.text();
        body = response.ok ? JSON.parse(raw) : undefined;
      } catch (error) {
        throw error instanceof SyntaxError
          ? new SmsProviderError('malformed_response', false)
          : failureOf(error);
      }
      if (!response.ok) {
        const retryable = response.status >= 500 || response.status === 429;
        throw new SmsProviderError(`http_${response.status}`, retryable);
      }
      return recipientResult(body);
    },
  };
}

function failureOf(error: unknown): SmsProviderError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return new SmsProviderError('timeout', true);
  return new SmsProviderError('network', true);
}

function recipientResult(body: unknown): SmsProviderResult {
  const data = (body as { SMSMessageData?: { Recipients?: unknown } } | null)?.SMSMessageData;
  const recipient = Array.isArray(data?.Recipients) ? (data.Recipients[0] as unknown) : undefined;
  if (typeof recipient !== 'object' || recipient === null) {
    throw new SmsProviderError('malformed_response', false);
  }
  const { status, messageId, statusCode } = recipient as Record<string, unknown>;
  if (status !== 'Success') {
    // Their codes 500–502 are their gateway's trouble; 401–407 (invalid number, balance, blacklist…) are not.
    const retryable = typeof statusCode === 'number' && statusCode >= 500;
    throw new SmsProviderError(`rejected_${typeof status === 'string' ? status : 'unknown'}`, retryable);
  }
  if (typeof messageId !== 'string' || messageId.length === 0 || messageId.length > 200) {
    throw new SmsProviderError('malformed_response', false);
  }
  return { status: 'sent', providerMessageId: messageId };
}
