import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { cycleFr } from '../../web/src/i18n/cycle-fr.ts';
import { cycleEn } from '../../web/src/i18n/cycle-messages.ts';
import { cycleRw } from '../../web/src/i18n/cycle-rw.ts';
import { cycleSw } from '../../web/src/i18n/cycle-sw.ts';
import { webFr } from '../../web/src/i18n/web-fr.ts';
import { webEn } from '../../web/src/i18n/web-messages.ts';
import { webRw } from '../../web/src/i18n/web-rw.ts';
import { webSw } from '../../web/src/i18n/web-sw.ts';
import { api, signedInWoman } from './accounts.ts';
import { checkScreen } from './page-checks.ts';
import {
  closeAll,
  isoDay,
  kigaliToday,
  LANGUAGES,
  openPhone,
  type Phone,
  phoneContext,
  screenshot,
} from './support.ts';

/*
 * Mistakes can be fixed (issue 12, item 5): she changes a period's dates and undoes it, deletes a
 * period and a day's log and taps Undo, and both come back; a double tap on "My period started"
 * saves one period without an error; while it lasts her home offers "My period ended". Her home
 * shows the cycle ring with the same facts in words. Every page visited is scanned with axe; her
 * home and the period edit view are photographed at 360 px in the four languages.
 */
const today = kigaliToday();
const CYCLE = { en: cycleEn, rw: cycleRw, fr: cycleFr, sw: cycleSw } as const;
const WEB = { en: webEn, rw: webRw, fr: webFr, sw: webSw } as const;

type Period = { id: string; startDate: string; endDate: string | null };
type DayLog = Record<string, unknown> & { date: string };

let { server, browser, context, page } = {} as Phone; // set in before()
let token: string;
const problems: string[] = [];

const call = <T>(method: string, path: string, body?: unknown, bearer = token) =>
  api<T>(server, method, path, body, bearer);

/** A young woman of 19 (no guardian needed) signed in on `tab`, her periods logged first; her token. */
async function newAccount(tab: Page, name: string, daysBack: number[] = []): Promise<string> {
  const who = { name, tag: name.toLowerCase(), age: 19 };
  return (await signedInWoman(server, tab, who, daysBack)).accessToken;
}

const periods = async (bearer = token) =>
  (await call<{ periods: Period[] }>('GET', '/cycles/periods', undefined, bearer)).periods;

const check = (tab: Page, name: string) => checkScreen(tab, name, problems);

/** The "Deleted. Undo" toast (or any offer to undo) with this text. */
const toast = (tab: Page, text: string) => tab.getByRole('status').filter({ hasText: text });

before(async () => {
  ({ server, browser, context, page } = await openPhone());
  token = await newAccount(page, 'Aline');
});

after(() => closeAll(context, browser, server));

