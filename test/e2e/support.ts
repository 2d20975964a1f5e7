import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
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

/** `npm start` on a fresh embedded database, as a newcomer runs it. */
export async function startE2eServer(extraEnv: Record<string, string> = {}): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'le-e2e-'));
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
