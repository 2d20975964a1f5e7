import { createHmac } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import type { RateLimiter } from '../../platform/security/rate-limit.ts';
import type { AppointmentService } from '../appointments/service.ts';
import type { AuditRepo } from '../audit/repo.ts';
import type { AuditService } from '../audit/service.ts';
import type { ConsentRepo } from '../consents/repo.ts';
import type { CycleService } from '../cycles/service.ts';
import type { SessionService } from '../sessions/service.ts';
import type { UserService } from '../users/service.ts';
import { toCsv } from './csv.ts';

export type AccessLogEntry = {
  at: string;
  /** `name`: someone she already knows by name (an adult she linked, a health worker she booked). */
  actor: { role: string | null; label: string; name?: string };
  action: string;
  resource: string | null;
  outcome: string;
  channel: string;
};

const EXPORTS_PER_HOUR = 5;
// The page shows her newest entries; the export carries her whole trail (reads of her health
// data add up to a few rows a day, so a page-sized export would soon drop the older ones).
const ACCESS_LOG_LIMIT = 500;
const EXPORT_ACCESS_LOG_LIMIT = 100_000;
export const EXPORT_FORMAT_VERSION = 1;

/** Her rights of access and portability: who touched her data, and all of it to take away. */
export function createPrivacyService(deps: {
  users: UserService;
  sessions: SessionService;
  cycles: CycleService;
  /** Her appointments with the provider's answers and visit notes; the health workers she booked. */
  appointments: Pick<AppointmentService, 'exportFor' | 'providerNamesFor'>;
  /** The adults she is linked with and what each sees (src/modules/care). */
  careLinks: {
    linksForExport(userId: string): Promise<object[]>;
    listLinks(
      userId: string,
    ): Promise<Array<{ status: string; person: { id: string; name: string } | null }>>;
    /** Her care-sharing consent records' sealed details, opened. */
    sharingDetails(
      userId: string,
      records: ReadonlyArray<{ id: string; purpose: string; detail: Uint8Array | null }>,
    ): Promise<Map<string, object>>;
  };
  consents: ConsentRepo;
  auditRepo: AuditRepo;
  audit: AuditService;
  rateLimit: RateLimiter;
  pseudonymKey: Buffer;
  clock: () => Date;
}) {
  // Another person appears only as a role and a stable pseudonym, never their id or name.
  const pseudonym = (actorId: string) =>
    createHmac('sha256', deps.pseudonymKey)
      .update(`actor\u0000${actorId}`)
      .digest('hex')
      .slice(0, 6)
      .toUpperCase();

  /**
   * The names she already sees elsewhere: the adults of her active links (her people page) and
   * the health workers she booked (the directory). Anyone else stays a role and a pseudonym.
   */
  async function namesKnownTo(userId: string): Promise<Map<string, string>> {
    const [links, providers] = await Promise.all([
      deps.careLinks.listLinks(userId),
      deps.appointments.providerNamesFor(userId),
    ]);
    const names = new Map(providers);
    for (const link of links)
      if (link.status === 'active' && link.person) names.set(link.person.id, link.person.name);
    return names;
  }

  /** Every audit row about her (her own actions, reads of her health data included), newest first. */
  async function accessLog(userId: string, limit = ACCESS_LOG_LIMIT): Promise<AccessLogEntry[]> {
    const [rows, names] = await Promise.all([
      deps.auditRepo.listForSubject(userId, limit),
      namesKnownTo(userId),
    ]);
    const someone = (actorId: string, role: string | null) => {
      const name = names.get(actorId);
      return { role, label: `${role ?? 'user'} ${pseudonym(actorId)}`, ...(name ? { name } : {}) };
    };
    return rows.map((r) => ({
      at: r.at.toISOString(),
      actor:
        r.actor_id === userId
          ? { role: r.actor_role, label: 'you' }
          : r.actor_id === null
            ? { role: null, label: r.channel === 'cli' ? 'operator' : 'unknown' }
            : someone(r.actor_id, r.actor_role),
      action: r.action,
      resource: r.resource,
      outcome: r.outcome,
      channel: r.channel,
    }));
  }

  async function collect(userId: string) {
    const [profile, consents, guardianCodes, sessions, periods, dayLogs, appointments, careLinks, log] =
      await Promise.all([
        deps.users.get(userId),
        deps.consents.history(userId),
        deps.consents.listGuardianCodes(userId),
        deps.sessions.history(userId),
        deps.cycles.allPeriods(userId),
        deps.cycles.allDays(userId),
        deps.appointments.exportFor(userId),
        deps.careLinks.linksForExport(userId),
        accessLog(userId, EXPORT_ACCESS_LOG_LIMIT),
      ]);
    const details = await deps.careLinks.sharingDetails(userId, consents);
    return {
      format: 'ladys-essence-export',
      version: EXPORT_FORMAT_VERSION,
      exportedAt: deps.clock().toISOString(),
      profile,
      consents: consents.map((c) => ({
        purpose: c.purpose,
        version: c.version,
        granted: c.granted,
        recordedAt: c.recordedAt.toISOString(),
        givenBy: c.byGuardian ? 'guardian' : 'you',
        // A care-sharing change: which link and adult, which scopes, who made it.
        ...(details.has(c.id) ? { detail: details.get(c.id) } : {}),
      })),
      guardianCodes,
      sessions,
      periods,
      dayLogs,
      appointments,
      careLinks,
      accessLog: log,
    };
  }
  type Export = Awaited<ReturnType<typeof collect>>;

  return {
    accessLog: (userId: string) => accessLog(userId),

    /** Everything of hers, decrypted: JSON, or a zip of CSV files. Limited and audited. */
    async export(userId: string, format: 'json' | 'csv', ctx: RequestContext): Promise<Export | Uint8Array> {
      await deps.rateLimit(`export:${userId}`, EXPORTS_PER_HOUR, 3600);
      const data = await collect(userId);
      await deps.audit.record(auditContextOf(ctx), {
        action: 'privacy.export',
        outcome: 'success',
        subjectId: userId,
        resource: format,
      });
      return format === 'json' ? data : zipExport(data);
    },
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;

function zipExport(data: {
  exportedAt: string;
  profile: object;
  consents: object[];
  guardianCodes: object[];
  sessions: object[];
  periods: object[];
  dayLogs: object[];
  appointments: object[];
  careLinks: object[];
  accessLog: object[];
}): Uint8Array {
  const profileRows = Object.entries(data.profile).map(([field, value]) => ({ field, value }));
  return zipSync({
    'README.txt': strToU8(
      `Lady's Essence data export, format version ${EXPORT_FORMAT_VERSION}, made ${data.exportedAt}.\n` +
        'One CSV file per kind of data, UTF-8, comma-separated, first line = column names.\n' +
        'Lists inside a cell are separated by semicolons. Dates are YYYY-MM-DD; times are UTC.\n' +
        'The same data as JSON: GET /api/v1/me/export. Field meanings: docs/privacy.md.\n',
    ),
    'profile.csv': strToU8(toCsv(profileRows)),
    'consents.csv': strToU8(toCsv(data.consents)),
    'guardian_codes.csv': strToU8(toCsv(data.guardianCodes)),
    'sessions.csv': strToU8(toCsv(data.sessions)),
    'periods.csv': strToU8(toCsv(data.periods)),
    'day_logs.csv': strToU8(toCsv(data.dayLogs)),
    'appointments.csv': strToU8(toCsv(data.appointments)),
    'care_links.csv': strToU8(toCsv(data.careLinks)),
    'access_log.csv': strToU8(toCsv(data.accessLog)),
  });
}
