import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { readStarterSet } from '../../src/modules/content/starter.ts';
import { signUp } from '../security/fuzz-actors.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';

type Span = { text: string; href?: string; bold?: true; italic?: true };
type Block = { type: string; spans?: Span[]; items?: Span[][] };

const article = (key: string, body: string, lang = 'rw') => ({
  key,
  kind: 'article',
  category: 'nutrition_iron',
  ageBand: 'all',
  lang,
  title: 'Ibiryo bikungahaye ku butare',
  summary: 'Ibishyimbo, isombe n’indagara',
  body,
});

async function call(t: TestApp, method: 'GET' | 'POST' | 'PUT', url: string, token?: string, body?: unknown) {
  return t.request({ method, url, ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });
}

/** Every span of an answer's blocks (list items included). */
const spansOf = (blocks: Block[]) => blocks.flatMap((b) => [...(b.spans ?? []), ...(b.items ?? []).flat()]);

describeEachDatabase('the education library', (get) => {
  it('a writer drafts and submits, an admin publishes: public in that language only, gone once unpublished', async () => {
    const t = get();
    const admin = await signUp(t, 'admin');
    const writer = await signUp(t, 'writer', { admin });
    const key = `iron-${Date.now()}`;
    const drafted = await call(
      t,
      'POST',
      '/api/v1/content/drafts',
      writer.accessToken,
      article(key, '## Ibishyimbo\n\nRya **ibishyimbo** n’*isombe* buri munsi.\n\n- indagara\n- amagi'),
    );
    assert.equal(drafted.statusCode, 201, drafted.body);
    const id = drafted.json().id as string;
    assert.equal(drafted.json().status, 'draft');
    const publicly = async (lang: string) =>
      (await call(t, 'GET', `/api/v1/content?lang=${lang}&category=nutrition_iron`))
        .json()
        .items.map((i: { key: string }) => i.key);
    assert.ok(!(await publicly('rw')).includes(key), 'a draft is nobody’s to read');
    assert.equal((await call(t, 'GET', `/api/v1/content/${key}?lang=rw`)).statusCode, 404);

    // A writer cannot publish alone: the review routes are not hers, and an admin never reviews his own.
    assert.equal(
      (await call(t, 'POST', `/api/v1/content/drafts/${id}/submit`, writer.accessToken)).statusCode,
      200,
    );
    const byWriter = await call(t, 'POST', `/api/v1/admin/content/${id}/approve`, writer.accessToken, {});
    assert.notEqual(byWriter.statusCode, 200);
    assert.ok(!(await publicly('rw')).includes(key));
    const edit = await call(t, 'PUT', `/api/v1/content/drafts/${id}`, writer.accessToken, {
      title: 'Changed after',
    });
    assert.equal(edit.statusCode, 409, 'a submitted text is not changed under the reviewer');
    assert.equal(edit.json().code, 'content_state');

    const queue = await call(t, 'GET', '/api/v1/admin/content', admin.accessToken);
    assert.ok(
      queue.json().versions.some((v: { id: string }) => v.id === id),
      'in the review queue',
    );
    const approved = await call(t, 'POST', `/api/v1/admin/content/${id}/approve`, admin.accessToken, {});
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'published');

    assert.ok((await publicly('rw')).includes(key), 'published in Kinyarwanda');
    assert.ok(!(await publicly('en')).includes(key), 'not in English: nothing was written in English');
    const read = await call(t, 'GET', `/api/v1/content/${key}?lang=rw`);
    assert.equal(read.statusCode, 200, read.body);
    const blocks = read.json().blocks as Block[];
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['heading', 'paragraph', 'list'],
    );
    assert.ok(spansOf(blocks).some((s) => s.text === 'ibishyimbo' && s.bold));
    assert.equal(read.json().review, 'pending', 'no expert has checked it yet');

    const down = await call(t, 'POST', `/api/v1/admin/content/${id}/unpublish`, admin.accessToken);
    assert.equal(down.statusCode, 200, down.body);
    assert.equal((await call(t, 'GET', `/api/v1/content/${key}?lang=rw`)).statusCode, 404);
    assert.ok(!(await publicly('rw')).includes(key));
  });

  it('a text sent back carries the reviewer’s comment; she fixes it and it is published, replacing nothing else', async () => {
    const t = get();
    const admin = await signUp(t, 'admin');
    const writer = await signUp(t, 'writer', { admin });
    const key = `back-${Date.now()}`;
    const id = (
      await call(t, 'POST', '/api/v1/content/drafts', writer.accessToken, article(key, 'Text.'))
    ).json().id as string;
    // Problems are named before anyone reviews: raw HTML and images are not part of the subset.
    assert.equal(
      (await call(t, 'PUT', `/api/v1/content/drafts/${id}`, writer.accessToken, { body: 'Hi <b>there</b>' }))
        .statusCode,
      200,
    );
    const notReady = await call(t, 'POST', `/api/v1/content/drafts/${id}/submit`, writer.accessToken);
    assert.equal(notReady.statusCode, 400, notReady.body);
    assert.equal(notReady.json().code, 'content_not_ready');
    assert.match(notReady.json().detail, /line 1/i);
    await call(t, 'PUT', `/api/v1/content/drafts/${id}`, writer.accessToken, {
      body: 'Ibishyimbo bifite ubutare.',
    });
    assert.equal(
      (await call(t, 'POST', `/api/v1/content/drafts/${id}/submit`, writer.accessToken)).statusCode,
      200,
    );
    const ownReview = await call(t, 'POST', `/api/v1/admin/content/${id}/reject`, admin.accessToken, {
      comment: 'Name a source',
    });
    assert.equal(ownReview.statusCode, 200, ownReview.body);
    const mine = (await call(t, 'GET', `/api/v1/content/drafts/${id}`, writer.accessToken)).json();
    assert.equal(mine.status, 'rejected');
    assert.equal(mine.reviewComment, 'Name a source');
    await call(t, 'PUT', `/api/v1/content/drafts/${id}`, writer.accessToken, { summary: 'Source: RBC' });
    assert.equal(
      (await call(t, 'POST', `/api/v1/content/drafts/${id}/submit`, writer.accessToken)).statusCode,
      200,
    );
    assert.equal(
      (await call(t, 'POST', `/api/v1/admin/content/${id}/approve`, admin.accessToken, {})).statusCode,
      200,
    );

    // An admin's own text waits for another admin.
    const selfKey = `self-${Date.now()}`;
    const own = (
      await call(t, 'POST', '/api/v1/content/drafts', admin.accessToken, article(selfKey, 'Mine.'))
    ).json().id as string;
    await call(t, 'POST', `/api/v1/content/drafts/${own}/submit`, admin.accessToken);
    const self = await call(t, 'POST', `/api/v1/admin/content/${own}/approve`, admin.accessToken, {});
    assert.equal(self.statusCode, 403);
    assert.equal(self.json().code, 'own_content');

    // A tip fits one SMS.
    const tip = await call(t, 'POST', '/api/v1/content/drafts', writer.accessToken, {
      ...article(`tip-${Date.now()}`, 'x'.repeat(141)),
      kind: 'tip',
    });
    const tooLong = await call(
      t,
      'POST',
      `/api/v1/content/drafts/${tip.json().id}/submit`,
      writer.accessToken,
    );
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.json().detail, /140 characters/);
  });

  it('attacker: a writer’s script, event handlers and javascript: links reach readers as text, never as markup or a link', async () => {
    const t = get();
    const admin = await signUp(t, 'admin');
    const writer = await signUp(t, 'writer', { admin });
    const key = `xss-${Date.now()}`;
    const payloads = [
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[click](//evil.example/x)',
      '[safe](https://www.who.int/)',
    ];
    const id = (
      await call(
        t,
        'POST',
        '/api/v1/content/drafts',
        writer.accessToken,
        article(key, payloads.join('\n\n'), 'en'),
      )
    ).json().id as string;
    // The writer is told before anyone reviews it: each unsafe link is named.
    const refused = await call(t, 'POST', `/api/v1/content/drafts/${id}/submit`, writer.accessToken);
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(refused.json().code, 'content_not_ready');
    // A clean text is published; then someone with the database password swaps the payloads in.
    await call(t, 'PUT', `/api/v1/content/drafts/${id}`, writer.accessToken, { body: 'A clean text.' });
    await call(t, 'POST', `/api/v1/content/drafts/${id}/submit`, writer.accessToken);
    assert.equal(
      (await call(t, 'POST', `/api/v1/admin/content/${id}/approve`, admin.accessToken, {})).statusCode,
      200,
    );
    await t.db.raw('UPDATE content_versions SET body = $1 WHERE id = $2', [
      [...payloads, '<script>alert(1)</script>', '<img src=x onerror=alert(1)>'].join('\n\n'),
      id,
    ]);
    const read = await call(t, 'GET', `/api/v1/content/${key}?lang=en`);
    assert.equal(read.statusCode, 200, read.body);
    const blocks = read.json().blocks as Block[];
    const hrefs = spansOf(blocks)
      .map((s) => s.href)
      .filter(Boolean);
    assert.deepEqual(hrefs, ['https://www.who.int/'], 'only the https link is a link');
    assert.ok(blocks.every((b) => ['heading', 'paragraph', 'list'].includes(b.type)));
    // Raw HTML is at most text: nothing in the answer is markup the web app could run.
    for (const span of spansOf(blocks))
      assert.ok(
        Object.keys(span).every((k) => ['text', 'href', 'bold', 'italic'].includes(k)),
        JSON.stringify(span),
      );
  });

  it('the starter set is published once, in four languages, awaiting expert review; search stays in her language', async () => {
    const t = get();
    const services = createServices({ config: t.config, database: t.db.database, clock: t.clock.now });
    const texts = readStarterSet();
    assert.equal(await services.content.importStarter(), texts.length);
    assert.equal(await services.content.importStarter(), 0, 'a second start adds nothing');
    for (const lang of ['en', 'rw', 'fr', 'sw']) {
      const items = (await call(t, 'GET', `/api/v1/content?lang=${lang}&kind=article`)).json().items;
      assert.ok(items.length >= 10, `${lang}: ${items.length} articles`);
      assert.ok(items.every((i: { review: string }) => i.review === 'pending'));
      const tips = (await call(t, 'GET', `/api/v1/content?lang=${lang}&kind=tip`)).json().items;
      assert.ok(tips.length >= 30, `${lang}: ${tips.length} tips`);
    }
    const iron = (await call(t, 'GET', '/api/v1/content?lang=en&q=iron')).json().items;
    assert.ok(
      iron.some((i: { key: string }) => i.key === 'iron-rich-foods'),
      'found by a word',
    );
    assert.ok(iron.every((i: { lang: string }) => i.lang === 'en'));
    const partial = (await call(t, 'GET', '/api/v1/content?lang=en&q=cram')).json().items;
    assert.ok(
      partial.some((i: { key: string }) => i.key === 'easing-cramps'),
      'a word start finds the word',
    );
    const rw = await call(t, 'GET', '/api/v1/content/first-period?lang=rw');
    assert.equal(rw.statusCode, 200);
    assert.deepEqual([...rw.json().languages].sort(), ['en', 'fr', 'sw'], 'read in another language');
    const admin = await signUp(t, 'admin');
    const pending = await call(
      t,
      'GET',
      '/api/v1/admin/content?status=published&review=pending',
      admin.accessToken,
    );
    assert.ok(pending.json().versions.length >= texts.length, 'admins see every text awaiting expert review');
  });

  it('an expert review holds for the text that was checked: a rewrite is unchecked again, and nobody vouches for their own', async () => {
    const t = get();
    const admin = await signUp(t, 'admin');
    const other = await signUp(t, 'admin');
    const writer = await signUp(t, 'writer', { admin });
    const key = `checked-${Date.now()}`;
    const id = (
      await call(t, 'POST', '/api/v1/content/drafts', writer.accessToken, article(key, 'Text.'))
    ).json().id as string;
    const early = await call(t, 'POST', `/api/v1/admin/content/${id}/reviewed`, admin.accessToken);
    assert.equal(early.statusCode, 409, 'a draft is not what an expert checks');
    await call(t, 'POST', `/api/v1/content/drafts/${id}/submit`, writer.accessToken);
    const checked = await call(t, 'POST', `/api/v1/admin/content/${id}/reviewed`, admin.accessToken);
    assert.equal(checked.statusCode, 200, checked.body);
    assert.equal(checked.json().review, 'done');
    // Sent back and rewritten: the new words are nobody's checked words.
    await call(t, 'POST', `/api/v1/admin/content/${id}/reject`, admin.accessToken, { comment: 'Shorter' });
    const rewritten = await call(t, 'PUT', `/api/v1/content/drafts/${id}`, writer.accessToken, {
      body: 'Other.',
    });
    assert.equal(rewritten.json().review, 'pending');
    // An admin's own text: another admin vouches for it, never he.
    const ownKey = `own-${Date.now()}`;
    const own = (
      await call(t, 'POST', '/api/v1/content/drafts', admin.accessToken, article(ownKey, 'Mine.'))
    ).json().id as string;
    await call(t, 'POST', `/api/v1/content/drafts/${own}/submit`, admin.accessToken);
    assert.equal(
      (await call(t, 'POST', `/api/v1/admin/content/${own}/reviewed`, admin.accessToken)).statusCode,
      403,
    );
    assert.equal(
      (await call(t, 'POST', `/api/v1/admin/content/${own}/reviewed`, other.accessToken)).statusCode,
      200,
    );
    // A NUL in a text is refused as input, not stored (PostgreSQL would refuse it).
    const nul = await call(
      t,
      'POST',
      '/api/v1/content/drafts',
      writer.accessToken,
      article(`nul-${Date.now()}`, 'a\u0000b'),
    );
    assert.equal(nul.statusCode, 400, nul.body);
    // "drafts" is the writers' path, never a key.
    const reserved = await call(
      t,
      'POST',
      '/api/v1/content/drafts',
      writer.accessToken,
      article('drafts', 'x'),
    );
    assert.equal(reserved.statusCode, 400);
  });
});
