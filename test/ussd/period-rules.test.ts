import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { uniquePhone } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

// The test clock starts at 2026-11-28T08:00Z: her today is 28 November.
const PIN = '58203';
type Phone = ReturnType<typeof phone>;

/** A young woman (20) registered on her phone, signed in, at the main menu. */
async function signedIn(t: TestApp): Promise<Phone> {
  const p = phone(() => t.app, uniquePhone());
  await p.dial();
  await p.send('1', 'Aline', '1', '2006', '1', PIN);
  assert.match(await p.send(PIN), /Main menu/);
  return p;
}

/** Her periods as the web app reads them (newest first). */
async function periodsOf(t: TestApp, number: string) {
  const login = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { identifier: number, pin: PIN },
  });
  assert.equal(login.statusCode, 200, login.body);
  const res = await t.request({
    method: 'GET',
    url: '/api/v1/cycles/periods',
    token: login.json().accessToken,
  });
  return res.json().periods as Array<{ startDate: string; endDate: string | null; ongoing: boolean }>;
}

// Menu: 1 period start, 2 period end. Then 1 today, 2 yesterday, 3 another day (DDMM).
const start = (p: Phone, ddmm: string) => p.send('1', '3', ddmm);
const end = (p: Phone, ddmm: string) => p.send('2', '3', ddmm);

describeEachDatabase('USSD: the period rules, with their reasons', (get) => {
  it('refuses a start that overlaps her ongoing period, saying which, instead of asking "save anyway?"', async () => {
    const t = get();
    const p = await signedIn(t);
    assert.match(await p.send('1', '1'), /^CON Saved: period started 28 Nov\./);
    // Three days earlier: the open period of the 25th would run into the one of the 28th.
    const refused = await start(p, '2511');
    assert.match(
      refused,
      /^CON That overlaps your period that started 28 Nov, which has no end logged yet\./,
    );
    assert.doesNotMatch(refused, /Save it anyway/);
    assert.match(await p.send('00'), /Main menu/);
    // The day before, as "yesterday": refused the same way.
    assert.match(await p.send('1', '2'), /overlaps your period that started 28 Nov/);
    const periods = await periodsOf(t, p.number);
    assert.deepEqual(
      periods.map((x) => [x.startDate, x.endDate]),
      [['2026-11-28', null]],
    );
  });

  it('names the period a start overlaps, and never stores two after "yes"', async () => {
    const t = get();
    const p = await signedIn(t);
    assert.match(await start(p, '0111'), /Saved: period started 1 Nov\./);
    assert.match(await end(p, '0511'), /Saved: period ended 5 Nov\./);
    assert.match(await start(p, '2011'), /Saved: period started 20 Nov\./);
    assert.match(await end(p, '2411'), /Saved: period ended 24 Nov\./);
    assert.match(await start(p, '0311'), /^CON That overlaps your period that started 1 Nov\./);
    await p.send('00');
    assert.match(await start(p, '2211'), /^CON That overlaps your period that started 20 Nov\./);
    await p.send('00');
    // An open start in between: it would run (10 days at most) into the period of the 20th.
    assert.match(await start(p, '1411'), /^CON That overlaps your period that started 20 Nov\./);
    assert.equal((await periodsOf(t, p.number)).length, 2);
  });

  it('says what is unusual before asking to save it anyway', async () => {
    const t = get();
    const p = await signedIn(t);
    await start(p, '0111');
    const long = await end(p, '1511');
    assert.match(long, /^CON A period of 15 days is long\.\nSave it anyway\?\n1 Yes\n2 No/);
    assert.match(await p.send('2'), /Main menu/, 'no: nothing saved');
    assert.deepEqual(
      (await periodsOf(t, p.number)).map((x) => x.endDate),
      [null],
    );
    await end(p, '0511');
    const soon = await start(p, '1011');
    assert.match(soon, /^CON That is only 9 days after your period that started 1 Nov\.\nSave it anyway\?/);
    assert.match(await p.send('1'), /Saved: period started 10 Nov\./);
    const before = await start(p, '2010');
    assert.match(before, /^CON That is only 12 days before your period that started 1 Nov\./);
    assert.equal((await periodsOf(t, p.number)).length, 2);
  });

  it('answers "period started" twice for the same day as saved, with one period kept', async () => {
    const t = get();
    const p = await signedIn(t);
    assert.match(await p.send('1', '1'), /Saved: period started 28 Nov\./);
    assert.match(
      await p.send('1', '1'),
      /^CON Saved: period started 28 Nov\./,
      'a second tap is not an error',
    );
    assert.match(await p.send('2', '1'), /Saved: period ended 28 Nov\./);
    assert.match(await p.send('2', '1'), /^CON Saved: period ended 28 Nov\./, 'nor is ending it twice');
    assert.deepEqual(
      (await periodsOf(t, p.number)).map((x) => [x.startDate, x.endDate]),
      [['2026-11-28', '2026-11-28']],
    );
  });

  it('shows one ongoing period: an older one whose end was never logged is not "ongoing"', async () => {
    const t = get();
    const p = await signedIn(t);
    await start(p, '0111'); // never ended
    assert.match(await p.send('1', '1'), /Saved: period started 28 Nov\./);
    const periods = await periodsOf(t, p.number);
    assert.deepEqual(
      periods.map((x) => [x.startDate, x.endDate, x.ongoing]),
      [
        ['2026-11-28', null, true],
        ['2026-11-01', null, false],
      ],
    );
    // Ending it ends the one that is going on.
    assert.match(await p.send('2', '1'), /Saved: period ended 28 Nov\./);
    assert.deepEqual(
      (await periodsOf(t, p.number)).map((x) => [x.startDate, x.endDate, x.ongoing]),
      [
        ['2026-11-28', '2026-11-28', false],
        ['2026-11-01', null, false],
      ],
    );
  });

  it('shows fertile days with the warning that they are not contraception', async () => {
    const t = get();
    const p = await signedIn(t);
    await start(p, '1011');
    await end(p, '1411');
    let screen = await p.send('4');
    if (/98 More/.test(screen)) screen += await p.send('98');
    assert.match(screen, /Fertile days: \d+ \w+ to \d+ \w+\. Not safe as contraception\./);
  });
});
