/** What one run of a job did: counts only, never personal data (they are logged as they are). */
export type JobResult =
  | { outcome: 'done'; counts: Record<string, number> }
  | { outcome: 'skipped'; reason: string };

/** A job the process runs by itself on a timer (decision 014). */
export type JobDefinition = {
  id: string;
  /** Time from the end of one run to the start of the next, so runs in one process never overlap. */
  intervalMs: number;
  /** Time from start-up (listening) to the first run: short, so a restart does not postpone the job. */
  firstDelayMs: number;
  run: () => Promise<JobResult>;
};

export type JobLog = {
  info(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
};

export type RunningJobs = {
  /** Cancels the timers and waits for a run in progress, so the database is not closed under it. */
  stop(): Promise<void>;
};

/**
 * Runs each job after its first delay, then every interval, logging one line per run (job,
 * outcome, counts, duration). A failed run is logged and the next tick tries again: one bad hour
 * must not stop the job for the life of the process.
 */
export function startJobs(jobs: JobDefinition[], log: JobLog): RunningJobs {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const runOnce = async (job: JobDefinition): Promise<void> => {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const result = await job.run();
      log.info({ job: job.id, ...result, ms: ms() }, `job ${job.id} ${result.outcome}`);
    } catch (err) {
      log.error({ job: job.id, outcome: 'failed', err, ms: ms() }, `job ${job.id} failed`);
    }
  };

  const schedule = (job: JobDefinition, delay: number): void => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = runOnce(job).finally(() => {
        running.delete(run);
        schedule(job, job.intervalMs);
      });
      running.add(run);
    }, delay);
    // The timers alone never keep the process alive: the server's socket does, a command's work does.
    timer.unref();
    timers.add(timer);
  };

  for (const job of jobs) schedule(job, job.firstDelayMs);
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
