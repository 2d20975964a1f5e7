import { accessSync, constants } from 'node:fs';

/*
 * PostgreSQL connection URLs and their TLS settings. We give `sslmode` libpq's meaning (the one
 * psql, pg_dump and every PostgreSQL document use), so one URL behaves the same in the app and in
 * an operator's backup script:
 *   disable      no TLS
 *   prefer       TLS without certificate checks (node-postgres does not fall back to plain text)
 *   require      TLS without certificate checks; with sslrootcert, the chain is checked (verify-ca)
 *   verify-ca    TLS, the server's chain must lead to sslrootcert
 *   verify-full  TLS, chain checked (sslrootcert, or the system's CAs) and the host name must match
 * node-postgres 8 instead treats prefer/require/verify-ca as verify-full (and will switch to
 * libpq's meaning in version 9); `uselibpqcompat=true` selects libpq's meaning now, so we add it.
 */

const SSL_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'];
const FILE_PARAMS = ['sslrootcert', 'sslcert', 'sslkey'];

/** The URL handed to node-postgres: libpq's sslmode semantics unless the operator chose otherwise. */
export function pgConnectionString(url: string): string {
  const params = queryOf(url);
  if (!params?.has('sslmode') || params.has('uselibpqcompat')) return url;
  return `${url}${url.includes('?') ? '&' : '?'}uselibpqcompat=true`;
}

/** Lists what is wrong with a PostgreSQL URL's TLS settings (unknown sslmode, unreadable files). */
export function checkDatabaseUrl(name: string, url: string, problems: string[]): void {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    problems.push(`${name} must be a PostgreSQL URL (postgres://…)`);
    return;
  }
  const params = queryOf(url);
  if (params === undefined) {
    problems.push(`${name} is not a valid URL`);
    return;
  }
  const mode = params.get('sslmode');
  if (mode !== null && !SSL_MODES.includes(mode)) {
    problems.push(`${name}: sslmode must be one of ${SSL_MODES.join(', ')}`);
  }
  if (mode === 'verify-ca' && !params.has('sslrootcert')) {
    problems.push(`${name}: sslmode=verify-ca needs sslrootcert=<path to the CA certificate>`);
  }
  for (const param of FILE_PARAMS) {
    const path = params.get(param);
    if (path === null) continue;
    try {
      accessSync(path, constants.R_OK);
    } catch {
      problems.push(`${name}: ${param} file ${path} cannot be read`);
    }
  }
}

function queryOf(url: string): URLSearchParams | undefined {
  try {
    return new URL(url).searchParams;
  } catch {
    return undefined;
  }
}
