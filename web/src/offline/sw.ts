/*
 * The service worker: the app opens with no connection, and a repeat visit on 3G does not wait
 * for the network before the first screen.
 *
 * - Install: every file of this release (the list the build writes into VERSION and PRECACHE:
 *   the page, its hashed scripts and styles, icons, manifest) goes into one cache named after
 *   the release. Activate: caches of other releases are deleted.
 * - Pages (navigations to the app's own routes) get the cached page at once; the browser checks
 *   /sw.js (never cached) in the background on every start, so a new release installs itself and
 *   serves from the next start. See docs/decisions/018-installable-and-offline.md for why not
 *   network-first.
 * - The API, the USSD gateway, health checks and the API docs are never answered or stored here:
 *   health data stays out of the cache (what the offline home needs is kept by the page, see
 *   device.ts).
 *
 * Built by web/vite.config.ts (types stripped, the two constants filled in) into dist/sw.js.
 * Not imported by the app: the lines below only type-check against the DOM library.
 */

export {};

declare const VERSION: string;
declare const PRECACHE: string[];

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const CACHE = `le-app-${VERSION}`;
const OURS = /^le-app-/;
/** Served by the server itself, never by this worker: same list as src/platform/http/web.ts. */
const SERVER_PATHS = /^\/(api|ussd|health|docs)(\/|$)/;
const PRECACHED = new Set(PRECACHE);

worker.addEventListener('install', (event) => {
  // All or nothing: a half-stored release would open half broken with no connection.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => OURS.test(name) && name !== CACHE).map((name) => caches.delete(name)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

async function fromCache(request: Request | string, fallback: Request): Promise<Response> {
  // The server varies on Accept-Encoding, which the browser adds below any script: not ours to match.
  const hit = await caches.match(request, { cacheName: CACHE, ignoreVary: true });
  return hit ?? fetch(fallback);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || SERVER_PATHS.test(url.pathname)) return;
  // A page of the app (no file extension): the one index.html, which the client router reads.
  if (request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(url.pathname)) {
    event.respondWith(fromCache('/', request));
    return;
  }
  if (PRECACHED.has(url.pathname)) event.respondWith(fromCache(url.pathname, request));
});
