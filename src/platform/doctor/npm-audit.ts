import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { AuditReport } from './facts.ts';
import { describeError, withoutCredentials } from './redact.ts';

/*
 * `npm audit` for the doctor: the production dependencies' advisories by severity. The registry
 * may be out of reach from a production host, so a report saved elsewhere can be read instead.
 */

const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;

type AuditJson = {
  metadata?: { vulnerabilities?: Partial<Record<(typeof SEVERITIES)[number], number>> };
  vulnerabilities?: Record<string, { severity?: string }>;
  message?: string;
  error?: { summary?: string; code?: string };
};

/** Reads `npm audit --json` output (npm 7 and later); an error report becomes `unavailable`. */
export function parseNpmAudit(stdout: string, stderr = ''): AuditReport {
  let json: AuditJson;
  try {
    json = JSON.parse(stdout) as AuditJson;
  } catch {
    const said = stderr.split('\n').find((line) => line.trim() !== '');
    return { unavailable: withoutCredentials(said?.trim() ?? 'npm audit printed no JSON report') };
  }
  const counted = json.metadata?.vulnerabilities;
  if (!counted) {
    const why = json.error?.summary || json.message || json.error?.code || 'npm audit reported no counts';
    return { unavailable: withoutCredentials(why) };
  }
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  for (const severity of SEVERITIES) counts[severity] = Number(counted[severity] ?? 0);
  const packages = Object.entries(json.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name]) => name)
    .sort();
  return { counts, packages };
}

/** Runs `npm audit --omit=dev --audit-level=high --json` in the project's folder. */
export function runNpmAudit(cwd: string): Promise<AuditReport> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['audit', '--omit=dev', '--audit-level=high', '--json'],
      { cwd, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // npm exits 1 when it finds advisories: the report on stdout says what happened.
        if (error && 'code' in error && error.code === 'ENOENT')
          resolve({ unavailable: 'npm is not installed' });
        else if (error?.killed) resolve({ unavailable: 'npm audit did not answer within 2 minutes' });
        else resolve(parseNpmAudit(stdout, stderr));
      },
    );
  });
}

/** A report saved with `npm audit --omit=dev --json > file`. */
export async function readNpmAuditReport(file: string): Promise<AuditReport> {
  try {
    return parseNpmAudit(await readFile(file, 'utf8'));
  } catch (error) {
    return { unavailable: `cannot read ${file}: ${describeError(error)}` };
  }
}
