import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idleLockDue } from '../web/src/offline/idle.ts';
import {
  addToOutbox,
  dayToSend,
  flushOutbox,
  type OutboxItem,
  readOutbox,
  settleFailed,
} from '../web/src/offline/outbox.ts';
import { agePrediction } from '../web/src/offline/prediction-age.ts';
import { memoryStore } from '../web/src/offline/store.ts';

/*
 * The offline outbox and the offline home's prediction, as pure logic (the browser journey in
 * test/e2e/offline.e2e.ts drives them with the network cut). What she saved with no connection
 * must arrive once, in order, and never be dropped for an answer that may change on a retry.
 */

const HER = 'her-account-id';
const TODAY = '2026-12-04';

type Call = { method: string; path: string; body?: unknown };

/** A fake API: answers from `script` by "METHOD path", records every call. */
function fakeApi(script: Record<string, (body: unknown) => unknown> = {}) {
  const calls: Call[] = [];
  const days = new Map<string, Record<string, unknown>>();
  const send = async (method: string, path: string, body?: unknown) => {
    calls.push({ method, path, body });
    const scripted = script[`${method} ${path}`];
    if (scripted) return scripted(body);
    const range = /^\/cycles\/days\?from=([0-9-]+)&to=/.exec(path);
    if (method === 'GET' && range) {
      const day = days.get(range[1] ?? '');
      return { days: day ? [day] : [] };
    }
    const put = /^\/cycles\/days\/([0-9-]+)$/.exec(path);
    if (method === 'PUT' && put) {
      days.set(put[1] ?? '', { date: put[1], ...(body as object) });
      return days.get(put[1] ?? '');
    }
    if (method === 'POST' && path === '/cycles/periods') return { id: 'b6f0…', ...(body as object) };
    throw new Error(`unexpected ${method} ${path}`);
  };
  return { calls, days, send };
}

const refusal = (status: number, code: string, params: Record<string, unknown> = {}) =>
  Object.assign(new Error(code), { status, code, params });

function deps(store: ReturnType<typeof memoryStore>, send: ReturnType<typeof fakeApi>['send'], who = HER) {
  return { store, session: async () => who, send };
}

