import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { startArgs } from '../support/server-process.ts';

/*
 * No container engine runs here, so the image and compose file are checked statically for the
 * properties an operator relies on (docs/deploy.md): a pinned Node 24 base, a non-root user, a
 * health check, no secrets baked in or defaulted, databases unreachable from outside, a read-only
 * app. Targeted parsing only: the files are written to keep these checks simple.
 */

const dockerfile = readFileSync('deploy/Dockerfile', 'utf8');
const compose = readFileSync('deploy/compose.yaml', 'utf8');
const dockerignore = readFileSync('.dockerignore', 'utf8');
const initdb = readFileSync('deploy/initdb/10-provision.sh', 'utf8');

type Instruction = { op: string; args: string };

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const space = line.indexOf(' ');
      return { op: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
    });
}

const all = instructions(dockerfile);
const lastFrom = all.map((i) => i.op).lastIndexOf('FROM');
const runtime = all.slice(lastFrom);
const argDefault = (name: string) =>
  all.find((i) => i.op === 'ARG' && i.args.startsWith(`${name}=`))?.args.slice(name.length + 1);
const envOf = (stage: Instruction[]) =>
  new Map(
    stage
      .filter((i) => i.op === 'ENV')
      .flatMap((i) => [...i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S+)/g)])
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );

/** The text of each service under `services:` (services are indented two spaces). */
function services(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const body = text.slice(text.indexOf('\nservices:\n'));
  const end = body.slice(1).search(/\n[a-z]/);
  const section = end === -1 ? body : body.slice(0, end + 1);
  const parts = section.split(/\n {2}(?=[a-z][\w-]*:\s*\n)/).slice(1);
  for (const part of parts) blocks.set(part.slice(0, part.indexOf(':')), part);
  return blocks;
}
const service = services(compose);
const block = (name: string) => {
  const text = service.get(name);
  assert.ok(text, `compose has a ${name} service`);
  return text;
};
/** Top-level keys of a service (four spaces in). */
const has = (name: string, key: string) => new RegExp(`\\n {4}${key}:`).test(block(name));

