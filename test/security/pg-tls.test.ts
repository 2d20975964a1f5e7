import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { applicationSchema, prepareSchema } from '../../src/platform/db/schema.ts';
import { startTlsPostgres, type TlsPostgres } from '../support/pg-tls.ts';

/*
 * The app's connection to PostgreSQL over TLS, against a throwaway server (the machine's own
 * PostgreSQL is left alone) whose certificate for 127.0.0.1 and localhost is signed by a CA made
 * here (test/support/pg-tls.ts). sslmode keeps libpq's meaning (src/platform/db/connection-url.ts):
 * verify-full checks the chain and the host name, require only encrypts.
 */

/** The chain does not lead to a CA we trust (the server sends only its own certificate). */
const UNTRUSTED = [
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
];
const untrusted = (error: { code?: string }) => UNTRUSTED.includes(error.code ?? '');

describe('PostgreSQL over TLS', () => {
  let server: TlsPostgres | undefined;
  let dir = '';
  let ca = '';
  let otherCa = '';
  const url = (host: string, query: string) => {
    if (!server) throw new Error('the TLS server did not start');
    return server.url(host, query);
  };

  /** Connects through the app's own openDatabase and reports whether the session is encrypted. */
  async function encrypted(connection: string): Promise<boolean> {
    const database = await openDatabase({ kind: 'postgres', url: connection, poolSize: 1 });
    try {
      const result = await sql<{
        ssl: boolean;
      }>`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`.execute(database.db);
      return result.rows[0]?.ssl === true;
    } finally {
      await database.close();
    }
  }

  before(async () => {
    server = await startTlsPostgres();
    ({ dir, ca, otherCa } = server);
  });
  after(async () => {
    await server?.stop();
  });

  it('verify-full with our CA connects encrypted, by address and by name', async () => {
    assert.equal(await encrypted(url('127.0.0.1', `sslmode=verify-full&sslrootcert=${ca}`)), true);
    assert.equal(await encrypted(url('localhost', `sslmode=verify-full&sslrootcert=${ca}`)), true);
  });

  it('verify-full refuses a server whose certificate another CA signed', async () => {
    await assert.rejects(
      encrypted(url('127.0.0.1', `sslmode=verify-full&sslrootcert=${otherCa}`)),
      untrusted,
    );
    // Without sslrootcert the system's CAs are used, and none of them signed this server.
    await assert.rejects(encrypted(url('127.0.0.1', 'sslmode=verify-full')), untrusted);
  });

  it('verify-full refuses a certificate for another host name', async () => {
    // The same server, reached at an address its certificate does not name.
    await assert.rejects(encrypted(url('127.0.0.2', `sslmode=verify-full&sslrootcert=${ca}`)), {
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });

  it('require encrypts without checking the certificate (libpq meaning); with sslrootcert it checks the chain', async () => {
    assert.equal(await encrypted(url('127.0.0.1', 'sslmode=require')), true);
    assert.equal(await encrypted(url('127.0.0.2', `sslmode=require&sslrootcert=${ca}`)), true);
    await assert.rejects(encrypted(url('127.0.0.1', `sslmode=require&sslrootcert=${otherCa}`)), untrusted);
    assert.equal(await encrypted(url('127.0.0.1', 'sslmode=disable')), false, 'the check can tell');
  });

  it('the app migrates and serves over verify-full, and its configuration checks the TLS settings', async () => {
    const good = url('127.0.0.1', `sslmode=verify-full&sslrootcert=${ca}`);
    const database = await openDatabase({ kind: 'postgres', url: good, poolSize: 2 });
    try {
      await sql`CREATE DATABASE le_tls_app`.execute(database.db);
    } finally {
      await database.close();
    }
    const appUrl = good.replace('/postgres?', '/le_tls_app?');
    const app = await openDatabase({ kind: 'postgres', url: appUrl });
    try {
      const ran = await prepareSchema(app, applicationSchema());
      assert.ok(ran.includes('0001_accounts'));
      assert.equal(await app.ping(), true);
    } finally {
      await app.close();
    }
    assert.equal(await encrypted(appUrl), true);

    assert.equal(loadConfig({ DATA_DIR: dir, DATABASE_URL: appUrl }).databaseUrl, appUrl);
    const problemsOf = (databaseUrl: string) => {
      try {
        loadConfig({ DATA_DIR: dir, DATABASE_URL: databaseUrl });
        return [];
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
    };
    assert.match(
      problemsOf(url('db.internal', 'sslmode=verify-full&sslrootcert=/nonexistent/ca.pem')).join(),
      /sslrootcert file \/nonexistent\/ca.pem cannot be read/,
    );
    assert.match(problemsOf(url('db.internal', 'sslmode=verify-ca')).join(), /verify-ca needs sslrootcert/);
    assert.match(problemsOf(url('db.internal', 'sslmode=sometimes')).join(), /sslmode must be one of/);
  });
});
