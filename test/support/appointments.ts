import { createServices } from '../../src/app.ts';
import { createAppointmentRepo } from '../../src/modules/appointments/repo.ts';
import { createAppointmentSeal } from '../../src/modules/appointments/seal.ts';
import { createAppointmentService } from '../../src/modules/appointments/service.ts';
import { derivePurposeKey } from '../../src/platform/crypto/purpose-keys.ts';
import { createRowSeal } from '../../src/platform/crypto/row-seal.ts';
import type { RequestContext } from '../../src/platform/request-context.ts';
import type { TestApp } from './app.ts';

export const serviceCtx: RequestContext = {
  requestId: 'test',
  channel: 'api',
  ip: '127.0.0.1',
  userAgent: undefined,
  principal: undefined,
};

/**
 * The app's appointment service composed again with another `mayBookFor` (the care module's
 * answer): for tests of a parent's booking before the care module is wired in.
 */
export function appointmentsWith(
  t: TestApp,
  mayBookFor: (parentId: string, childId: string) => Promise<boolean>,
) {
  const services = createServices({ config: t.config, database: t.db.database, clock: t.clock.now });
  const appointments = createAppointmentService({
    repo: createAppointmentRepo(t.db.database.db),
    seal: createAppointmentSeal(createRowSeal(derivePurposeKey(t.config.blindIndexKey, 'appointment:v1'))),
    providers: services.providers,
    slots: services.slots,
    users: services.users,
    consents: services.consents,
    cycles: services.cycles,
    insights: services.insights,
    dataProtection: services.dataProtection,
    mayBookFor,
    audit: services.audit,
    events: services.securityEvents,
    cutoffMinutes: t.config.appointmentChangeCutoffMinutes,
    clock: t.clock.now,
  });
  return { appointments, services };
}

/** The first free slot of a provider starting at least `minutes` from now. */
export async function slotAfter(
  t: TestApp,
  token: string,
  providerId: string,
  minutes: number,
): Promise<{ start: string; end: string }> {
  const res = await t.request({ method: 'GET', url: `/api/v1/providers/${providerId}/slots`, token });
  if (res.statusCode !== 200) throw new Error(`slots failed: ${res.statusCode} ${res.body}`);
  const earliest = t.clock.now().getTime() + minutes * 60_000;
  const slot = (res.json().slots as Array<{ start: string; end: string }>).find(
    (s) => Date.parse(s.start) >= earliest,
  );
  if (!slot) throw new Error('no free slot that late');
  return slot;
}

/** A new access token for someone whose token the moved clock expired (15 minutes). */
export async function signIn(t: TestApp, who: { email: string; password: string }): Promise<string> {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { identifier: who.email, password: who.password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return res.json().accessToken;
}
