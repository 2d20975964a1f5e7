import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, beforeEach, describe, it } from 'node:test';
import { testConfig } from '../support/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { secretEnv } from '../support/env.ts';
import {
  freePort,
  type RunningServer,
  startArgs,
  startServerProcess,
  stopServer,
} from '../support/server-process.ts';

/*
 * The retention job as it runs in production: in the process `npm start` starts, on real
 * PostgreSQL, with nothing but the clock to set it off (first run ~10 s after listening).
 */

const HOUR = 3_600_000;
// Start-up plus the 10 s first delay, with room for a loaded machine.
const WAIT_MS = 60_000;

type JobLine = { job: string; outcome: string; counts?: Record<string, number>; reason?: string };

/** The JSON log lines of retention runs the process has written so far. */
function retentionLines(server: RunningServer): JobLine[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.includes('"job":"retention"'))
    .map((line) => JSON.parse(line) as JobLine);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < WAIT_MS) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
}

describe('the retention job in the process npm start starts [postgres]', () => {
  const config = testConfig();
  // Each test opens its own database (no order between tests); the helpers use the current one.
  let db: TestDatabase;
  const databases: TestDatabase[] = [];
  const servers: RunningServer[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const server = await startServerProcess({
      ...secretEnv(config),
      DATABASE_URL: db.url ?? '',
      LOG_LEVEL: 'info',
      ...env,
    });
    servers.push(server);
    return server;
  };
  /** An expired throttle counter and an expired USSD state, as the app leaves them behind. */
  const seedExpired = async (label: string) => {
    const past = new Date(Date.now() - HOUR).toISOString();
    await db.raw(
      `INSERT INTO throttle_counters (key, failures, last_failure_at, expires_at) VALUES ($1, 3, $2, $2)`,
      [`expired-${label}`, past],
    );
    await db.raw(
      `INSERT INTO ussd_sessions (id_hash, phone_bidx, state_enc, updated_at, expires_at)
       VALUES ($1, $2, $3, $4, $4)`,
      [randomBytes(32), randomBytes(32), randomBytes(40), past],
    );
  };
  const expiredLeft = async () =>
    (
      await db.raw<{ n: number }>(
        `SELECT (SELECT count(*) FROM throttle_counters WHERE expires_at < now())
              + (SELECT count(*) FROM ussd_sessions WHERE expires_at < now()) AS n`,
      )
    )[0]?.n;
  const lastRun = async () =>
    (await db.raw<{ last_run_at: Date }>(`SELECT last_run_at FROM job_runs WHERE job = 'retention'`))[0]
      ?.last_run_at;

  beforeEach(async () => {
    db = await openTestDatabase('postgres');
    databases.push(db);
  });
  after(async () => {
    for (const server of servers) if (server.child.exitCode === null) await stopServer(server);
    for (const database of databases) await database.close();
  });

  it('runs soon after start-up: the expired rows go, live ones stay, job_runs records the run, one log line', async () => {
    const server = await start();
    // Seeded once it is ready (its first run is ~10 s after listening), as the running app leaves them.
    await seedExpired('a');
    const future = new Date(Date.now() + HOUR).toISOString();
    await db.raw(
      `INSERT INTO throttle_counters (key, failures, last_failure_at, expires_at) VALUES ('live', 1, now(), $1)`,
      [future],
    );
    assert.equal(Number(await expiredLeft()), 2);
    assert.equal(await lastRun(), undefined, 'no run yet: it did not block start-up');
    const ranAt = await waitFor('job_runs to record a retention run', lastRun);
    assert.equal(Number(await expiredLeft()), 0, 'the expired counter and USSD state are gone');
    const live = await db.raw(`SELECT 1 FROM throttle_counters WHERE key = 'live'`);
    assert.equal(live.length, 1, 'a counter still running is kept');
    assert.ok(Date.now() - new Date(ranAt).getTime() < WAIT_MS);

    const [line, ...more] = await waitFor('the run to be logged', () => {
      // (The hourly cron may also fire if the test crosses the hour: that run finds this one and skips.)
      const lines = retentionLines(server).filter((l) => l.outcome === 'done');
      return lines.length > 0 ? lines : undefined;
    });
    assert.equal(more.length, 0, 'one run, not one per tick of something else');
    assert.equal(line?.outcome, 'done');
    assert.equal(line?.counts?.throttleCounters, 1);
    assert.equal(line?.counts?.ussdSessions, 1);
    assert.deepEqual(Object.keys(line?.counts ?? {}).sort(), [
      'auditRows',
      'guardianCodes',
      'linkCodes',
      'providerInvitations',
      'sessions',
      'smsCodes',
      'smsOutbox',
      'throttleCounters',
      'ussdSessions',
    ]);
    assert.equal(await stopServer(server), 0, 'SIGTERM still ends it cleanly (timers cleared)');
  });

  it('a second instance started within the hour does not run it again; npm run retention:run still does', async () => {
    const first = await start();
    await seedExpired('a');
    const recorded = await waitFor('the first instance to run the job', lastRun);
    assert.equal(Number(await expiredLeft()), 0);
    // More expires; a second instance joins while the first keeps running, within the same hour.
    // Its start queues a run, which either instance may take (the queue is shared).
    const before = retentionLines(first).length;
    const second = await start();
    await seedExpired('b');
    const line = await waitFor('a run queued by the second instance to be logged', () => {
      const lines = [...retentionLines(first).slice(before), ...retentionLines(second)];
      return lines[0];
    });
    assert.equal(line?.outcome, 'skipped');
    assert.match(line?.reason ?? '', /less than 55 minutes ago/);
    assert.equal(Number(await expiredLeft()), 2, 'nothing was purged by the skipped run');
    assert.deepEqual(await lastRun(), recorded, 'the record still names the first run');

    // The operator's command runs it now, whatever the record says.
    const cli = spawnSync(process.execPath, ['src/cli/retention-run.ts'], {
      env: { PATH: process.env.PATH ?? '', ...secretEnv(config), DATABASE_URL: db.url ?? '' },
      encoding: 'utf8',
    });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /Retention done: .*"ussdSessions":1,"throttleCounters":1/);
    assert.equal(Number(await expiredLeft()), 0);
    assert.ok(((await lastRun())?.getTime() ?? 0) > (recorded?.getTime() ?? 0), 'the forced run is recorded');
    // `npm run jobs` shows the queue the two instances share: the runs, the dead-letter queue, the schedule.
    const jobs = spawnSync(process.execPath, ['src/cli/jobs.ts'], {
      env: { PATH: process.env.PATH ?? '', ...secretEnv(config), DATABASE_URL: db.url ?? '' },
      encoding: 'utf8',
    });
    assert.equal(jobs.status, 0, jobs.stderr);
    assert.match(jobs.stdout, /^retention\s+completed 2\b/m);
    assert.match(jobs.stdout, /^retention-dead\s+empty$/m);
    assert.match(jobs.stdout, /^schedule: retention at "0 \* \* \* \*" \(UTC\)$/m);
    assert.equal(await stopServer(second), 0);
    assert.equal(await stopServer(first), 0);
  });

  it('PROCESS_ROLE: a web instance serves and queues nothing of its own; a worker works the queue without listening', async () => {
    const web = await start({ PROCESS_ROLE: 'web' });
    await seedExpired('w');
    const queued = async () =>
      (await db.raw<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'retention'`))[0]
        ?.n;
    const scheduled = async () =>
      (await db.raw<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.schedule`))[0]?.n;
    assert.equal(await queued(), 0, 'a web instance does not queue the start-up run');
    assert.equal(await scheduled(), 0, 'nor keep the schedules');

    const port = await freePort();
    const worker = spawn(process.execPath, startArgs(), {
      env: {
        PATH: process.env.PATH ?? '',
        ...secretEnv(config),
        DATABASE_URL: db.url ?? '',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: String(port),
        PROCESS_ROLE: 'worker',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout?.on('data', (d) => (output += d));
    worker.stderr?.on('data', (d) => (output += d));
    try {
      await waitFor('the worker to run retention', () =>
        /"job":"retention","outcome":"done"/.test(output) ? true : undefined,
      );
      assert.equal(Number(await expiredLeft()), 0, 'the worker purged');
      assert.equal(await scheduled(), 1, 'the worker keeps the hourly schedule');
      assert.match(output, /worker is ready/);
      await assert.rejects(fetch(`http://127.0.0.1:${port}/health/live`), 'the worker does not listen');
      assert.equal(retentionLines(web).length, 0, 'the web instance ran nothing');
      assert.equal((await fetch(`http://127.0.0.1:${web.port}/health/ready`)).status, 200);
    } finally {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      assert.equal(await exited, 0, 'SIGTERM ends the worker cleanly');
    }
  });
});
