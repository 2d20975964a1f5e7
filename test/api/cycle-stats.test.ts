import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { registerUser } from '../support/factories.ts';

// The test clock starts at 2026-11-28T08:00Z (10:00 in Kigali).
type Stats = {
  symptomFrequencies: { symptom: string; days: number; share: number; inCycles: number }[];
  loggedDays: number;
  loggedCycles: number;
};

async function send(t: TestApp, token: string, method: 'POST' | 'PUT', url: string, body: unknown) {
  const res = await t.request({ method, url, token, body });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
}

async function statsOf(t: TestApp, token: string): Promise<Stats> {
  const res = await t.request({ method: 'GET', url: '/api/v1/cycles/stats', token });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

describeEachDatabase('symptom counts in her history', (app) => {
  it('says a symptom logged once was seen in 1 of 1 cycle, not 100% of the time', async () => {
    const t = app();
    const user = await registerUser(t);
    for (const [startDate, endDate] of [
      ['2026-09-14', '2026-09-18'],
      ['2026-10-13', '2026-10-17'],
      ['2026-11-10', '2026-11-14'],
    ])
      await send(t, user.accessToken, 'POST', '/api/v1/cycles/periods', { startDate, endDate });
    await send(t, user.accessToken, 'PUT', '/api/v1/cycles/days/2026-11-11', { symptoms: ['cramps'] });

    const stats = await statsOf(t, user.accessToken);
    assert.equal(stats.loggedCycles, 1);
    assert.deepEqual(stats.symptomFrequencies, [{ symptom: 'cramps', days: 1, share: 1, inCycles: 1 }]);
  });

  it('counts the cycles a symptom came back in, out of the cycles she logged days in', async () => {
    const t = app();
    const user = await registerUser(t);
    for (const startDate of ['2026-08-17', '2026-09-14', '2026-10-13', '2026-11-10'])
      await send(t, user.accessToken, 'POST', '/api/v1/cycles/periods', { startDate, endDate: startDate });
    const days: Array<[string, string[]]> = [
      ['2026-08-18', ['cramps', 'headache']],
      ['2026-08-19', ['cramps']],
      ['2026-09-15', ['headache']],
      ['2026-10-14', []],
      ['2026-11-11', ['cramps']],
    ];
    for (const [date, symptoms] of days)
      await send(t, user.accessToken, 'PUT', `/api/v1/cycles/days/${date}`, { symptoms, mood: 'calm' });

    const stats = await statsOf(t, user.accessToken);
    assert.equal(stats.loggedDays, 5);
    assert.equal(stats.loggedCycles, 4);
    const cramps = stats.symptomFrequencies.find((f) => f.symptom === 'cramps');
    const headache = stats.symptomFrequencies.find((f) => f.symptom === 'headache');
    assert.deepEqual(cramps, { symptom: 'cramps', days: 3, share: 0.6, inCycles: 2 });
    assert.deepEqual(headache, { symptom: 'headache', days: 2, share: 0.4, inCycles: 2 });
  });
});
