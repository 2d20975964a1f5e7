import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { en } from '../../src/platform/i18n/en.ts';
import { createDates } from '../../web/src/i18n/dates.ts';
import { errorsEn } from '../../web/src/i18n/errors-messages.ts';
import { webEn } from '../../web/src/i18n/web-messages.ts';
import { request, signInOnPage, verifiedAccount } from './accounts.ts';
import { visibleTexts } from './page-checks.ts';
import {
  closeAll,
  isoDay,
  kigaliToday,
  nextSmsCode,
  openPhone,
  PASSWORD,
  type Phone,
  phoneContext,
  screenshot,
  smsCodes,
} from './support.ts';

/*
 * The young woman's first week with the web app, as issue 5 describes it: register, enter the
 * code texted to her number, log three periods by tapping the calendar, see the same prediction
 * as the API gives, read it in Kinyarwanda, sign out, come back with her PIN, and download her
 * data. Then another young woman who forgot her PIN gets back in with a code texted to her.
 */
const PHONE = '0788123456';
const PIN = '50917';

let { server, browser, context, page } = {} as Phone; // set in before()

before(async () => {
  ({ server, browser, context, page } = await openPhone({ acceptDownloads: true }));
});

after(() => closeAll(context, browser, server));

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{([a-z]+)\}/g, (_, name: string) => String(params[name]));
}

async function openDay(day: string): Promise<void> {
  await page.goto(`/calendar/${day.slice(0, 7)}`);
  // Tap the day in the month grid, as she would.
  await page
    .locator('ol.days button')
    .filter({ hasText: new RegExp(`^${Number(day.slice(8, 10))}$`) })
    .click();
  await page.waitForURL(`**/day/${day}`);
}

async function logPeriodThroughCalendar(start: string, end: string): Promise<void> {
  await openDay(start);
  await page.getByRole('button', { name: webEn['day.period_start_here'] }).click();
  await page.getByRole('status').filter({ hasText: 'period started' }).waitFor();
  await openDay(end);
  await page.getByRole('button', { name: webEn['day.period_end_here'] }).click();
  await page.getByRole('status').filter({ hasText: 'period ended' }).waitFor();
}

const apiPost = (path: string, body: unknown, token?: string) => request(server, 'POST', path, body, token);