describe('container image (deploy/Dockerfile)', () => {
  it('builds on an official Node 24 image pinned to a release, in stages', () => {
    const froms = all.filter((i) => i.op === 'FROM').map((i) => i.args.split(/\s+/)[0] ?? '');
    assert.ok(froms.length >= 2, 'multi-stage');
    const image = argDefault('NODE_IMAGE');
    for (const from of froms) {
      const resolved = /^\$\{NODE_IMAGE\}$/.test(from) ? image : from;
      assert.match(resolved ?? '', /^node:24\.\d+\.\d+-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/, `FROM ${from}`);
    }
    const pinned = /^node:(\d+\.\d+\.\d+)/.exec(image ?? '')?.[1];
    const devNode = (
      JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: { node: string } }
    ).devDependencies.node;
    assert.equal(pinned?.split('.')[0], /\d+/.exec(devNode)?.[0], 'same major as the node devDependency');
  });

  it('builds the web app in the build stage and ships production dependencies only', () => {
    const runs = all.filter((i) => i.op === 'RUN').map((i) => i.args);
    assert.ok(runs.some((r) => /vite(\.js)? build/.test(r)));
    assert.ok(runs.some((r) => /npm ci --omit=dev/.test(r)));
    const copies = runtime.filter((i) => i.op === 'COPY').map((i) => i.args);
    assert.ok(!copies.some((c) => /(^|\s)\.\s+\.?\/?$/.test(c)), 'no COPY of the whole context');
    for (const needed of ['node_modules', 'src', 'web/dist']) {
      assert.ok(
        copies.some((c) => c.includes(needed)),
        `runtime gets ${needed}`,
      );
    }
  });

  it('runs as a non-root user with NODE_ENV=production and DATA_DIR on a volume', () => {
    const user = runtime.filter((i) => i.op === 'USER').at(-1)?.args;
    assert.ok(user, 'USER is set in the runtime stage');
    assert.doesNotMatch(user, /^(root|0)(:|$)/);
    const env = envOf(runtime);
    assert.equal(env.get('NODE_ENV'), 'production');
    const dataDir = env.get('DATA_DIR');
    assert.ok(dataDir);
    assert.ok(
      runtime.some((i) => i.op === 'VOLUME' && i.args.includes(dataDir)),
      'DATA_DIR is a declared volume (the only writable path)',
    );
  });

  it('checks /health/ready with Node (no curl in slim images) and starts like npm start', () => {
    const health = runtime.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    assert.match(health, /CMD \["node", "-e", ".*fetch\(.*\/health\/ready/);
    const cmd = JSON.parse(runtime.find((i) => i.op === 'CMD')?.args ?? '[]') as string[];
    assert.deepEqual(cmd, ['node', ...startArgs()], 'the node flags of the start script');
  });

  it('bakes no secret into the image', () => {
    for (const i of all.filter((x) => x.op === 'ENV' || x.op === 'ARG')) {
      assert.doesNotMatch(i.args, /(SECRET|PASSWORD|_KEY|KEYS|TOKEN|DATABASE_URL)\b/i, `${i.op} ${i.args}`);
    }
    const lines = dockerignore.split('\n').map((l) => l.trim());
    assert.equal(
      lines.find((l) => l && !l.startsWith('#')),
      '**',
      '.dockerignore starts from nothing',
    );
    assert.ok(lines.includes('**/.env'));
    assert.ok(!lines.some((l) => /^!(data|\.env|node_modules)/.test(l)));
  });
});

describe('compose file (deploy/compose.yaml)', () => {
  it('has the app, PostgreSQL 15+, Redis and a one-shot migration', () => {
    assert.deepEqual([...service.keys()].sort(), ['app', 'migrate', 'postgres', 'redis']);
    const pgImage = /\n {4}image: postgres:(\d+)\.\d+/.exec(block('postgres'));
    assert.ok(pgImage && Number(pgImage[1]) >= 15, 'postgres image pinned to a 15+ minor release');
    assert.match(block('redis'), /\n {4}image: redis:\d+\.\d+\.\d+/);
  });

  it('has no default password, key or secret: each is a required variable', () => {
    const variables = [...compose.matchAll(/\$\{([A-Z0-9_]+)(:?[-?+])?([^}]*)\}/g)];
    // ACTIVE_MASTER_KEY names a key (an id), it is not one.
    const secrets = variables.filter(
      (m) => /PASSWORD|SECRET|_KEY$|KEYS$/.test(m[1] ?? '') && m[1] !== 'ACTIVE_MASTER_KEY',
    );
    assert.ok(secrets.length >= 8);
    for (const m of secrets) assert.equal(m[2], ':?', `${m[0]} must be required (\${VAR:?message})`);
    assert.doesNotMatch(
      compose,
      /^\s+[A-Z_]*(PASSWORD|SECRET|_KEY|KEYS):[ \t]+(?!\$\{)\S/m,
      'no literal secret values',
    );
    assert.doesNotMatch(compose, /:\/\/[^:/\s]*:(?!\$\{)[^@\s]+@/, 'no literal password in a URL');
  });

  it('publishes no database or Redis port, and the app only on loopback', () => {
    assert.equal(has('postgres', 'ports'), false);
    assert.equal(has('redis', 'ports'), false);
    assert.equal(has('migrate', 'ports'), false);
    assert.match(block('app'), /\n {4}ports:\n {6}- "127\.0\.0\.1:/);
    assert.match(compose, /\n {2}backend:\n {4}internal: true/);
  });

  it('runs the app read-only with tmpfs for its writable paths, as the runtime role, after the migration', () => {
    const app = block('app');
    assert.match(app, /\n {4}read_only: true/);
    const dataDir = envOf(runtime).get('DATA_DIR') ?? '';
    assert.match(app, new RegExp(`\\n {4}tmpfs:\\n(?: {6}- .*\\n)*? {6}- ${dataDir.replaceAll('/', '\\/')}`));
    assert.match(app, /\n {4}cap_drop: \[ALL\]/);
    assert.match(app, /DATABASE_URL: postgres:\/\/ladys_app:/);
    assert.match(app, /KEYSTORE_DATABASE_URL: postgres:\/\/ladys_keys_app:/);
    assert.doesNotMatch(app, /MIGRATION_DATABASE_URL/, 'the long-running app holds no DDL rights');
    assert.match(app, /migrate:\n {8}condition: service_completed_successfully/);
    const migrate = block('migrate');
    assert.match(migrate, /MIGRATION_DATABASE_URL: postgres:\/\/ladys_owner:/);
    assert.match(migrate, /KEYSTORE_MIGRATION_DATABASE_URL: postgres:\/\/ladys_keys_owner:/);
    assert.match(migrate, /src\/cli\/migrate\.ts/);
    assert.match(migrate, /\n {4}restart: "no"/);
  });

  it('provisions exactly the roles the services connect as', () => {
    assert.match(initdb, /provision ladys ladys_owner ladys_app /);
    assert.match(initdb, /provision ladys_keys ladys_keys_owner ladys_keys_app /);
    assert.match(block('postgres'), /\.\/provision\.sql:\/provision\/provision\.sql:ro/);
  });

  it('has health checks for every long-running service', () => {
    for (const name of ['postgres', 'redis', 'app']) assert.ok(has(name, 'healthcheck'), name);
    assert.match(block('app'), /\/health\/ready/);
  });
});
