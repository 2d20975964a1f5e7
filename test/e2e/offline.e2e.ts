import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { daylogEn } from '../../web/src/i18n/daylog-messages.ts';
import { offlineEn } from '../../web/src/i18n/offline-messages.ts';
import { webEn } from '../../web/src/i18n/web-messages.ts';
import { api, signedInWoman } from './accounts.ts';
import { checkInEveryLanguage } from './onboarding-checks.ts';
import { checkScreen } from './page-checks.ts';
import { closeAll, isoDay, kigaliToday, openPhone, type Phone } from './support.ts';

/*
 * Installable and offline (issue 12, item 9). She signs in and logs a day online; the service
 * worker takes over; with the network cut the app still opens, her home shows her last
 * prediction and says since when, and she logs a day and taps "My period started". Both wait on
 * the phone ("Saved on this phone — 2 waiting to send") through a reload, and once the network is
 * back they arrive exactly once (checked through the API), with nothing sent again after another
 * reload. The offline home is scanned with axe and photographed at 360 px in four languages.
 */
const today = kigaliToday();
const yesterday = isoDay(today, -1);

let { server, browser, context, page } = {} as Phone; // set in before()
let token: string;
let herId: string;
const problems: string[] = [];

type Period = { id: string; startDate: string; endDate: string | null };
type DayLog = { date: string; symptoms: string[]; mood?: string };

const call = <T>(method: string, path: string, body?: unknown) => api<T>(server, method, path, body, token);

const daysLogged = async () =>
  (await call<{ days: DayLog[] }>('GET', `/cycles/days?from=${isoDay(today, -40)}&to=${today}`)).days;
const periods = async () => (await call<{ periods: Period[] }>('GET', '/cycles/periods')).periods;

