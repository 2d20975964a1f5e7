import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { lockEn } from '../../web/src/i18n/lock-messages.ts';
import { api, registerWoman, signInOnPage } from './accounts.ts';
import { switchTo } from './onboarding-checks.ts';
import { checkScreen, visibleTexts } from './page-checks.ts';
import { isoDay, kigaliToday, LANGUAGES, screenshot, sharedRun } from './support.ts';

/*
 * A shared phone (issue 12, item 3; decision 019). She uses the app in her phone's browser, which
 * keeps her signed in for 30 days; her sister picks the phone up. The server runs with
 * APP_LOCK_SCALE=0.05, so her "1 minute" lasts 3 s there (activity is rounded to 3 s too); the
 * browser's own timer is driven by Playwright's fake clock. Nothing here sleeps for minutes.
 */
const PIN = '58203';
const NAME = 'Aline';
/** Words the lock screen and a tab title must never show (English; the other languages' are checked below). */
const GIVEAWAYS = /period|menstru|cycle|fertile|ovulat|Lady's Essence|Aline/i;

const run = sharedRun({ APP_LOCK_SCALE: '0.05' });

const lockScreen = (page: Page) => page.locator('[data-lock-screen]');

/**
 * Waits for `selector` by asking from here: a page the browser restored from its back/forward
 * cache keeps Playwright's fake clock stopped, and a locator's own wait polls on that clock.
 */
