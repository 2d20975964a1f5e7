import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { careEn } from '../../web/src/i18n/care-messages.ts';
import { webEn } from '../../web/src/i18n/web-messages.ts';
import { api, signedInWoman, signInOnPage, verifiedAccount } from './accounts.ts';
import { birthYearFor, registerParent } from './care-accounts.ts';
import { checkScreen } from './page-checks.ts';
import { PASSWORD, screenshot, sharedRun } from './support.ts';

/*
 * A young woman and her mother link by code, on their own phones: she makes the code and reads it
 * out, her mother types it in, she says it is really her mother. Her mother then sees when her
 * next period is expected — the same date the API gives her. She switches that off, and her
 * mother's page says at once that she has not shared it. A girl under the consent age sees the
 * guardian who agreed to her account linked, with the parts that guardian keeps switched on and
 * why.
 */
const run = sharedRun({ RATE_LIMIT_SCALE: '20' });

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{([a-z]+)\}/g, (_, name: string) => String(params[name]));

async function shown(page: Page, name: string, problems: string[]): Promise<void> {
  await checkScreen(page, name, problems);
  await screenshot(page, `en-care-${name}-360x740`);
}

test('they link by code; her mother sees her next period until she hides it', async () => {
  const problems: string[] = [];
  const her = await (await run.newContext()).newPage();
  const mother = await (await run.newContext()).newPage();

  const woman = await signedInWoman(run.server, her, { name: 'Aline', tag: 'aline', age: 19 }, [62, 33, 5]);
  const parent = await registerParent(run.server, { name: 'Mukamana', tag: 'mukamana' });
  await signInOnPage(mother, parent.email);

  // She makes a code and reads it out.
  await her.goto('/people');
  await her.getByRole('heading', { level: 1, name: careEn['care.title'] }).waitFor();
  await her.getByText(careEn['care.none']).waitFor();
  await shown(her, 'her-people-empty', problems);
  await her.getByRole('button', { name: careEn['care.code_make'] }).click();
  const shownCode = her.locator('[data-link-code]');
  await shownCode.waitFor();
  const code = String(await shownCode.getAttribute('data-link-code'));
  assert.match(code, /^[0-9]{8}$/);
  assert.equal(
    (await shownCode.textContent())?.trim(),
    `${code.slice(0, 4)} ${code.slice(4)}`,
    'grouped 4 + 4',
  );
  await shown(her, 'her-people-code', problems);

  // Her mother types it in as she heard it, with the space.
  await mother.goto('/people');
  await mother.getByLabel(careEn['care.code_label']).fill(`${code.slice(0, 4)} ${code.slice(4)}`);
  await mother.getByRole('button', { name: careEn['care.code_submit'] }).click();
  await mother.getByRole('status').filter({ hasText: careEn['care.code_entered'] }).waitFor();
  await mother.getByText(careEn['care.waiting_other']).waitFor();
  assert.equal(await mother.getByText('Aline').count(), 0, 'the code names nobody until she confirms');
  await shown(mother, 'parent-people-waiting', problems);

  // Nothing is shared before she says it is really her mother.
  await mother.goto('/home');
  await mother.getByText(careEn['care.children_none']).waitFor();

  // She sees who typed her code in, and says yes.
  await her.reload();
  await her.getByText(careEn['care.awaiting_title']).waitFor();
  await her.getByText(fill(careEn['care.awaiting_body'], { name: 'Mukamana', role: 'parent' })).waitFor();
  await shown(her, 'her-people-confirm', problems);
  await her.getByRole('button', { name: careEn['care.confirm'] }).click();
  const prediction = her.getByRole('switch', { name: careEn['care.scope.prediction'] });
  await prediction.waitFor();
  assert.equal(await prediction.isChecked(), true, 'a new link shares her next period only');
  assert.equal(await her.getByRole('switch', { name: careEn['care.scope.periods'] }).isChecked(), false);
  await shown(her, 'her-people-linked', problems);

  // Her mother sees her daughter, and her next period as the API gives it to her.
  const expected = await api<{ nextPeriod: { start: string } | null }>(
    run.server,
    'GET',
    '/cycles/prediction',
    undefined,
    woman.accessToken,
  );
  assert.ok(expected.nextPeriod, 'three periods logged: a prediction');
  await mother.goto('/home');
  await mother.getByRole('link', { name: fill(careEn['care.child_open'], { name: 'Aline' }) }).click();
  await mother.waitForURL('**/children/*');
  const next = mother.locator('[data-part="prediction"] [data-next-period]');
  await next.waitFor();
  assert.equal(await next.getAttribute('data-next-period'), expected.nextPeriod.start);
  assert.equal(await mother.locator('[data-part="periods"] [data-not-shared]').count(), 1);
  await shown(mother, 'parent-child-shared', problems);

  // She switches it off: on her mother's next look, it is not shared.
  await prediction.click();
  await her
    .getByRole('status')
    .filter({ hasText: fill(careEn['care.saved'], { name: 'Mukamana' }) })
    .waitFor();
  assert.equal(await prediction.isChecked(), false);
  await mother.reload();
  await mother
    .locator('[data-part="prediction"] [data-not-shared]')
    .filter({ hasText: careEn['care.not_shared'] })
    .waitFor();
  assert.equal(await mother.locator('[data-next-period]').count(), 0, 'no date left on her page');
  await shown(mother, 'parent-child-hidden', problems);

  // Her mother's read is in her access log, by the name she sees on her people page.
  await her.goto('/settings');
  const access = her.locator('section[aria-labelledby="access-title"]');
  const parentRead = access
    .getByRole('listitem')
    .filter({ hasText: careEn['access.action.care.read'] })
    .filter({ hasText: `${webEn['role.parent']} Mukamana` });
  await parentRead.first().waitFor();
  assert.ok((await parentRead.count()) >= 1, "her mother's read of her page is listed, by name");
  assert.deepEqual(problems, []);
});

