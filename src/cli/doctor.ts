import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readNpmAuditReport, runNpmAudit } from '../platform/doctor/npm-audit.ts';
import { formatReport, runDoctor } from '../platform/doctor/run.ts';

/*
 * npm run doctor — the production checklist: checks the configuration and, as the configured
 * roles, both live databases; prints PASS or FAIL per item with a fix under each failure and exits
 * 1 if anything failed. `-- --audit-report <file>` reads a saved `npm audit --omit=dev --json`
 * report instead of asking the registry (for hosts that cannot reach it). Prints no secret values.
 */
const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const reportIndex = args.indexOf('--audit-report');
const reportFile = reportIndex >= 0 ? args[reportIndex + 1] : undefined;
if (reportIndex >= 0 && !reportFile) {
  process.stderr.write('usage: npm run doctor [-- --audit-report <npm audit --json file>]\n');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines?: { node?: string } };

const results = await runDoctor({
  env: process.env,
  clock: () => new Date(),
  node: { version: process.version, lts: process.release.lts },
  engines: pkg.engines?.node ?? '>=22.12',
  auditDependencies: () => (reportFile ? readNpmAuditReport(reportFile) : runNpmAudit(root)),
});
process.stdout.write(formatReport(results));
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