async function apiSignIn(identifier = PHONE, pin = PIN): Promise<string> {
  const res = await apiPost('/auth/login', { identifier, pin });
  assert.equal(res.status, 200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function apiGet<T>(token: string, path: string): Promise<T> {
  const res = await request(server, 'GET', path, undefined, token);
  assert.equal(res.status, 200, path);
  return (await res.json()) as T;
}

type Me = { phone?: string; pendingPhone?: string; language: string };

type Prediction = {
  today: string;
  nextPeriod: { start: string; earliest: string; latest: string };
  phase: { name: string; cycleDay: number };
};

test('register, log three periods on the calendar, read the prediction in two languages, sign back in with the PIN and download her data', async (t) => {
  const today = kigaliToday();

  await t.test('register with a phone number, a password and a PIN', async () => {
    await page.goto('/register');
    await page.locator('#reg-name').fill('Aline');
    await page.locator('#reg-phone').fill(PHONE);
    await page.locator('#reg-password').fill(PASSWORD);
    await page.locator('#reg-pin').fill(PIN);
    await page.locator('#reg-birth-year').fill(String(Number(today.slice(0, 4)) - 19));
    await page.locator('input[name="acceptTerms"]').check();
    await page.getByRole('button', { name: webEn['auth.submit_register'] }).click();
    await page.waitForURL('**/home');
    await page.getByRole('heading', { level: 1, name: 'Hello, Aline' }).waitFor();
  });

  await t.test(
    'enter the code texted to her number on her home page: it signs her in from now on',
    async () => {
      const card = page.locator('#verify-phone');
      await card.getByText(fill(webEn['phone.verify_body'], { phone: '+250788123456' })).waitFor();
      // Until the code comes back, the number is no sign-in identifier.
      assert.equal((await apiPost('/auth/login', { identifier: PHONE, pin: PIN })).status, 401);
      const code = await nextSmsCode(server, PHONE, 0);
      await screenshot(page, 'journey-verify-phone');
      // A wrong code is refused in her words, and the card stays.
      await page.getByLabel(webEn['phone.code_label']).fill(code === '000000' ? '111111' : '000000');
      await card.getByRole('button', { name: webEn['phone.verify'] }).click();
      await card.getByRole('alert').filter({ hasText: errorsEn['error.invalid_code'] }).waitFor();
      await page.getByLabel(webEn['phone.code_label']).fill(code);
      await card.getByRole('button', { name: webEn['phone.verify'] }).click();
      await card.waitFor({ state: 'detached' });
      await page
        .getByRole('status')
        .filter({ hasText: fill(webEn['phone.verified'], { phone: '+250788123456' }) })
        .waitFor();
      const me = await apiGet<Me>(await apiSignIn(), '/me');
      assert.equal(me.phone, '+250788123456');
      assert.equal(me.pendingPhone, undefined);
    },
  );

  await t.test('log three periods by tapping days on the calendar', async () => {
    for (const back of [61, 33, 5])
      await logPeriodThroughCalendar(isoDay(today, -back), isoDay(today, -back + 4));
    const token = await apiSignIn();
    const { periods } = await apiGet<{ periods: { startDate: string; endDate: string }[] }>(
      token,
      '/cycles/periods',
    );
    assert.deepEqual(
      periods.map((p) => [p.startDate, p.endDate]).sort(),
      [61, 33, 5].map((back) => [isoDay(today, -back), isoDay(today, -back + 4)]).sort(),
    );
  });

  await t.test('the home page shows the prediction the API gives', async () => {
    const token = await apiSignIn();
    const prediction = await apiGet<Prediction>(token, '/cycles/prediction');
    await page.goto('/home');
    const card = page.locator('section.prediction');
    await card.waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not hidden text, is what she reads.
    const text = await card.innerText();
    const { nextPeriod, phase } = prediction;
    assert.ok(text.includes(fill(webEn['home.cycle_day'], { day: phase.cycleDay })), text);
    // Dates as the web writes them in English ("8 December"): the app's own formatter.
    const { date } = createDates('en', (month) => webEn[`date.month.${month}` as keyof typeof webEn]);
    const window = fill(webEn['home.window'], {
      date: date(nextPeriod.start),
      earliest: date(nextPeriod.earliest),
      latest: date(nextPeriod.latest),
    });
    assert.ok(text.includes(window), `expected "${window}" in:\n${text}`);
    await screenshot(page, 'journey-home-en');
  });

  await t.test(
    'switching to Kinyarwanda changes every visible string, and sticks to the account',
    async () => {
      const english = await visibleTexts(page);
      await page.locator('#language-switcher').selectOption('rw');
      await page.waitForFunction(() => document.documentElement.lang === 'rw');
      await page.locator('section.prediction').waitFor();
      const kinyarwanda = new Set(await visibleTexts(page));
      const unchanged = english.filter(
        (text) => /\p{L}{2}/u.test(text) && kinyarwanda.has(text) && text !== 'Aline',
      );
      assert.deepEqual(unchanged, [], 'strings still in English after switching to Kinyarwanda');
      assert.ok(english.length > 10, 'the home page shows text');
      const me = await apiGet<Me>(await apiSignIn(), '/me');
      assert.equal(me.language, 'rw');
      await screenshot(page, 'journey-home-rw');
    },
  );

  await t.test('sign out, then sign in with the PIN', async () => {
    await page.locator('nav button.link').click();
    await page.waitForURL('**/signin');
    // Signed out: her pages send her back to sign in.
    await page.goto('/home');
    await page.waitForURL('**/signin');
    await page.locator('#signin-identifier').fill(PHONE);
    await page.locator('form button.link').click(); // "use my PIN instead"
    await page.locator('#signin-secret[inputmode="numeric"]').fill(PIN);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL('**/home');
    await page.locator('section.prediction').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'rw');
  });

  await t.test('download my data from the settings', async () => {
    await page.goto('/settings');
    const downloading = page.waitForEvent('download');
    await page.locator('section[aria-labelledby="export-title"] button').first().click();
    const download = await downloading;
    const path = await download.path();
    const exported = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const text = JSON.stringify(exported);
    for (const back of [61, 33, 5])
      assert.ok(text.includes(isoDay(today, -back)), 'a logged period is in the export');
    assert.ok(text.includes('Aline'));
    assert.ok(!text.includes('$argon2'), 'no secret hashes in the export');
  });
});

test('she forgot her PIN: a code texted to her number and a new PIN sign her back in', async () => {
  const phone = '0788654321';
  const oldPin = '72046';
  const newPin = '38261';
  const unknown = '0788000777';
  const birthYear = Number(kigaliToday().slice(0, 4)) - 20;
  await verifiedAccount(server, { name: 'Grace', pin: oldPin, role: 'adolescent', birthYear }, phone);

  const recovery = await phoneContext(browser, server);
  try {
    const tab = await recovery.newPage();
    await tab.goto('/signin');
    await tab.getByRole('link', { name: webEn['auth.forgot'] }).click();
    await tab.waitForURL('**/recover');
    const sent = (number: string) =>
      tab.getByRole('status').filter({ hasText: fill(webEn['recovery.sent'], { phone: number }) });

    // A number without an account gets the same answer (and no text).
    await tab.getByLabel(webEn['auth.phone']).fill(unknown);
    await tab.getByRole('button', { name: webEn['recovery.send'] }).click();
    await sent(unknown).waitFor();
    await tab.getByRole('button', { name: webEn['recovery.other_number'] }).click();

    await tab.getByLabel(webEn['auth.phone']).fill(phone);
    await tab.getByRole('button', { name: webEn['recovery.send'] }).click();
    await sent(phone).waitFor();
    const code = await nextSmsCode(server, phone, 1);
    assert.deepEqual(smsCodes(server, unknown), [], 'nothing is texted to a number without an account');
    await tab.getByLabel(webEn['phone.code_label']).fill(code);
    await tab.getByLabel(webEn['settings.new_pin']).fill(newPin);
    await screenshot(tab, 'journey-recovery-code');
    await tab.getByRole('button', { name: webEn['recovery.submit'] }).click();
    await tab.waitForURL('**/home');
    await tab.getByRole('heading', { level: 1, name: 'Hello, Grace' }).waitFor();

    // A reload keeps her signed in (the session is in the refresh cookie, as after sign-in).
    await tab.reload();
    await tab.getByRole('heading', { level: 1, name: 'Hello, Grace' }).waitFor();
    assert.equal((await apiPost('/auth/login', { identifier: phone, pin: oldPin })).status, 401);
    await apiSignIn(phone, newPin);
  } finally {
    await recovery.close();
  }
});

test('a parent without a verified phone of her own is told to verify one, then gives consent', async () => {
  const year = Number(kigaliToday().slice(0, 4));
  // Her own number, verified: the guardian's must be a different one.
  const childPhone = '0788444586';
  const keza = { name: 'Keza', email: `keza-${Date.now()}@example.org`, password: PASSWORD };
  const childToken = await verifiedAccount(
    server,
    { ...keza, role: 'adolescent', birthYear: year - 13 },
    childPhone,
  );
  const made = await request(server, 'POST', '/me/guardian-code', undefined, childToken);
  assert.equal(made.status, 201);
  const { code: guardianCode } = (await made.json()) as { code: string };
  const parentEmail = `mama-keza-${Date.now()}@example.org`;
  const parent = await apiPost('/auth/register', {
    name: 'Mukamana',
    email: parentEmail,
    password: PASSWORD,
    role: 'parent',
    birthYear: year - 41,
    language: 'en',
    acceptTerms: true,
  });
  assert.equal(parent.status, 201);

  const parentContext = await phoneContext(browser, server);
  try {
    const tab = await parentContext.newPage();
    await signInOnPage(tab, parentEmail);
    const consent = tab.locator('section[aria-labelledby="guardian-title"]');
    const giveConsent = async () => {
      await tab.locator('#guardian-code').fill(guardianCode);
      await consent.getByRole('button', { name: webEn['guardian.submit'] }).click();
    };
    await giveConsent();
    // No phone of her own yet: the message says so, and the form to add one is right there.
    await consent.getByRole('alert').filter({ hasText: webEn['guardian.add_phone'] }).waitFor();
    const phone = '0788222333';
    await tab.locator('#phone-new').fill(phone);
    await tab.locator('#phone-current').fill(PASSWORD);
    await consent.getByRole('button', { name: webEn['phone.send_code'] }).click();
    const card = tab.locator('#verify-phone');
    await card.waitFor();
    // Trying again before the code is in: the message points to the card above.
    await giveConsent();
    await consent.getByRole('alert').filter({ hasText: webEn['guardian.verify_first'] }).waitFor();
    await screenshot(tab, 'journey-parent-verify-first');
    await tab.locator('#verify-code').fill(await nextSmsCode(server, phone, 0));
    await card.getByRole('button', { name: webEn['phone.verify'] }).click();
    await card.waitFor({ state: 'detached' });
    await giveConsent();
    await consent.getByRole('status').filter({ hasText: en['guardian.done'] }).waitFor();
  } finally {
    await parentContext.close();
  }
  const status = await apiGet<{ guardian: { given: boolean } }>(childToken, '/me/consents');
  assert.equal(status.guardian.given, true);
});
