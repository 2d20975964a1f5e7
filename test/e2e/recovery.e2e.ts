import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { errorsEn } from '../../web/src/i18n/errors-messages.ts';
import { onboardingEn } from '../../web/src/i18n/onboarding-messages.ts';
import { webEn } from '../../web/src/i18n/web-messages.ts';
import { request, verifiedAccount } from './accounts.ts';
import { checkInEveryLanguage, shownCode } from './onboarding-checks.ts';
import { checkScreen } from './page-checks.ts';
import { kigaliToday, nextSmsCode, PASSWORD, sharedRun } from './support.ts';

/*
 * Issue 12, item 4: a forgotten PIN recovered on a 360 px phone, by a code texted to her number,
 * and through the parent who gave consent for her account (she starts it on her phone, her
 * mother approves the code on her own, she chooses a new PIN). Each time her other sessions end
 * and the recovery is in her access log.
 */
const run = sharedRun();
const phoneTab = () => run.openTab();
const apiCall = (path: string, body: unknown, token?: string) =>
  request(run.server, 'POST', path, body, token);
const account = (fields: Record<string, unknown>, phone: string) =>
  verifiedAccount(run.server, fields, phone);

const signInStatus = async (identifier: string, secret: Record<string, string>) =>
  (await apiCall('/auth/login', { identifier, ...secret })).status;

async function signIn(page: Page, identifier: string, secret: { pin?: string; password?: string }) {
  await page.goto('/signin');
  await page.locator('#signin-identifier').fill(identifier);
  if (secret.pin) await page.getByRole('button', { name: webEn['auth.use_pin'] }).click();
  await page.locator('#signin-secret').fill(secret.pin ?? secret.password ?? '');
  await page.locator('main form button[type="submit"]').click();
}

test('a forgotten PIN: a code texted to her number, a new PIN, her other sessions ended, in her access log', async () => {
  const problems: string[] = [];
  const phone = '0788666101';
  const token = await account(
    { name: 'Grace', pin: '72046', role: 'adolescent', birthYear: Number(kigaliToday().slice(0, 4)) - 19 },
    phone,
  );
  const tab = await phoneTab();

  // A wrong PIN gets one plain answer, whoever the number belongs to.
  await signIn(tab, phone, { pin: '38261' });
  await tab.getByRole('alert').filter({ hasText: errorsEn['error.invalid_credentials.pin'] }).waitFor();
  await checkScreen(tab, 'recovery-signin-wrong', problems);
  await tab.getByRole('link', { name: webEn['auth.forgot'] }).click();
  await tab.waitForURL('**/recover');
  await checkInEveryLanguage(tab, 'recovery', 'choose', problems);

  await tab.getByLabel(webEn['auth.phone']).fill(phone);
  await tab.getByRole('button', { name: webEn['recovery.send'] }).click();
  await tab.locator('#recover-code').fill(await nextSmsCode(run.server, phone, 1));
  await tab.getByLabel(webEn['settings.new_pin']).fill('38261');
  await checkInEveryLanguage(tab, 'recovery', 'sms-code', problems);
  await tab.getByRole('button', { name: webEn['recovery.submit'] }).click();
  await tab.waitForURL('**/home');

  const old = await request(run.server, 'GET', '/me', undefined, token);
  assert.equal(old.status, 401, 'her other sessions ended');
  assert.equal(await signInStatus(phone, { pin: '72046' }), 401);
  await tab.goto('/settings');
  await tab.getByText(onboardingEn['access.action.auth.recovery.sms'], { exact: false }).first().waitFor();
  assert.deepEqual(problems, []);
});

test('a forgotten PIN, through her mother: she starts it on her phone, her mother approves on hers, she chooses a new PIN', async () => {
  const problems: string[] = [];
  const year = Number(kigaliToday().slice(0, 4));
  const girlPhone = '0788666202';
  const motherPhone = '0788666303';
  const girlToken = await account(
    { name: 'Ineza', pin: '50917', role: 'adolescent', birthYear: year - 14 },
    girlPhone,
  );
  const motherToken = await account(
    { name: 'Mukamana', password: PASSWORD, role: 'parent', birthYear: year - 41 },
    motherPhone,
  );
  const made = await request(run.server, 'POST', '/me/guardian-code', undefined, girlToken);
  const { code: consentCode } = (await made.json()) as { code: string };
  assert.equal((await apiCall('/guardian/consent', { code: consentCode }, motherToken)).status, 204);

  // Her phone: she has signed in on it before (that is what lets her start a recovery here).
  const girl = await phoneTab();
  await signIn(girl, girlPhone, { pin: '50917' });
  await girl.waitForURL('**/home');
  // Signed out (her sign-in cookie gone; the browser's own cookie stays, as it would).
  await girl.context().clearCookies({ name: 'le_refresh' });
  await girl.goto('/signin');
  await girl.getByRole('link', { name: webEn['auth.forgot'] }).click();
  await girl.waitForURL('**/recover');
  await girl.getByLabel(onboardingEn['onboarding.recover_by_guardian']).check();
  await girl.getByLabel(onboardingEn['onboarding.guardian_identifier']).fill(girlPhone);
  await checkScreen(girl, 'recovery-guardian-start', problems);
  await girl.getByRole('button', { name: onboardingEn['onboarding.guardian_start'] }).click();
  const requestCode = await shownCode(girl, 'request-code');
  await checkInEveryLanguage(girl, 'recovery', 'guardian-code', problems);

  // Her mother, on her own phone and account, enters the code she reads out.
  const mother = await phoneTab();
  await signIn(mother, motherPhone, { password: PASSWORD });
  await mother.waitForURL('**/home');
  await mother.getByRole('link', { name: onboardingEn['onboarding.parent_help_link'] }).click();
  await mother.waitForURL('**/guardian-recovery');
  await mother
    .getByLabel(onboardingEn['onboarding.approve_label'])
    .fill(`${requestCode.slice(0, 4)} ${requestCode.slice(4)}`);
  await mother.getByRole('button', { name: onboardingEn['onboarding.approve_submit'] }).click();
  await mother.getByRole('status').filter({ hasText: onboardingEn['onboarding.approve_done'] }).waitFor();
  await checkInEveryLanguage(mother, 'recovery', 'guardian-approve', problems);

  // Her phone sees the approval and asks for the new PIN.
  await girl.getByRole('status').filter({ hasText: onboardingEn['onboarding.guardian_approved'] }).waitFor();
  await girl.getByLabel(webEn['settings.new_pin']).fill('38261');
  await checkScreen(girl, 'recovery-guardian-new-pin', problems);
  await girl.getByRole('button', { name: webEn['recovery.submit'] }).click();
  await girl.waitForURL('**/home');

  const old = await request(run.server, 'GET', '/me', undefined, girlToken);
  assert.equal(old.status, 401, 'her other sessions ended');
  assert.equal(await signInStatus(girlPhone, { pin: '50917' }), 401);
  assert.equal(await signInStatus(girlPhone, { pin: '38261' }), 200);
  await girl.goto('/settings');
  await girl
    .getByText(onboardingEn['access.action.auth.recovery.guardian'], { exact: false })
    .first()
    .waitFor();
  await girl
    .getByText(onboardingEn['access.action.auth.guardian_recovery_approve'], { exact: false })
    .first()
    .waitFor();
  assert.deepEqual(problems, []);
});
