import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.ts';
import { type CheckResult, type DoctorFacts, fromProblems } from './facts.ts';

/*
 * Checks of the environment alone. The rules the server applies at start are config.ts's, reused
 * here through loadConfig (never restated); the doctor adds only what a server may start with but
 * should not run with in production (a '*' origin, sslmode=require, no HTTPS anywhere, …).
 */

/** The variables each check answers for; the `configuration` check reports problems about the rest. */
export const CHECKED_VARIABLES: Record<string, string[]> = {
  secrets: [
    'JWT_SECRET',
    'MASTER_KEYS',
    'ACTIVE_MASTER_KEY',
    'BLIND_INDEX_KEY',
    'USSD_SECRET',
    'CREDENTIAL_PEPPERS',
    'ACTIVE_CREDENTIAL_PEPPER',
  ],
  'database-tls': ['DATABASE_URL'],
  'keystore-tls': ['KEYSTORE_DATABASE_URL'],
  cors: ['ALLOWED_ORIGINS'],
  https: ['TLS_CERT_FILE', 'TLS_KEY_FILE', 'TRUST_PROXY'],
  'rate-limits': ['RATE_LIMIT_SCALE'],
  'ussd-simulator': ['USSD_SIMULATOR'],
};
const COVERED = new Set(Object.values(CHECKED_VARIABLES).flat());

/** What config.ts's production checks say about the given environment (every problem). */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig({ ...env, NODE_ENV: 'production' });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

/** config.ts names the variable first in every problem ("JWT_SECRET must be …", "REDIS_URL: …"). */
const variableOf = (problem: string): string => /^[A-Z][A-Z0-9_]*/.exec(problem)?.[0] ?? '';

/**
 * config.ts's production problems about `variables`. The server stops at the first malformed
 * variable before applying its production rules, so only these variables (and `context`, which
 * rules about them compare with) are handed over: plain strings that cannot be malformed, so the
 * rules always run.
 */
export function productionProblems(
  env: NodeJS.ProcessEnv,
  variables: string[],
  context: string[] = [],
): string[] {
  const picked: NodeJS.ProcessEnv = {};
  for (const name of [...variables, ...context]) {
    if (env[name] !== undefined) picked[name] = env[name];
  }
  return problemsOf(picked).filter((problem) => variables.includes(variableOf(problem)));
}

export function checkNodeEnv({ env }: DoctorFacts): CheckResult {
  const ok = env.NODE_ENV === 'production';
  return {
    id: 'node-env',
    title: 'NODE_ENV is production',
    ok,
    detail: ok ? 'NODE_ENV=production' : `NODE_ENV is ${env.NODE_ENV ? `"${env.NODE_ENV}"` : 'not set'}`,
    fix: 'Set NODE_ENV=production: it turns on the start-up checks and turns off development defaults',
  };
}

export function checkConfiguration({ env }: DoctorFacts): CheckResult {
  const problems = problemsOf(env);
  return {
    id: 'configuration',
    title: 'The server accepts this configuration in production',
    ok: problems.length === 0,
    detail: describeConfigurationProblems(problems),
    fix: 'Fix each problem listed (docs/operations.md describes every variable)',
  };
}

/** Problems another check names are only counted here, so each is printed once. */
function describeConfigurationProblems(problems: string[]): string {
  if (problems.length === 0) return 'no problem found by the start-up checks';
  const others = problems.filter((problem) => !COVERED.has(variableOf(problem)));
  if (others.length > 0) return others.join('; ');
  return `the server would not start: ${problems.length} problem(s), each named by a failing check below`;
}

export function checkSecrets({ env }: DoctorFacts): CheckResult {
  const names = CHECKED_VARIABLES.secrets ?? [];
  const problems = productionProblems(env, names);
  return fromProblems(
    {
      id: 'secrets',
      title: 'Secrets present, strong and not examples',
      fix:
        'Generate each afresh: JWT_SECRET and BLIND_INDEX_KEY with `openssl rand -base64 48`, USSD_SECRET with ' +
        '`openssl rand -hex 32`, MASTER_KEYS (and CREDENTIAL_PEPPERS, if set) as id:$(openssl rand -base64 32) ' +
        '(docs/operations.md)',
    },
    problems,
    `${names.filter((name) => env[name]).join(', ')}: set, long enough, not example values`,
  );
}

