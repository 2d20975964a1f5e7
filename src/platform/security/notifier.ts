/** Raised once per window when a threshold of security failures is crossed (see events.ts). */
export type SecurityAlert = {
  alert: 'security';
  rule: 'ip_failures' | 'ip_accounts';
  /** What the rule means, for a person reading the alert. */
  summary: string;
  /** The client address, so operators can block it (alerts go to operators only). */
  ip: string;
  /** The pseudonym of that address in the security event log lines. */
  source: string;
  count: number;
  threshold: number;
  windowSeconds: number;
  windowStart: string;
  at: string;
  lastEventType: string;
};

export type SecurityLog = {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

/** Where alerts go. `notify` never blocks or throws; `drain` waits for deliveries still in flight. */
export type AlertNotifier = {
  notify(alert: SecurityAlert): void;
  drain(): Promise<void>;
};

/**
 * Always on: the alert as one error-level log line (`event: 'security_alert'`). Logs carry
 * pseudonyms only, so the raw address stays out: `source` finds the matching event lines, and
 * only the webhook (an operator's endpoint) receives `ip`.
 */
export function createLogNotifier(log: SecurityLog): AlertNotifier {
  return {
    notify({ ip: _ip, ...alert }) {
      log.error({ event: 'security_alert', ...alert }, `security alert: ${alert.summary}`);
    },
    drain: async () => undefined,
  };
}

/**
 * POSTs the alert as JSON to SECURITY_ALERT_WEBHOOK_URL. Delivery runs in the background with a
 * short timeout; a failure is logged and dropped, so a slow or dead receiver never slows a request.
 */
export function createWebhookNotifier(opts: {
  url: string;
  log: SecurityLog;
  timeoutMs?: number;
}): AlertNotifier {
  const pending = new Set<Promise<void>>();
  async function deliver(alert: SecurityAlert): Promise<void> {
    try {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alert),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 3000),
        redirect: 'error',
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`the webhook answered ${res.status}`);
    } catch (error) {
      opts.log.warn(
        { event: 'security_alert_undelivered', rule: alert.rule, reason: String(error) },
        'security alert webhook failed',
      );
    }
  }
  return {
    notify(alert) {
      const delivery = deliver(alert);
      pending.add(delivery);
      void delivery.finally(() => pending.delete(delivery));
    },
    async drain() {
      await Promise.all(pending);
    },
  };
}

/** Every notifier gets every alert. */
export function combineNotifiers(notifiers: AlertNotifier[]): AlertNotifier {
  return {
    notify(alert) {
      for (const n of notifiers) n.notify(alert);
    },
    async drain() {
      await Promise.all(notifiers.map((n) => n.drain()));
    },
  };
}
