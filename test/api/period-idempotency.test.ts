import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { registerUser } from '../support/factories.ts';

// The test clock starts at 2026-11-28T08:00Z (her today: 28 November).
const post = (t: TestApp, token: string, body: object) =>
  t.request({ method: 'POST', url: '/api/v1/cycles/periods', token, body });
const patch = (t: TestApp, token: string, id: string, body: object) =>
  t.request({ method: 'PATCH', url: `/api/v1/cycles/periods/${id}`, token, body });

async function rowsOf(t: TestApp, userId: string): Promise<number> {
  const [row] = await t.db.raw<{ n: number }>('SELECT count(*)::int AS n FROM periods WHERE user_id = $1', [
    userId,
  ]);
  return row?.n ?? -1;
}

describeEachDatabase('period logging: double taps, replays, and refusals the web can translate', (get) => {
  it('"period started" sent twice for the same day answers the same period, 201 then 200', async () => {
    const t = get();
    const her = await registerUser(t);
    const first = await post(t, her.accessToken, { startDate: '2026-11-27' });
    assert.equal(first.statusCode, 201, first.body);
    const again = await post(t, her.accessToken, { startDate: '2026-11-27' });
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json(), first.json());
    // "Today" by default is the same day as an explicit today.
    const today = await post(t, her.accessToken, {});
    assert.equal(today.json().code, 'period_overlap', 'a different day is not a replay');
    assert.equal(await rowsOf(t, her.id), 1);

    // A replay of a start that carries its end, once the period has ended, is the same period too.
    const full = await post(t, her.accessToken, {
      startDate: '2026-10-01',
      endDate: '2026-10-05',
      flow: 'light',
    });
    assert.equal(full.statusCode, 201);
    const replay = await post(t, her.accessToken, {
      startDate: '2026-10-01',
      endDate: '2026-10-05',
      flow: 'light',
    });
    assert.equal(replay.statusCode, 200);
    assert.equal(replay.json().id, full.json().id);
    // The same start with a different end is a change, not a replay: refused, nothing changed.
    const different = await post(t, her.accessToken, { startDate: '2026-10-01', endDate: '2026-10-06' });
    assert.equal(different.statusCode, 409);
    assert.deepEqual(different.json().params, { otherStart: '2026-10-01', otherOpen: false });
    assert.equal(await rowsOf(t, her.id), 2);
  });

  it('ending a period on the day it already ends answers 200, even without confirm after a confirmed end', async () => {
    const t = get();
    const her = await registerUser(t);
    const { id } = (await post(t, her.accessToken, { startDate: '2026-11-10' })).json();
    const ended = await patch(t, her.accessToken, id, { endDate: '2026-11-22', confirm: true });
    assert.equal(ended.statusCode, 200, ended.body);
    const twice = await patch(t, her.accessToken, id, { endDate: '2026-11-22' });
    assert.equal(twice.statusCode, 200, twice.body);
    assert.deepEqual(twice.json(), ended.json());
  });

  it('two taps at once store one period', async () => {
    const t = get();
    const her = await registerUser(t);
    const answers = await Promise.all(
      [1, 2, 3].map(() => post(t, her.accessToken, { startDate: '2026-11-26' })),
    );
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 201]);
    assert.equal(new Set(answers.map((a) => a.json().id)).size, 1);
    // Two different, overlapping starts at once: one is kept, the other refused.
    const other = await registerUser(t);
    const both = await Promise.all([
      post(t, other.accessToken, { startDate: '2026-11-20' }),
      post(t, other.accessToken, { startDate: '2026-11-22' }),
    ]);
    assert.deepEqual(both.map((a) => a.statusCode).sort(), [201, 409]);
    assert.equal(await rowsOf(t, her.id), 1);
    assert.equal(await rowsOf(t, other.id), 1);
  });

  it('refuses an open start that would run into a later period, whichever was logged first', async () => {
    const t = get();
    const her = await registerUser(t);
    assert.equal((await post(t, her.accessToken, { startDate: '2026-11-25' })).statusCode, 201);
    const earlier = await post(t, her.accessToken, { startDate: '2026-11-20', confirm: true });
    assert.equal(earlier.statusCode, 409, earlier.body);
    assert.deepEqual(earlier.json().params, { otherStart: '2026-11-25', otherOpen: true });
    assert.equal(await rowsOf(t, her.id), 1);
  });

  it('gives the web the facts of each refusal in `params`, and keeps `detail` in English', async () => {
    const t = get();
    const her = await registerUser(t);
    const future = await post(t, her.accessToken, { startDate: '2026-11-30' });
    assert.equal(future.statusCode, 400);
    assert.deepEqual(future.json().params, { today: '2026-11-28' });
    const day = await t.request({
      method: 'PUT',
      url: '/api/v1/cycles/days/2026-12-01',
      token: her.accessToken,
      body: { pain: 2 },
    });
    assert.deepEqual(day.json().params, { today: '2026-11-28' });

    const { id } = (await post(t, her.accessToken, { startDate: '2026-11-01' })).json();
    const long = await patch(t, her.accessToken, id, { endDate: '2026-11-12' });
    assert.equal(long.statusCode, 422);
    assert.deepEqual(long.json().params, { reason: 'long_period', days: 12 });
    assert.match(long.json().detail, /A period of 12 days is unusually long/);
    await patch(t, her.accessToken, id, { endDate: '2026-11-05' });
    const soon = await post(t, her.accessToken, { startDate: '2026-11-10' });
    assert.equal(soon.statusCode, 422);
    assert.deepEqual(soon.json().params, { reason: 'short_cycle', days: 9, otherStart: '2026-11-01' });
    const overlap = await post(t, her.accessToken, { startDate: '2026-11-04', endDate: '2026-11-06' });
    assert.equal(overlap.statusCode, 409);
    assert.deepEqual(overlap.json().params, { otherStart: '2026-11-01', otherOpen: false });
    assert.match(overlap.json().detail, /It overlaps the period that started on 2026-11-01/);
  });

  it('documents the 200 of a repeated start in the OpenAPI document', async () => {
    const t = get();
    const doc = (await t.request({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const responses = doc.paths['/api/v1/cycles/periods'].post.responses;
    assert.ok(responses['200'] && responses['201'], Object.keys(responses).join());
    const problem = doc.components.schemas.Problem;
    assert.ok(problem.properties.params, 'Problem has params');
  });
});