export function checkCors({ env }: DoctorFacts): CheckResult {
  const problems = productionProblems(env, ['ALLOWED_ORIGINS']);
  const origins = splitList(env.ALLOWED_ORIGINS);
  for (const origin of origins) {
    const why = originProblem(origin);
    if (why) problems.push(`ALLOWED_ORIGINS: "${origin}" ${why}`);
  }
  return fromProblems(
    {
      id: 'cors',
      title: 'CORS restricted to https origins',
      fix: 'Set ALLOWED_ORIGINS to the web app\'s exact origins, comma-separated, each https://host[:port] (no "*", no path)',
    },
    problems,
    `ALLOWED_ORIGINS=${origins.join(',')}`,
  );
}

function originProblem(origin: string): string | undefined {
  if (origin.includes('*')) return 'is a wildcard: any web site could call the API with her session';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:') return 'is not https';
  // A browser's Origin header never has a path or a trailing slash: such an entry matches nothing.
  if (url.origin !== origin) return 'is not a bare origin (https://host[:port], no path or trailing slash)';
  return undefined;
}

export function checkHttps({ env, now }: DoctorFacts): CheckResult {
  const problems = productionProblems(env, CHECKED_VARIABLES.https ?? []);
  const trust = env.TRUST_PROXY ?? '';
  if (trust === 'true') {
    problems.push(
      "TRUST_PROXY=true believes any client's X-Forwarded-For: a client could choose its address and dodge per-IP limits",
    );
  }
  const proxied = !['', 'false', '0', 'true'].includes(trust);
  let detail = '';
  if (env.TLS_CERT_FILE && env.TLS_KEY_FILE) {
    const tls = certificateProblems(env.TLS_CERT_FILE, env.TLS_KEY_FILE, now);
    problems.push(...tls.problems);
    detail = `HTTPS in the process, certificate valid until ${tls.validTo}`;
  } else if (proxied) {
    detail = `TLS ends at a trusted proxy (TRUST_PROXY=${trust}); it must serve HTTPS only and send HSTS`;
  } else if (problems.length === 0) {
    problems.push('neither TLS_CERT_FILE/TLS_KEY_FILE nor TRUST_PROXY is set: the server speaks plain HTTP');
  }
  return fromProblems(
    {
      id: 'https',
      title: 'HTTPS in the process or behind a trusted proxy',
      fix:
        'Set TLS_CERT_FILE and TLS_KEY_FILE (a valid certificate and its key), or terminate TLS at a proxy and set ' +
        "TRUST_PROXY to the proxy's addresses/CIDRs or hop count (docs/security.md)",
    },
    problems,
    detail,
  );
}

function certificateProblems(certFile: string, keyFile: string, now: Date) {
  const problems: string[] = [];
  let validTo = 'unknown';
  try {
    const cert = new X509Certificate(readFileSync(certFile));
    validTo = new Date(cert.validTo).toISOString().slice(0, 10);
    if (new Date(cert.validTo) < now) problems.push(`TLS_CERT_FILE: the certificate expired on ${validTo}`);
    if (new Date(cert.validFrom) > now) problems.push('TLS_CERT_FILE: the certificate is not valid yet');
    try {
      if (!cert.checkPrivateKey(createPrivateKey(readFileSync(keyFile)))) {
        problems.push('TLS_KEY_FILE is not the key of the certificate in TLS_CERT_FILE');
      }
    } catch {
      problems.push('TLS_KEY_FILE cannot be read as a PEM private key');
    }
  } catch {
    problems.push('TLS_CERT_FILE cannot be read as a PEM certificate');
  }
  return { problems, validTo };
}

export function checkRateLimits({ env }: DoctorFacts): CheckResult {
  const problems = productionProblems(env, ['RATE_LIMIT_SCALE']);
  return fromProblems(
    {
      id: 'rate-limits',
      title: 'Rate limits on',
      fix: 'Unset RATE_LIMIT_SCALE (or set a number above 0); 0 is for load tests only',
    },
    problems,
    `RATE_LIMIT_SCALE=${env.RATE_LIMIT_SCALE ?? '1 (default)'}`,
  );
}

export function checkUssdSimulator({ env }: DoctorFacts): CheckResult {
  const problems = productionProblems(env, ['USSD_SIMULATOR']);
  if (env.USSD_SIMULATOR === 'on') {
    problems.push(
      'USSD_SIMULATOR=on: anyone can act as any phone number through POST /api/v1/ussd-simulator',
    );
  }
  return fromProblems(
    {
      id: 'ussd-simulator',
      title: 'USSD simulator off',
      fix: 'Unset USSD_SIMULATOR (off by default in production); run demos on a separate, non-production deployment',
    },
    problems,
    env.USSD_SIMULATOR
      ? `USSD_SIMULATOR=${env.USSD_SIMULATOR}`
      : 'USSD_SIMULATOR not set (off in production)',
  );
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
