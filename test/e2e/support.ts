import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { type RunningServer, startServerProcess, stopServer } from '../support/server-process.ts';

/*
 * Browser tests drive Debian's Chromium through playwright-core: no browser is downloaded.
 * CHROMIUM_PATH overrides the lookup.
 */
const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChromium(): string | undefined {
  const given = process.env.CHROMIUM_PATH;
  if (given) return existsSync(given) ? given : undefined;
  for (const name of CANDIDATES) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

export const NO_BROWSER_MESSAGE = [
  'No Chromium found for the browser tests.',
  'Install Debian\'s: "sudo apt-get install -y chromium" (then "which chromium" should print its path),',
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
].join('\n');

// The machine's network is closed: without these, Chromium keeps trying to reach Google's hosts.
const QUIET_FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  return chromium.launch({ executablePath, headless: true, args: QUIET_FLAGS });
}

export type E2eServer = RunningServer & { origin: string; stop: () => Promise<void> };

/**
 * What an operator does on the data directory before the first start (e.g. `npm run
 * admin:create`): runs with the environment the server will have.
 */
export type Prepare = (env: Record<string, string>) => void;

/** `npm start` on a fresh embedded database, as a newcomer runs it (after `prepare`, if given). */
export async function startE2eServer(
  extraEnv: Record<string, string> = {},
  prepare?: Prepare,
): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'le-e2e-'));
  prepare?.({ PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...extraEnv });
  const server = await startServerProcess({ DATA_DIR: dataDir, ...extraEnv }, 60_000);
  return {
    ...server,
    origin: `http://127.0.0.1:${server.port}`,
    async stop() {
      await stopServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What every file shares: her languages, the phone sizes she uses, a password the server accepts. */
export const LANGUAGES = ['en', 'rw', 'fr', 'sw'] as const;
export type Language = (typeof LANGUAGES)[number];
export const PHONE_VIEW = { width: 360, height: 740 };
/** The smallest phones in use: nothing may need sideways scrolling there either. */
export const SMALLEST_VIEW = { width: 320, height: 640 };
export const PASSWORD = 'river-mango-lantern-42';

/**
 * A browser context as her phone is: 360 px wide, in Kigali's time zone (the server's too, so
 * "today" is the same day on both), English unless `options` says otherwise.
 */
export async function phoneContext(
  browser: Browser,
  server: E2eServer,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: server.origin,
    locale: 'en-GB',
    timezoneId: 'Africa/Kigali',
    viewport: PHONE_VIEW,
    ...options,
  });
  // Two cores shared by the server, the browser and whatever else CI runs: a wait that takes a
  // second on a quiet machine has taken over Playwright's default 30 s on a loaded one.
  context.setDefaultTimeout(60_000);
  return context;
}

export type E2eRun = { server: E2eServer; browser: Browser };
export type Phone = E2eRun & { context: BrowserContext; page: Page };

/** The server (with `env` added to its environment) and the browser a file's tests share. */
export async function startRun(env: Record<string, string> = {}, prepare?: Prepare): Promise<E2eRun> {
  const server = await startE2eServer(env, prepare);
  try {
    return { server, browser: await launchBrowser() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** startRun plus one phone-sized tab, for files whose tests follow one young woman. */
export async function openPhone(options: BrowserContextOptions = {}): Promise<Phone> {
  const run = await startRun();
  try {
    const context = await phoneContext(run.browser, run.server, options);
    return { ...run, context, page: await context.newPage() };
  } catch (error) {
    await closeAll(run.browser, run.server);
    throw error;
  }
}

/** The server and browser a file's tests share, once its before() hook has run. */
export type SharedRun = {
  readonly server: E2eServer;
  readonly browser: Browser;
  /** A phone's browser context (phoneContext), closed after the file's tests. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A tab in a phone of its own. */
  openTab(): Promise<Page>;
};

/**
 * Registers the hooks that start the server (with `env` added to its environment) and the browser
 * before the file's tests, and close them after, with every context newContext() or openTab() made: her phone and her
 * mother's are separate browser contexts, as two phones are.
 */
export function sharedRun(env: Record<string, string> = {}, prepare?: Prepare): SharedRun {
  const contexts: BrowserContext[] = [];
  let run: E2eRun | undefined;
  before(async () => {
    run = await startRun(env, prepare);
  });
  after(() => closeAll(...contexts, run?.browser, run?.server));
  const started = (): E2eRun => {
    if (!run) throw new Error('sharedRun(): used before its before() hook ran');
    return run;
  };
  return {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
    async newContext(options = {}) {
      const context = await phoneContext(started().browser, started().server, options);
      contexts.push(context);
      return context;
    },
    async openTab() {
      return (await this.newContext()).newPage();
    },
  };
}

/**
 * Closes what a file opened, in the order given (tabs, then the browser, then the server). An
 * undefined one is skipped: a before() that failed half way leaves some unset.
 */
export async function closeAll(...opened: (BrowserContext | Browser | E2eServer | undefined)[]) {
  for (const thing of opened) {
    if (!thing) continue;
    if ('stop' in thing) await thing.stop();
    else await thing.close();
  }
}

export const SCREENSHOT_DIR = join('test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** YYYY-MM-DD of today shifted by `days`, in the browser's and server's zone (Africa/Kigali). */
export function isoDay(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in Africa/Kigali, the zone the server and the browser context use. */
export function kigaliToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Kigali' }).format(new Date());
}

/**
 * The codes texted to a number, oldest first, read from the server's output: the default SMS
 * provider (outbox) sends nothing and, outside production, logs a warn-level JSON line whose
 * message ends with the text, beside the number's last three digits
 * (src/channels/sms/outbox-provider.ts).
 */
export function smsCodes(server: E2eServer, phone: string): string[] {
  const to = `***${phone.replace(/\D/g, '').slice(-3)}`;
  const codes: string[] = [];
  for (const line of server.output().split('\n')) {
    if (!line.includes('"sms_kept"')) continue;
    let entry: { event?: string; to?: string; msg?: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (entry.event !== 'sms_kept' || entry.to !== to) continue;
    // "… to ***456: Your code is 123456. It works for 15 minutes. …" in her language.
    const text = entry.msg?.slice(entry.msg.indexOf(`${to}:`) + to.length + 1) ?? '';
    const code = /\b([0-9]{6})\b/.exec(text)?.[1];
    if (code) codes.push(code);
  }
  return codes;
}

/** Waits for a code texted to `phone` after the `seen` earlier ones, and returns it. */
export async function nextSmsCode(server: E2eServer, phone: string, seen: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const code = smsCodes(server, phone)[seen];
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no SMS code for ${phone} in the server's output`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
