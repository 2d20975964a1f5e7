import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DataDirInUseError, LOCK_FILE, type LockHolder, lockDataDir } from './data-dir-lock.ts';

// The lock on its own, in this process; test/cli-data-dir-lock.test.ts has the real processes.
describe('the embedded data directory lock', () => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) child.kill('SIGKILL');
  });
  const newDir = () => mkdtempSync(join(tmpdir(), 'le-lock-'));
  const writeLock = (dir: string, holder: LockHolder) =>
    writeFileSync(join(dir, LOCK_FILE), `${JSON.stringify(holder)}\n`);
  /** A live process that is not this one, nor its parent. */
  const liveOther = () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    children.push(child);
    return child.pid ?? 0;
  };
  const since = new Date().toISOString();

  it('is held while taken, counted within one process, and removed by the last release', () => {
    const dir = newDir();
    const first = lockDataDir(dir, 'service');
    const holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockHolder;
    assert.equal(holder.pid, process.pid);
    assert.equal(holder.kind, 'service');
    const second = lockDataDir(dir, 'command');
    first.release();
    assert.ok(existsSync(join(dir, LOCK_FILE)), 'still held by the second taker');
    second.release();
    second.release();
    assert.ok(!existsSync(join(dir, LOCK_FILE)));
  });

  it('refuses while the process named in it runs, naming it', () => {
    const dir = newDir();
    const pid = liveOther();
    writeLock(dir, { pid, kind: 'service', command: 'npm start', since });
    assert.throws(
      () => lockDataDir(dir, 'command'),
      (error: unknown) =>
        error instanceof DataDirInUseError &&
        error.message.startsWith(
          `The service is running on this data directory (pid ${pid}). Stop it first, or run this against PostgreSQL with DATABASE_URL.`,
        ),
    );
    assert.throws(() => lockDataDir(dir, 'service'), /The service is already running .*\(pid \d+\)/);
    writeLock(dir, { pid, kind: 'command', command: 'npm run db:migrate', since });
    assert.throws(
      () => lockDataDir(dir, 'service'),
      new RegExp(`npm run db:migrate \\(pid ${pid}\\) is using this data directory. Wait for it to finish`),
    );
    assert.equal((JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockHolder).pid, pid);
  });

  it('takes over a lock left by a process that has ended (kill -9)', async () => {
    const dir = newDir();
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    writeLock(dir, { pid: child.pid ?? 0, kind: 'service', command: 'npm start', since });
    const lock = lockDataDir(dir, 'service');
    assert.equal((JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockHolder).pid, process.pid);
    lock.release();
  });

  it('takes over a lock naming its own pid (a restarted container is pid 1 again), or old garbage', () => {
    const dir = newDir();
    writeLock(dir, { pid: process.pid, kind: 'service', command: 'npm start', since: 'earlier' });
    lockDataDir(dir, 'service').release();
    const file = join(dir, LOCK_FILE);
    writeFileSync(file, 'not json');
    // Garbage is judged only once it is older than a writer could take to finish writing it.
    assert.throws(() => lockDataDir(dir, 'service'), /Try again in a moment/);
    utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    lockDataDir(dir, 'service').release();
    assert.ok(!existsSync(file));
  });

  it('takes over when the pid now belongs to another program (start time differs)', {
    skip: !existsSync('/proc/self/stat'),
  }, () => {
    const dir = newDir();
    const pid = liveOther();
    writeLock(dir, { pid, kind: 'service', command: 'npm start', since, processStart: 'other-boot:1' });
    lockDataDir(dir, 'command').release();
  });
});
