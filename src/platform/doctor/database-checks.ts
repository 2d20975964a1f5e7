import { productionProblems } from './config-checks.ts';
import {
  type CheckResult,
  type DatabaseFacts,
  type DatabaseProbe,
  type DoctorFacts,
  fromProblems,
  type RoleFacts,
} from './facts.ts';

/*
 * Checks of the live databases, as the roles in DATABASE_URL and KEYSTORE_DATABASE_URL: TLS that
 * is both configured and really in use, least privilege (deploy/provision.sql's runtime role), an
 * append-only audit trail, an up-to-date schema and a retention job that runs.
 */

const VERIFYING_MODES = ['verify-full', 'verify-ca'];
/** The server runs retention hourly; two hours without a run means it is not running. */
export const RETENTION_MAX_AGE_MS = 2 * 3_600_000;

const notChecked = (probe: DatabaseProbe & { unavailable: string }) => `not checked: ${probe.unavailable}`;

export function checkDatabaseTls({ env, app }: DoctorFacts): CheckResult {
  return {
    id: 'database-tls',
    title: 'DATABASE_URL: PostgreSQL over verified TLS',
    ...tlsOutcome('DATABASE_URL', env, [], app),
    fix:
      'Point DATABASE_URL at PostgreSQL with sslmode=verify-full&sslrootcert=<CA file> and enable TLS on the ' +
      'server (docs/deploy.md §4)',
  };
}

export function checkKeystoreTls({ env, app, keystore }: DoctorFacts): CheckResult {
  const outcome = tlsOutcome('KEYSTORE_DATABASE_URL', env, ['DATABASE_URL'], keystore);
  if ('facts' in keystore && sameDatabase(app, keystore.facts)) {
    const note = `KEYSTORE_DATABASE_URL reaches the application database (${keystore.facts.identity})`;
    outcome.detail = outcome.ok ? note : `${outcome.detail}; ${note}`;
    outcome.ok = false;
  }
  return {
    id: 'keystore-tls',
    title: 'KEYSTORE_DATABASE_URL: a separate PostgreSQL database over verified TLS',
    ...outcome,
    fix:
      'Point KEYSTORE_DATABASE_URL at its own database (provisioned apart, deploy/provision.sql) with ' +
      'sslmode=verify-full&sslrootcert=<CA file> (docs/deploy.md §4)',
  };
}

function sameDatabase(app: DatabaseProbe, keystore: DatabaseFacts): boolean {
  if (keystore.holdsOtherSchema) return true;
  return 'facts' in app && (app.facts.holdsOtherSchema || app.facts.identity === keystore.identity);
}

function tlsOutcome(name: string, env: NodeJS.ProcessEnv, context: string[], probe: DatabaseProbe) {
  const problems = productionProblems(env, [name], context);
  const mode = sslModeOf(env[name]);
  if (problems.length === 0 && !VERIFYING_MODES.includes(mode)) {
    problems.push(
      mode === 'require' || mode === 'prefer'
        ? `${name} has sslmode=${mode}: encrypted, but nothing proves the server is yours`
        : `${name} has ${mode === 'disable' ? 'sslmode=disable' : 'no sslmode'}: not encrypted`,
    );
  }
  if ('unavailable' in probe) {
    if (problems.length === 0) problems.push(`cannot connect with ${name}: ${probe.unavailable}`);
  } else if (!probe.facts.ssl) {
    problems.push('the live connection is not encrypted (pg_stat_ssl)');
  }
  const identity = 'facts' in probe ? probe.facts.identity : '';
  return {
    ok: problems.length === 0,
    detail:
      problems.length === 0 ? `sslmode=${mode}, connection encrypted (${identity})` : problems.join('; '),
  };
}

function sslModeOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').searchParams.get('sslmode') ?? '';
  } catch {
    return '';
  }
}

export function checkDatabaseRole({ app }: DoctorFacts): CheckResult {
  return {
    id: 'database-role',
    title: 'DATABASE_URL connects as a least-privilege runtime role',
    ...roleOutcome(app),
    fix:
      'Connect DATABASE_URL as the runtime role deploy/provision.sql makes, never the owner or a superuser; ' +
      're-run provision.sql to take back extra rights (docs/deploy.md §1)',
  };
}

export function checkKeystoreRole({ keystore }: DoctorFacts): CheckResult {
  return {
    id: 'keystore-role',
    title: 'KEYSTORE_DATABASE_URL connects as a least-privilege runtime role',
    ...roleOutcome(keystore),
    fix:
      "Connect KEYSTORE_DATABASE_URL as the key store's runtime role from deploy/provision.sql, never the " +
      'owner or a superuser (docs/deploy.md §1)',
  };
}

