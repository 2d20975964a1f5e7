import { DEFAULT_LOCK_MINUTES } from '../../../src/modules/sessions/app-lock.ts';
import { type Period, type Prediction, setDeviceHooks, type User } from '../api.ts';
import { idleLockDue } from './idle.ts';
import {
  addToOutbox,
  changeWaitingPeriod,
  dayOf,
  dayToSend,
  localPeriodId,
  type Outbox,
  type OutboxItem,
  outboxKind,
  readOutbox,
  removeWaiting,
  settleFailed,
  waitingDay,
} from './outbox.ts';
import { agePrediction } from './prediction-age.ts';
import {
  ALL_KEYS,
  DEVICE_KEY,
  type KeyValueStore,
  memoryStore,
  OUTBOX_KEY,
  readJson,
  removeKeys,
  writeJson,
} from './store.ts';

/*
 * The app with no connection, on her phone (decision 018). While she is signed in this keeps her
 * profile without phone or email, her last prediction and the outbox (outbox.ts); her home opens
 * from them at once — offline, or before the session is back on a slow network — and the API
 * client (api.ts) asks here before giving up on a request that found no connection.
 * The app lock still applies: after her idle minutes nothing kept here is shown until the server
 * has unlocked the session, which needs a connection (lockOfflineData, deviceUser).
 */

/** Her profile as kept on the phone: no sign-in identifiers. */
const KEPT_FIELDS = [
  'id',
  'name',
  'role',
  'status',
  'language',
  'timeZone',
  'birthYear',
  'hasPassword',
  'hasPin',
  'lockMinutes',
  'createdAt',
] as const satisfies readonly (keyof User)[];
type DeviceUser = Pick<User, (typeof KEPT_FIELDS)[number]>;
/** Her latest period, which her home needs (the ring, "My period ended"): no notes. */
type KeptPeriod = Omit<Period, 'notes'>;
type DeviceRecord = {
  user: DeviceUser;
  prediction?: Prediction;
  /** Null: she has logged none. Absent: not fetched yet. */
  period?: KeptPeriod | null;
  /** When she last used the app (ms): the app lock's idle time, counted on the phone too. */
  activeAt: number;
};

const ACTIVITY_WRITE_MS = 30_000;

function browserStore(): KeyValueStore {
  try {
    const store = window.localStorage;
    store.getItem(DEVICE_KEY);
    return store;
  } catch {
    return memoryStore();
  }
}
const store = browserStore();

// ---- Changes, for the banner and the offline notice (useSyncExternalStore) ---------------------

const listeners = new Set<() => void>();
let version = 0;
function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const deviceVersion = () => version;
window.addEventListener('storage', (event) => {
  if (event.key === null || (ALL_KEYS as readonly string[]).includes(event.key)) changed();
});

// ---- Connection ---------------------------------------------------------------------------------

let offline = navigator.onLine === false;
function setOffline(next: boolean): void {
  if (offline === next) return;
  offline = next;
  changed();
}
window.addEventListener('online', () => setOffline(false));
window.addEventListener('offline', () => setOffline(true));
/** True when the phone says it has no network, or the last request found no connection. */
export const isOffline = () => offline;

/** The API client's error for "no answer at all" (api.ts: ApiError with status 0). */
const noConnection = (error: unknown) => (error as { status?: unknown } | null)?.status === 0;

// ---- Her profile and last prediction ------------------------------------------------------------

/** The account signed in in this tab (null until a session is back), for the outbox's owner check. */
let account: string | null = null;
/** Fetched before her profile was back (main.tsx asks early): kept once it is. */
let unsaved: Pick<DeviceRecord, 'prediction' | 'period'> = {};

const readRecord = () => readJson<DeviceRecord>(store, DEVICE_KEY);

function lockDue(record: DeviceRecord): boolean {
  const minutes = (record.user as { lockMinutes?: number }).lockMinutes ?? DEFAULT_LOCK_MINUTES;
  return idleLockDue(record.activeAt, minutes, Date.now());
}

