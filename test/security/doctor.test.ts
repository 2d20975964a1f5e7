import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRetentionRepo } from '../../src/modules/retention/repo.ts';
import { createRetentionService } from '../../src/modules/retention/service.ts';
import { EXAMPLE_SECRET_VALUES } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { applicationSchema, keystoreSchema, migrateAsOwner } from '../../src/platform/db/schema.ts';
import type { AuditReport, CheckResult } from '../../src/platform/doctor/facts.ts';
import { formatReport, runDoctor } from '../../src/platform/doctor/run.ts';
import { asSuperuser, hasPsql, type Provisioned, provision } from '../support/pg-provision.ts';
import { startTlsPostgres, type TlsPostgres } from '../support/pg-tls.ts';

/*
 * `npm run doctor` against a production-like setup: a PostgreSQL server with TLS (certificates
 * from a CA made here), the application database and the key store provisioned with
 * deploy/provision.sql and migrated as their owners, the runtime roles in the URLs, strong
 * secrets, https origins, a trusted proxy, retention run once. That passes; then each item is
 * broken on its own and must fail — that item, and only the items it really affects.
 */

type Counted = Extract<AuditReport, { counts: unknown }>;
const NO_ADVISORIES: Counted = {
  counts: { info: 0, low: 1, moderate: 2, high: 0, critical: 0 },
  packages: [],
};
const CRITICAL: Counted = {
  counts: { info: 0, low: 0, moderate: 0, high: 1, critical: 1 },
  packages: ['fastify', 'pg'],
};
/** What `npm audit --json` prints, for the real command's --audit-report. */
const npmAuditJson = (r: Counted) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(r.packages.map((name) => [name, { name, severity: 'critical' }])),
    metadata: { vulnerabilities: { ...r.counts, total: 0 } },
  });

const NODE = { version: 'v24.21.0', lts: 'Krypton' };
const HOUR = 3_600_000;

type Env = Record<string, string | undefined>;
type Outcome = { results: CheckResult[]; failed: string[]; text: string };

