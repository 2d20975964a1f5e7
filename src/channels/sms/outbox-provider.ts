import { redactPhone, type SmsProvider } from './provider.ts';

export type SmsLog = {
  warn(fields: object, message: string): void;
};

/**
 * The default provider: nothing leaves the machine. The sender keeps the row (status `kept`);
 * outside production a log line shows the text and the last three digits of the number, so a
 * developer can read a verification code. In production (which refuses this provider at start)
 * neither would ever be logged.
 */
export function createOutboxProvider(deps: { log: SmsLog; production: boolean }): SmsProvider {
  return {
    name: 'outbox',
    async send({ to, text }) {
      if (deps.production) {
        deps.log.warn({ event: 'sms_kept' }, 'SMS kept in the outbox, not sent (SMS_PROVIDER=outbox)');
      } else {
        // Warn, not info: the message reached no one, and the line must show at the default level.
        deps.log.warn(
          { event: 'sms_kept', to: redactPhone(to) },
          `SMS kept in the outbox, not sent (SMS_PROVIDER=outbox; development only) to ${redactPhone(to)}: ${text}`,
        );
      }
      return { status: 'kept' };
    },
  };
}
