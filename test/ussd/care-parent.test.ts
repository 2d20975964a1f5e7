import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Language } from '../../src/platform/db/tables.ts';
import { type MessageKey, type Params, shortDate, translate } from '../../src/platform/i18n/index.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { joined, tokenOf } from '../support/ussd.ts';

const HER_PIN = '58203';
const HIS_PIN = '71946';
const LANGS: Language[] = ['en', 'rw', 'fr', 'sw'];

/** The link between the two, as she sees it through REST. */
async function herLink(t: TestApp, token: string): Promise<{ id: string; scopes: string[]; status: string }> {
  const res = await t.request({ method: 'GET', url: '/api/v1/care/links', token });
  assert.equal(res.statusCode, 200, res.body);
  const [link] = res.json().links;
  assert.ok(link, 'she has a link');
  return link;
}

/**
 * A mother and her daughter, both on feature phones, link with a code: the mother gets it in
 * "My children", the daughter enters it in "My people", the mother confirms. Returns both, with
 * the mother at her list of children.
 */
async function linkedByPhone(t: TestApp, lang: Language) {
  const tr = (key: MessageKey, params?: Params) => translate(lang, key, params);
  const mother = await joined(t, { name: 'Mama', role: 'parent', pin: HIS_PIN, lang });
  const girl = await joined(t, { name: 'Aline', role: 'girl', pin: HER_PIN, lang });

  const empty = await mother.send('4');
  assert.ok(empty.startsWith(`CON ${tr('child.none')}\n1 ${tr('child.add')}\n0 `), empty);
  const add = await mother.send('1');
  assert.ok(
    add.startsWith(`CON ${tr('child.add_title')}\n1 ${tr('people.add_enter')}\n2 ${tr('people.add_get')}\n`),
    add,
  );
  const shown = await mother.send('2');
  const code = /\b(\d{4}) (\d{4})\b/.exec(shown);
  assert.ok(code, shown);
  assert.ok(shown.startsWith(`CON ${translate(lang, 'child.code.other', { n: 24, code: code[0] })}`), shown);

  const none = await girl.send('11');
  assert.ok(none.startsWith(`CON ${tr('people.none')}\n1 ${tr('people.add')}\n`), none);
  assert.ok((await girl.send('1', '1')).startsWith(`CON ${tr('people.code_prompt')}`));
  const entered = await girl.send(`${code[1]}${code[2]}`);
  assert.ok(
    entered.startsWith(
      `CON ${tr('people.code_entered')}\n${tr('people.title')}\n1 ${tr('people.add')}\n2 ${tr('people.waiting_them')}\n`,
    ),
    entered,
  );

  // His list is read again when he opens it: she is waiting for him now.
  const waiting = await mother.send('00', '4');
  assert.ok(waiting.includes(`\n2 ${tr('people.waiting_you', { name: 'Aline' })}\n`), waiting);
  const ask = await mother.send('2');
  assert.ok(
    ask.startsWith(`CON ${tr('people.confirm_ask', { name: 'Aline' })}\n1 ${tr('common.yes')}\n`),
    ask,
  );
  const linked = await mother.send('1');
  assert.ok(
    linked.startsWith(`CON ${tr('people.linked')}\n${tr('child.title')}\n1 ${tr('child.add')}\n2 Aline\n`),
    linked,
  );
  return { mother, girl, tr };
}