test('a girl under the consent age sees the guardian who agreed, and what stays switched on', async () => {
  const problems: string[] = [];
  const girl = await (await run.newContext()).newPage();
  const girlPhone = '0788555311';
  const motherPhone = '0788555422';
  const girlToken = await verifiedAccount(
    run.server,
    { name: 'Keza', role: 'adolescent', birthYear: birthYearFor(14), password: PASSWORD },
    girlPhone,
  );
  const { code } = await api<{ code: string }>(run.server, 'POST', '/me/guardian-code', undefined, girlToken);
  const motherToken = await verifiedAccount(
    run.server,
    { name: 'Uwimana', role: 'parent', password: PASSWORD },
    motherPhone,
  );
  await api(run.server, 'POST', '/guardian/consent', { code }, motherToken);

  await signInOnPage(girl, girlPhone);
  await girl.goto('/people');
  const fixed = girl.getByRole('switch', { name: careEn['care.scope.flags'], exact: false });
  await fixed.waitFor();
  assert.equal(await fixed.isChecked(), true);
  assert.equal(await fixed.isDisabled(), true, 'the consenting guardian keeps the flags');
  const predictionSwitch = girl.getByRole('switch', { name: careEn['care.scope.prediction'], exact: false });
  assert.equal(await predictionSwitch.isDisabled(), true);
  await girl.getByText(fill(careEn['care.fixed_reason'], { name: 'Uwimana', age: 16 })).waitFor();
  assert.equal(
    await girl.getByRole('button', { name: careEn['care.remove'] }).count(),
    0,
    'she cannot remove that link yet',
  );
  // She may share more.
  const periods = girl.getByRole('switch', { name: careEn['care.scope.periods'] });
  await periods.click();
  await girl
    .getByRole('status')
    .filter({ hasText: fill(careEn['care.saved'], { name: 'Uwimana' }) })
    .waitFor();
  await shown(girl, 'girl-people-guardian', problems);
  assert.deepEqual(problems, []);
});
