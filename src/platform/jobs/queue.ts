import { PgBoss } from 'pg-boss';
import type { Database } from '../db/database.ts';
import { JOB_SCHEMA } from './install.ts';
import { createJobRepo, type QueueState } from './repo.ts';

/** What one run of a job did: counts only, never personal data (they are logged as they are). */
export type JobResult =
  | { outcome: 'done'; counts: Record<string, number> }
  | { outcome: 'skipped'; reason: string };

export type JobLog = {
  info(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
};

/**
 * Which part of the service a process runs (PROCESS_ROLE): `all` (the default) serves HTTP and
 * works the queue; `web` serves HTTP and only sends jobs; `worker` only works the queue.
 */
export type ProcessRole = 'all' | 'web' | 'worker';

/** A kind of background work: its queue, what one run does, its retries and its schedule. */
export type JobKind = {
  name: string;
  /** Attempts after the first (delays doubling from `retryDelaySeconds`); then its dead-letter queue. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A run still going after this long counts as failed (and is retried). */
  expireSeconds: number;
  /** Runs by itself on this cron (five fields, UTC): once across all instances. */
  cron?: string;
  /** Also once this many seconds after a worker starts (a restarted instance does not wait for the cron). */
  afterStartSeconds?: number;
  run(data: Record<string, unknown>, signal: AbortSignal): Promise<JobResult>;
};

export const deadLetterOf = (name: string) => `${name}-dead`;

/**
 * The job queue (pg-boss on the application database, decision 024): jobs are rows, so they
 * survive restarts, are taken by one worker of whichever instance asks first, are retried with
 * backoff and end in a dead-letter queue when they keep failing. Each run logs one line (job,
 * outcome, counts, ms): counts only, never personal data.
 */
export function createJobQueue(deps: {
  database: Database;
  log: JobLog;
  role: ProcessRole;
  /**
   * Seconds between polls, cron checks and upkeep (expiring stuck runs, deleting old jobs): tests
   * shorten them; the defaults cost little at idle.
   */
  intervals?: { polling?: number; cron?: number; upkeep?: number };
}) {
  const works = deps.role !== 'web';
  const pollingIntervalSeconds = deps.intervals?.polling ?? 2;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => deps.database.runSql(text, values) },
    schema: JOB_SCHEMA,
    // The schema is the migration's to make (src/platform/jobs/install.ts), never the server's.
    migrate: false,
    createSchema: false,
    // Cron and upkeep (expiring stuck runs, dropping old jobs) are a worker's business.
    schedule: works,
    supervise: works,
    ...(deps.intervals?.cron
      ? { cronMonitorIntervalSeconds: deps.intervals.cron, cronWorkerIntervalSeconds: deps.intervals.cron }
      : {}),
    ...(deps.intervals?.upkeep
      ? {
          superviseIntervalSeconds: deps.intervals.upkeep,
          maintenanceIntervalSeconds: deps.intervals.upkeep,
          monitorIntervalSeconds: deps.intervals.upkeep,
        }
      : {}),
  });
  boss.on('error', (err: unknown) => deps.log.error({ err }, 'job queue error'));
  const repo = createJobRepo(deps.database.db);
  let started = false;

  async function define(kind: JobKind): Promise<void> {
    await boss.createQueue(deadLetterOf(kind.name));
    await boss.createQueue(kind.name, {
      retryLimit: kind.retryLimit,
      retryDelay: kind.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: kind.expireSeconds,
      deadLetter: deadLetterOf(kind.name),
    });
  }

  async function work(kind: JobKind): Promise<void> {
    await boss.work<Record<string, unknown>>(kind.name, { pollingIntervalSeconds }, async ([job]) => {
      if (!job) return;
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      try {
        const result = await kind.run(job.data ?? {}, job.signal);
        deps.log.info({ job: kind.name, ...result, ms: ms() }, `job ${kind.name} ${result.outcome}`);
        return result;
      } catch (err) {
        // Thrown on: the queue retries it, then moves it to the dead-letter queue.
        deps.log.error({ job: kind.name, outcome: 'failed', err, ms: ms() }, `job ${kind.name} failed`);
        throw err;
      }
    });
    if (kind.cron) await boss.schedule(kind.name, kind.cron, {}, { tz: 'UTC' });
    if (kind.afterStartSeconds !== undefined)
      await boss.send(kind.name, {}, { startAfter: kind.afterStartSeconds });
  }

  return {
    role: deps.role,

    /** Creates the queues; a working process (`all`, `worker`) also works them and keeps their schedules. */
    async start(kinds: readonly JobKind[]): Promise<void> {
      await boss.start();
      started = true;
      for (const kind of kinds) await define(kind);
      if (works) for (const kind of kinds) await work(kind);
    },

    /** Queues a job (kept in the database until a worker takes it). */
    async send(
      name: string,
      data: Record<string, unknown> = {},
      options: { startAfterSeconds?: number } = {},
    ) {
      return boss.send(
        name,
        data,
        options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {},
      );
    },

    /** Each queue's jobs by state, and the schedules (the CLI and the admin API show them). */
    state: (): Promise<QueueState> => repo.state(),

    /** Stops taking jobs and lets a run in progress finish (up to a few seconds). */
    async stop(): Promise<void> {
      if (started) await boss.stop({ graceful: true, timeout: 8_000, close: false });
      started = false;
    },
  };
}
export type JobQueue = ReturnType<typeof createJobQueue>;