test('a double tap on "My period started" saves one period and no error; "My period ended" then ends it', async () => {
  await page.goto('/home');
  const started = page.getByRole('button', { name: webEn['home.started_today'] });
  await started.waitFor();
  await page.waitForFunction(() => document.querySelector('main button.big-button:disabled') === null);
  await check(page, 'home-new');
  // Two taps 120 ms apart at the same spot, as a finger does: no waiting for the button in between.
  const box = await started.boundingBox();
  assert.ok(box, 'the button is on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  await page.waitForTimeout(120);
  await page.mouse.click(x, y);

  await toast(page, webEn['home.started_saved']).waitFor();
  const ended = page.getByRole('button', { name: cycleEn['cycle.ended_today'] });
  await ended.waitFor();
  // Whatever the second tap did has had time to come back by now.
  await page.waitForTimeout(1500);
  assert.equal(await page.getByRole('alert').count(), 0, 'no error shown');
  const saved = await periods();
  assert.deepEqual(
    saved.map((p) => [p.startDate, p.endDate]),
    [[today, null]],
    'one period, still going: the second tap neither saved another nor ended it',
  );
  await page.getByText(cycleEn['cycle.open_since'].split('{')[0] ?? '').waitFor();
  await check(page, 'home-period-open');

  await ended.click();
  await toast(page, 'Saved: period ended').waitFor();
  await page.getByRole('button', { name: webEn['home.started_today'] }).waitFor();
  assert.deepEqual(
    (await periods()).map((p) => [p.startDate, p.endDate]),
    [[today, today]],
  );
  assert.equal(await page.getByRole('alert').count(), 0, 'no error shown');
  assert.deepEqual(problems.splice(0), []);
});

test('she changes a period, undoes the change, deletes it and taps Undo: the period is back', async () => {
  const start = isoDay(today, -40);
  const end = isoDay(today, -36);
  const earlier = isoDay(today, -41);
  await page.goto('/period');
  await page.locator('#period-start').fill(start);
  await page.locator('#period-end').fill(end);
  await page.getByRole('button', { name: webEn['web.save'] }).click();
  await page.getByRole('status').filter({ hasText: 'Saved: period ended' }).waitFor();
  const logged = (await periods()).find((p) => p.startDate === start);
  assert.ok(logged, 'the period is saved');

  // Change its start date from the list.
  const item = page
    .locator('.period-list li')
    .filter({ has: page.locator(`a[href="/period/${logged.id}"]`) });
  await item.getByRole('link', { name: cycleEn['cycle.change'] }).click();
  await page.waitForURL(`**/period/${logged.id}`);
  await page.locator('#edit-start').waitFor();
  assert.equal(await page.locator('#edit-start').inputValue(), start);
  await check(page, 'period-edit');
  await page.locator('#edit-start').fill(earlier);
  await page.getByRole('button', { name: webEn['web.save'] }).click();
  const changed = toast(page, 'Saved: your period from');
  await changed.waitFor();
  assert.equal((await periods()).find((p) => p.id === logged.id)?.startDate, earlier);

  // Undo puts the old date back, in the API and on the page.
  await changed.getByRole('button', { name: cycleEn['cycle.undo'] }).click();
  await toast(page, cycleEn['cycle.undone']).waitFor();
  assert.equal((await periods()).find((p) => p.id === logged.id)?.startDate, start);
  await page.waitForFunction(
    (value) => document.querySelector<HTMLInputElement>('#edit-start')?.value === value,
    start,
  );

  // Changed again, for good.
  await page.locator('#edit-start').fill(earlier);
  await page.getByRole('button', { name: webEn['web.save'] }).click();
  await page.waitForFunction(
    (value) => document.querySelector<HTMLInputElement>('#edit-start')?.defaultValue === value,
    earlier,
  );

  // Delete, with one light question first.
  await page.getByRole('button', { name: cycleEn['cycle.delete_period'] }).click();
  await page.getByText(cycleEn['cycle.delete_undo_hint']).waitFor();
  await check(page, 'period-edit-delete-question');
  await screenshot(page, 'edit-undo-delete-question-en');
  await page.getByRole('button', { name: cycleEn['cycle.delete_yes'] }).click();
  await page.waitForURL('**/period');
  const deleted = toast(page, 'Deleted: your period of');
  await deleted.waitFor();
  assert.equal(
    (await periods()).find((p) => p.startDate === earlier),
    undefined,
    'deleted in the API',
  );
  assert.equal(
    await page.locator('.period-list li').filter({ hasText: /–/ }).count(),
    1,
    'gone from the list',
  );
  await check(page, 'period-list-deleted');
  await screenshot(page, 'edit-undo-period-deleted-en');
  // The button she used went away with the period: the keyboard is on Undo, and Enter undoes.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), cycleEn['cycle.undo']);
  await page.keyboard.press('Enter');
  await toast(page, cycleEn['cycle.undone']).waitFor();

  const back = (await periods()).find((p) => p.startDate === earlier);
  assert.deepEqual(back && [back.startDate, back.endDate], [earlier, end], 'the same period is back');
  await page.locator(`.period-list a[href="/period/${back?.id}"]`).waitFor();
  assert.deepEqual(problems.splice(0), []);
});

test('she deletes what she logged for a day and taps Undo: the log is back as it was', async () => {
  const day = isoDay(today, -3);
  const logged = await call<DayLog>('PUT', `/cycles/days/${day}`, {
    flow: 'light',
    symptoms: ['cramps', 'headache'],
    mood: 'calm',
    pain: 3,
    notes: 'after school',
  });
  await page.goto(`/day/${day}`);
  const remove = page.getByRole('button', { name: cycleEn['cycle.delete_day'] });
  await remove.click();
  await page.getByRole('button', { name: cycleEn['cycle.delete_yes'] }).click();
  const deleted = toast(page, 'Deleted: your log for');
  await deleted.waitFor();
  await remove.waitFor({ state: 'detached' });
  const empty = await call<{ days: DayLog[] }>('GET', `/cycles/days?from=${day}&to=${day}`);
  assert.deepEqual(empty.days, []);
  await check(page, 'day-deleted');

  await deleted.getByRole('button', { name: cycleEn['cycle.undo'] }).click();
  await toast(page, cycleEn['cycle.undone']).waitFor();
  await remove.waitFor();
  const restored = await call<{ days: DayLog[] }>('GET', `/cycles/days?from=${day}&to=${day}`);
  assert.deepEqual(restored.days, [logged]);
  // Leaving the page withdraws the offer.
  await page.getByRole('button', { name: cycleEn['cycle.delete_day'] }).click();
  await page.getByRole('button', { name: cycleEn['cycle.delete_yes'] }).click();
  await toast(page, 'Deleted: your log for').waitFor();
  await page.getByRole('link', { name: webEn['web.nav.calendar'] }).first().click();
  await page.waitForURL('**/calendar**');
  await toast(page, 'Deleted: your log for').waitFor({ state: 'detached' });
  assert.deepEqual(problems.splice(0), []);
});

test('her home shows the cycle ring, and says it in words, in four languages', async () => {
  const tab = await phoneContext(browser, server);
  try {
    const her = await tab.newPage();
    const bearer = await newAccount(her, 'Grace', [61, 33, 5]);
    const edited = (await periods(bearer))[0];
    assert.ok(edited);
    const { phase } = await call<{ phase: { cycleDay: number } }>(
      'GET',
      '/cycles/prediction',
      undefined,
      bearer,
    );
    const phaseDayText = (language: (typeof LANGUAGES)[number]) =>
      WEB[language]['home.cycle_day'].replace('{day}', String(phase.cycleDay));
    for (const language of LANGUAGES) {
      const words = CYCLE[language];
      await her.goto('/home');
      if (language !== 'en') {
        // The choice is kept on her account: the pages opened next come in it too.
        const kept = her.waitForResponse(
          (r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH',
        );
        await her.locator('#language-switcher').selectOption(language);
        assert.equal((await kept).status(), 200);
        await her.waitForFunction((lang) => document.documentElement.lang === lang, language);
      }
      const ring = her.getByRole('img', { name: words['cycle.ring.label'] });
      await ring.waitFor();
      const legend = her.locator('#cycle-ring-legend');
      // biome-ignore lint/performance/useDomNodeTextContent: what is shown is what she reads.
      const text = await legend.innerText();
      const before = (key: keyof typeof cycleEn) => words[key].slice(0, words[key].indexOf('{')).trim();
      for (const key of ['cycle.ring.period', 'cycle.ring.fertile', 'cycle.ring.next'] as const)
        assert.ok(text.includes(before(key)), `${language}: "${before(key)}" in the ring's words:\n${text}`);
      assert.equal(await ring.getAttribute('aria-describedby'), 'cycle-ring-legend');
      assert.ok(text.includes(`${phaseDayText(language)}`), `${language}: today's cycle day in:\n${text}`);
      await check(her, `home-ring-${language}`);
      await screenshot(her, `edit-undo-home-${language}`);

      await her.goto(`/period/${edited.id}`);
      await her.locator('#edit-start').waitFor();
      await her.waitForFunction((lang) => document.documentElement.lang === lang, language);
      await check(her, `period-edit-${language}`);
      await screenshot(her, `edit-undo-period-edit-${language}`);
    }
  } finally {
    await tab.close();
  }
  assert.deepEqual(problems.splice(0), []);
});
