import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { en } from '../../src/platform/i18n/en.ts';
import { cycleEn } from '../../web/src/i18n/cycle-messages.ts';
import { onboardingEn } from '../../web/src/i18n/onboarding-messages.ts';
import { webEn } from '../../web/src/i18n/web-messages.ts';
import { request } from './accounts.ts';
import { checkInEveryLanguage, shownCode } from './onboarding-checks.ts';
import { checkScreen } from './page-checks.ts';
import { kigaliToday, nextSmsCode, PASSWORD, sharedRun } from './support.ts';

/*
 * Issue 12, item 1: a 15-year-old on a 360 px phone registers, is told before and after that a
 * parent must agree and how, proves her number, makes the code; her mother, on her own phone,
 * registers as a parent, proves her own number and enters it; then the girl logs her first period
 * and sees it. Every screen on the way is scanned with axe; the key ones are photographed in all
 * four languages.
 */
const GIRL_PHONE = '0788555101';
const GIRL_PIN = '50917';
const PARENT_PHONE = '0788555202';
const AGE = 16;
const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{([a-z]+)\}/g, (_, name: string) => String(params[name]));

const run = sharedRun();
const phoneTab = () => run.openTab();

async function verifyPhone(page: Page, phone: string): Promise<void> {
  const card = page.locator('#verify-phone');
  await card.waitFor();
  await page.locator('#verify-code').fill(await nextSmsCode(run.server, phone, 0));
  await card.getByRole('button', { name: webEn['phone.verify'] }).click();
}

test('a 15-year-old registers, is guided to her parent’s consent, and logs her first period', async () => {
  const problems: string[] = [];
  const girl = await phoneTab();
  const year = Number(kigaliToday().slice(0, 4));

  // Before she registers: the landing page says that under 16 a parent agrees, and how.
  await girl.goto('/');
  await girl
    .getByRole('heading', { name: fill(onboardingEn['onboarding.landing_title'], { age: AGE }) })
    .waitFor();
  await checkInEveryLanguage(girl, 'under16', 'landing', problems);

  // The form: the year of birth is asked for, with the reason, and a blank one is not accepted.
  await girl.goto('/register');
  await girl.locator('#reg-name').fill('Ineza');
  await girl.locator('#reg-phone').fill(GIRL_PHONE);
  await girl.locator('#reg-pin').fill(GIRL_PIN);
  await girl.locator('input[name="acceptTerms"]').check();
  await girl.getByRole('button', { name: webEn['auth.submit_register'] }).click();
  await girl
    .getByRole('alert')
    .filter({ hasText: fill(onboardingEn['onboarding.birth_year_needed'], { age: AGE }) })
    .waitFor();
  await girl.getByText(fill(onboardingEn['onboarding.birth_year_hint'], { age: AGE })).waitFor();
  await girl.locator('#reg-birth-year').fill(String(year - 15));
  await girl
    .getByRole('status')
    .filter({ hasText: fill(onboardingEn['onboarding.under_age_note'], { age: AGE }) })
    .waitFor();
  await checkInEveryLanguage(girl, 'under16', 'register', problems);
  await girl.getByRole('button', { name: webEn['auth.submit_register'] }).click();

  // After registering: straight to the steps, starting with her own number.
  await girl.waitForURL('**/parent-consent');
  await girl.getByRole('heading', { level: 1, name: onboardingEn['onboarding.title'] }).waitFor();
  await checkScreen(girl, 'under16-steps-before', problems);
  await verifyPhone(girl, GIRL_PHONE);
  await girl.getByText(fill(onboardingEn['onboarding.step1_done'], { phone: '+250788555101' })).waitFor();
  await girl.getByRole('button', { name: onboardingEn['onboarding.make_code'] }).click();
  const code = await shownCode(girl, 'guardian-code');
  await checkInEveryLanguage(girl, 'under16', 'parent-consent', problems);

  // Wherever she is refused, the way to her parent's consent is shown.
  await girl.goto('/home');
  const banner = girl.getByRole('region', { name: onboardingEn['onboarding.banner_title'] });
  await banner.waitFor();
  await girl.getByRole('button', { name: webEn['home.started_today'] }).click();
  const refusal = girl.getByRole('alert').filter({ hasText: 'parent' });
  await refusal.waitFor();
  assert.equal(
    await refusal.locator('a[href="/parent-consent"]').count(),
    1,
    'the refusal links to the consent steps (ProblemMessage, error.guardian_consent_required)',
  );
  await checkScreen(girl, 'under16-home-refused', problems);
  await girl.goto('/settings');
  await girl.locator('main a[href="/parent-consent"]').first().waitFor();

  // Her mother, on her own phone: a parent account, her own number proven, the code entered.
  const mother = await phoneTab();
  await mother.goto('/register');
  await mother.getByLabel(en['reg.role_parent']).check();
  await mother.locator('#reg-name').fill('Mukamana');
  await mother.locator('#reg-phone').fill(PARENT_PHONE);
  await mother.locator('#reg-password').fill(PASSWORD);
  await mother.locator('input[name="acceptTerms"]').check();
  await mother.getByRole('button', { name: webEn['auth.submit_register'] }).click();
  await mother.waitForURL('**/home');
  await verifyPhone(mother, PARENT_PHONE);
  await mother.getByRole('status').filter({ hasText: '+250788555202' }).waitFor();
  await mother.getByLabel(webEn['guardian.code_label']).fill(code);
  await mother.getByRole('button', { name: webEn['guardian.submit'] }).click();
  await mother.getByRole('status').filter({ hasText: en['guardian.done'] }).waitFor();
  await mother.getByRole('link', { name: onboardingEn['onboarding.parent_help_link'] }).waitFor();
  await checkInEveryLanguage(mother, 'under16', 'parent-home', problems);

  // She sees the consent given, and logs her first period.
  await girl.goto('/parent-consent');
  const given = onboardingEn['onboarding.status_given'].split('{date}')[0] ?? '';
  await girl.getByRole('status').filter({ hasText: given }).waitFor();
  await checkInEveryLanguage(girl, 'under16', 'consent-given', problems);
  await girl.getByRole('link', { name: onboardingEn['onboarding.go_home'] }).click();
  await girl.waitForURL('**/home');
  await girl.getByRole('button', { name: webEn['home.started_today'] }).click();
  await girl.getByRole('status').filter({ hasText: webEn['home.started_saved'] }).first().waitFor();
  const openSince = cycleEn['cycle.open_since'].split('{date}')[0] ?? '';
  await girl.getByText(openSince).first().waitFor();
  assert.equal(await banner.count(), 0, 'no consent banner once her parent agreed');
  await checkScreen(girl, 'under16-home-first-period', problems);

  // The API agrees: one period, started today.
  const login = await request(run.server, 'POST', '/auth/login', { identifier: GIRL_PHONE, pin: GIRL_PIN });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const periods = await request(run.server, 'GET', '/cycles/periods', undefined, accessToken);
  const { periods: list } = (await periods.json()) as { periods: { startDate: string }[] };
  assert.deepEqual(
    list.map((p) => p.startDate),
    [kigaliToday()],
  );
  assert.deepEqual(problems, []);
});
