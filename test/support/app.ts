import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Policies } from '../../src/modules/consents/policies.ts';
import { BUILT_IN_PEPPER_ID, type Config } from '../../src/platform/config.ts';
import { derivePurposeKey } from '../../src/platform/crypto/purpose-keys.ts';
import { DATABASE_KINDS, type DatabaseKind, openTestDatabase, type TestDatabase } from './databases.ts';
import { type CapturingSmsProvider, createCapturingSmsProvider } from './sms.ts';

/** A clock tests can move: services read "now" from it, never from Date directly. */
export function createTestClock(start = new Date('2026-11-28T08:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}
export type TestClock = ReturnType<typeof createTestClock>;

export function testConfig(overrides: Partial<Config> = {}): Config {
  const config: Config = {
    env: 'test',
    host: '127.0.0.1',
    port: 0,
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    keystoreUrl: undefined,
    // Text secrets, as they arrive from the environment (see test/support/env.ts).
    jwtSecret: Buffer.from(randomBytes(36).toString('base64')),
    masterKeys: new Map([['t1', randomBytes(32)]]),
    activeMasterKeyId: 't1',
    blindIndexKey: Buffer.from(randomBytes(36).toString('base64')),
    allowedOrigins: [],
    redisUrl: undefined,
    tls: undefined,
    rateLimitScale: 1,
    trustProxy: false,
    logLevel: 'silent',
    ussdSecret: undefined,
    ussdAllowedIps: [],
    ussdSimulator: false,
    processRole: 'all',
    guardianConsentAge: 16,
    appointmentChangeCutoffMinutes: 120,
    retention: { endedSessionsDays: 30, guardianCodesDays: 30, auditDays: 2557 },
    // Cheap Argon2id for speed; the production cost is asserted separately.
    passwordHashing: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    accessTokenSeconds: 900,
    sessionDays: 30,
    sms: { provider: 'outbox' },
    smsCountryCodes: ['250'],
    // Replaced below by b1 derived from the final blind-index key, as loadConfig does.
    credentialPeppers: new Map(),
    activeCredentialPepper: BUILT_IN_PEPPER_ID,
    ...overrides,
  };
  if (!overrides.credentialPeppers) {
    config.credentialPeppers = new Map([
      [BUILT_IN_PEPPER_ID, derivePurposeKey(config.blindIndexKey, 'credential-pepper:v1')],
    ]);
  }
  return config;
}

export type TestApp = {
  app: FastifyInstance;
  db: TestDatabase;
  clock: TestClock;
  config: Config;
  /** Every SMS the app sent (a capturing provider): tests read codes from it. */
  sms: CapturingSmsProvider;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
};

export type InjectOptions = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
};

export async function startTestApp(
  db: TestDatabase,
  opts: {
    config?: Partial<Config>;
    clock?: TestClock;
    logStream?: { write(line: string): void };
    keystore?: TestDatabase;
    policies?: Policies;
  } = {},
): Promise<TestApp> {
  const clock = opts.clock ?? createTestClock();
  const config = testConfig(opts.config);
  const sms = createCapturingSmsProvider();
  const app = await buildApp({
    config,
    database: db.database,
    clock: clock.now,
    smsProvider: sms,
    ...(opts.logStream ? { logStream: opts.logStream } : {}),
    ...(opts.keystore ? { keystore: opts.keystore.database } : {}),
    ...(opts.policies ? { policies: opts.policies } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    clock,
    config,
    sms,
    // What a request started in the background (a recovery text) has happened when it returns,
    // as it would have for a person by the time she looks at her phone.
    request: async (o) => {
      const res = await app.inject({
        method: o.method,
        url: o.url,
        headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers },
        ...(o.body === undefined ? {} : { payload: o.body as object }),
      });
      await app.settled();
      return res;
    },
  };
}

/**
 * Runs a suite once per database (embedded PGlite and real PostgreSQL), each with its own fresh
 * database and app. `get()` returns the running app inside tests.
 */
export function describeEachDatabase(
  title: string,
  suite: (get: () => TestApp, kind: DatabaseKind) => void,
  opts: { config?: Partial<Config> } = {},
): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${title} [${kind}]`, () => {
      let current: TestApp | undefined;
      before(async () => {
        const db = await openTestDatabase(kind);
        current = await startTestApp(db, opts);
      });
      after(async () => {
        await current?.app.close();
        await current?.db.close();
      });
      suite(() => {
        if (!current) throw new Error('app not started');
        return current;
      }, kind);
    });
  }
}
