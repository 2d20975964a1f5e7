import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DISTRICTS } from '../../src/modules/providers/districts.ts';
import { type MessageKey, type Params, translate, translateCount } from '../../src/platform/i18n/index.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { adminOf, bookableProvider, type RegisteredProvider, setAvailability } from '../support/providers.ts';
import { allPages, joined, numberOf, signedInByRest } from '../support/ussd.ts';

const PIN = '58203';
const tr = (key: MessageKey, params?: Params) => translate('en', key, params);
/** "29 Nov: 18 free times", a day on the list of days. */
const dayItem = (date: string, free: number) => translateCount('en', 'book.day_item', free, { date });
const label = (provider: RegisteredProvider) => `${provider.name}, Kacyiru Health Centre`;
/** Her number for a district on the list of districts. */
const districtNumber = (code: string) => String(DISTRICTS.findIndex((d) => d.code === code) + 1);
/** The times offered on every page ("1 08:00"). */
const numbered = (pages: string[]) =>
  pages
    .flatMap((page) => page.replace(/^CON /, '').split('\n'))
    .filter((line) => /^\d{1,2} \d{2}:\d{2}$/.test(line));

async function suspend(t: TestApp, provider: RegisteredProvider): Promise<void> {
  const admin = await adminOf(t);
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/admin/providers/${provider.id}/suspend`,
    token: admin.accessToken,
  });
  assert.equal(res.statusCode, 200, res.body);
}

describeEachDatabase('USSD: moving around inside a booking', (get) => {
  it('pages a long list of times with 98; No, 0 and 0 come back to the same numbers; 00 goes home', async () => {
    const t = get();
    const provider = await bookableProvider(t, { district: 'kayonza' });
    const p = await joined(t, { name: 'Aline', role: 'girl', pin: PIN });
    const providers = await p.send('9', districtNumber('kayonza'));
    const days = await p.send(numberOf(providers, label(provider)));
    const times = await p.send(numberOf(days, dayItem('29 Nov', 18)));
    assert.ok(times.startsWith(`CON ${tr('book.slot', { date: '29 Nov' })}\n1 08:00\n2 08:30\n`), times);

    // 18 times do not fit one screen: 98 shows the rest, numbered on from the first page.
    const pages = await allPages(p, times);
    assert.ok(pages.length >= 2, times);
    for (const page of pages) assert.ok(page.length <= 182, page);
    const expected = Array.from({ length: 18 }, (_, i) => {
      const minutes = 8 * 60 + 30 * i;
      const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return `${i + 1} ${hhmm}`;
    });
    assert.deepEqual(numbered(pages), expected);
    const last = await p.send('18');
    assert.ok(last.startsWith(`CON ${tr('book.reason')}\n`), last);
    const question = await p.send('6');
    assert.ok(question.includes(' at 16:30 '), question);

    // No: back to the times of that day, numbered as before.
    assert.equal(await p.send('2'), times);
    // Another time, then 0 and 0 from the question: the reasons, then the same times again.
    assert.ok((await p.send('3', '6')).includes(' at 09:00 '));
    assert.ok((await p.send('0')).startsWith(`CON ${tr('book.reason')}\n`));
    assert.equal(await p.send('0'), times);

    // 00 anywhere inside the booking goes home, and nothing is booked.
    const home = await p.send('5', '6', '00');
    assert.ok(home.startsWith(`CON ${tr('menu.title')}\n`), home);
    assert.ok((await p.send('9')).startsWith(`CON ${tr('book.district')}\n1 Gasabo\n`));
    const { token } = await signedInByRest(t, p, PIN);
    const mine = await t.request({ method: 'GET', url: '/api/v1/appointments', token });
    assert.deepEqual(mine.json().appointments, []);

    // The numbers she came back to book what they say: 3 is 09:00.
    await p.send('0', '9', districtNumber('kayonza'), '1', numberOf(days, dayItem('29 Nov', 18)));
    const done = await p.send('3', '6', '1');
    assert.ok(done.startsWith(`CON ${tr('book.done', { date: '29 Nov', time: '09:00' })}\n`), done);
    const booked = (await t.request({ method: 'GET', url: '/api/v1/appointments', token })).json();
    assert.equal(booked.appointments[0].start, '2026-11-29T07:00:00.000Z');
  });

  it('a provider suspended while she books: she is told, the list is read again, the call goes on', async () => {
    const t = get();
    const first = await bookableProvider(t, { district: 'kirehe' });
    const second = await bookableProvider(t, { district: 'kirehe' });
    const p = await joined(t, { name: 'Aline', role: 'girl', pin: PIN });
    const providers = await p.send('9', districtNumber('kirehe'));
    const days = await p.send(numberOf(providers, label(first)));
    await p.send(numberOf(days, dayItem('29 Nov', 18)), '1', '6'); // 08:00, general check-up
    // She reads the question; an admin suspends her provider.
    await suspend(t, first);
    const told = await p.send('1');
    const list = `${tr('book.gone')}\n${tr('book.provider', { district: 'Kirehe' })}\n1 ${label(second)}\n`;
    assert.ok(told.startsWith(`CON ${list}`), told);
    assert.ok(!told.includes(first.name), told);

    // The call goes on with the other one; suspended too before she opens them, she is back at the districts.
    assert.ok((await p.send('1')).startsWith(`CON ${tr('book.day')}\n`));
    assert.ok((await p.send('0')).startsWith(`CON ${tr('book.provider', { district: 'Kirehe' })}\n1 `));
    await suspend(t, second);
    const none = await p.send('1');
    assert.ok(none.startsWith(`CON ${tr('book.gone')}\n${tr('book.district')}\n1 Gasabo\n`), none);
  });

  it('a day that closed since the days were listed: said, and the days are read again', async () => {
    const t = get();
    const provider = await bookableProvider(t, { district: 'ngoma' });
    const p = await joined(t, { name: 'Aline', role: 'girl', pin: PIN });
    const providers = await p.send('9', districtNumber('ngoma'));
    const days = await p.send(numberOf(providers, label(provider)));
    const tomorrow = numberOf(days, dayItem('29 Nov', 18));
    // The provider takes 29 November off while she reads the days.
    await setAvailability(t, provider, { daysOff: ['2026-11-29'] });
    const full = await p.send(tomorrow);
    assert.ok(full.startsWith(`CON ${tr('book.day_full')}\n${tr('book.day')}\n`), full);
    assert.ok(!full.includes('29 Nov'), full);
    // The numbers are the new list's: tomorrow's number is now the 30th.
    assert.equal(numberOf(full, dayItem('30 Nov', 18)), tomorrow);
    const times = await p.send(tomorrow);
    assert.ok(times.startsWith(`CON ${tr('book.slot', { date: '30 Nov' })}\n`), times);
  });

  it("her visits show the provider's date and time, in the provider's time zone, as the booking did", async () => {
    const t = get();
    // A provider whose clock is an hour behind Kigali's in November.
    const provider = await bookableProvider(t, { district: 'rwamagana' }, { timeZone: 'Europe/Paris' });
    const p = await joined(t, { name: 'Aline', role: 'girl', pin: PIN });
    const providers = await p.send('9', districtNumber('rwamagana'));
    const days = await p.send(numberOf(providers, label(provider)));
    const times = await p.send(numberOf(days, dayItem('29 Nov', 18)));
    const done = await p.send(numberOf(times, '08:30'), '6', '1');
    assert.ok(done.startsWith(`CON ${tr('book.done', { date: '29 Nov', time: '08:30' })}\n`), done);
    const { token } = await signedInByRest(t, p, PIN);
    const mine = (await t.request({ method: 'GET', url: '/api/v1/appointments', token })).json();
    assert.equal(mine.appointments[0].start, '2026-11-29T07:30:00.000Z');

    const visits = await p.send('10');
    const item = tr('appt.item', { date: '29 Nov', time: '08:30', provider: provider.name });
    assert.ok(visits.startsWith(`CON ${tr('appt.title')}\n1 ${item}\n`), visits);
    const detail = await p.send('1');
    assert.ok(detail.startsWith('CON 29 Nov at 08:30\n'), detail);
  });
});