function roleOutcome(probe: DatabaseProbe) {
  if ('unavailable' in probe) return { ok: false, detail: notChecked(probe) };
  const { role } = probe.facts;
  const problems = roleProblems(role);
  return {
    ok: problems.length === 0,
    detail:
      problems.length === 0
        ? `role ${role.role}: not a superuser, no special attributes, owns nothing, may not create objects`
        : `role ${role.role} ${problems.join(', ')}`,
  };
}

function roleProblems(role: RoleFacts): string[] {
  const problems: string[] = [];
  if (role.superuser) problems.push('is a superuser');
  if (role.attributes.length > 0) problems.push(`has ${role.attributes.join(', ')}`);
  if (role.privilegedMemberships.length > 0) {
    problems.push(`may SET ROLE to ${role.privilegedMemberships.join(', ')}`);
  }
  if (role.ownedTables > 0) problems.push(`owns ${role.ownedTables} table(s)`);
  if (role.ownsSchema) problems.push('owns the public schema');
  const creates = [
    role.createOnDatabase && 'CREATE on the database',
    role.temporaryOnDatabase && 'TEMPORARY on the database',
    role.createOnSchema && 'CREATE on the public schema',
  ].filter((p): p is string => typeof p === 'string');
  if (creates.length > 0) problems.push(`has ${creates.join(', ')}`);
  return problems;
}

export function checkSchema({ app, keystore }: DoctorFacts): CheckResult {
  const problems: string[] = [];
  for (const [label, probe] of [
    ['application database', app],
    ['key store', keystore],
  ] as const) {
    if ('unavailable' in probe) problems.push(`${label} ${notChecked(probe)}`);
    else if (!Array.isArray(probe.facts.pending)) {
      problems.push(`${label}: cannot read its migrations (${probe.facts.pending.error})`);
    } else if (probe.facts.pending.length > 0) {
      problems.push(`${label}: pending ${probe.facts.pending.join(', ')}`);
    }
  }
  const fix =
    'Run `npm run db:migrate` with MIGRATION_DATABASE_URL and KEYSTORE_MIGRATION_DATABASE_URL set to the ' +
    "owner roles' URLs (docs/deploy.md §3)";
  return fromProblems(
    { id: 'schema', title: 'Both databases migrated', fix },
    problems,
    'no pending migration',
  );
}

export function checkAuditAppendOnly({ app }: DoctorFacts): CheckResult {
  const fix =
    'Connect as the runtime role and take back what it must not have: REVOKE UPDATE, DELETE, TRUNCATE ON ' +
    'audit_log, UPDATE ON audit_policy and INSERT, UPDATE, DELETE, TRUNCATE ON audit_anchor ' +
    '(re-running deploy/provision.sql does this)';
  const base = { id: 'audit-append-only', title: 'Audit trail append-only for the server', fix };
  if ('unavailable' in app) return { ...base, ok: false, detail: notChecked(app) };
  const { audit, role } = app.facts;
  if (!audit) return { ...base, ok: false, detail: 'no audit_log table: the schema is not migrated' };
  const problems: string[] = [];
  if (audit.rewrite.length > 0) problems.push(`may ${audit.rewrite.join(', ')} audit_log`);
  if (audit.policyUpdate)
    problems.push('may change audit_policy (the retention floor) and so purge recent rows');
  if (audit.anchorWrite)
    problems.push(
      'may write audit_anchor (where the chain starts after a purge) and so hide deleted old rows',
    );
  return {
    ...base,
    ok: problems.length === 0,
    detail:
      problems.length === 0
        ? `role ${role.role} may not UPDATE, DELETE or TRUNCATE audit_log, nor change audit_policy or audit_anchor`
        : `role ${role.role} ${problems.join('; ')}`,
  };
}

export function checkRetentionJob({ app, now }: DoctorFacts): CheckResult {
  const base = {
    id: 'retention-job',
    title: 'Retention job ran in the last 2 hours',
    fix: 'Start the server (it runs the job hourly) or run `npm run retention:run`',
  };
  if ('unavailable' in app) return { ...base, ok: false, detail: notChecked(app) };
  const last = app.facts.retentionLastRun;
  if (last === 'no-table') {
    return { ...base, ok: false, detail: 'no job_runs table: the schema is not migrated' };
  }
  if (last === undefined) return { ...base, ok: false, detail: 'the retention job never recorded a run' };
  const age = Math.max(0, now.getTime() - last.getTime());
  const ago =
    age < 3_600_000 ? `${Math.round(age / 60_000)} minute(s)` : `${(age / 3_600_000).toFixed(1)} hours`;
  return {
    ...base,
    ok: age <= RETENTION_MAX_AGE_MS,
    detail: `last run ${last.toISOString()} (${ago} ago)`,
  };
}
