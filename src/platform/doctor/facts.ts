/*
 * What `npm run doctor` looks at, gathered once (run.ts) and judged by small functions
 * (checks.ts). Nothing here holds a secret's value: only the environment does, and checks report
 * variable names and what is wrong, never values.
 */

/** One line of the checklist. */
export type CheckResult = {
  /** Stable machine name (`secrets`, `database-tls`, …). */
  id: string;
  title: string;
  ok: boolean;
  /** What was found (on success too), without secret values. */
  detail: string;
  /** What to do when it fails. */
  fix: string;
};

/** A role's rights and the connection's state, read on the live database as the configured role. */
export type RoleFacts = {
  role: string;
  superuser: boolean;
  /** Attributes a runtime role must not have (CREATEROLE, CREATEDB, BYPASSRLS, REPLICATION). */
  attributes: string[];
  /** Privileged roles (superuser or any attribute above) this role may SET ROLE to. */
  privilegedMemberships: string[];
  createOnDatabase: boolean;
  temporaryOnDatabase: boolean;
  createOnSchema: boolean;
  /** The role owns (or may act as the owner of) the public schema. */
  ownsSchema: boolean;
  /** Tables in public the role owns or may act as the owner of. */
  ownedTables: number;
};

export type AuditPrivileges = {
  /** Privileges the role holds on audit_log that rewrite history (UPDATE, DELETE, TRUNCATE). */
  rewrite: string[];
  /** The role may change the retention floor in audit_policy (and so purge recent rows). */
  policyUpdate: boolean;
  /** Whether the role may write audit_anchor (where verification starts after a purge). */
  anchorWrite: boolean;
};

export type DatabaseFacts = {
  /** The session is encrypted (pg_stat_ssl). */
  ssl: boolean;
  /** database name, server address and port, to tell two databases apart. */
  identity: string;
  role: RoleFacts;
  /** Pending migrations' names, or why they could not be read. */
  pending: string[] | { error: string };
  /** The other database's bookkeeping table is here too (data and keys in one database). */
  holdsOtherSchema: boolean;
  /** undefined: no audit_log table here. */
  audit: AuditPrivileges | undefined;
  /** 'no-table': job_runs is missing (schema behind); undefined: never recorded. */
  retentionLastRun: Date | undefined | 'no-table';
};

/** A database that was looked at, or why it could not be. */
export type DatabaseProbe = { facts: DatabaseFacts } | { unavailable: string };

/** `npm audit`'s counts by severity, or why there are none. */
export type AuditReport =
  | { counts: Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>; packages: string[] }
  | { unavailable: string };

export type RuntimeFacts = {
  /** process.version and process.release.lts (the LTS code name; undefined for Current releases). */
  node: { version: string; lts: string | undefined };
  /** package.json `engines.node`, e.g. ">=22.12". */
  engines: string;
};

/** Everything the checks judge. */
export type DoctorFacts = RuntimeFacts & {
  env: NodeJS.ProcessEnv;
  now: Date;
  app: DatabaseProbe;
  keystore: DatabaseProbe;
  audit: AuditReport;
};

/** A check's result from the problems it found: it passes, saying `passed`, when there are none. */
export function fromProblems(
  check: Pick<CheckResult, 'id' | 'title' | 'fix'>,
  problems: string[],
  passed: string,
): CheckResult {
  const ok = problems.length === 0;
  return { ...check, ok, detail: ok ? passed : problems.join('; ') };
}
