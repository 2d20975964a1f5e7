import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { toGsm7 } from '../../src/channels/ussd/gsm7.ts';
import { readStarterSet } from '../../src/modules/content/starter.ts';
import { LANGUAGES, translate } from '../../src/platform/i18n/index.ts';
import { signUp } from '../security/fuzz-actors.ts';
import { describeEachDatabase } from '../support/app.ts';
import { joined, numberOf } from '../support/ussd.ts';

const PIN = '58203';

describeEachDatabase('USSD: health tips come from the published library', (get) => {
  it('in every language: a topic, then its published tips one after another; an unpublished tip is gone', async () => {
    const t = get();
    const services = createServices({ config: t.config, database: t.db.database, clock: t.clock.now });
    await services.content.importStarter();
    const starter = readStarterSet();
    for (const lang of LANGUAGES) {
      const p = await joined(t, { name: 'Aline', role: 'girl', pin: PIN, lang });
      const topics = await p.send('6');
      assert.ok(topics.startsWith(`CON ${translate(lang, 'tips.title')}\n`), topics);
      assert.ok(topics.length <= 182, topics);
      const first = await p.send(numberOf(topics, translate(lang, 'tipcat.nutrition_iron')));
      const published = starter
        .filter((x) => x.kind === 'tip' && x.lang === lang && x.category === 'nutrition_iron')
        .map((x) => toGsm7(x.body));
      const shown = first.replace(/^CON /, '').split('\n')[0] ?? '';
      assert.ok(published.includes(shown), `${lang}: "${shown}" is a published tip`);
      assert.ok(first.length <= 182, first);
      const second = await p.send(numberOf(first, translate(lang, 'tips.next')));
      assert.notEqual(second.split('\n')[0], first.split('\n')[0], 'the next tip');
    }

    // An admin takes one tip down: the next call no longer offers it.
    const admin = await signUp(t, 'admin');
    const queue = await t.request({
      method: 'GET',
      url: '/api/v1/admin/content?status=published',
      token: admin.accessToken,
    });
    const iron = (
      queue.json().versions as Array<{
        id: string;
        kind: string;
        lang: string;
        category: string;
        body: string;
      }>
    ).filter((v) => v.kind === 'tip' && v.lang === 'en' && v.category === 'nutrition_iron');
    for (const tip of iron.slice(1))
      await t.request({
        method: 'POST',
        url: `/api/v1/admin/content/${tip.id}/unpublish`,
        token: admin.accessToken,
      });
    const p = await joined(t, { name: 'Grace', role: 'girl', pin: PIN });
    const topics = await p.send('6');
    const only = await p.send(numberOf(topics, translate('en', 'tipcat.nutrition_iron')));
    assert.equal(only.replace(/^CON /, '').split('\n')[0], toGsm7(iron[0]?.body ?? ''));
    assert.ok(!only.includes(translate('en', 'tips.next')), 'one tip left: nothing next');
  });
});