describe('offline outbox', () => {
  it('sends what she saved offline once, in order, and nothing again on the next try', async () => {
    const store = memoryStore();
    addToOutbox(
      store,
      HER,
      { method: 'PUT', path: '/cycles/days/2026-12-03', body: { mood: 'calm' } },
      TODAY,
    );
    addToOutbox(store, HER, { method: 'POST', path: '/cycles/periods', body: {} }, TODAY);
    addToOutbox(store, HER, { method: 'PUT', path: '/cycles/days/2026-12-04', body: { pain: 3 } }, TODAY);
    const api = fakeApi();

    const first = await flushOutbox(deps(store, api.send));
    assert.deepEqual(first, { sent: 3, refused: 0, left: 0 });
    const writes = api.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);
    assert.deepEqual(writes, [
      'PUT /cycles/days/2026-12-03',
      'POST /cycles/periods',
      'PUT /cycles/days/2026-12-04',
    ]);
    // "Period started" keeps the day she tapped it, whenever it is sent.
    assert.deepEqual(api.calls.find((c) => c.method === 'POST')?.body, { startDate: TODAY });

    const again = await flushOutbox(deps(store, api.send));
    assert.deepEqual(again, { sent: 0, refused: 0, left: 0 });
    assert.equal(api.calls.filter((c) => c.method !== 'GET').length, 3, 'no duplicate on a second try');
  });

  it('keeps an entry when the answer may change on a retry: no connection, 5xx, 401, 429, consent', async () => {
    for (const failure of [
      refusal(0, 'offline'),
      refusal(503, 'service_unavailable'),
      refusal(401, 'invalid_token'),
      refusal(429, 'too_many_requests'),
      refusal(403, 'consent_required'),
      new TypeError('Failed to fetch'),
    ]) {
      const store = memoryStore();
      addToOutbox(store, HER, { method: 'POST', path: '/cycles/periods', body: {} }, TODAY);
      addToOutbox(store, HER, { method: 'PUT', path: '/cycles/days/2026-12-04', body: { pain: 3 } }, TODAY);
      const api = fakeApi({
        'POST /cycles/periods': () => {
          throw failure;
        },
      });
      const result = await flushOutbox(deps(store, api.send));
      assert.equal(result.stopped, 'retry_later', String(failure));
      assert.equal(result.left, 2, `${failure}: both kept`);
      // Order is kept: the day log waits behind the period start instead of overtaking it.
      assert.equal(api.calls.filter((c) => c.method === 'PUT').length, 0);
      assert.equal(readOutbox(store)?.failed.length, 0);
    }
  });

  it('sets aside an entry the server refuses for good, and goes on with the next', async () => {
    const store = memoryStore();
    addToOutbox(store, HER, { method: 'POST', path: '/cycles/periods', body: {} }, TODAY);
    addToOutbox(store, HER, { method: 'PUT', path: '/cycles/days/2026-12-04', body: { pain: 3 } }, TODAY);
    const api = fakeApi({
      'POST /cycles/periods': () => {
        throw refusal(422, 'confirmation_required', { reason: 'short_cycle', days: 12 });
      },
    });
    const result = await flushOutbox(deps(store, api.send));
    assert.deepEqual(result, { sent: 1, refused: 1, left: 0 });
    const [failed] = readOutbox(store)?.failed ?? [];
    assert.equal(failed?.code, 'confirmation_required');
    assert.deepEqual(failed?.params, { reason: 'short_cycle', days: 12 });

    // "Save anyway": sent again with confirm: true, and accepted.
    settleFailed(store, failed?.id ?? '', true);
    const api2 = fakeApi();
    assert.equal((await flushOutbox(deps(store, api2.send))).sent, 1);
    assert.deepEqual(api2.calls[0]?.body, { startDate: TODAY, confirm: true });
    assert.equal(readOutbox(store)?.failed.length, 0);
  });

  it('counts a period start the server already has (its answer was lost) as sent, not refused', async () => {
    const store = memoryStore();
    addToOutbox(store, HER, { method: 'POST', path: '/cycles/periods', body: {} }, TODAY);
    const api = fakeApi({
      'POST /cycles/periods': () => {
        throw refusal(409, 'period_overlap', { otherStart: TODAY, otherOpen: true });
      },
    });
    assert.deepEqual(await flushOutbox(deps(store, api.send)), { sent: 1, refused: 0, left: 0 });
    assert.equal(readOutbox(store)?.failed.length, 0);
  });

  it('sends entries only to the account that saved them, and only once a session is back', async () => {
    const store = memoryStore();
    addToOutbox(store, HER, { method: 'PUT', path: '/cycles/days/2026-12-04', body: { pain: 3 } }, TODAY);
    const api = fakeApi();
    assert.equal((await flushOutbox(deps(store, api.send, 'her-sister'))).stopped, 'other_account');
    assert.equal(
      (await flushOutbox({ store, session: async () => null, send: api.send })).stopped,
      'no_session',
    );
    assert.equal(api.calls.length, 0);
    assert.equal(readOutbox(store)?.items.length, 1);
  });

  it('keeps one entry per day (the last save) and one per period start date', () => {
    const store = memoryStore();
    const day = { method: 'PUT', path: '/cycles/days/2026-12-04' };
    addToOutbox(store, HER, { ...day, body: { pain: 3 } }, TODAY);
    addToOutbox(store, HER, { method: 'POST', path: '/cycles/periods', body: {} }, TODAY);
    addToOutbox(store, HER, { ...day, body: { pain: 5, mood: 'calm' } }, TODAY);
    addToOutbox(store, HER, { method: 'POST', path: '/cycles/periods', body: { flow: 'light' } }, TODAY);
    const items = readOutbox(store)?.items ?? [];
    assert.deepEqual(
      items.map((i) => i.body),
      [
        { pain: 5, mood: 'calm' },
        { flow: 'light', startDate: TODAY },
      ],
    );
  });

  it('never loses what the server had for a day she could not see offline', () => {
    const item: OutboxItem = {
      id: 'local-1',
      kind: 'day',
      method: 'PUT',
      path: '/cycles/days/2026-12-04',
      body: { mood: 'tired', symptoms: ['headache'] },
    };
    const server = { date: '2026-12-04', symptoms: ['cramps'], otherSymptoms: [], pain: 4 };
    assert.deepEqual(dayToSend(item, server), {
      symptoms: ['headache', 'cramps'],
      otherSymptoms: [],
      pain: 4,
      mood: 'tired',
    });
    assert.deepEqual(dayToSend(item, null), item.body, 'nothing on the server: hers as it is');
  });

  it('replaces the day as she left it when the server still has what she saw (a removal stays)', () => {
    const seen = { symptoms: ['cramps'], otherSymptoms: [], pain: 4 };
    const item: OutboxItem = {
      id: 'local-1',
      kind: 'day',
      method: 'PUT',
      path: '/cycles/days/2026-12-04',
      body: { symptoms: [], pain: 2 },
      // As the server answered it when she opened the day (with its date).
      base: { date: '2026-12-04', ...seen },
    };
    assert.deepEqual(dayToSend(item, { date: '2026-12-04', ...seen }), item.body);
    // Changed elsewhere since she saw it: join instead of overwrite.
    const changed = { date: '2026-12-04', ...seen, mood: 'calm' };
    assert.deepEqual(dayToSend(item, changed), {
      symptoms: ['cramps'],
      otherSymptoms: [],
      pain: 2,
      mood: 'calm',
    });
  });

  it('stays within the day log limits when joining her own words', () => {
    const item: OutboxItem = {
      id: 'local-1',
      kind: 'day',
      method: 'PUT',
      path: '/cycles/days/2026-12-04',
      body: { otherSymptoms: ['a', 'b', 'c'] },
    };
    const merged = dayToSend(item, { date: '2026-12-04', symptoms: [], otherSymptoms: ['d', 'e', 'f'] });
    assert.deepEqual(merged.otherSymptoms, ['a', 'b', 'c', 'd', 'e']);
  });
});

