import type { RequestContext } from '../request-context.ts';
import type { CounterStore } from './counter-store.ts';
import type { AlertNotifier, SecurityAlert, SecurityLog } from './notifier.ts';
import type { Pseudonymizer } from './pseudonym.ts';

export type SecurityEventType =
  /** A wrong identifier, password or PIN at sign-in (API or USSD). */
  | 'login_failed'
  /** A wrong current password or PIN re-entered while signed in (changes, account deletion). */
  | 'credential_failed'
  /** A wrong code sent by SMS (phone verification, account recovery). */
  | 'code_failed'
  | 'account_locked'
  | 'pin_locked'
  /** A spent refresh token came back: someone holds a copy; the session was ended. */
  | 'refresh_token_reuse'
  /** 401: no token, a bad or expired one, or an ended session. */
  | 'unauthenticated'
  /** 403: the caller's role may not do this. */
  | 'forbidden'
  | 'rate_limited'
  | 'ussd_gateway_auth_failed'
  /** A row that grants sight of someone's data (care link, provider, appointment) failed its server MAC. */
  | 'row_seal_broken';

export type SecurityEvent = {
  type: SecurityEventType;
  /** `METHOD /route/pattern` (never the raw URL, which may carry identifiers). */
  route: string;
  ip: string;
  channel?: string | undefined;
  requestId?: string | undefined;
  /** Who was aimed at: an account id or the identifier tried. Only its pseudonym is logged or counted. */
  subject?: string | undefined;
  /** A non-identifying detail: the error code or the rate-limit policy. */
  detail?: string | undefined;
};

/**
 * Alert thresholds, counted per client IP in fixed windows of the shared CounterStore (so several
 * instances add up). Not scaled by RATE_LIMIT_SCALE: they raise alerts, they refuse nothing.
 */
export type AlertRules = {
  /** Security failures of any type from one IP. */
  failuresPerIp: number;
  /** Distinct accounts that failed to sign in or re-authenticate from one IP (credential stuffing). */
  accountsPerIp: number;
  windowSeconds: number;
};
export const DEFAULT_ALERT_RULES: AlertRules = { failuresPerIp: 50, accountsPerIp: 10, windowSeconds: 600 };

/** The event fields a service can fill from its request context. */
export function eventContext(
  ctx: RequestContext,
): Pick<SecurityEvent, 'route' | 'ip' | 'channel' | 'requestId'> {
  return { route: ctx.route ?? ctx.channel, ip: ctx.ip, channel: ctx.channel, requestId: ctx.requestId };
}

/**
 * Security events: one structured log line each (`event: 'security'`, pseudonymous subject and
 * source, never a phone number, secret, token or health data), counted per IP; a rule crossing its
 * threshold raises one alert per window through the notifier. Counting problems are logged and
 * never fail the request that was being refused anyway.
 */
export function createSecurityEvents(deps: {
  store: CounterStore;
  clock: () => Date;
  pseudonym: Pseudonymizer;
  log: SecurityLog;
  notifier: AlertNotifier;
  rules?: AlertRules;
}) {
  const rules = deps.rules ?? DEFAULT_ALERT_RULES;
  const { store, notifier } = deps;

  async function detect(event: SecurityEvent, source: string, subject: string | undefined): Promise<void> {
    const now = deps.clock();
    const windowMs = rules.windowSeconds * 1000;
    const index = Math.floor(now.getTime() / windowMs);
    const ttl = rules.windowSeconds;
    const alert = (rule: SecurityAlert['rule'], count: number, threshold: number, summary: string) =>
      notifier.notify({
        alert: 'security',
        rule,
        summary,
        ip: event.ip,
        source,
        count,
        threshold,
        windowSeconds: rules.windowSeconds,
        windowStart: new Date(index * windowMs).toISOString(),
        at: now.toISOString(),
        lastEventType: event.type,
      });

    // Increments are atomic, so exactly one instance sees the count reach the threshold: one alert per window.
    const failures = await store.increment(`sec:ip:${source}:${index}`, now, ttl);
    if (failures.failures === rules.failuresPerIp) {
      alert(
        'ip_failures',
        failures.failures,
        rules.failuresPerIp,
        `${failures.failures} security failures from one address`,
      );
    }
    if (
      subject === undefined ||
      (event.type !== 'login_failed' && event.type !== 'credential_failed' && event.type !== 'code_failed')
    )
      return;
    const first = await store.increment(`sec:ipacct:${source}:${subject}:${index}`, now, ttl);
    if (first.failures !== 1) return;
    const accounts = await store.increment(`sec:ipaccts:${source}:${index}`, now, ttl);
    if (accounts.failures === rules.accountsPerIp) {
      alert(
        'ip_accounts',
        accounts.failures,
        rules.accountsPerIp,
        `failed sign-ins to ${accounts.failures} different accounts from one address`,
      );
    }
  }

  return {
    async record(event: SecurityEvent): Promise<void> {
      const source = deps.pseudonym('ip', event.ip);
      const subject = event.subject === undefined ? undefined : deps.pseudonym('subject', event.subject);
      deps.log.warn(
        {
          event: 'security',
          type: event.type,
          route: event.route,
          channel: event.channel,
          subject,
          source,
          detail: event.detail,
          reqId: event.requestId,
        },
        `security event: ${event.type}`,
      );
      try {
        await detect(event, source, subject);
      } catch (error) {
        deps.log.error({ err: error, event: 'security_counting_failed' }, 'security event counting failed');
      }
    },
  };
}
export type SecurityEvents = ReturnType<typeof createSecurityEvents>;
