import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, EXAMPLE_SECRET_VALUES, loadConfig } from '../src/platform/config.ts';
import { productionEnv } from './support/env.ts';

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
    const config = loadConfig(goodProduction());
    assert.equal(config.env, 'production');
    assert.equal(config.activeMasterKeyId, 'p1');
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

  it('lists malformed values with their names', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', REDIS_URL: 'http://x' }),
      (e: unknown) => e instanceof ConfigError && e.problems.length === 3,
    );
  });
});