async function appears(page: Page, selector: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if ((await page.locator(selector).count()) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${selector} did not appear on ${page.url()}`);
}

/** The lock screen shows nothing of hers and no word that says what the app is, in any language. */
async function assertNothingOfHers(page: Page, languageWords: RegExp): Promise<void> {
  const shown = (await visibleTexts(page)).join(' | ');
  assert.doesNotMatch(shown, GIVEAWAYS, `the lock screen shows: ${shown}`);
  assert.doesNotMatch(shown, languageWords, `the lock screen shows: ${shown}`);
  assert.doesNotMatch(await page.title(), GIVEAWAYS);
}

async function unlockWithPin(page: Page, pin: string): Promise<void> {
  await page.locator('#lock-secret').fill(pin);
  await page.locator('[data-lock-screen] button[type="submit"]').click();
}

test('a shared phone: her diary locks when idle and on reload, the quick exit leaves, discreet mode hides the name', async () => {
  const problems: string[] = [];
  const today = kigaliToday();
  const { email, accessToken } = await registerWoman(run.server, {
    name: NAME,
    tag: 'shared',
    age: 19,
    pin: PIN,
  });
  const period = { startDate: isoDay(today, -8), endDate: isoDay(today, -4) };
  await api(run.server, 'POST', '/cycles/periods', period, accessToken);

  const context = await run.newContext({ locale: 'en' });
  await context.clock.install();
  let page = await context.newPage();
  await signInOnPage(page, email);

  // Normal mode: the tab says the app's name, never what the page is about.
  await page.goto('/calendar');
  await page.locator('main h1').first().waitFor();
  assert.equal(await page.title(), "Lady's Essence");
  assert.equal(
    await page.locator('[data-quick-exit]').count(),
    1,
    'the quick exit is on every signed-in page',
  );

  // Her settings, in every language: the lock minutes and discreet mode.
  await page.goto('/settings');
  await page.locator('[data-lock-settings]').waitFor();
  for (const language of LANGUAGES) {
    await switchTo(page, language);
    await page.locator('[data-lock-settings]').scrollIntoViewIfNeeded();
    await checkScreen(page, `settings-${language}`, problems);
    await screenshot(page, `shared-phone-settings-${language}`);
  }
  await switchTo(page, 'en');

  // Discreet mode: a neutral name and icon in the tab, the header and the manifest; kept on reload.
  await page.getByLabel(lockEn['lock.settings.discreet']).check();
  await page.waitForFunction(() => document.title === 'Notes');
  const links = () =>
    page.evaluate(() => ({
      icon: document.querySelector('link[rel="icon"]')?.getAttribute('href'),
      manifest: document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
    }));
  assert.deepEqual(await links(), {
    icon: '/discreet/icon.svg',
    manifest: '/discreet/manifest-en.webmanifest',
  });
  assert.equal((await page.request.get('/discreet/icon.svg')).status(), 200);
  assert.equal((await page.request.get('/discreet/manifest-en.webmanifest')).status(), 200);
  await page.reload();
  await page.locator('[data-lock-settings]').waitFor();
  assert.equal(await page.title(), 'Notes');
  assert.equal(await page.locator('.site-header .brand').textContent(), 'Notes');

  // She chooses a 1-minute lock (3 s on this server).
  await page.getByLabel('1 minute', { exact: true }).check();
  await page.locator('[data-lock-settings] [role="status"]').waitFor();

  // She puts the phone down: the page is gone (a closed tab runs no timer). Her sister opens the
  // browser a minute later (3 s for the server, a fast-forwarded minute for the browser).
  await page.goto('about:blank');
  await new Promise((resolve) => setTimeout(resolve, 7_000));
  await context.clock.fastForward('01:05');
  page = await context.newPage();
  await page.goto('/home');
  await lockScreen(page).waitFor();
  assert.equal(await page.locator('.site-header').count(), 0, 'no header, no navigation into her pages');
  await assertNothingOfHers(page, /period|ukwezi|imihango|règles|hedhi/i);
  assert.equal(await page.title(), 'Notes', 'discreet mode holds on the lock screen');

  // The lock screen in every language (its own switcher: nobody is signed in to save it to).
  for (const language of LANGUAGES) {
    await switchTo(page, language, '#lock-language');
    await checkScreen(page, `lock-screen-${language}`, problems);
    await assertNothingOfHers(page, /imihango|règles|hedhi|cycle/i);
    await screenshot(page, `shared-phone-lock-screen-${language}`);
  }
  await page.locator('#lock-language').selectOption('en');

  // A wrong PIN is refused; the right one opens her diary.
  await unlockWithPin(page, '11111');
  await page.locator('[data-lock-screen] [role="alert"]').waitFor();
  assert.equal(await lockScreen(page).count(), 1);
  await unlockWithPin(page, PIN);
  await page.locator('main h1').filter({ hasNotText: lockEn['lock.title'] }).waitFor();
  assert.equal(await lockScreen(page).count(), 0);
  assert.equal(await page.locator('[data-quick-exit]').count(), 1);

  // With the tab open and nobody touching it for a minute, it locks by itself, and stays locked on reload.
  await context.clock.fastForward('01:05');
  await lockScreen(page).waitFor();
  await page.reload();
  await lockScreen(page).waitFor();
  await unlockWithPin(page, PIN);
  await page.locator('[data-quick-exit]').waitFor();

  // The quick exit: gone to a calculator at once; Back and a new tab find the lock screen, not her diary.
  await page.goto('/calendar');
  await page.locator('main h1').first().waitFor();
  await page.locator('[data-quick-exit]').click();
  await page.waitForURL('**/calculator.html');
  assert.equal(await page.title(), 'Calculator');
  await checkScreen(page, 'calculator', problems);
  await page.goBack();
  await appears(page, '[data-lock-screen]');
  assert.equal(await page.locator('.calendar, .days').count(), 0, 'her calendar is not shown');
  const another = await context.newPage();
  await another.goto('/calendar');
  await lockScreen(another).waitFor();
  await another.close();

  // "Not you? Sign out": the session ends without the PIN; the sign-in page follows.
  await page.getByRole('button', { name: lockEn['lock.sign_out'] }).click();
  await page.waitForURL('**/signin');
  await page.reload();
  await page.locator('#signin-identifier').waitFor();
  assert.equal(await lockScreen(page).count(), 0);

  // Discreet mode off again: the app's own name and icon come back.
  await page.evaluate(() => localStorage.removeItem('le.discreet'));
  await page.reload();
  await page.waitForFunction(() => document.title === "Lady's Essence");
  assert.deepEqual(await links(), { icon: '/favicon.svg', manifest: '/manifest.webmanifest' });

  assert.deepEqual(problems, []);
});
