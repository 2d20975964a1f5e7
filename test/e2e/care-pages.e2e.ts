import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { visitsFr } from '../../web/src/i18n/visits-fr.ts';
import { visitsEn } from '../../web/src/i18n/visits-messages.ts';
import { visitsRw } from '../../web/src/i18n/visits-rw.ts';
import { visitsSw } from '../../web/src/i18n/visits-sw.ts';
import { webFr } from '../../web/src/i18n/web-fr.ts';
import { webEn } from '../../web/src/i18n/web-messages.ts';
import { webRw } from '../../web/src/i18n/web-rw.ts';
import { webSw } from '../../web/src/i18n/web-sw.ts';
import { api, logPeriods, registerWoman, signInOnPage } from './accounts.ts';
import {
  ADMIN_EMAIL,
  adminToken,
  createAdmin,
  freeSlots,
  openEveryDay,
  providerRegistration,
  registerParent,
  verifiedProvider,
} from './care-accounts.ts';
import { checkWidth, scanScreen } from './page-checks.ts';
import {
  kigaliToday,
  LANGUAGES,
  type Language,
  PASSWORD,
  PHONE_VIEW,
  phoneContext,
  SMALLEST_VIEW,
  screenshot,
  sharedRun,
} from './support.ts';

/*
 * Every page of the care network, in every language, as pages.e2e.ts checks the others: axe-core
 * (no serious or critical issue), no catalogue key shown, no sideways scrolling at 360 px or
 * 320 px, screenshots at 360×740 (and 1280×800 in English) in test-results/screenshots. Each page
 * has something to show: a linked daughter who shares some parts and not others, a parent
 * waiting for her to confirm, a booked visit, a health worker waiting for verification.
 */
const DESKTOP_VIEW = { width: 1280, height: 800 };
const FOR_WHOM_MISSING: Record<Language, string> = {
  en: visitsEn['visit.for_whom_missing'],
  fr: visitsFr['visit.for_whom_missing'],
  rw: visitsRw['visit.for_whom_missing'],
  sw: visitsSw['visit.for_whom_missing'],
};
const WRITER_HOME: Record<Language, string> = {
  en: webEn['home.writer'],
  fr: webFr['home.writer'],
  rw: webRw['home.writer'],
  sw: webSw['home.writer'],
};
const run = sharedRun({ RATE_LIMIT_SCALE: '20' }, createAdmin);
const kigaliDay = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Kigali' }).format(new Date(instant));

type World = {
  her: string;
  parent: string;
  provider: string;
  pendingProvider: string;
  writer: string;
  childId: string;
  providerId: string;
  visitDay: string;
  visitId: string;
};

/** Everyone the pages show, in `language`; the emails that sign in and what the pages need. */
async function makeWorld(language: Language): Promise<World> {
  const server = run.server;
  const admin = await adminToken(server);
  const her = await registerWoman(server, { name: 'Aline', tag: `her-${language}`, age: 19, language });
  await logPeriods(server, her.accessToken, kigaliToday(), [90, 62, 33, 5]);
  const parent = await registerParent(server, { name: 'Mukamana', tag: `parent-${language}`, language });
  const { code } = await api<{ code: string }>(
    server,
    'POST',
    '/care/link-codes',
    undefined,
    her.accessToken,
  );
  const link = await api<{ id: string }>(server, 'POST', '/care/links', { code }, parent.accessToken);
  await api(server, 'POST', `/care/links/${link.id}/confirm`, undefined, her.accessToken);
  await api(
    server,
    'PUT',
    `/care/links/${link.id}/sharing`,
    { scopes: ['prediction', 'periods'] },
    her.accessToken,
  );
  // Another adult typed in her next code: she is asked whether it is really him.
  const uncle = await registerParent(server, { name: 'Habimana', tag: `uncle-${language}`, language });
  const second = await api<{ code: string }>(server, 'POST', '/care/link-codes', undefined, her.accessToken);
  await api(server, 'POST', '/care/links', { code: second.code }, uncle.accessToken);
  const { children } = await api<{ children: { id: string }[] }>(
    server,
    'GET',
    '/care/children',
    undefined,
    parent.accessToken,
  );
  const provider = await verifiedProvider(server, admin, 'Dr Uwase');
  await api(server, 'PATCH', '/me', { language }, provider.accessToken);
  await openEveryDay(server, provider);
  const [start] = (await freeSlots(server, provider.id, her.accessToken)).slice(-1);
  assert.ok(start, 'the provider has free times');
  const visit = await api<{ id: string }>(
    server,
    'POST',
    '/appointments',
    { providerId: provider.id, start, reason: 'pain', words: 'Cramps', shareSummary: true },
    her.accessToken,
  );
  const pending = providerRegistration('Dr Mugisha', `pending-${language}`);
  const signedIn = await api<{ accessToken: string }>(server, 'POST', '/providers/register', pending);
  await api(server, 'PATCH', '/me', { language }, signedIn.accessToken);
  // A content writer: an account only an administrator makes.
  const writer = `writer-${language}-${Date.now()}@example.org`;
  await api(
    server,
    'POST',
    '/admin/users',
    { name: 'Ineza', role: 'writer', email: writer, password: PASSWORD, language },
    admin,
  );
  await api(server, 'PATCH', '/me', { language }, admin);
  return {
    writer,
    her: her.email,
    parent: parent.email,
    provider: provider.email,
    pendingProvider: pending.email,
    childId: children[0]?.id ?? '',
    providerId: provider.id,
    visitDay: kigaliDay(start),
    visitId: visit.id,
  };
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[data-loading]') === null);
}

