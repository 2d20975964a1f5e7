import type { Config } from '../../platform/config.ts';
import { createAfricasTalkingProvider } from './africastalking.ts';
import { createOutboxProvider, type SmsLog } from './outbox-provider.ts';
import type { SmsProvider } from './provider.ts';

/** The provider SMS_PROVIDER names (config.ts has already refused what production must not run). */
export function createSmsProvider(config: Pick<Config, 'env' | 'sms'>, log: SmsLog): SmsProvider {
  const sms = config.sms;
  switch (sms.provider) {
    case 'outbox':
      return createOutboxProvider({ log, production: config.env === 'production' });
    case 'africastalking':
      return createAfricasTalkingProvider({
        baseUrl: sms.baseUrl,
        username: sms.username,
        apiKey: sms.apiKey,
      });
  }
}