describe('npm run doctor', { skip: !hasPsql && 'psql is not installed' }, () => {
  let pg: TlsPostgres;
  let app: Provisioned;
  let keys: Provisioned;
  let env: Record<string, string>;
  let secrets: string[] = [];
  const verify = () => `sslmode=verify-full&sslrootcert=${pg.ca}`;
  const withQuery = (url: string, query: string) => url.replace(/\?.*$/, `?${query}`);

  async function runRetention(): Promise<void> {
    const database = await openDatabase({ kind: 'postgres', url: app.runtimeUrl, poolSize: 1 });
    try {
      const policy = { endedSessionsDays: 30, guardianCodesDays: 30, auditDays: 2557 };
      const retention = createRetentionService({
        repo: createRetentionRepo(database.db),
        policy,
        clock: () => new Date(),
      });
      assert.equal((await retention.run()).ran, true);
    } finally {
      await database.close();
    }
  }

  async function doctor(
    overrides: Env = {},
    deps: { audit?: AuditReport; node?: typeof NODE | { version: string; lts: undefined }; at?: number } = {},
  ): Promise<Outcome> {
    const merged: Env = { ...env, ...overrides };
    const results = await runDoctor({
      env: Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)),
      clock: () => new Date(Date.now() + (deps.at ?? 0)),
      node: deps.node ?? NODE,
      engines: '>=22.12',
      auditDependencies: async () => deps.audit ?? NO_ADVISORIES,
    });
    const text = formatReport(results);
    for (const secret of secrets) assert.ok(!text.includes(secret), 'the report never prints a secret value');
    return { results, failed: results.filter((r) => !r.ok).map((r) => r.id), text };
  }

  /** Exactly these items fail, each on a FAIL line naming it, with a fix under it. */
  function assertFails(outcome: Outcome, ids: string[], detail?: RegExp): void {
    assert.deepEqual(outcome.failed.toSorted(), ids.toSorted(), outcome.text);
    for (const id of ids) {
      assert.match(outcome.text, new RegExp(`^FAIL  \\[${id}\\] .*\\n      fix: \\S`, 'm'));
    }
    if (detail) assert.match(outcome.text, detail);
  }

  before(async () => {
    pg = await startTlsPostgres();
    const server = pg.url('127.0.0.1', verify());
    const id = randomBytes(3).toString('hex');
    app = provision(`le_doc_${id}`, server);
    keys = provision(`le_dock_${id}`, server);
    await migrateAsOwner(app.ownerUrl, applicationSchema());
    await migrateAsOwner(keys.ownerUrl, keystoreSchema());
    await runRetention();
    env = {
      NODE_ENV: 'production',
      DATABASE_URL: app.runtimeUrl,
      KEYSTORE_DATABASE_URL: keys.runtimeUrl,
      JWT_SECRET: randomBytes(48).toString('hex'),
      MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      BLIND_INDEX_KEY: randomBytes(48).toString('hex'),
      USSD_SECRET: randomBytes(32).toString('hex'),
      SMS_PROVIDER: 'africastalking',
      AT_USERNAME: 'ladys-essence',
      AT_API_KEY: randomBytes(32).toString('hex'),
      ALLOWED_ORIGINS: 'https://app.example.rw,https://admin.example.rw:8443',
      TRUST_PROXY: '10.0.0.0/8',
      LOG_LEVEL: 'silent',
    };
    secrets = [
      env.JWT_SECRET ?? '',
      env.MASTER_KEYS?.slice(3) ?? '',
      env.BLIND_INDEX_KEY ?? '',
      env.USSD_SECRET ?? '',
      env.AT_API_KEY ?? '',
      new URL(app.runtimeUrl).password,
      new URL(keys.runtimeUrl).password,
    ];
  });
  after(async () => {
    await pg?.stop();
  });

  describe('as the real command (node src/cli/doctor.ts)', () => {
    const command = (report: Counted) => {
      const file = join(pg.dir, `audit-${randomBytes(4).toString('hex')}.json`);
      writeFileSync(file, npmAuditJson(report));
      const run = spawnSync(process.execPath, ['src/cli/doctor.ts', '--audit-report', file], {
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
      const lines = run.stdout.split('\n').filter((line) => /^(PASS|FAIL) /.test(line));
      return { run, lines };
    };

    it('passes on the production-like setup: exit 0, every line PASS, no secret printed', () => {
      const { run, lines } = command(NO_ADVISORIES);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.ok(lines.length >= 16, run.stdout);
      assert.deepEqual(
        lines.filter((line) => !line.startsWith('PASS  ')),
        [],
      );
      for (const id of ['secrets', 'database-tls', 'keystore-tls', 'database-role', 'audit-append-only']) {
        assert.ok(
          lines.some((line) => line.startsWith(`PASS  [${id}]`)),
          id,
        );
      }
      assert.match(run.stdout, /^PASS {2}\[database-tls\] .*sslmode=verify-full, connection encrypted/m);
      assert.match(run.stdout, /^PASS {2}\[retention-job\] .*minute\(s\) ago/m);
      assert.match(run.stdout, /All \d+ checks passed/);
      for (const secret of secrets) assert.ok(!run.stdout.includes(secret));
    });

    it('exits 1 naming npm audit when a critical advisory is reported, the rest still PASS', () => {
      const { run, lines } = command(CRITICAL);
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.deepEqual(
        lines.filter((line) => line.startsWith('FAIL')).map((line) => line.split(' ')[2]),
        ['[npm-audit]'],
      );
      assert.match(run.stdout, /FAIL {2}\[npm-audit\] .*1 critical and 1 high in fastify, pg/);
      assert.match(run.stdout, /1 of \d+ checks failed/);
    });
  });

  it('the same setup passes in-process too (the base every case below breaks one thing of)', async () => {
    assertFails(await doctor(), []);
  });

  const secretCases: [string, () => Env, RegExp][] = [
    ['a short secret', () => ({ JWT_SECRET: 'too-short-for-a-key' }), /JWT_SECRET must be at least 32 bytes/],
    [
      'an example secret',
      () => ({ BLIND_INDEX_KEY: EXAMPLE_SECRET_VALUES[2] }),
      /BLIND_INDEX_KEY is an example value/,
    ],
    ['a missing secret', () => ({ USSD_SECRET: undefined }), /USSD_SECRET is required in production/],
    [
      'a master key of the wrong size',
      () => ({ MASTER_KEYS: `k1:${randomBytes(16).toString('base64')}` }),
      /MASTER_KEYS key "k1" must be 32 bytes/,
    ],
  ];
  for (const [name, overrides, detail] of secretCases) {
    it(`fails on ${name}: secrets (and the start-up configuration), without printing it`, async () => {
      const broken = overrides();
      const outcome = await doctor(broken);
      assertFails(outcome, ['configuration', 'secrets'], detail);
      for (const value of Object.values(broken)) if (value) assert.ok(!outcome.text.includes(value.slice(3)));
    });
  }

  it('fails on sslmode=disable: database-tls, and the live connection is seen unencrypted', async () => {
    const outcome = await doctor({ DATABASE_URL: withQuery(app.runtimeUrl, 'sslmode=disable') });
    assertFails(
      outcome,
      ['database-tls'],
      /sslmode=disable: not encrypted; the live connection is not encrypted/,
    );
  });

  it('fails on sslmode=require without verification, although the connection is encrypted', async () => {
    const outcome = await doctor({ KEYSTORE_DATABASE_URL: withQuery(keys.runtimeUrl, 'sslmode=require') });
    assertFails(
      outcome,
      ['keystore-tls'],
      /sslmode=require: encrypted, but nothing proves the server is yours/,
    );
    assert.doesNotMatch(outcome.text, /keystore-tls.*not encrypted \(pg_stat_ssl\)/);
  });

  it('fails when the server cannot be verified with the CA it is given', async () => {
    const outcome = await doctor({
      DATABASE_URL: withQuery(app.runtimeUrl, `sslmode=verify-full&sslrootcert=${pg.otherCa}`),
    });
    assert.ok(outcome.failed.includes('database-tls'), outcome.text);
    assert.match(outcome.text, /FAIL {2}\[database-tls\] .*cannot connect with DATABASE_URL/);
  });

  it('fails when DATABASE_URL connects as the owner role: role and audit trail', async () => {
    const outcome = await doctor({ DATABASE_URL: app.ownerUrl });
    assertFails(
      outcome,
      ['database-role', 'audit-append-only'],
      /owns \d+ table\(s\), owns the public schema/,
    );
    assert.match(outcome.text, /\[audit-append-only\] .*may UPDATE, DELETE, TRUNCATE audit_log/);
  });

  it('fails when DATABASE_URL connects as a superuser', async () => {
    const outcome = await doctor({ DATABASE_URL: pg.url('127.0.0.1', verify(), app.db) });
    assertFails(outcome, ['database-role', 'audit-append-only'], /role postgres is a superuser/);
  });

  it('fails when KEYSTORE_DATABASE_URL connects as the key store owner', async () => {
    assertFails(await doctor({ KEYSTORE_DATABASE_URL: keys.ownerUrl }), ['keystore-role']);
  });

  it('fails when the key store is the application database under another URL', async () => {
    const sameDatabase = `${app.runtimeUrl}&application_name=keys`;
    const outcome = await doctor({ KEYSTORE_DATABASE_URL: sameDatabase });
    assertFails(
      outcome,
      ['keystore-tls', 'schema'],
      /KEYSTORE_DATABASE_URL reaches the application database/,
    );
  });

  it('fails when the runtime role was granted UPDATE on the audit trail', async () => {
    await asSuperuser(
      (c) => c.query(`GRANT UPDATE ON audit_log TO ${app.runtime}`),
      app.db,
      pg.url('127.0.0.1', verify()),
    );
    try {
      assertFails(
        await doctor(),
        ['audit-append-only'],
        new RegExp(`role ${app.runtime} may UPDATE audit_log`),
      );
    } finally {
      await asSuperuser(
        (c) => c.query(`REVOKE UPDATE ON audit_log FROM ${app.runtime}`),
        app.db,
        pg.url('127.0.0.1', verify()),
      );
    }
    assertFails(await doctor(), []);
  });

  it('fails when the retention job never ran, and when its last run is over 2 hours old', async () => {
    await asSuperuser((c) => c.query('DELETE FROM job_runs'), app.db, pg.url('127.0.0.1', verify()));
    assertFails(await doctor(), ['retention-job'], /never recorded a run/);
    await runRetention();
    assertFails(await doctor({}, { at: 1.5 * HOUR }), []);
    assertFails(await doctor({}, { at: 3 * HOUR }), ['retention-job'], /\(3\.0 hours ago\)/);
  });

  const corsCases: [string, Env, string[]][] = [
    ['ALLOWED_ORIGINS unset', { ALLOWED_ORIGINS: undefined }, ['configuration', 'cors']],
    ['ALLOWED_ORIGINS=*', { ALLOWED_ORIGINS: '*' }, ['cors']],
    ['an http origin', { ALLOWED_ORIGINS: 'https://app.example.rw,http://app.example.rw' }, ['cors']],
    ['an origin with a path', { ALLOWED_ORIGINS: 'https://app.example.rw/' }, ['cors']],
  ];
  for (const [name, overrides, ids] of corsCases) {
    it(`fails on ${name}: cors`, async () => {
      assertFails(await doctor(overrides), ids);
    });
  }

  it('fails with neither in-process TLS nor a trusted proxy, or with TRUST_PROXY=true', async () => {
    assertFails(await doctor({ TRUST_PROXY: undefined }), ['https'], /the server speaks plain HTTP/);
    assertFails(await doctor({ TRUST_PROXY: 'true' }), ['https'], /TRUST_PROXY=true believes any client/);
  });

  it('passes with in-process TLS instead of a proxy, and fails when the key does not match the certificate', async () => {
    const tls = { TRUST_PROXY: undefined, TLS_CERT_FILE: pg.serverCert, TLS_KEY_FILE: pg.serverKey };
    const outcome = await doctor(tls);
    assertFails(outcome, []);
    assert.match(outcome.text, /PASS {2}\[https\] .*HTTPS in the process, certificate valid until/);
    assertFails(
      await doctor({ ...tls, TLS_KEY_FILE: join(pg.dir, 'ca.key') }),
      ['https'],
      /TLS_KEY_FILE is not the key of the certificate/,
    );
  });

  it('fails on USSD_SIMULATOR=on, RATE_LIMIT_SCALE=0 and NODE_ENV other than production', async () => {
    assertFails(await doctor({ USSD_SIMULATOR: 'on' }), ['ussd-simulator']);
    assertFails(await doctor({ RATE_LIMIT_SCALE: '0' }), ['configuration', 'rate-limits']);
    assertFails(await doctor({ NODE_ENV: 'development' }), ['node-env']);
  });

  it('fails on an unsupported Node.js: a Current release, or an LTS older than engines', async () => {
    assertFails(
      await doctor({}, { node: { version: 'v25.2.0', lts: undefined } }),
      ['node-version'],
      /not a long-term-support/,
    );
    assertFails(
      await doctor({}, { node: { version: 'v22.11.0', lts: 'Jod' } }),
      ['node-version'],
      /does not satisfy/,
    );
  });

  it('fails on critical advisories, and when npm audit cannot reach the registry', async () => {
    assertFails(await doctor({}, { audit: CRITICAL }), ['npm-audit'], /1 critical and 1 high in fastify, pg/);
    const offline = {
      unavailable: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security',
    };
    assertFails(await doctor({}, { audit: offline }), ['npm-audit'], /npm audit gave no answer: 405 Method/);
  });
});