describeEachDatabase('USSD: a parent sees what his daughter shares, and nothing once she stops', (get) => {
  for (const lang of LANGS) {
    it(`links by code, shows her next period, then "not shared" and "no longer linked" on the next hop (${lang})`, async () => {
      const t = get();
      const { mother, girl, tr } = await linkedByPhone(t, lang);
      const herToken = await tokenOf(t, girl, HER_PIN);

      // She logs a period on her phone; he opens her: the same window as her own prediction.
      await girl.send('00', '1', '3', '0111');
      const seen = await mother.send('2');
      const rest = (
        await t.request({ method: 'GET', url: '/api/v1/cycles/prediction', token: herToken })
      ).json();
      const d = (iso: string) => shortDate(lang, iso);
      const window = tr('child.pred_next', {
        date: d(rest.nextPeriod.start),
        earliest: d(rest.nextPeriod.earliest),
        latest: d(rest.nextPeriod.latest),
      });
      assert.ok(seen.startsWith(`CON ${tr('child.heading', { name: 'Aline' })}\n${window}\n`), seen);
      assert.ok(seen.includes(`\n1 ${tr('people.remove')}\n`), seen);
      assert.ok(seen.length <= 182);

      // She stops sharing her prediction (REST); his very next look at her says so.
      assert.match(await mother.send('0'), /\n2 Aline\n/);
      const link = await herLink(t, herToken);
      assert.deepEqual(link.scopes, ['prediction']);
      const stop = await t.request({
        method: 'PUT',
        url: `/api/v1/care/links/${link.id}/sharing`,
        token: herToken,
        body: { scopes: [] },
      });
      assert.equal(stop.statusCode, 200, stop.body);
      const hidden = await mother.send('2');
      assert.ok(
        hidden.startsWith(`CON ${tr('child.heading', { name: 'Aline' })}\n${tr('child.not_shared')}\n`),
        hidden,
      );
      assert.ok(!hidden.includes(d(rest.nextPeriod.start)), hidden);

      // She shares it again: he sees it again, at once.
      const again = await t.request({
        method: 'PUT',
        url: `/api/v1/care/links/${link.id}/sharing`,
        token: herToken,
        body: { scopes: ['prediction'] },
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.ok((await mother.send('0', '2')).includes(window));

      // She removes him on her phone: "My people" → Mama → remove → yes.
      const people = await girl.send('00', '11');
      const item = `2 ${tr('people.item', { name: 'Mama', what: tr('scope.prediction') })}`;
      assert.ok(people.includes(`\n${item}\n`), people);
      const person = await girl.send('2');
      assert.ok(
        person.startsWith(`CON ${tr('people.sees', { name: 'Mama', what: tr('scope.prediction') })}\n1 `),
      );
      assert.ok((await girl.send('1')).startsWith(`CON ${tr('people.remove_ask', { name: 'Mama' })}\n`));
      const removed = await girl.send('1');
      assert.ok(removed.startsWith(`CON ${tr('people.removed')}\n${tr('people.none')}\n`), removed);

      // He was looking at her: going back reads his list again, and she is no longer on it.
      const gone = await mother.send('0');
      assert.ok(gone.startsWith(`CON ${tr('child.none')}\n`), gone);
      assert.ok(!gone.includes('Aline'), gone);
      const links = await t.request({ method: 'GET', url: '/api/v1/care/links', token: herToken });
      assert.deepEqual(links.json().links, []);
    });
  }

  it('writes each of his phone reads to her access log', async () => {
    const t = get();
    const { mother, girl } = await linkedByPhone(t, 'en');
    await mother.send('2');
    const herToken = await tokenOf(t, girl, HER_PIN);
    const log = await t.request({ method: 'GET', url: '/api/v1/me/access-log', token: herToken });
    assert.equal(log.statusCode, 200, log.body);
    const reads = log.json().entries.filter((e: { action: string }) => e.action === 'care.read');
    assert.equal(reads.length, 1, JSON.stringify(log.json().entries));
    assert.equal(reads[0].resource, 'prediction');
  });

  it('any answer that stays on her screen reads her again: revoked in between, it is gone', async () => {
    const t = get();
    const { mother, girl, tr } = await linkedByPhone(t, 'en');
    await girl.send('00', '1', '3', '0111');
    assert.ok((await mother.send('2')).includes('Around '));
    const herToken = await tokenOf(t, girl, HER_PIN);
    const link = await herLink(t, herToken);
    const stop = await t.request({
      method: 'PUT',
      url: `/api/v1/care/links/${link.id}/sharing`,
      token: herToken,
      body: { scopes: [] },
    });
    assert.equal(stop.statusCode, 200, stop.body);
    const wrong = await mother.send('7');
    assert.ok(
      wrong.startsWith(
        `CON ${tr('common.invalid_choice')}\n${tr('child.heading', { name: 'Aline' })}\n${tr('child.not_shared')}\n`,
      ),
      wrong,
    );
  });

  it('a dropped call resumed at her screen opens his list, not what she shared before', async () => {
    const t = get();
    const { mother, girl, tr } = await linkedByPhone(t, 'en');
    await girl.send('00', '1', '3', '0111');
    const seen = await mother.send('2');
    assert.ok(seen.includes('Around '), seen);
    await mother.hangUp('dropped');
    // She stops sharing while his line is down.
    const herToken = await tokenOf(t, girl, HER_PIN);
    const link = await herLink(t, herToken);
    const stop = await t.request({
      method: 'PUT',
      url: `/api/v1/care/links/${link.id}/sharing`,
      token: herToken,
      body: { scopes: [] },
    });
    assert.equal(stop.statusCode, 200, stop.body);
    assert.match(await mother.dial(), /^CON Continue where you stopped\?/);
    const resumed = await mother.send('1', HIS_PIN);
    assert.ok(resumed.startsWith(`CON ${tr('child.title')}\n1 ${tr('child.add')}\n2 Aline\n`), resumed);
    assert.ok(!resumed.includes('Around'), resumed);
    const hidden = await mother.send('2');
    assert.ok(hidden.includes(tr('child.not_shared')), hidden);
  });

  it('a dropped call resumed at his list reads it again: she removed him meanwhile, she is gone', async () => {
    const t = get();
    const { mother, girl, tr } = await linkedByPhone(t, 'en');
    await mother.hangUp('dropped');
    // She removes him through REST while his line is down.
    const herToken = await tokenOf(t, girl, HER_PIN);
    const link = await herLink(t, herToken);
    const removed = await t.request({
      method: 'DELETE',
      url: `/api/v1/care/links/${link.id}`,
      token: herToken,
    });
    assert.equal(removed.statusCode, 204, removed.body);
    assert.match(await mother.dial(), /^CON Continue where you stopped\?/);
    const resumed = await mother.send('1', HIS_PIN);
    assert.ok(resumed.startsWith(`CON ${tr('child.none')}\n1 ${tr('child.add')}\n`), resumed);
    assert.ok(!resumed.includes('Aline'), resumed);
  });

  it('lets the parent remove the link himself', async () => {
    const t = get();
    const { mother, girl, tr } = await linkedByPhone(t, 'en');
    await mother.send('2');
    assert.ok((await mother.send('1')).startsWith(`CON ${tr('child.remove_ask', { name: 'Aline' })}\n`));
    const removed = await mother.send('1');
    assert.ok(removed.startsWith(`CON ${tr('people.removed')}\n${tr('child.none')}\n`), removed);
    const herToken = await tokenOf(t, girl, HER_PIN);
    const links = await t.request({ method: 'GET', url: '/api/v1/care/links', token: herToken });
    assert.deepEqual(links.json().links, []);
  });
});