async function until(condition: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The banner's count of entries waiting on the phone (0 when it shows none). */
const waiting = (tab: Page) =>
  tab.evaluate(() => Number(document.querySelector('[data-outbox]')?.getAttribute('data-outbox') ?? 0));

before(async () => {
  ({ server, browser, context, page } = await openPhone());
  // Three cycles of about four weeks: a prediction to show, and a start today that is not unusual.
  const aline = { name: 'Aline', tag: 'offline', age: 19 };
  ({ accessToken: token } = await signedInWoman(server, page, aline, [90, 62, 33]));
  herId = (await call<{ id: string }>('GET', '/me')).id;
});

after(() => closeAll(context, browser, server));

test('she can add the app to her home screen: a manifest with icons, served with the page', async () => {
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  assert.equal(href, '/manifest.webmanifest');
  const manifest = (await (await fetch(`${server.origin}${href}`)).json()) as {
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  assert.equal(manifest.display, 'standalone');
  for (const size of ['192x192', '512x512'])
    assert.ok(
      manifest.icons.some((icon) => icon.sizes === size),
      `an icon of ${size}`,
    );
  for (const icon of manifest.icons) {
    const res = await fetch(`${server.origin}${icon.src}`);
    assert.equal(res.status, 200, icon.src);
  }
});

test('logged online, then offline: the app opens, shows her last prediction, and keeps what she logs', async () => {
  // Online: a day's log through the page.
  await page.goto(`/day/${yesterday}`);
  await page.locator('#day-symptoms [data-value="cramps"]').click();
  await page.locator('main form button[type="submit"]').click();
  await until(async () => (await daysLogged()).length === 1);
  assert.deepEqual(
    (await daysLogged()).map((d) => [d.date, d.symptoms]),
    [[yesterday, ['cramps']]],
  );

  // Her home once online, so the phone keeps its prediction; the service worker takes over.
  await page.goto('/home');
  await page.locator('section.prediction').waitFor();
  await page.waitForFunction(
    () =>
      navigator.serviceWorker.controller !== null &&
      JSON.parse(localStorage.getItem('le.device.v1') ?? '{}').prediction !== undefined,
    undefined,
    { timeout: 60_000 },
  );
  const headline = await page.locator('#prediction-title').textContent();

  await context.setOffline(true);
  await page.reload();
  await page.locator('section.prediction').waitFor();
  assert.equal(await page.locator('#prediction-title').textContent(), headline, 'the same prediction');
  const notice = page.locator('[data-offline-status]');
  await notice.waitFor();
  assert.match(String(await notice.textContent()), /^You are offline — last updated \d+ \S+/);
  await checkScreen(page, 'offline-home', problems);
  await checkInEveryLanguage(page, 'offline', 'home', problems);

  // A day logged offline, from her home's link (the page comes from the service worker too).
  await page.getByRole('link', { name: webEn['home.log_today'] }).click();
  await page.locator('#day-mood [data-value="calm"]').click();
  await page.locator('main form button[type="submit"]').click();
  await page.getByText('Saved on this phone — 1 waiting to send.').waitFor();
  await checkScreen(page, 'offline-day', problems);

  // "My period started" offline: saved on the phone too, not an error.
  await page.getByRole('link', { name: webEn['web.nav.home'] }).first().click();
  await page.getByRole('button', { name: webEn['home.started_today'] }).click();
  await page.getByText('Saved on this phone — 2 waiting to send.').waitFor();
  assert.equal(await page.locator('main .problem').count(), 0, 'no error shown');

  // Still there after a reload with no connection.
  await page.reload();
  await page.locator('section.prediction').waitFor();
  assert.equal(await waiting(page), 2);
  assert.equal((await daysLogged()).length, 1, 'nothing reached the server while offline');
});

test('back online: each waits-on-the-phone entry arrives once, and a reload sends nothing again', async () => {
  await context.setOffline(false);
  await page.getByText(offlineEn['offline.sent']).waitFor({ timeout: 60_000 });
  assert.equal(await waiting(page), 0);

  const days = (await daysLogged()).sort((a, b) => a.date.localeCompare(b.date));
  assert.deepEqual(
    days.map((d) => [d.date, d.symptoms, d.mood]),
    [
      [yesterday, ['cramps'], undefined],
      [today, [], 'calm'],
    ],
    'exactly one log for today, and yesterday untouched',
  );
  const started = (await periods()).filter((p) => p.startDate === today);
  assert.equal(started.length, 1, 'exactly one period started today');

  // A second reload online: the outbox is empty, nothing is sent twice.
  await page.reload();
  await page.locator('section.prediction').waitFor();
  await page.waitForTimeout(1500);
  assert.equal((await periods()).filter((p) => p.startDate === today).length, 1);
  assert.equal((await daysLogged()).length, 2);
  assert.equal(
    await page.evaluate(() => localStorage.getItem('le.outbox.v1')?.includes('local-') ?? false),
    false,
  );
  assert.deepEqual(problems, []);
});

test('cutting the connection does not get round the app lock: after her idle minutes nothing is shown', async () => {
  await context.setOffline(true);
  // As if she had left the phone an hour ago (her lock minutes are 5).
  await page.evaluate(() => {
    const kept = JSON.parse(localStorage.getItem('le.device.v1') ?? '{}');
    localStorage.setItem('le.device.v1', JSON.stringify({ ...kept, activeAt: Date.now() - 3_600_000 }));
  });
  await page.goto('/home');
  await page.getByText(offlineEn['offline.locked']).waitFor();
  assert.equal(await page.locator('section.prediction').count(), 0);
  // biome-ignore lint/performance/useDomNodeTextContent: what is shown is what a bystander reads.
  assert.doesNotMatch(await page.locator('body').innerText(), /Aline|period is|cycle/i);
  await checkScreen(page, 'offline-locked', problems);

  // Online again, the server (which says the session is not locked) opens it.
  await context.setOffline(false);
  await page.goto('/home');
  await page.locator('section.prediction').waitFor();
  assert.deepEqual(problems, []);
});

test('signing out removes what the phone kept for her', async () => {
  // A choice the phone remembers for her (the day log's "Advanced" part), made before she leaves.
  await page.goto(`/day/${today}`);
  await page.getByRole('button', { name: daylogEn['daylog.advanced'] }).click();
  await page.getByRole('button', { name: webEn['web.nav.signout'] }).click();
  await page.waitForURL('**/signin');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('le.device') || key.startsWith('le.outbox')),
  );
  assert.deepEqual(kept, []);
  // Nothing else the app left in the browser's storage names her account either.
  const everything = await page.evaluate(() =>
    Object.entries(localStorage)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n'),
  );
  assert.ok(!everything.includes(herId), 'no key or value carries her account id after sign-out');
});
