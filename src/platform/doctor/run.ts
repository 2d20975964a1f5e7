import { openDatabase } from '../db/database.ts';
import { applicationSchema, keystoreSchema, type SchemaTarget } from '../db/schema.ts';
import { CHECKS } from './checks.ts';
import { readDatabaseFacts } from './database-facts.ts';
import type { AuditReport, CheckResult, DatabaseProbe, DoctorFacts, RuntimeFacts } from './facts.ts';
import { describeError } from './redact.ts';

export type DoctorDeps = RuntimeFacts & {
  env: NodeJS.ProcessEnv;
  clock: () => Date;
  /** `npm audit` (the CLI), a saved report, or a stand-in in tests. */
  auditDependencies: () => Promise<AuditReport>;
};

/**
 * Runs the production checklist: gathers what it judges (the environment, both live databases as
 * the configured roles, the Node.js release, npm audit) and returns one result per check.
 */
export async function runDoctor(deps: DoctorDeps): Promise<CheckResult[]> {
  const audit = deps
    .auditDependencies()
    .catch((error: unknown): AuditReport => ({ unavailable: describeError(error) }));
  const [app, keystore] = await Promise.all([
    probe(deps.env.DATABASE_URL, applicationSchema(), {
      otherSchemaTable: 'keystore_migrations',
      application: true,
    }),
    probe(deps.env.KEYSTORE_DATABASE_URL, keystoreSchema(), {
      otherSchemaTable: 'schema_migrations',
      application: false,
    }),
  ]);
  const facts: DoctorFacts = {
    env: deps.env,
    now: deps.clock(),
    node: deps.node,
    engines: deps.engines,
    app,
    keystore,
    audit: await audit,
  };
  return CHECKS.map((check) => check(facts));
}

async function probe(
  url: string | undefined,
  target: SchemaTarget,
  options: { otherSchemaTable: string; application: boolean },
): Promise<DatabaseProbe> {
  if (!url) return { unavailable: `${target.urlVariable} is not set` };
  if (!/^postgres(ql)?:\/\//.test(url))
    return { unavailable: `${target.urlVariable} is not a PostgreSQL URL` };
  try {
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    try {
      return { facts: await readDatabaseFacts(database.db, target, options) };
    } finally {
      await database.close();
    }
  } catch (error) {
    return { unavailable: describeError(error) };
  }
}

/** One line per check, a fix under each failure, and a summary. */
export function formatReport(results: CheckResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.ok ? 'PASS' : 'FAIL'}  [${r.id}] ${r.title}: ${r.detail}`);
    if (!r.ok) lines.push(`      fix: ${r.fix}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  lines.push(
    failed === 0
      ? `\nAll ${results.length} checks passed.`
      : `\n${failed} of ${results.length} checks failed: not ready for production.`,
  );
  return `${lines.join('\n')}\n`;
}
