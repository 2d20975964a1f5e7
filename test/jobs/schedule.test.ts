import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type JobDefinition,
  type JobLog,
  type JobResult,
  startJobs,
} from '../../src/platform/jobs/schedule.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function captureLog() {
  const lines: { level: 'info' | 'error'; obj: Record<string, unknown>; msg: string }[] = [];
  const log: JobLog = {
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
  return { log, lines };
}

describe('scheduled jobs', () => {
  it('runs after the first delay, then every interval; a failed run is logged and the next tick tries again', async () => {
    const { log, lines } = captureLog();
    let calls = 0;
    const job: JobDefinition = {
      id: 'test-job',
      firstDelayMs: 20,
      intervalMs: 20,
      async run(): Promise<JobResult> {
        calls += 1;
        if (calls === 1) throw new Error('database went away');
        return calls === 2
          ? { outcome: 'done', counts: { rows: 3 } }
          : { outcome: 'skipped', reason: 'recent' };
      },
    };
    const jobs = startJobs([job], log);
    assert.equal(calls, 0, 'nothing runs before the first delay');
    while (calls < 3) await sleep(5);
    await jobs.stop();

    assert.equal(lines[0]?.level, 'error');
    assert.deepEqual(
      { ...lines[0]?.obj, err: undefined, ms: undefined },
      {
        job: 'test-job',
        outcome: 'failed',
        err: undefined,
        ms: undefined,
      },
    );
    assert.match(String(lines[0]?.obj.err), /database went away/);
    assert.equal(lines[1]?.level, 'info');
    assert.deepEqual(
      { ...lines[1]?.obj, ms: undefined },
      {
        job: 'test-job',
        outcome: 'done',
        counts: { rows: 3 },
        ms: undefined,
      },
    );
    assert.equal(lines[2]?.obj.outcome, 'skipped');
    assert.equal(lines[2]?.obj.reason, 'recent');
  });

  it('stop() clears the timers and waits for the run in progress; runs never overlap', async () => {
    const { log } = captureLog();
    let running = 0;
    let overlapped = false;
    let finished = 0;
    const job: JobDefinition = {
      id: 'slow',
      firstDelayMs: 1,
      intervalMs: 1,
      async run(): Promise<JobResult> {
        running += 1;
        if (running > 1) overlapped = true;
        await sleep(30);
        running -= 1;
        finished += 1;
        return { outcome: 'done', counts: {} };
      },
    };
    const jobs = startJobs([job], log);
    while (running === 0) await sleep(1);
    await jobs.stop();
    assert.equal(running, 0, 'stop() returned only after the run in progress ended');
    const after = finished;
    await sleep(50);
    assert.equal(finished, after, 'no run after stop()');
    assert.equal(overlapped, false);
  });
});