/**
 * The young woman last signed in on this phone, if her app is not locked: her home can open from
 * the phone before (or without) the server. Null after her idle minutes, as the server would lock
 * the session: the lock is not to be got round by cutting the connection.
 */
export function deviceUser(): User | null {
  const record = readRecord();
  if (!record?.user?.id || lockDue(record)) return null;
  return { ...record.user };
}

/** True when a session is kept on this phone but its idle time has run out (the app lock). */
export function deviceLocked(): boolean {
  const record = readRecord();
  return Boolean(record?.user?.id) && record !== null && lockDue(record);
}

/** True when her home may open from the phone: a session kept here, not locked. */
export const hasDeviceSession = () => deviceUser() !== null;

const signedInListeners = new Set<() => void>();
/** Called when a session is back in this tab (the sync sends what waits). */
export function onSignedIn(listener: () => void): () => void {
  signedInListeners.add(listener);
  return () => signedInListeners.delete(listener);
}
/** The account signed in in this tab, once its profile is back; null before. */
export const signedInAccount = () => account;

/** She is signed in (login, reload, unlock): keep what her offline home needs. */
export function rememberUser(user: User): void {
  const before = account;
  account = user.id;
  // Another account's unsent entries never reach this one; a shared phone keeps one person's data.
  const outbox = readOutbox(store);
  if (outbox && outbox.owner !== user.id) removeKeys(store, [OUTBOX_KEY]);
  if (user.role !== 'adolescent') {
    removeKeys(store, [DEVICE_KEY]);
  } else {
    const kept = Object.fromEntries(
      KEPT_FIELDS.filter((field) => user[field] !== undefined).map((field) => [field, user[field]]),
    ) as DeviceUser;
    const earlier = readRecord();
    const same = earlier?.user.id === user.id;
    const record: DeviceRecord = {
      ...(same ? { prediction: earlier.prediction, period: earlier.period } : {}),
      ...unsaved,
      user: kept,
      activeAt: Date.now(),
    };
    writeJson(store, DEVICE_KEY, record);
  }
  unsaved = {};
  changed();
  if (before !== user.id) for (const listener of signedInListeners) listener();
}

function keepFresh(part: Pick<DeviceRecord, 'prediction' | 'period'>): void {
  const record = readRecord();
  if (!account || record?.user.id !== account) {
    unsaved = { ...unsaved, ...part };
    return;
  }
  writeJson(store, DEVICE_KEY, { ...record, ...part });
  changed();
}

/** What her home needs of her periods: the latest one (the API lists the newest first). */
function latestOf(periods: Period[] | undefined): KeptPeriod | null {
  const latest = periods?.[0];
  if (!latest) return null;
  const { notes: _notes, ...kept } = latest;
  return kept;
}

/** Her latest period as kept on the phone, after anything waiting to be sent; null if unknown. */
function keptPeriods(): { periods: Period[] } | null {
  const record = readRecord();
  if (!record || lockDue(record) || record.period === undefined) return null;
  const waiting = (readOutbox(store)?.items ?? [])
    .filter((item) => item.kind === 'period')
    .map((item) => standIn(item) as Period)
    .reverse();
  const kept = record.period ? [{ ...record.period, notes: null }] : [];
  return { periods: [...waiting, ...kept] };
}

/** What her home shows first, from the phone: her prediction as of today and her latest period. */
export function keptHome(today: string): { prediction?: Prediction; periods?: { periods: Period[] } } {
  const prediction = keptPrediction(today)?.prediction;
  const periods = keptPeriods();
  return { ...(prediction ? { prediction } : {}), ...(periods ? { periods } : {}) };
}

/** Her last prediction as of today, and the day it was made; null when none is kept. */
export function keptPrediction(today: string): { prediction: Prediction; madeOn: string } | null {
  const record = readRecord();
  if (!record?.prediction || lockDue(record)) return null;
  return { prediction: agePrediction(record.prediction, today), madeOn: record.prediction.today };
}

