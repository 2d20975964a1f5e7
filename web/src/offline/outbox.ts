import { type KeyValueStore, OUTBOX_KEY, readJson, writeJson } from './store.ts';

/*
 * The outbox: day logs and "period started" saved while there is no connection, sent in the
 * order she saved them once there is one. An entry leaves the outbox only when the server has
 * answered it for good: 2xx (sent), or a 4xx that will not change by trying again (refused, kept
 * aside so she sees what was not saved). No answer, 5xx, 401 (her session must be restored
 * first), 408/425/429 and the consent answers keep it for the next try.
 * Replays cannot duplicate: a day log is a PUT of that date, and a period start repeated with the
 * same date is answered with the period already there.
 */

export type OutboxKind = 'day' | 'period';

export type OutboxItem = {
  /** "local-…": also the id of the stand-in period the page got, so it can undo or end it. */
  id: string;
  kind: OutboxKind;
  method: 'PUT' | 'POST';
  /** API path below /api/v1, e.g. /cycles/days/2026-12-04. */
  path: string;
  body: Record<string, unknown>;
  /**
   * Day logs only: the day's log as the server had it when she saved (null: none), when this
   * phone knew it. Absent: she could not see it, so what she saved is added to what is there.
   */
  base?: Record<string, unknown> | null;
};

export type FailedItem = OutboxItem & {
  /** The API's error code, shown through the catalogue (error.<code>). */
  code: string;
  params?: Record<string, unknown>;
};

export type Outbox = { owner: string; items: OutboxItem[]; failed: FailedItem[] };

const DAY_PATH = /^\/cycles\/days\/([0-9]{4}-[0-9]{2}-[0-9]{2})$/;
const PERIODS_PATH = '/cycles/periods';
const LOCAL_PERIOD_PATH = /^\/cycles\/periods\/(local-[A-Za-z0-9-]+)$/;
/** Limits of the day log's lists that a merge could exceed (src/modules/cycles/schema.ts). */
const LIST_LIMITS: Record<string, number> = { otherSymptoms: 5 };

/** Which kind of write may wait in the outbox, or null for any other request. */
export function outboxKind(method: string, path: string): OutboxKind | null {
  if (method === 'PUT' && DAY_PATH.test(path)) return 'day';
  if (method === 'POST' && path === PERIODS_PATH) return 'period';
  return null;
}

/** The outbox entry a PATCH or DELETE of a not-yet-sent period means, if any. */
export function localPeriodId(path: string): string | null {
  return LOCAL_PERIOD_PATH.exec(path)?.[1] ?? null;
}

export function dayOf(path: string): string | null {
  return DAY_PATH.exec(path)?.[1] ?? null;
}

export function readOutbox(store: KeyValueStore): Outbox | null {
  const outbox = readJson<Outbox>(store, OUTBOX_KEY);
  return outbox && Array.isArray(outbox.items) && Array.isArray(outbox.failed) ? outbox : null;
}

function write(store: KeyValueStore, outbox: Outbox): boolean {
  return writeJson(store, OUTBOX_KEY, outbox);
}

/** Changes the outbox as it is now in storage (another tab may have changed it meanwhile). */
function update(store: KeyValueStore, owner: string, change: (outbox: Outbox) => void): Outbox | null {
  const current = readOutbox(store);
  const outbox: Outbox = current && current.owner === owner ? current : { owner, items: [], failed: [] };
  change(outbox);
  return write(store, outbox) ? outbox : null;
}

function newId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `local-${random}`;
}

/**
 * Puts a write in the outbox and returns its entry, or null when this phone cannot store it.
 * A second save of the same day replaces the first (the day log is replaced as a whole anyway);
 * a period start gets its date now, so one sent days later still starts on the day she tapped.
 */
export function addToOutbox(
  store: KeyValueStore,
  owner: string,
  write: {
    method: string;
    path: string;
    body: Record<string, unknown>;
    base?: Record<string, unknown> | null;
  },
  today: string,
): OutboxItem | null {
  const kind = outboxKind(write.method, write.path);
  if (!kind) return null;
  const body =
    kind === 'period' ? { ...write.body, startDate: write.body.startDate ?? today } : { ...write.body };
  const item: OutboxItem = {
    id: newId(),
    kind,
    method: kind === 'day' ? 'PUT' : 'POST',
    path: write.path,
    body,
  };
  const same = (other: OutboxItem) =>
    kind === 'day'
      ? other.path === write.path
      : other.kind === 'period' && other.body.startDate === body.startDate;
  const saved = update(store, owner, (outbox) => {
    const earlier = outbox.items.find(same);
    // The first save's view of the server is the one the replay compares with.
    const base = earlier ? earlier.base : write.base;
    if (kind === 'day' && base !== undefined) item.base = base;
    if (earlier) item.id = earlier.id;
    outbox.items = [...outbox.items.filter((other) => !same(other)), item];
  });
  return saved ? item : null;
}

/** A PATCH of a period not yet sent changes the waiting entry; null when there is none. */
export function changeWaitingPeriod(
  store: KeyValueStore,
  id: string,
  patch: Record<string, unknown>,
): OutboxItem | null {
  const outbox = readOutbox(store);
  const item = outbox?.items.find((other) => other.id === id);
  if (!outbox || !item) return null;
  item.body = { ...item.body, ...patch };
  return write(store, outbox) ? item : null;
}

/** Takes a waiting entry out (undo before it was sent); false when it is not there (any more). */
export function removeWaiting(store: KeyValueStore, match: (item: OutboxItem) => boolean): boolean {
  const outbox = readOutbox(store);
  if (!outbox?.items.some(match)) return false;
  outbox.items = outbox.items.filter((item) => !match(item));
  return write(store, outbox);
}

