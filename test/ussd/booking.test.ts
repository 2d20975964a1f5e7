import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DISTRICTS } from '../../src/modules/providers/districts.ts';
import type { Language } from '../../src/platform/db/tables.ts';
import {
  type CountedKey,
  type MessageKey,
  type Params,
  translate,
  translateCount,
} from '../../src/platform/i18n/index.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { registerUser } from '../support/factories.ts';
import { book, bookableProvider, booked, freeSlotsOf } from '../support/providers.ts';
import { allPages, joined, numberOf, signedInByRest } from '../support/ussd.ts';

const PIN = '58203';
const LANGS: Array<[Language, string]> = [
  // language, the district each language's test books in
  ['en', 'huye'],
  ['rw', 'musanze'],
  ['fr', 'rubavu'],
  ['sw', 'nyagatare'],
];

/** A girl (19) who joined by phone in her language, at her main menu; and her REST token. */
async function girlOnPhone(t: TestApp, lang: Language) {
  const p = await joined(t, { name: 'Aline', role: 'girl', pin: PIN, lang });
  return { p, ...(await signedInByRest(t, p, PIN)) };
}

describeEachDatabase('USSD: booking a visit and cancelling it', (get) => {
  for (const [lang, district] of LANGS) {
    const tr = (key: MessageKey, params?: Params) => translate(lang, key, params);
    const tn = (key: CountedKey, n: number, params?: Params) => translateCount(lang, key, n, params);
    const date = (day: number) => `${day} ${tr('month.11' as MessageKey)}`;

    it(`books a slot: district, provider, day, time, reason, yes; then cancels it (${lang})`, async () => {
      const t = get();
      const provider = await bookableProvider(t, { district });
      const { p, token } = await girlOnPhone(t, lang);
      const at = DISTRICTS.findIndex((d) => d.code === district) + 1;
      const name = DISTRICTS[at - 1]?.name ?? '';

      const districts = await p.send('9');
      assert.ok(districts.startsWith(`CON ${tr('book.district')}\n1 Gasabo\n`), districts);
      const providers = await p.send(String(at));
      assert.ok(providers.startsWith(`CON ${tr('book.provider', { district: name })}\n`), providers);
      const days = await p.send(numberOf(providers, `${provider.name}, Kacyiru Health Centre`));
      assert.ok(days.startsWith(`CON ${tr('book.day')}\n`), days);
      // Tomorrow is open 08:00–17:00: 18 half hours.
      const tomorrow = tn('book.day_item', 18, { date: date(29) });
      const times = await p.send(numberOf(days, tomorrow));
      assert.ok(times.startsWith(`CON ${tr('book.slot', { date: date(29) })}\n1 08:00\n2 08:30\n`), times);
      const reasons = await p.send(numberOf(times, '08:30'));
      assert.ok(reasons.startsWith(`CON ${tr('book.reason')}\n1 ${tr('reason.period_problem')}\n`), reasons);
      const confirm = await p.send(numberOf(reasons, tr('reason.pain')));
      const question = tr('book.confirm', {
        date: date(29),
        time: '08:30',
        provider: provider.name,
        facility: 'Kacyiru Health Centre',
        reason: tr('reason.pain'),
      });
      assert.ok(confirm.startsWith(`CON ${question}\n1 ${tr('common.yes')}\n2 ${tr('common.no')}`), confirm);
      const done = await p.send('1');
      assert.ok(
        done.startsWith(`CON ${tr('book.done', { date: date(29), time: '08:30' })}\n${tr('menu.title')}`),
        done,
      );

      // The same booking through REST: hers, requested, at 08:30 Kigali time, for pain.
      const mine = (await t.request({ method: 'GET', url: '/api/v1/appointments', token })).json()
        .appointments;
      assert.equal(mine.length, 1);
      assert.equal(mine[0].start, '2026-11-29T06:30:00.000Z');
      assert.equal(mine[0].status, 'requested');
      assert.equal(mine[0].reason.code, 'pain');
      assert.equal(mine[0].provider.id, provider.id);

      // My visits → the visit → cancel → yes.
      const visits = await p.send('10');
      const item = translate(lang, 'appt.item', { date: date(29), time: '08:30', provider: provider.name });
      assert.ok(visits.startsWith(`CON ${tr('appt.title')}\n1 ${item}\n`), visits);
      const detail = await p.send('1');
      assert.ok(detail.includes(tr('appt.status.requested')), detail);
      assert.ok(detail.includes(`\n1 ${tr('appt.cancel')}\n`), detail);
      const ask = await p.send('1');
      assert.ok(ask.startsWith(`CON ${tr('appt.cancel_ask', { date: date(29), time: '08:30' })}\n`), ask);
      const cancelled = await p.send('1');
      assert.ok(cancelled.startsWith(`CON ${tr('appt.cancelled')}\n${tr('appt.none')}`), cancelled);
      const after = (await t.request({ method: 'GET', url: '/api/v1/appointments', token })).json()
        .appointments;
      assert.equal(after[0].status, 'cancelled');
      assert.equal(after[0].cancelledBy, 'patient');
    });

    it(`says "just taken" when another girl books the slot first, and shows the slots left (${lang})`, async () => {
      const t = get();
      const provider = await bookableProvider(t, { district });
      const { p } = await girlOnPhone(t, lang);
      const other = await registerUser(t, { birthYear: 2006 });
      const at = DISTRICTS.findIndex((d) => d.code === district) + 1;
      const providers = await p.send('9', String(at));
      const days = await p.send(numberOf(providers, `${provider.name}, Kacyiru Health Centre`));
      const times = await p.send(numberOf(days, tn('book.day_item', 18, { date: date(30) })));
      await p.send(numberOf(times, '08:00'), '1'); // 08:00, period problem
      // She reads the question; meanwhile the other girl takes 08:00 on the web.
      const slot = (
        await freeSlotsOf(t, other.accessToken, provider.id, '?from=2026-11-30&to=2026-11-30')
      )[0];
      assert.equal(slot?.start, '2026-11-30T06:00:00.000Z');
      assert.equal(
        (await book(t, other.accessToken, { providerId: provider.id, start: slot?.start })).statusCode,
        201,
      );
      const taken = await p.send('1');
      assert.ok(
        taken.startsWith(`CON ${tr('book.taken')}\n${tr('book.slot', { date: date(30) })}\n1 08:30\n`),
        taken,
      );
      // 08:00 is gone; 08:30 is number 1 now and books.
      const reasons = await p.send('1');
      assert.ok(reasons.startsWith(`CON ${tr('book.reason')}\n`), reasons);
      // General check-up is 6 on every page, shown or not.
      const done = await p.send('6', '1');
      assert.ok(done.startsWith(`CON ${tr('book.done', { date: date(30), time: '08:30' })}`), done);
    });

    it(`cannot cancel within the cut-off and says why (${lang})`, async () => {
      const t = get();
      const provider = await bookableProvider(t, { district });
      const { p, token } = await girlOnPhone(t, lang);
      // Today's first free slot is the first she could still cancel: two hours ahead at least.
      const soon = (await freeSlotsOf(t, token, provider.id, '?from=2026-11-28&to=2026-11-28'))[0];
      assert.ok(soon);
      const ahead = Date.parse(soon.start) - t.clock.now().getTime();
      assert.ok(ahead >= 2 * 3_600_000, 'no slot inside the cut-off is offered');
      await booked(t, token, { providerId: provider.id, start: soon.start });
      // An hour before it, the cut-off has passed: she calls again.
      await p.hangUp();
      t.clock.advance((ahead - 3_600_000) / 1000);
      await p.dial();
      await p.send(PIN);
      const visits = await p.send('10');
      assert.ok(visits.startsWith(`CON ${tr('appt.title')}\n1 ${date(28)} `), visits);
      // Her visit says that changes closed 2 hours before, and offers no Cancel.
      const pages = await allPages(p, await p.send('1'));
      const shown = pages
        .flatMap((page) => page.replace(/^CON /, '').split('\n'))
        .filter((line) => !/^(0|98) /.test(line))
        .join('\n');
      const words = (text: string) => text.replace(/\s+/g, ' ');
      assert.ok(words(shown).includes(words(tn('appt.too_late_hours', 2))), shown);
      assert.ok(!shown.includes(tr('appt.cancel')), shown);
      for (const page of pages) assert.ok(page.length <= 182, page);
      assert.ok((await p.send('1')).startsWith(`CON ${tr('common.invalid_choice')}\n`));
      const fresh = (await signedInByRest(t, p, PIN)).token;
      const mine = (await t.request({ method: 'GET', url: '/api/v1/appointments', token: fresh })).json()
        .appointments;
      assert.equal(mine[0].status, 'requested', 'still booked');
    });
  }

  it('pages the 30 districts with 98, keeping their numbers; a district with nobody to book says so', async () => {
    const t = get();
    const { p } = await girlOnPhone(t, 'en');
    const first = await p.send('9');
    const pages = await allPages(p, first);
    const numbered = pages
      .flatMap((page) => page.replace(/^CON /, '').split('\n'))
      .filter((l) => /^\d{1,2} /.test(l) && !/^(0|00|98) /.test(l));
    assert.deepEqual(
      numbered,
      DISTRICTS.map((d, i) => `${i + 1} ${d.name}`),
    );
    assert.ok(pages.length >= 2);
    for (const page of pages) assert.ok(page.length <= 182, page);
    // A district with no health worker yet: said, and she stays on the list.
    const none = await p.send('30');
    assert.ok(
      none.startsWith('CON No health worker in Rutsiro takes bookings yet. Choose another district.\n'),
      none,
    );
  });
});