/** She is using the app: the phone's idle clock starts again (written at most every 30 s). */
export function noteActivity(): void {
  const record = readRecord();
  // Once locked, only the server's unlock opens it again (rememberUser).
  if (!record || lockDue(record) || Date.now() - record.activeAt < ACTIVITY_WRITE_MS) return;
  writeJson(store, DEVICE_KEY, { ...record, activeAt: Date.now() });
}
for (const type of ['pointerdown', 'keydown'] as const)
  window.addEventListener(type, noteActivity, { capture: true, passive: true });

/**
 * The session could not be restored. No answer (offline): her home stays open from the phone.
 * Locked (app lock): nothing is shown until she unlocks. Anything else (ended, revoked, expired):
 * her profile and prediction are removed; what waits to be sent stays, for her next sign-in.
 * Returns who the app shows now.
 */
export function sessionNotRestored(failure: string | null): User | null {
  if (failure === 'unreachable') return deviceUser();
  if (failure === 'session_locked') lockOfflineData();
  else forgetDeviceSession();
  return null;
}

/** Her session ended without her signing out here: her profile and prediction go. */
export function forgetDeviceSession(): void {
  account = null;
  unsaved = {};
  removeKeys(store, [DEVICE_KEY]);
  changed();
}

/**
 * The app lock (helper F's lock screen and quick exit call this when they lock): nothing kept is
 * shown again before the server unlocks the session; what waits to be sent is kept.
 */
export function lockOfflineData(): void {
  account = null;
  const record = readRecord();
  if (record) writeJson(store, DEVICE_KEY, { ...record, activeAt: 0 });
  changed();
}

/**
 * Removes everything this phone keeps for the offline app: her profile, last prediction and
 * unsent entries. Called on sign-out (and by quick exit where it signs out).
 */
export function clearOfflineData(): void {
  account = null;
  unsaved = {};
  knownDays.clear();
  removeKeys(store, ALL_KEYS);
  changed();
}

// ---- The outbox, as the banner shows it -----------------------------------------------------------

export const outbox = (): Outbox | null => readOutbox(store);
export const deviceStore = () => store;
export function answerFailed(id: string, resend: boolean): void {
  settleFailed(store, id, resend);
  changed();
}
let sentAt = 0;
/** The sync sent entries: the banner says "Sent" for a moment. */
export function noteSent(): void {
  sentAt = Date.now();
  changed();
  setTimeout(changed, 8_000);
}
export const recentlySent = () => Date.now() - sentAt < 8_000;
export { changed as deviceChanged };

// ---- Requests the phone can answer without the server ---------------------------------------------

/** What the server said a day's log was (null: none), as last fetched in this tab. */
const knownDays = new Map<string, Record<string, unknown> | null>();
const SINGLE_DAY = /^\/cycles\/days\?from=([0-9]{4}-[0-9]{2}-[0-9]{2})&to=\1$/;

/** Today on the phone, YYYY-MM-DD (as components.tsx; kept here so this file imports no React). */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The answer the page gets for an entry kept in the outbox: what the server would have said. */
function standIn(item: OutboxItem): Record<string, unknown> {
  const answer =
    item.kind === 'day'
      ? { date: dayOf(item.path), symptoms: [], otherSymptoms: [], ...item.body }
      : {
          id: item.id,
          startDate: item.body.startDate,
          endDate: item.body.endDate ?? null,
          flow: item.body.flow ?? null,
          notes: item.body.notes ?? null,
        };
  return answer;
}

function keep(
  method: string,
  path: string,
  body: unknown,
  owner: string,
  error: unknown,
): Record<string, unknown> {
  const date = dayOf(path);
  const write = { method, path, body: { ...(body as Record<string, unknown>) } };
  const base = date !== null && knownDays.has(date) ? knownDays.get(date) : undefined;
  const item = addToOutbox(store, owner, base === undefined ? write : { ...write, base }, localToday());
  // This phone cannot store it (storage refused): the page says there is no connection.
  if (!item) throw error;
  setOffline(true);
  changed();
  return standIn(item);
}

/** Ids the server gave to periods sent from the outbox, for an undo or end that still uses ours. */
const sentPeriods = new Map<string, string>();
export function notePeriodSent(localId: string, serverId: string): void {
  sentPeriods.set(localId, serverId);
}

