import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, EXAMPLE_SECRET_VALUES, loadConfig } from '../src/platform/config.ts';
import { derivePurposeKey } from '../src/platform/crypto/purpose-keys.ts';
import { checkConfiguration, checkSecrets } from '../src/platform/doctor/config-checks.ts';
import type { DoctorFacts } from '../src/platform/doctor/facts.ts';
import { productionEnv, secretEnv } from './support/env.ts';

const strong = () => randomBytes(48).toString('base64');
const goodProduction = productionEnv;

/** Starts the real server process in production mode and returns how it ended. */
function startProduction(env: Record<string, string>) {
  return spawnSync(process.execPath, ['src/server.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('configuration', () => {
  it('accepts a complete production configuration', () => {
    const env = goodProduction();
    const config = loadConfig(env);
    assert.equal(config.env, 'production');
    assert.equal(config.activeMasterKeyId, 'p1');
    assert.deepEqual(config.sms, {
      provider: 'africastalking',
      username: env.AT_USERNAME,
      apiKey: env.AT_API_KEY,
      baseUrl: 'https://api.africastalking.com',
    });
  });

  it('PROCESS_ROLE web or worker needs PostgreSQL: on the embedded database nothing would work the queue', () => {
    const dir = mkdtempSync(join(tmpdir(), 'le-config-'));
    assert.throws(
      () => loadConfig({ DATA_DIR: dir, PROCESS_ROLE: 'web' }),
      (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.startsWith('PROCESS_ROLE:')),
    );
    assert.equal(loadConfig({ DATA_DIR: dir, PROCESS_ROLE: 'all' }).processRole, 'all');
    const pg = { ...secretEnv(loadConfig({ DATA_DIR: dir })), DATABASE_URL: 'postgres://u@127.0.0.1/db' };
    assert.equal(loadConfig({ ...pg, PROCESS_ROLE: 'worker' }).processRole, 'worker');
  });

  it('generates development keys once into DATA_DIR with mode 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'le-config-'));
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    assert.deepEqual(second.jwtSecret, first.jwtSecret);
    assert.equal(statSync(join(dir, 'dev-secrets.json')).mode & 0o777, 0o600);
  });

  it('production start exits non-zero naming every problem at once', () => {
    const res = startProduction({ NODE_ENV: 'production' });
    assert.notEqual(res.status, 0);
    for (const name of [
      'JWT_SECRET',
      'MASTER_KEYS',
      'BLIND_INDEX_KEY',
      'DATABASE_URL',
      'ALLOWED_ORIGINS',
      'USSD_SECRET',
      'SMS_PROVIDER',
    ]) {
      assert.match(res.stderr, new RegExp(`${name} is required in production`));
    }
  });

  it('production start refuses short secrets, example values, bad keys and non-PostgreSQL URLs', () => {
    const cases: Array<[Record<string, string>, RegExp[]]> = [
      [
        { JWT_SECRET: 'short', BLIND_INDEX_KEY: 'tiny' },
        [/JWT_SECRET must be at least 32 bytes/, /BLIND_INDEX_KEY must be at least 32 bytes/],
      ],
      [{ MASTER_KEYS: 'p1:c2hvcnQ=' }, [/MASTER_KEYS key "p1" must be 32 bytes/]],
      [
        { MASTER_KEYS: `p1:${randomBytes(32).toString('base64')}`, ACTIVE_MASTER_KEY: 'p9' },
        [/ACTIVE_MASTER_KEY "p9"/],
      ],
      [{ DATABASE_URL: 'mysql://db/ladys' }, [/DATABASE_URL must be a PostgreSQL URL/]],
      [{ RATE_LIMIT_SCALE: '0' }, [/RATE_LIMIT_SCALE=0/]],
      [{ APP_LOCK_SCALE: '0.05' }, [/APP_LOCK_SCALE .* is refused in production/]],
      [{ USSD_SECRET: 'short' }, [/USSD_SECRET must be at least 32 bytes/]],
      [{ JWT_SECRET: `example-${strong()}` }, [/JWT_SECRET is an example value/]],
    ];
    for (const [override, expected] of cases) {
      const res = startProduction({ ...goodProduction(), ...override });
      assert.notEqual(res.status, 0, JSON.stringify(override));
      for (const pattern of expected) assert.match(res.stderr, pattern);
      assert.doesNotMatch(res.stderr, /at .*\.ts:\d+/, 'a list of problems, not a stack trace');
    }
  });

  it('production refuses every secret shipped in .env.example', () => {
    const example = Object.fromEntries(
      readFileSync('.env.example', 'utf8')
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    for (const name of ['JWT_SECRET', 'MASTER_KEYS', 'BLIND_INDEX_KEY']) {
      assert.ok(
        EXAMPLE_SECRET_VALUES.includes(example[name] ?? ''),
        `${name} in .env.example is a known example value`,
      );
    }
    assert.throws(
      () => loadConfig({ ...goodProduction(), ...example, NODE_ENV: 'production' }),
      (e: unknown) =>
        e instanceof ConfigError &&
        ['JWT_SECRET', 'MASTER_KEYS', 'BLIND_INDEX_KEY'].every((n) =>
          e.message.includes(`${n} is an example value`),
        ),
    );
  });

  it('texts only numbers in SMS_COUNTRY_CODES (Rwanda by default), and refuses a malformed list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'le-config-'));
    assert.deepEqual(loadConfig({ DATA_DIR: dir }).smsCountryCodes, ['250']);
    assert.deepEqual(loadConfig({ DATA_DIR: dir, SMS_COUNTRY_CODES: '250,256' }).smsCountryCodes, [
      '250',
      '256',
    ]);
    assert.throws(() => loadConfig({ DATA_DIR: dir, SMS_COUNTRY_CODES: '+250' }), /SMS_COUNTRY_CODES/);
  });

  it('lists malformed values with their names', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', REDIS_URL: 'http://x' }),
      (e: unknown) => e instanceof ConfigError && e.problems.length === 3,
    );
  });
});