async function check(page: Page, language: Language, name: string, problems: string[]): Promise<void> {
  await page.setViewportSize(PHONE_VIEW);
  assert.equal(await page.evaluate(() => document.documentElement.lang), language, `${name}: page language`);
  await scanScreen(page, name, problems);
  await screenshot(page, `${name}-360x740`);
  await checkWidth(page, SMALLEST_VIEW, name, problems);
  if (language === 'en') {
    await checkWidth(page, DESKTOP_VIEW, name, problems);
    await screenshot(page, `${name}-1280x800`);
  }
  await page.setViewportSize(PHONE_VIEW);
}

async function visit(page: Page, language: Language, who: string, path: string, problems: string[]) {
  await open(page, path);
  const slug = path
    .slice(1)
    .replace(/[0-9a-f-]{36}/g, 'id')
    .replace(/[^a-z0-9]+/gi, '-');
  await check(page, language, `${language}-care-${who}-${slug}`, problems);
}

async function signOut(page: Page): Promise<void> {
  await page.context().clearCookies();
}

for (const language of LANGUAGES) {
  test(`the care network's pages in ${language}: accessible, translated, fit a 320 px phone`, async () => {
    const problems: string[] = [];
    const world = await makeWorld(language);
    const context = await phoneContext(run.browser, run.server, { locale: language });
    try {
      const page = await context.newPage();
      await visit(page, language, 'public', '/provider/register', problems);

      await signInOnPage(page, world.her);
      for (const path of [
        '/people',
        '/providers',
        `/providers/${world.providerId}`,
        '/appointments',
        `/appointments/${world.visitId}/move`,
      ])
        await visit(page, language, 'her', path, problems);
      await signOut(page);

      await signInOnPage(page, world.parent);
      for (const path of ['/home', `/children/${world.childId}`, '/people', `/providers/${world.providerId}`])
        await visit(page, language, 'parent', path, problems);
      // She shares her next period and her periods, not her appointments: he cannot book for her.
      assert.equal(await page.locator('#book-for').count(), 0, 'no daughter to book for');
      await page
        .getByRole('alert')
        .filter({ hasText: FOR_WHOM_MISSING[language].slice(0, 20) })
        .waitFor();
      await signOut(page);

      await signInOnPage(page, world.provider);
      for (const path of ['/home', '/provider/availability', '/provider/profile'])
        await visit(page, language, 'provider', path, problems);
      await open(page, '/provider');
      await page.locator('#provider-day').fill(world.visitDay);
      await page.locator('li[data-appointment]').first().waitFor();
      await page.locator('li[data-appointment] button').first().click();
      await page.locator('li[data-appointment] .visit-note').first().waitFor();
      await check(page, language, `${language}-care-provider-day`, problems);
      await signOut(page);

      await signInOnPage(page, world.pendingProvider);
      await visit(page, language, 'provider-pending', '/provider', problems);
      await signOut(page);

      await signInOnPage(page, ADMIN_EMAIL);
      await visit(page, language, 'admin', '/admin/providers', problems);
      await signOut(page);

      // A writer's home says what the account is for; a page for another role sends her home.
      await signInOnPage(page, world.writer);
      await visit(page, language, 'writer', '/home', problems);
      await page.getByText(WRITER_HOME[language]).waitFor();
      for (const path of [
        '/people',
        '/appointments',
        '/provider',
        '/admin/providers',
        '/calendar',
        '/stats',
      ]) {
        await page.goto(path);
        await page.waitForURL('**/home');
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
}