/**
 * One API request (path below /api/v1) with the phone as the fallback: `send(path)` does the
 * request. Day logs and "period started" that find no connection are kept in the outbox and
 * answered as saved; her prediction and a day's log are read from the phone; every other request
 * fails as before (ApiError "offline").
 */
export async function withDevice<T>(
  method: string,
  path: string,
  body: unknown,
  send: (path: string) => Promise<T>,
): Promise<T> {
  const local = localPeriodId(path);
  if (local && (method === 'PATCH' || method === 'DELETE'))
    return changeLocalPeriod(method, local, body, send);
  const date = dayOf(path);
  if (method === 'DELETE' && date && removeWaiting(store, (item) => item.path === path)) {
    changed();
    // Only her offline change existed as far as this phone knows: it is undone.
    if (offline) return undefined as T;
  }
  try {
    const answer = await send(path);
    setOffline(false);
    return afterAnswer(method, path, answer);
  } catch (error) {
    if (!noConnection(error)) throw error;
    setOffline(true);
    return answerFromPhone(method, path, body, error) as T;
  }
}

/** Undo or end of a period that may not have left the phone: change the waiting entry. */
async function changeLocalPeriod<T>(
  method: string,
  id: string,
  body: unknown,
  send: (path: string) => Promise<T>,
): Promise<T> {
  if (method === 'DELETE' && removeWaiting(store, (item) => item.id === id)) {
    changed();
    return undefined as T;
  }
  const waiting = method === 'PATCH' && changeWaitingPeriod(store, id, body as Record<string, unknown>);
  if (waiting) {
    changed();
    return standIn(waiting) as T;
  }
  // Sent meanwhile: the server's id for it.
  return send(`/cycles/periods/${sentPeriods.get(id) ?? id}`);
}

/** A request that found no connection: what the phone can answer, or the same error. */
function answerFromPhone(method: string, path: string, body: unknown, error: unknown): unknown {
  const owner = account ?? deviceUser()?.id ?? null;
  if (outboxKind(method, path) && owner) return keep(method, path, body, owner, error);
  if (method === 'GET' && path === '/cycles/prediction') {
    const kept = keptPrediction(localToday());
    if (kept) return kept.prediction;
  }
  if (method === 'GET' && path === '/cycles/periods') {
    // Her latest period and what waits: enough for her home; the full list needs the server.
    const kept = keptPeriods();
    if (kept) return kept;
  }
  const day = method === 'GET' ? SINGLE_DAY.exec(path)?.[1] : undefined;
  if (day && deviceUser()) {
    const shown = waitingDay(store, day) ?? knownDays.get(day);
    return { days: shown ? [shown] : [] };
  }
  throw error;
}

/** What an answer from the server teaches the phone, and what the page gets. */
function afterAnswer<T>(method: string, path: string, answer: T): T {
  if (method === 'GET' && path === '/cycles/prediction') keepFresh({ prediction: answer as Prediction });
  if (method === 'GET' && path === '/cycles/periods')
    keepFresh({ period: latestOf((answer as { periods?: Period[] }).periods) });
  const day = method === 'GET' ? SINGLE_DAY.exec(path)?.[1] : undefined;
  if (day) {
    const current = (answer as { days?: Record<string, unknown>[] }).days?.[0] ?? null;
    knownDays.set(day, current);
    // Her offline save of that day has not been sent yet: show the day as it will be once it is.
    const waiting = readOutbox(store)?.items.find((item) => item.path === `/cycles/days/${day}`);
    if (waiting)
      return { days: [{ date: day, symptoms: [], otherSymptoms: [], ...dayToSend(waiting, current) }] } as T;
  }
  const date = dayOf(path);
  if (method === 'PUT' && date) {
    knownDays.set(date, answer as Record<string, unknown>);
    // Saved straight to the server: an older offline save of that day must not replace it later.
    if (removeWaiting(store, (item) => item.path === path)) changed();
  }
  return answer;
}

setDeviceHooks({ withDevice, hasDeviceSession });
