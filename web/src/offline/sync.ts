import type { QueryClient } from '@tanstack/react-query';
import { isSignedIn, raw, restoreSession } from '../api.ts';
import {
  deviceChanged,
  deviceStore,
  deviceUser,
  hasDeviceSession,
  keptHome,
  localToday,
  notePeriodSent,
  noteSent,
  onSignedIn,
  outbox,
  signedInAccount,
} from './device.ts';
import { flushOutbox, type OutboxItem } from './outbox.ts';

/*
 * Sends what waits in the outbox: when the app starts, when the phone says it is online again,
 * when she comes back to the app, when a session is back in this tab, and every 30 s while
 * something waits. Requests go through the API client, so an expired access token is renewed by
 * the usual refresh; with no session in this tab it is restored first from the refresh cookie.
 * One tab at a time sends (Web Locks), so two tabs never send the same entry together.
 */

const RETRY_MS = 30_000;
let running: Promise<void> | null = null;
let queries: QueryClient | null = null;

async function account(): Promise<string | null> {
  if (isSignedIn()) return signedInAccount();
  // Only a session kept on this phone is worth a refresh; after a sign-out there is none to restore.
  if (!hasDeviceSession()) return null;
  return (await restoreSession())?.id ?? null;
}

async function send(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await raw(method, `/api/v1${path}`, body === undefined ? {} : { body });
  return response.status === 204 ? undefined : response.json();
}

function delivered(item: OutboxItem, answer: unknown): void {
  const id = (answer as { id?: unknown } | undefined)?.id;
  if (item.kind === 'period' && typeof id === 'string') notePeriodSent(item.id, id);
}

async function sendOnce(): Promise<void> {
  const flush = () => flushOutbox({ store: deviceStore(), session: account, send, delivered });
  const result = navigator.locks ? await navigator.locks.request('le-outbox', flush) : await flush();
  if (result.sent > 0) {
    noteSent();
    // Her prediction, calendar and the days she logged change with what arrived.
    await queries?.invalidateQueries();
  } else if (result.refused > 0) {
    deviceChanged();
  }
}

/** Sends what waits now (once at a time); resolves when this try is over. */
export function sendWaiting(): Promise<void> {
  if (!(outbox()?.items.length ?? 0)) return Promise.resolve();
  running ??= sendOnce()
    .catch(() => undefined)
    .finally(() => {
      running = null;
    });
  return running;
}

/** Before signing out: a last chance to send, no longer than `ms`. */
export function sendWaitingWithin(ms: number): Promise<void> {
  return Promise.race([sendWaiting(), new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

/** Puts her last prediction kept on the phone on screen at once, and starts sending what waits. */
export function startOfflineSync(client: QueryClient): void {
  queries = client;
  const kept = deviceUser() ? keptHome(localToday()) : {};
  // Dated long ago, so her home still asks the server for fresh ones as soon as it shows.
  if (kept.prediction) client.setQueryData(['prediction'], kept.prediction, { updatedAt: 1 });
  if (kept.periods) client.setQueryData(['periods'], kept.periods, { updatedAt: 1 });
  window.addEventListener('online', () => {
    void sendWaiting().then(() => queries?.invalidateQueries({ queryKey: ['prediction'] }));
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void sendWaiting();
  });
  onSignedIn(() => void sendWaiting());
  setInterval(() => void sendWaiting(), RETRY_MS);
  void sendWaiting();
}
