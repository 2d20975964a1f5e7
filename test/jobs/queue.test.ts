import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createJobQueue, deadLetterOf, type JobKind, type JobQueue } from '../../src/platform/jobs/queue.ts';
import { describeEachDatabase } from '../support/app.ts';
import { createAdmin } from '../support/factories.ts';

type Line = { job?: string; outcome?: string; msg: string };

/** A queue as a working instance runs it, with short intervals, logging into `lines`. */
function queueOn(database: Parameters<typeof createJobQueue>[0]['database'], lines: Line[]): JobQueue {
  const log = (obj: Record<string, unknown>, msg: string) => void lines.push({ ...obj, msg } as Line);
  return createJobQueue({
    database,
    role: 'all',
    log: { info: log, error: log },
    intervals: { polling: 0.5, cron: 1, upkeep: 1 },
  });
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000) {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const kind = (name: string, run: JobKind['run'], extra: Partial<JobKind> = {}): JobKind => ({
  name,
  retryLimit: 2,
  retryDelaySeconds: 1,
  expireSeconds: 60,
  run,
  ...extra,
});

describeEachDatabase('the job queue', (get) => {
  it('retries a failing job with growing delays, then moves it to its dead-letter queue', async () => {
    const t = get();
    const lines: Line[] = [];
    const queue = queueOn(t.db.database, lines);
    const attempts: number[] = [];
    try {
      await queue.start([
        kind('always-fails', async () => {
          attempts.push(Date.now());
          throw new Error('the provider answered 500');
        }),
      ]);
      await queue.send('always-fails', { n: 1 });
      const dead = await until('the job to reach the dead-letter queue', async () => {
        const state = await queue.state();
        const queued = state.queues.find((q) => q.name === deadLetterOf('always-fails'));
        return queued && (queued.states.created ?? 0) > 0 ? state : undefined;
      });
      assert.equal(attempts.length, 3, 'the first try and two retries');
      const [first = 0, second = 0, third = 0] = attempts;
      assert.ok(
        third - second > second - first,
        `delays grow: ${second - first} ms, then ${third - second} ms`,
      );
      assert.equal(dead.queues.find((q) => q.name === 'always-fails')?.states.failed, 1);
      assert.equal(lines.filter((l) => l.outcome === 'failed').length, 3, 'each failed try is logged');
      // An administrator sees the same through the API.
      const admin = await createAdmin(t);
      const seen = await t.request({ method: 'GET', url: '/api/v1/admin/jobs', token: admin.accessToken });
      assert.equal(seen.statusCode, 200, seen.body);
      assert.deepEqual(
        seen.json().queues.filter((q: { name: string }) => q.name.startsWith('always-fails')),
        [
          { name: 'always-fails', states: { failed: 1 } },
          { name: 'always-fails-dead', states: { created: 1 } },
        ],
      );
    } finally {
      await queue.stop();
    }
  });

  it('runs a delayed job once, no earlier than asked', async () => {
    const t = get();
    const lines: Line[] = [];
    const queue = queueOn(t.db.database, lines);
    const runs: number[] = [];
    try {
      await queue.start([
        kind('later', async () => {
          runs.push(Date.now());
          return { outcome: 'done', counts: { sent: 1 } };
        }),
      ]);
      const sentAt = Date.now();
      await queue.send('later', {}, { startAfterSeconds: 2 });
      await until('the delayed run', () => (runs.length > 0 ? runs : undefined));
      assert.ok((runs[0] ?? 0) - sentAt >= 1_900, `ran after ${(runs[0] ?? 0) - sentAt} ms`);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.equal(runs.length, 1, 'once');
      assert.deepEqual(
        lines.filter((l) => l.job === 'later').map((l) => [l.outcome, l.msg]),
        [['done', 'job later done']],
      );
    } finally {
      await queue.stop();
    }
  });

  it('runs a scheduled job once across two instances', async () => {
    const t = get();
    const [a, b] = [queueOn(t.db.database, []), queueOn(t.db.database, [])];
    const runs: string[] = [];
    const every = (instance: string) =>
      kind(
        'every-minute',
        async () => {
          runs.push(instance);
          return { outcome: 'done', counts: {} };
        },
        { cron: '* * * * *' },
      );
    try {
      // Both keep the same schedule, as every instance does at start: this minute's run is sent
      // at once, by whichever gets there first, and taken by one of them.
      await Promise.all([a.start([every('a')]), b.start([every('b')])]);
      await until('the scheduled run', () => (runs.length > 0 ? runs : undefined), 70_000);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const minute = new Date().getUTCSeconds();
      // A new minute may have begun meanwhile: then that minute's run may be there too.
      assert.ok(runs.length === 1 || (runs.length === 2 && minute < 5), `runs: ${runs.join(',')}`);
      const state = await a.state();
      assert.deepEqual(
        state.schedules.filter((s) => s.name === 'every-minute').map((s) => [s.cron, s.timezone]),
        [['* * * * *', 'UTC']],
        'one schedule, whatever the number of instances',
      );
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("keeps itself tidy: the queue's upkeep runs every second here without an error", async () => {
    const t = get();
    const lines: Line[] = [];
    const queue = queueOn(t.db.database, lines);
    try {
      await queue.start([kind('tidy', async () => ({ outcome: 'done', counts: {} }))]);
      await queue.send('tidy');
      // Several rounds of supervision and maintenance (pg-boss reads the rows of every statement
      // of its scripts: an answer with only the last one's made each round fail).
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      assert.deepEqual(
        lines.filter((l) => l.msg === 'job queue error').map((l) => String((l as { err?: unknown }).err)),
        [],
      );
      assert.ok(lines.some((l) => l.job === 'tidy' && l.outcome === 'done'));
    } finally {
      await queue.stop();
    }
  });
});
