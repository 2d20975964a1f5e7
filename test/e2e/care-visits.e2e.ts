import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { providerEn } from '../../web/src/i18n/provider-messages.ts';
import { visitsEn } from '../../web/src/i18n/visits-messages.ts';
import { webEn } from '../../web/src/i18n/web-messages.ts';
import { api, registerWoman, signedInWoman, signInOnPage } from './accounts.ts';
import { ADMIN_EMAIL, adminToken, createAdmin } from './care-accounts.ts';
import { checkScreen } from './page-checks.ts';
import { PASSWORD, screenshot, sharedRun } from './support.ts';

/*
 * Seeing a health worker, from both sides: a health worker registers on the web and waits for
 * verification; the administrator verifies him on the admin page; he sets his opening hours; a
 * young woman finds him by district, loses a time to someone quicker (409 slot_taken: her words,
 * the times refreshed), books another and shares her cycle summary; he opens the visit, sees the
 * summary, confirms it and writes a note; she sees it confirmed, with the note, and cancels it.
 */
const run = sharedRun({ RATE_LIMIT_SCALE: '20' }, createAdmin);

const PROVIDER = 'Dr Uwase';
const kigaliDay = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Kigali' }).format(new Date(instant));

async function shown(page: Page, name: string, problems: string[]): Promise<void> {
  await checkScreen(page, name, problems);
  await screenshot(page, `en-care-${name}-360x740`);
}

async function registerOnPage(page: Page, email: string): Promise<void> {
  await page.goto('/provider/register');
  await page.locator('#preg-name').fill(PROVIDER);
  await page.locator('#preg-email').fill(email);
  await page.locator('#preg-password').fill(PASSWORD);
  await page.locator('#preg-licence').fill('RMDC-2231');
  await page.locator('#preg-facility').fill('Kimironko Health Centre');
  await page.locator('#preg-district').selectOption('gasabo');
  await page.locator('input[name="languages"][value="rw"]').check();
  await page.locator('input[name="languages"][value="en"]').check();
  await page.locator('input[name="services"][value="menstrual_health"]').check();
  await page.locator('input[name="acceptTerms"]').check();
  await page.getByRole('button', { name: providerEn['provider.register_submit'] }).click();
  await page.waitForURL('**/provider');
}

/** Every day open from 08:00 (the editor's first range, 08:00–12:00), 30-minute visits. */
async function setHoursOnPage(page: Page): Promise<void> {
  await page.goto('/provider/availability');
  await page.locator('#hours-slot').waitFor();
  for (let day = 1; day <= 7; day++) {
    const name = providerEn[`provider.weekday.${day}` as keyof typeof providerEn];
    await page.getByRole('button', { name: `Add hours on ${name}` }).click();
  }
  await page.locator('#hours-slot').fill('30');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: providerEn['provider.hours_saved'] }).waitFor();
}