/** Every problem loadConfig finds in this environment (none → []). */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

/** Strong secrets outside production, so nothing is generated on disk. */
const developmentEnv = () => ({
  NODE_ENV: 'development',
  JWT_SECRET: strong(),
  MASTER_KEYS: `d1:${randomBytes(32).toString('base64')}`,
  BLIND_INDEX_KEY: strong(),
});
const pepper = () => randomBytes(32).toString('base64');
/** The doctor's view of the same rules (config-checks.ts reads only the environment). */
const facts = (env: Record<string, string>) => ({ env }) as unknown as DoctorFacts;

describe('SMS configuration', () => {
  it("outside production: the outbox by default; Africa's Talking with its live URL, or a local one", () => {
    assert.deepEqual(loadConfig(developmentEnv()).sms, { provider: 'outbox' });
    const at = {
      ...developmentEnv(),
      SMS_PROVIDER: 'africastalking',
      AT_USERNAME: 'sandbox',
      AT_API_KEY: 'k',
    };
    assert.deepEqual(loadConfig(at).sms, {
      provider: 'africastalking',
      username: 'sandbox',
      apiKey: 'k',
      baseUrl: 'https://api.africastalking.com',
    });
    const local = loadConfig({ ...at, AT_BASE_URL: 'http://127.0.0.1:8089/' }).sms;
    assert.equal(local.provider === 'africastalking' && local.baseUrl, 'http://127.0.0.1:8089');
  });

  it('production refuses the outbox, missing credentials, plain http and the sandbox', () => {
    const cases: Array<[Record<string, string | undefined>, RegExp]> = [
      [
        { SMS_PROVIDER: undefined },
        /SMS_PROVIDER is required in production .*phone numbers could never be verified/,
      ],
      [{ SMS_PROVIDER: 'outbox' }, /SMS_PROVIDER=outbox is refused in production/],
      [{ AT_USERNAME: undefined }, /AT_USERNAME is required when SMS_PROVIDER=africastalking/],
      [{ AT_API_KEY: undefined }, /AT_API_KEY is required when SMS_PROVIDER=africastalking/],
      [{ AT_BASE_URL: 'http://api.africastalking.com' }, /AT_BASE_URL must be https:\/\/ in production/],
      [
        { AT_BASE_URL: 'https://api.sandbox.africastalking.com' },
        /AT_BASE_URL is Africa's Talking's sandbox/,
      ],
      [{ AT_USERNAME: 'sandbox' }, /AT_USERNAME=sandbox is Africa's Talking's sandbox/],
      [{ AT_API_KEY: 'change-me-africastalking-key' }, /AT_API_KEY is an example value/],
      [{ SMS_PROVIDER: 'twilio' }, /SMS_PROVIDER/],
    ];
    for (const [override, expected] of cases) {
      const env = Object.fromEntries(
        Object.entries({ ...goodProduction(), ...override }).filter(([, v]) => v !== undefined),
      ) as Record<string, string>;
      const problems = problemsOf(env);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `${JSON.stringify(override)}: ${problems.join('; ')}`,
      );
    }
  });

  it('npm run doctor names the SMS problem in its configuration item', () => {
    const { SMS_PROVIDER: _, ...env } = goodProduction();
    const result = checkConfiguration(facts(env));
    assert.equal(result.ok, false);
    assert.match(result.detail, /SMS_PROVIDER is required in production/);
    assert.equal(checkConfiguration(facts(goodProduction())).ok, true);
  });
});

