import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

/*
 * One process at a time on an embedded data directory (decision 021). PGlite keeps the database
 * in its own memory and writes it back as it goes: two processes on one directory each overwrite
 * what the other wrote, silently. PGlite has no lock of its own (no postmaster.pid), so this is
 * PostgreSQL's: a file naming the process that holds the directory, created atomically, and taken
 * over when that process is gone (a kill -9 leaves it behind). On Linux the process's start time
 * is recorded too, so a pid reused by another program (a container restarted as pid 1) is not
 * mistaken for the holder.
 */

export const LOCK_FILE = 'lock.json';

/** Who opens the directory: the service (`npm start`) or an operator's command. */
export type ProcessKind = 'service' | 'command';

export type LockHolder = {
  pid: number;
  kind: ProcessKind;
  /** How a person started it: "npm start", "npm run admin:create". */
  command: string;
  since: string;
  /** Linux: boot id and start time in clock ticks; absent elsewhere (the pid alone is checked). */
  processStart?: string;
};

export class DataDirInUseError extends Error {
  readonly holder: LockHolder;
  constructor(message: string, holder: LockHolder) {
    super(message);
    this.holder = holder;
  }
}

const held = new Map<string, { count: number; holder: LockHolder }>();
let exitHookInstalled = false;

/**
 * Takes the data directory for this process, or throws DataDirInUseError naming the live process
 * that has it. Taking it again in the same process only counts; the file goes when the last
 * release() is called or the process exits.
 */
export function lockDataDir(dataDir: string, kind: ProcessKind): { release(): void } {
  const dir = resolve(dataDir);
  const file = resolve(dir, LOCK_FILE);
  const mine = held.get(file);
  if (mine) {
    mine.count += 1;
    return onceReleased(file);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const holder = describeThisProcess(kind);
  takeLockFile(file, holder, kind);
  held.set(file, { count: 1, holder });
  installExitHook();
  return onceReleased(file);
}

function takeLockFile(file: string, holder: LockHolder, kind: ProcessKind): void {
  const text = `${JSON.stringify(holder)}\n`;
  // Written whole under a private name, then linked into place: link() fails if the lock exists,
  // and no reader ever sees a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, text, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      if (tryLink(draft, file, text)) return;
      const found = readHolder(file);
      if (found === 'gone') continue;
      if (found !== 'unreadable' && isRunning(found)) {
        throw new DataDirInUseError(refusal(found, kind, file), found);
      }
      if (found === 'unreadable' && youngerThan(file, 5_000)) {
        // Only a file system without hard links gets here (see tryLink): the writer is mid-write.
        throw new DataDirInUseError(
          `Another process is opening this data directory (${file}). Try again in a moment.`,
          { pid: 0, kind: 'command', command: 'unknown', since: '' },
        );
      }
      setAsideStale(file);
    }
    throw new Error(`Could not take ${file}: it keeps changing hands`);
  } finally {
    unlinkQuietly(draft);
  }
}

/** True when the lock file is now ours. */
function tryLink(draft: string, file: string, text: string): boolean {
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
  }
  // A file system without hard links (some mounted volumes): exclusive create instead.
  try {
    writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readHolder(file: string): LockHolder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return 'unreadable';
    return {
      pid: value.pid,
      kind: value.kind === 'service' ? 'service' : 'command',
      command: typeof value.command === 'string' ? value.command : 'another process',
      since: typeof value.since === 'string' ? value.since : '',
      ...(typeof value.processStart === 'string' ? { processStart: value.processStart } : {}),
    };
  } catch {
    return 'unreadable';
  }
}

/**
 * Moves a stale lock out of the way. Renaming first (not unlinking) means two processes that both
 * judged the same file stale cannot delete a fresh lock the faster one has just made: the slower
 * one's rename then finds that fresh file, sees it is not the stale one, and puts it back.
 */
function setAsideStale(file: string): void {
  const stale = readFileText(file);
  const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readFileText(aside) !== stale) {
    try {
      linkSync(aside, file);
    } catch {
      // Someone holds it again already; the next attempt reads who.
    }
  }
  unlinkQuietly(aside);
}

function readFileText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether the process named in a lock is still the one that wrote it. */
export function isRunning(holder: LockHolder): boolean {
  // Our own pid (or our parent's) in a lock we do not hold is a leftover from an earlier life of
  // this pid, as PostgreSQL reasons for postmaster.pid.
  if (holder.pid === process.pid || holder.pid === process.ppid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: it exists, under another user.
  }
  const now = processStartOf(holder.pid);
  if (now === 'zombie') return false;
  if (holder.processStart !== undefined && now !== undefined) return now === holder.processStart;
  return true;
}

function refusal(holder: LockHolder, asking: ProcessKind, file: string): string {
  const where = `Data directory: ${resolve(file, '..')}. Nothing was changed.`;
  const unsure =
    holder.processStart === undefined
      ? ` If no process ${holder.pid} is running, delete ${file} and try again.`
      : '';
  if (holder.kind === 'command') {
    return `${holder.command} (pid ${holder.pid}) is using this data directory. Wait for it to finish, then try again.\n${where}${unsure}`;
  }
  if (asking === 'service') {
    return (
      `The service is already running on this data directory (pid ${holder.pid}). Stop it first, ` +
      `or start this one with another DATA_DIR, or against PostgreSQL with DATABASE_URL.\n${where}${unsure}`
    );
  }
  return (
    `The service is running on this data directory (pid ${holder.pid}). Stop it first, ` +
    `or run this against PostgreSQL with DATABASE_URL.\n${where}${unsure}`
  );
}

function describeThisProcess(kind: ProcessKind): LockHolder {
  const script = process.env.npm_lifecycle_event;
  const command =
    kind === 'service'
      ? 'npm start'
      : script
        ? `npm run ${script}`
        : `node ${relative(process.cwd(), process.argv[1] ?? '') || 'a command'}`;
  const start = processStartOf(process.pid);
  return {
    pid: process.pid,
    kind,
    command,
    since: new Date().toISOString(),
    ...(typeof start === 'string' ? { processStart: start } : {}),
  };
}

/** Linux: "<boot id>:<start time in clock ticks>"; 'zombie' for a process that has ended; else undefined. */
function processStartOf(pid: number): string | 'zombie' | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return 'zombie';
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const ticks = fields[19];
    return ticks ? `${boot}:${ticks}` : undefined;
  } catch {
    return undefined;
  }
}

function youngerThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < ms;
  } catch {
    return false;
  }
}

function onceReleased(file: string): { release(): void } {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const entry = held.get(file);
      if (!entry) return;
      entry.count -= 1;
      if (entry.count === 0) removeOwnLock(file);
    },
  };
}

function removeOwnLock(file: string): void {
  const entry = held.get(file);
  held.delete(file);
  const found = readHolder(file);
  // Never delete a lock that is not ours (someone judged ours stale and took over).
  if (
    entry &&
    typeof found === 'object' &&
    found.pid === entry.holder.pid &&
    found.since === entry.holder.since
  ) {
    unlinkQuietly(file);
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // process.exit() skips the database's close(); the lock still goes. A kill -9 leaves it, and
  // the next process finds its holder gone.
  process.on('exit', () => {
    for (const file of [...held.keys()]) removeOwnLock(file);
  });
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