describe('offline home prediction', () => {
  const prediction = {
    today: '2026-12-01',
    nextPeriod: { start: '2026-12-20', earliest: '2026-12-18', latest: '2026-12-22' },
    ovulation: { date: '2026-12-06' },
    fertileWindow: { start: '2026-12-01', end: '2026-12-06' },
    phase: { name: 'fertile', cycleDay: 10 },
    averagePeriodLength: 5,
  };

  it('is the same on the day it was made', () => {
    assert.equal(agePrediction(prediction, '2026-12-01'), prediction);
  });

  it('moves her cycle day and phase on by the days since, keeping the dates', () => {
    assert.deepEqual(agePrediction(prediction, '2026-12-04').phase, { name: 'fertile', cycleDay: 13 });
    assert.deepEqual(agePrediction(prediction, '2026-12-10').phase, { name: 'luteal', cycleDay: 19 });
    const late = agePrediction(prediction, '2026-12-23');
    assert.deepEqual(late.phase, { name: 'late', cycleDay: 32, lateByDays: 3 });
    assert.equal(late.today, '2026-12-23');
    assert.deepEqual(late.nextPeriod, prediction.nextPeriod);
  });

  it('ends a period that was going on once her usual length has passed', () => {
    const bleeding = { ...prediction, phase: { name: 'menstrual', cycleDay: 2 }, fertileWindow: null };
    assert.equal(agePrediction(bleeding, '2026-12-04').phase?.name, 'menstrual');
    assert.equal(agePrediction(bleeding, '2026-12-05').phase?.name, 'follicular');
  });
});

describe('her diary kept on the phone stays behind the app lock with no connection', () => {
  const used = Date.parse('2026-12-05T10:00:00Z');
  it('opens within her idle minutes, and not after them', () => {
    assert.equal(idleLockDue(used, 5, used + 4 * 60_000), false);
    assert.equal(idleLockDue(used, 5, used + 6 * 60_000), true);
  });
  it('does not open when someone sets the phone clock back before her last use', () => {
    assert.equal(idleLockDue(used, 5, used - 60_000), true);
    assert.equal(idleLockDue(used, 60, used - 24 * 3_600_000), true);
  });
});
