import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isoDay, kigaliToday, launchBrowser, startE2eServer } from '../test/e2e/support.ts';

/*
 * npm run bench:web [-- --runs 5 --profile slow3g|devtools3g --cpu 4]
 * How long until her home page is usable (prediction shown, "my period started today" enabled)
 * on a throttled network, in Debian's Chromium driven through the DevTools protocol:
 * - first load: empty cache, already signed in on this phone (refresh cookie), typed /home;
 * - repeat load: the same page again once the service worker controls it (decision 018), and
 *   when her session and prediction are fresh from the server behind it ("up to date"); then a
 *   later visit (the browser has by then compiled the stored scripts once more);
 * - repeat load, HTTP cache only: the same with service workers blocked (the old repeat figure);
 * - repeat load with no connection at all (the service worker and what the phone keeps);
 * - landing: a first-time visitor's first page, empty cache.
 * Exits 1 when a median is over its budget: first load 5 s (3G Slow only: on DevTools' preset no
 * page that needs the network can make it), repeat with the service worker 1.5 s (both).
 * Profiles (CDP Network.emulateNetworkConditions adds the latency to every request):
 * - slow3g (default): WebPageTest's "3G Slow", 400 ms round trip, 400 kbit/s each way;
 * - devtools3g: Chrome DevTools' "3G" preset (formerly "Slow 3G"), 2,000 ms per request
 *   (400 ms × 5, its allowance for connection set-up), 400 kbit/s.
 * `--cpu 4` slows the CPU four times, like a cheap Android phone.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    profile: { type: 'string', default: 'slow3g' },
    cpu: { type: 'string', default: '4' },
  },
});
const PROFILES = {
  slow3g: { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 },
  devtools3g: {
    latency: 2000,
    downloadThroughput: (500_000 / 8) * 0.8,
    uploadThroughput: (500_000 / 8) * 0.8,
  },
} as const;
const profileName = values.profile as keyof typeof PROFILES;
const profile = PROFILES[profileName];
if (!profile) throw new Error(`unknown profile ${values.profile}; use ${Object.keys(PROFILES).join(' or ')}`);
const RUNS = Number(values.runs);
const CPU = Number(values.cpu);
const EMAIL = 'bench-3g@example.org';
const PASSWORD = 'river-mango-lantern-42';

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
  if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
}

/**
 * Milliseconds from navigation start until every selector in `ready` matches, noted by the page
 * itself (a MutationObserver installed before any of its scripts), so the figure does not include
 * the test driver's polling.
 */
async function timeUntil(page: Page, path: string, ready: string[]): Promise<number> {
  const all = JSON.stringify(ready);
  await page.addInitScript({
    content: `(() => {
      const check = () => {
        if (window.__ready === undefined && ${all}.every((s) => document.querySelector(s)))
          window.__ready = performance.now();
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
    })();`,
  });
  await page.goto(path, { waitUntil: 'commit' });
  for (const selector of ready) await page.waitForSelector(selector, { timeout: 60_000 });
  return page.evaluate('window.__ready');
}

const HOME_READY = ['section.prediction', 'button.big-button:not([disabled])'];

async function signedInContext(
  browser: Browser,
  origin: string,
  serviceWorkers: 'allow' | 'block' = 'allow',
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: origin, timezoneId: 'Africa/Kigali', serviceWorkers });
  // The refresh cookie, as if she had signed in on this phone before.
  const res = await context.request.post('/api/v1/auth/login', {
    headers: { 'x-session-mode': 'cookie' },
    data: { identifier: EMAIL, password: PASSWORD },
  });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  return context;
}

async function seed(origin: string): Promise<void> {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${origin}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as { accessToken: string };
  };
  const { accessToken } = await post('/auth/register', {
    name: 'Aline',
    email: EMAIL,
    password: PASSWORD,
    role: 'adolescent',
    birthYear: Number(kigaliToday().slice(0, 4)) - 19,
    acceptTerms: true,
  });
  for (const back of [90, 62, 33, 5])
    await post(
      '/cycles/periods',
      { startDate: isoDay(kigaliToday(), -back), endDate: isoDay(kigaliToday(), -back + 4) },
      accessToken,
    );
}