describe('credential peppers', () => {
  it('without CREDENTIAL_PEPPERS: one pepper, b1, derived from BLIND_INDEX_KEY', () => {
    const env = developmentEnv();
    const config = loadConfig(env);
    assert.deepEqual([...config.credentialPeppers.keys()], ['b1']);
    assert.deepEqual(
      config.credentialPeppers.get('b1'),
      derivePurposeKey(Buffer.from(env.BLIND_INDEX_KEY), 'credential-pepper:v1'),
    );
    assert.equal(config.activeCredentialPepper, 'b1');
  });

  it('a listed set: the last one is active unless ACTIVE_CREDENTIAL_PEPPER names another', () => {
    const p2 = pepper();
    const p3 = randomBytes(48).toString('base64');
    const env = { ...developmentEnv(), CREDENTIAL_PEPPERS: `b1, p2:${p2},p3:${p3}` };
    const config = loadConfig(env);
    assert.deepEqual([...config.credentialPeppers.keys()], ['b1', 'p2', 'p3']);
    assert.deepEqual(config.credentialPeppers.get('p2'), Buffer.from(p2, 'base64'));
    assert.deepEqual(
      config.credentialPeppers.get('b1'),
      derivePurposeKey(Buffer.from(env.BLIND_INDEX_KEY), 'credential-pepper:v1'),
    );
    assert.equal(config.activeCredentialPepper, 'p3');
    assert.equal(loadConfig({ ...env, ACTIVE_CREDENTIAL_PEPPER: 'b1' }).activeCredentialPepper, 'b1');
    // Leaving b1 out retires it.
    assert.deepEqual(
      [...loadConfig({ ...env, CREDENTIAL_PEPPERS: `p2:${p2}` }).credentialPeppers.keys()],
      ['p2'],
    );
  });

  it('refuses short keys, a key for b1, bare ids, duplicates and an unknown active id', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { CREDENTIAL_PEPPERS: `p2:${randomBytes(16).toString('base64')}` },
        /key "p2" must be at least 32 bytes/,
      ],
      [{ CREDENTIAL_PEPPERS: `b1:${pepper()}` }, /"b1" is the pepper derived from BLIND_INDEX_KEY/],
      [{ CREDENTIAL_PEPPERS: 'p2' }, /entry "p2" has no key/],
      [{ CREDENTIAL_PEPPERS: `p2:${pepper()},p2:${pepper()}` }, /has the id "p2" twice/],
      [{ CREDENTIAL_PEPPERS: `bad id:${pepper()}` }, /entries must look like id:base64key/],
      [
        { CREDENTIAL_PEPPERS: `b1,p2:${pepper()}`, ACTIVE_CREDENTIAL_PEPPER: 'p9' },
        /ACTIVE_CREDENTIAL_PEPPER "p9"/,
      ],
      [{ ACTIVE_CREDENTIAL_PEPPER: 'p2' }, /ACTIVE_CREDENTIAL_PEPPER "p2"/],
    ];
    for (const [override, expected] of cases) {
      const problems = problemsOf({ ...developmentEnv(), ...override });
      assert.ok(
        problems.some((p) => expected.test(p)),
        `${JSON.stringify(override)}: ${problems.join('; ')}`,
      );
    }
  });

  it('production refuses example peppers (the one in .env.example too); npm run doctor says so', () => {
    const shipped = /^# CREDENTIAL_PEPPERS=(.*)$/m.exec(readFileSync('.env.example', 'utf8'))?.[1] ?? '';
    const entry = shipped.split(',').find((e) => e.includes(':')) ?? '';
    assert.ok(EXAMPLE_SECRET_VALUES.includes(entry), '.env.example shows a known example pepper');
    const marked = `p3:${Buffer.from(`example-pepper-${randomBytes(24).toString('hex')}`).toString('base64')}`;
    for (const value of [shipped, `b1,${marked}`]) {
      const env = { ...goodProduction(), CREDENTIAL_PEPPERS: value };
      assert.ok(
        problemsOf(env).includes(
          'CREDENTIAL_PEPPERS is an example value; generate a real secret (see docs/operations.md)',
        ),
      );
      const doctor = checkSecrets(facts(env));
      assert.equal(doctor.ok, false);
      assert.match(doctor.detail, /CREDENTIAL_PEPPERS is an example value/);
    }
    assert.deepEqual(problemsOf({ ...goodProduction(), CREDENTIAL_PEPPERS: `b1,p2:${pepper()}` }), []);
    // The same value in development is only a development pepper.
    assert.equal(
      loadConfig({ ...developmentEnv(), CREDENTIAL_PEPPERS: shipped }).activeCredentialPepper,
      'p2',
    );
  });

  it('a child process given secretEnv() gets the same peppers', () => {
    const parent = loadConfig({
      ...developmentEnv(),
      CREDENTIAL_PEPPERS: `b1,p2:${pepper()}`,
      ACTIVE_CREDENTIAL_PEPPER: 'b1',
    });
    const child = loadConfig({ NODE_ENV: 'development', ...secretEnv(parent) });
    assert.deepEqual(child.credentialPeppers, parent.credentialPeppers);
    assert.equal(child.activeCredentialPepper, 'b1');
  });
});
