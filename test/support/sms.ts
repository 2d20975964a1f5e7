import type { SmsMessage, SmsProvider } from '../../src/channels/sms/provider.ts';
import { SmsProviderError } from '../../src/channels/sms/provider.ts';

export type CapturingSmsProvider = SmsProvider & {
  /** Every message handed to the provider, oldest first (failed ones too). */
  readonly messages: SmsMessage[];
  /** The text of the last message to this E.164 number (a code is read from it). */
  lastTo(phone: string): string | undefined;
  /** While set, every send fails with this reason, as a provider outage would. */
  failWith: string | undefined;
  /** While set, every send waits for it, as a slow provider would. */
  hold: Promise<void> | undefined;
};

/**
 * A provider for tests: accepts everything (a fresh message id each time) and remembers it, so a
 * test can read the code a flow sent. Pass it as `smsProvider` to buildApp / createServices.
 */
export function createCapturingSmsProvider(): CapturingSmsProvider {
  const messages: SmsMessage[] = [];
  let sent = 0;
  const provider: CapturingSmsProvider = {
    name: 'test',
    messages,
    failWith: undefined,
    hold: undefined,
    lastTo: (phone) => messages.findLast((m) => m.to === phone)?.text,
    async send(message) {
      messages.push({ ...message });
      if (provider.hold) await provider.hold;
      if (provider.failWith !== undefined) throw new SmsProviderError(provider.failWith, true);
      sent += 1;
      return { status: 'sent', providerMessageId: `test-${sent}` };
    },
  };
  return provider;
}