/** Polls an expression in the page (page.evaluate, which the CSP allows; waitForFunction evals). */
async function until(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits until the service worker controls the page (installed, its files stored, activated) and
 * her home's data is kept on the phone: what a second visit finds.
 */
async function serviceWorkerReady(page: Page): Promise<void> {
  await until(
    page,
    `navigator.serviceWorker.controller !== null &&
     JSON.parse(localStorage.getItem('le.device.v1') ?? '{}').period !== undefined`,
    180_000,
  );
}

/** When the fresh prediction had arrived (its response's end), in the page's clock. */
async function upToDate(page: Page): Promise<number> {
  const entries = `performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/v1/cycles/prediction'))`;
  await until(page, `${entries}.some((e) => e.responseEnd > 0)`, 60_000);
  return page.evaluate(`Math.max(...${entries}.map((e) => e.responseEnd))`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const server = await startE2eServer({ RATE_LIMIT_SCALE: '0' });
const browser = await launchBrowser();
const results = {
  landing: [] as number[],
  first: [] as number[],
  repeat: [] as number[],
  fresh: [] as number[],
  later: [] as number[],
  httpCache: [] as number[],
  offline: [] as number[],
};
try {
  await seed(server.origin);
  for (let run = 0; run < RUNS; run += 1) {
    const visitor = await browser.newContext({ baseURL: server.origin, timezoneId: 'Africa/Kigali' });
    const landing = await visitor.newPage();
    await throttle(visitor, landing);
    results.landing.push(await timeUntil(landing, '/', ['main h1']));
    await visitor.close();

    const context = await signedInContext(browser, server.origin);
    const page = await context.newPage();
    await throttle(context, page);
    results.first.push(await timeUntil(page, '/home', HOME_READY));
    await serviceWorkerReady(page);
    results.repeat.push(await timeUntil(page, '/home', HOME_READY));
    results.fresh.push(await upToDate(page));
    results.later.push(await timeUntil(page, '/home', HOME_READY));
    await context.setOffline(true);
    results.offline.push(await timeUntil(page, '/home', HOME_READY));
    await context.close();

    const cacheOnly = await signedInContext(browser, server.origin, 'block');
    const tab = await cacheOnly.newPage();
    await throttle(cacheOnly, tab);
    await timeUntil(tab, '/home', HOME_READY);
    results.httpCache.push(await timeUntil(tab, '/home', HOME_READY));
    await cacheOnly.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const BUDGETS = {
  first: profileName === 'slow3g' ? 5000 : undefined,
  repeat: 1500,
} as const;
const over: string[] = [];
const row = (label: string, xs: number[], budget?: number) => {
  const ok = budget === undefined || median(xs) <= budget;
  if (!ok) over.push(label);
  const mark = budget === undefined ? '—' : `${budget / 1000} s ${ok ? '✓' : '✗'}`;
  console.log(`| ${label} | ${fmt(median(xs))} | ${fmt(Math.max(...xs))} | ${mark} |`);
};
console.log(
  `profile ${profileName}: ${profile.latency} ms per request, ${Math.round((profile.downloadThroughput * 8) / 1000)} kbit/s down; CPU slowed ${CPU}×; ${RUNS} runs`,
);
console.log('| page | median | worst | budget |\n|---|---|---|---|');
row('landing, first visit', results.landing);
row('her home, first load', results.first, BUDGETS.first);
row('her home, repeat load (service worker)', results.repeat, BUDGETS.repeat);
row('… up to date from the server', results.fresh);
row('her home, a later visit (service worker)', results.later);
row('her home, repeat load, HTTP cache only', results.httpCache);
row('her home, no connection (service worker)', results.offline);
if (over.length) {
  console.error(`over budget: ${over.join('; ')}`);
  process.exitCode = 1;
}