/** The day's log as the page should show it with no connection: what waits for that day. */
export function waitingDay(store: KeyValueStore, date: string): Record<string, unknown> | null {
  const item = readOutbox(store)?.items.find((other) => other.path === `/cycles/days/${date}`);
  return item ? { date, symptoms: [], otherSymptoms: [], ...item.body } : null;
}

/** What she answered for a refused entry: dismissed, or sent again with confirm: true. */
export function settleFailed(store: KeyValueStore, id: string, resend: boolean): void {
  const outbox = readOutbox(store);
  const failed = outbox?.failed.find((item) => item.id === id);
  if (!outbox || !failed) return;
  outbox.failed = outbox.failed.filter((item) => item.id !== id);
  if (resend) {
    const { code: _code, params: _params, ...item } = failed;
    outbox.items.push({ ...item, body: { ...item.body, confirm: true } });
  }
  write(store, outbox);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}

/**
 * The day log to send. When the server still has what she saw when she saved, hers replaces it
 * (so a symptom she took off stays off). Otherwise — she could not see the day's log with no
 * connection, or it changed since — nothing there is lost: her answers win field by field and
 * lists are joined.
 */
export function dayToSend(
  item: OutboxItem,
  current: Record<string, unknown> | null,
): Record<string, unknown> {
  const { date: _date, ...existing } = current ?? {};
  const { date: _seenDate, ...seen } = item.base ?? {};
  if (current === null || ('base' in item && sameJson(existing, seen))) return item.body;
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(existing))
    if (value !== null && value !== undefined) merged[key] = value;
  for (const [key, value] of Object.entries(item.body)) {
    if (value === undefined || value === null) continue;
    const before = merged[key];
    merged[key] =
      Array.isArray(value) && Array.isArray(before)
        ? [...new Set([...value, ...before])].slice(0, LIST_LIMITS[key] ?? Number.POSITIVE_INFINITY)
        : value;
  }
  return merged;
}

type Answer = { status?: unknown; code?: unknown; params?: unknown };

/** What an error from sending an entry means for it. */
export function verdict(item: OutboxItem, error: unknown): 'retry' | 'done' | 'refused' {
  const { status, code, params } = (error ?? {}) as Answer;
  if (typeof status !== 'number' || status === 0 || status >= 500) return 'retry';
  if ([401, 408, 425, 429].includes(status)) return 'retry';
  if (status === 403 && (code === 'consent_required' || code === 'guardian_consent_required')) return 'retry';
  // An earlier try arrived but its answer did not: the period is there, starting that day.
  if (
    item.kind === 'period' &&
    code === 'period_overlap' &&
    (params as { otherStart?: unknown } | undefined)?.otherStart === item.body.startDate
  )
    return 'done';
  return 'refused';
}

export type FlushDeps = {
  store: KeyValueStore;
  /** The signed-in account's id (restoring the session if needed), or null when there is none. */
  session: () => Promise<string | null>;
  /** One API request (path below /api/v1); throws an error with the answer's status and code. */
  send: (method: string, path: string, body?: unknown) => Promise<unknown>;
  /** The server's answer to an entry that was sent. */
  delivered?: (item: OutboxItem, answer: unknown) => void;
};

export type FlushResult = {
  sent: number;
  refused: number;
  left: number;
  stopped?: 'no_session' | 'other_account' | 'retry_later';
};

/** Sends what waits, oldest first, stopping at the first entry that must wait for a later try. */
export async function flushOutbox(deps: FlushDeps): Promise<FlushResult> {
  const { store } = deps;
  const result: FlushResult = { sent: 0, refused: 0, left: readOutbox(store)?.items.length ?? 0 };
  if (result.left === 0) return result;
  const owner = readOutbox(store)?.owner;
  const account = await deps.session();
  if (!account) return { ...result, stopped: 'no_session' };
  // Entries are only ever sent to the account that saved them.
  if (account !== owner) return { ...result, stopped: 'other_account' };
  for (;;) {
    const item = readOutbox(store)?.items[0];
    if (!item) break;
    let outcome: 'retry' | 'done' | 'refused' = 'done';
    let error: unknown = null;
    try {
      // (Not inside `delivered?.(…)`: with no listener the request itself would be skipped.)
      const answer = await deliver(deps, item);
      deps.delivered?.(item, answer);
    } catch (caught) {
      error = caught;
      outcome = verdict(item, caught);
    }
    if (outcome === 'retry') {
      result.stopped = 'retry_later';
      break;
    }
    update(store, account, (outbox) => {
      outbox.items = outbox.items.filter((other) => other.id !== item.id);
      if (outcome === 'refused') {
        const { code, params } = (error ?? {}) as Answer;
        const failed: FailedItem = { ...item, code: typeof code === 'string' ? code : 'http_error' };
        if (params && typeof params === 'object') failed.params = params as Record<string, unknown>;
        outbox.failed.push(failed);
      }
    });
    if (outcome === 'refused') result.refused += 1;
    else result.sent += 1;
  }
  result.left = readOutbox(store)?.items.length ?? 0;
  return result;
}

async function deliver(deps: FlushDeps, item: OutboxItem): Promise<unknown> {
  if (item.kind === 'period') return deps.send('POST', PERIODS_PATH, item.body);
  const date = dayOf(item.path);
  const found = (await deps.send('GET', `/cycles/days?from=${date}&to=${date}`)) as {
    days?: Record<string, unknown>[];
  };
  return deps.send('PUT', item.path, dayToSend(item, found.days?.[0] ?? null));
}
