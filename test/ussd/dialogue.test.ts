import assert from 'node:assert/strict';
import { it } from 'node:test';
import { shortDate } from '../../src/platform/i18n/index.ts';
import { describeEachDatabase } from '../support/app.ts';
import { uniquePhone } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

const PIN = '58203';

describeEachDatabase('USSD dialogues', (get) => {
  it('registers, signs in, logs a period and a day, and shows the same prediction as the REST API', async () => {
    const t = get();
    const p = phone(() => t.app, uniquePhone());
    assert.match(await p.dial(), /^CON Welcome to Lady's Essence\. Choose a language:\n1 English/);
    await p.send('1', 'Aline', '1', '2006', '1', PIN);
    const registered = await p.send(PIN);
    assert.match(registered, /^CON Welcome, Aline! Your account is ready\.\nMain menu\n1 Log period start/);
    await p.hangUp();

    assert.match(await p.dial(), /^CON Welcome back to Lady's Essence\. Enter your PIN/);
    assert.match(await p.send(PIN), /Main menu/);
    // Period started on 1 November (DDMM), then ended on the 5th; and today's log.
    assert.match(await p.send('1', '3', '0111'), /Saved: period started 1 Nov\./);
    assert.match(await p.send('2', '3', '0511'), /Saved: period ended 5 Nov\./);
    await p.send('3', '4'); // flow: medium
    assert.match(await p.send('2'), /Chosen: Cramps\. Another\?/); // symptom 1 (after "No more")
    await p.send('3'); // Headache keeps its number
    assert.match(await p.send('1'), /How do you feel\?/); // no more
    assert.match(await p.send('3', '3'), /Saved\. Take care of yourself\./); // sad, moderate pain
    const screen = await p.send('4');

    // The same numbers through REST, for the same person.
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: p.number, pin: PIN },
    });
    assert.equal(login.statusCode, 200);
    const token = login.json().accessToken;
    const rest = (await t.request({ method: 'GET', url: '/api/v1/cycles/prediction', token })).json();
    const { start, earliest, latest } = rest.nextPeriod;
    const d = (iso: string) => shortDate('en', iso);
    assert.ok(
      screen.includes(`Next period: around ${d(start)}, between ${d(earliest)} and ${d(latest)}.`),
      screen,
    );
    assert.ok(screen.includes(`day ${rest.phase.cycleDay} of your cycle`), screen);
    const periods = (await t.request({ method: 'GET', url: '/api/v1/cycles/periods', token })).json().periods;
    assert.deepEqual(
      periods.map((x: { startDate: string; endDate: string }) => [x.startDate, x.endDate]),
      [['2026-11-01', '2026-11-05']],
    );
    const today = (
      await t.request({ method: 'GET', url: '/api/v1/cycles/days?from=2026-11-28&to=2026-11-28', token })
    ).json().days[0];
    assert.deepEqual(
      [today.flow, today.symptoms, today.mood, today.pain],
      ['medium', ['cramps', 'headache'], 'sad', 5],
    );
  });

  it('changes language and PIN, then deletes the account, which is gone for REST too', async () => {
    const t = get();
    const p = phone(() => t.app, uniquePhone());
    await p.dial();
    await p.send('1', 'Grace', '1', '2006', '1', PIN, PIN);
    assert.match(await p.send('7', '1', '2'), /^CON Ururimi rwahinduwe\./); // Settings → Language → Kinyarwanda
    const pinChanged = await p.send('7', '2', PIN, '40719', '40719');
    assert.match(pinChanged, /^CON PIN yawe yahinduwe\.\nMenu ibanza/);
    await p.hangUp();
    assert.match(await p.dial(), /Andika PIN yawe/, 'greeted in her new language');
    assert.match(await p.send(PIN), /^CON PIN si yo\. Usigaje amahirwe 4\./, 'the old PIN is refused');
    const old = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: p.number, pin: PIN },
    });
    assert.equal(old.statusCode, 401, 'the old PIN no longer works anywhere');
    const fresh = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: p.number, pin: '40719' },
    });
    assert.equal(fresh.statusCode, 200);
    assert.equal(fresh.json().user.language, 'rw');
    const token = fresh.json().accessToken;

    assert.match(await p.send('40719'), /Menu ibanza/);
    const goodbye = await p.send('7', '3', '40719');
    assert.equal(goodbye, "END Konti yawe n'amakuru yawe yose byasibwe. Murabeho.");
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/me', token })).statusCode, 401);
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: p.number, pin: '40719' },
    });
    assert.equal(again.statusCode, 401);
    await p.hangUp();
    assert.match(await p.dial(), /Choose a language/, 'the number is unknown again');
  });
});