test('a health worker is verified and sets hours; she books, he confirms; she sees it confirmed, moves it and cancels it', async () => {
  const problems: string[] = [];
  const provider = await (await run.newContext()).newPage();
  const admin = await (await run.newContext()).newPage();
  const her = await (await run.newContext()).newPage();

  // He registers without an invitation: he waits for verification, and says so.
  await registerOnPage(provider, `uwase-${Date.now()}@example.org`);
  await provider.locator('[data-provider-status="pending"]').waitFor();
  await shown(provider, 'provider-waiting', problems);

  // The administrator checks the licence and verifies him.
  await adminToken(run.server);
  await signInOnPage(admin, ADMIN_EMAIL);
  await admin.goto('/admin/providers');
  const registration = admin.locator('li[data-provider]').filter({ hasText: PROVIDER });
  await registration.getByText('RMDC-2231').waitFor();
  await shown(admin, 'admin-providers', problems);
  // One tap changes nothing: she is asked first, with the licence and the facility named.
  await registration.getByRole('button', { name: providerEn['admin.verify'] }).click();
  const question = registration.locator('.ask-first');
  await question.getByText(`Verify ${PROVIDER}?`).waitFor();
  await question.getByText('Licence RMDC-2231 · Kimironko Health Centre, Gasabo.').waitFor();
  assert.equal(
    await registration.getByRole('button', { name: providerEn['admin.reject'] }).count(),
    1,
    'not verified yet',
  );
  await question.getByRole('button', { name: providerEn['admin.verify_yes'] }).click();
  const verified = admin.getByRole('status').filter({ hasText: `${PROVIDER} is verified.` });
  await verified.waitFor();
  assert.equal(
    await admin.evaluate(() => document.activeElement?.textContent ?? ''),
    `${PROVIDER} is verified.`,
    'focus on the notice, not lost with the card',
  );
  // The notice was about the pending list: another list, no notice.
  await admin.locator('#admin-status').selectOption('verified');
  await admin.locator('li[data-provider]').filter({ hasText: PROVIDER }).waitFor();
  assert.equal(await verified.count(), 0);

  await setHoursOnPage(provider);
  await shown(provider, 'provider-hours', problems);
  await provider.goto('/provider');
  await provider.locator('#provider-day').waitFor();
  assert.equal(await provider.locator('[data-provider-status]').count(), 0, 'verified: no waiting card');

  // She finds him in her district.
  const woman = await signedInWoman(run.server, her, { name: 'Aline', tag: 'aline', age: 19 }, [60, 32, 4]);
  await her.goto('/providers');
  await her.locator('#filter-district').selectOption('gasabo');
  await her.getByRole('button', { name: visitsEn['visit.search'] }).click();
  const card = her.locator('li[data-provider]').filter({ hasText: PROVIDER });
  await card.waitFor();
  const providerId = String(await card.getAttribute('data-provider'));
  await shown(her, 'her-providers', problems);
  await card.getByRole('link', { name: visitsEn['visit.choose'] }).click();
  await her.waitForURL(`**/providers/${providerId}`);

  // A day after today: far enough ahead for her to cancel it later.
  const days = her.locator('#slot-day option');
  await days.first().waitFor({ state: 'attached' });
  await her.locator('#slot-day').selectOption({ index: (await days.count()) - 1 });
  const firstTime = her.locator('input[name="slot"]').first();
  const taken = String(await firstTime.getAttribute('value'));
  await firstTime.check();
  await her.locator('#book-reason').selectOption('pain');
  await her.locator('#book-words').fill('Strong cramps on the first day.');
  await her.locator('input[name="shareSummary"]').check();
  await shown(her, 'her-book', problems);

  // Someone quicker takes that time: she is told in her words and the times are fresh again.
  const quicker = await registerWoman(run.server, { name: 'Grace', tag: 'grace', age: 19 });
  await api(run.server, 'POST', '/appointments', { providerId, start: taken }, quicker.accessToken);
  await her.getByRole('button', { name: visitsEn['visit.book'] }).click();
  await her.getByRole('alert').filter({ hasText: visitsEn['visit.taken'] }).waitFor();
  await her.locator(`input[name="slot"][value="${taken}"]`).waitFor({ state: 'detached' });
  await shown(her, 'her-book-taken', problems);

  // A time chosen on one day, then another day shown: Book does not book the hidden time.
  await her.locator('#slot-day').selectOption({ index: (await days.count()) - 1 });
  await her.locator('input[name="slot"]').first().check();
  await her.locator('#slot-day').selectOption({ index: 0 });
  assert.equal(await her.locator('input[name="slot"]:checked').count(), 0, 'no time chosen on this day');
  await her.getByRole('button', { name: visitsEn['visit.book'] }).click();
  await her.getByRole('alert').filter({ hasText: visitsEn['visit.pick_time'] }).waitFor();
  const none = await api<{ appointments: unknown[] }>(
    run.server,
    'GET',
    '/appointments',
    undefined,
    woman.accessToken,
  );
  assert.equal(none.appointments.length, 0, 'nothing booked');

  await her.locator('#slot-day').selectOption({ index: (await days.count()) - 1 });
  const second = her.locator('input[name="slot"]').first();
  const start = String(await second.getAttribute('value'));
  await second.check();
  await her.getByRole('button', { name: visitsEn['visit.book'] }).click();
  await her.getByRole('status').filter({ hasText: visitsEn['visit.booked'] }).waitFor();

  // He opens that day, sees her reason and summary, and confirms.
  await provider.locator('#provider-day').fill(kigaliDay(start));
  const visit = provider.locator('li[data-appointment]').filter({ hasText: 'Aline' });
  await visit.waitFor();
  await visit.getByRole('button', { name: providerEn['provider.open'] }).click();
  await visit.getByText(providerEn['provider.summary_title']).waitFor();
  await visit.getByText('Strong cramps on the first day.').waitFor();
  await shown(provider, 'provider-day', problems);
  await visit.getByRole('button', { name: providerEn['provider.confirm'], exact: true }).click();
  await provider
    .locator('li[data-appointment][data-status="confirmed"]')
    .filter({ hasText: 'Aline' })
    .waitFor();
  await visit.locator('textarea[name="text"]').fill('Come back if the pain keeps you from school.');
  await visit.getByRole('button', { name: providerEn['provider.note_save'] }).click();
  await visit.getByRole('status').filter({ hasText: webEn['web.saved'] }).waitFor();

  // She sees it confirmed, with his note.
  await her.goto('/appointments');
  const hers = her.locator('li[data-appointment][data-status="confirmed"]');
  await hers.getByText(visitsEn['visit.status.confirmed']).waitFor();
  await hers.getByText('Come back if the pain keeps you from school.').waitFor();
  await shown(her, 'her-appointments', problems);

  // She moves it to another of his free times: it waits for him to confirm again.
  await hers.getByRole('link', { name: visitsEn['visit.move'] }).click();
  await her.waitForURL('**/appointments/*/move');
  const other = her.locator(`input[name="slot"]:not([value="${start}"])`).first();
  const moved = String(await other.getAttribute('value'));
  await other.check();
  await shown(her, 'her-move', problems);
  await her.getByRole('button', { name: visitsEn['visit.move_send'] }).click();
  await her.getByRole('status').filter({ hasText: visitsEn['visit.moved_wait'] }).waitFor();
  const afterMove = await api<{ appointments: Array<{ start: string; status: string }> }>(
    run.server,
    'GET',
    '/appointments',
    undefined,
    woman.accessToken,
  );
  assert.deepEqual(
    afterMove.appointments.map((a) => [a.start, a.status]),
    [[moved, 'requested']],
    'one visit, at the new time, waiting for him',
  );
  await her.getByRole('link', { name: visitsEn['visit.see_mine'] }).click();
  const requested = her.locator('li[data-appointment][data-status="requested"]');
  await requested.waitFor();

  // She cancels it, after one question.
  await requested.getByRole('button', { name: visitsEn['visit.cancel'] }).click();
  await her.getByRole('button', { name: visitsEn['visit.cancel_yes'] }).click();
  await her.locator('li[data-appointment][data-status="cancelled"]').waitFor();
  await her.getByRole('status').filter({ hasText: visitsEn['visit.cancelled'] }).waitFor();
  assert.equal(
    await her.evaluate(() => document.activeElement?.textContent ?? ''),
    visitsEn['visit.cancelled'],
    'focus on the notice, not lost with the card that moved',
  );
  assert.deepEqual(problems, []);
});
