import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { registerUser, uniquePhone } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

/** One gateway hop with a session id of the caller's choosing (an attacker can pick any id). */
async function hop(t: TestApp, sessionId: string, number: string, text: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/ussd',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ sessionId, serviceCode: '*123#', phoneNumber: number, text }).toString(),
  });
  assert.equal(res.statusCode, 200);
  return res.body;
}

async function gatewayEnds(t: TestApp, sessionId: string): Promise<void> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/ussd/events',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ sessionId, status: 'Success' }).toString(),
  });
  assert.equal(res.statusCode, 200);
}

const sessionRows = (t: TestApp) =>
  t.db.raw<{ row: string }>(
    "SELECT encode(id_hash, 'hex') || encode(phone_bidx, 'hex') || version || ended || encode(state_enc, 'hex') AS row FROM ussd_sessions",
  );
const countAudit = async (t: TestApp) =>
  (await t.db.raw<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]?.n;

const FIRST_SCREEN = /^CON Welcome to Lady's Essence\. Choose a language:/;
const PIN_SCREEN = /^CON Welcome back to Lady's Essence\. Enter your PIN/;

/** She signs in on a call; her period is logged so the prediction screen would show her dates. */
async function signedInCall(t: TestApp) {
  const her = await registerUser(t, { birthYear: 2006 });
  await t.request({
    method: 'POST',
    url: '/api/v1/cycles/periods',
    token: her.accessToken,
    body: { startDate: '2026-11-10', endDate: '2026-11-14' },
  });
  const call = phone(() => t.app, her.phone);
  assert.match(await call.dial(), PIN_SCREEN);
  assert.match(await call.send(her.pin), /Main menu/);
  return { her, call };
}

describeEachDatabase('a USSD session belongs to its number and ends for good', (get) => {
  it('answers her session id from another number with a new dialogue, and leaves hers alone', async () => {
    const t = get();
    const { her, call } = await signedInCall(t);
    const before = await sessionRows(t);

    const stolen = await hop(t, call.sessionId, uniquePhone(), `${her.pin}*4`);
    assert.match(stolen, FIRST_SCREEN, 'a fresh first screen, not her menu or her prediction');
    const again = await hop(t, call.sessionId, uniquePhone(), `${her.pin}*4*0*5`);
    assert.match(again, FIRST_SCREEN);

    const after = await sessionRows(t);
    for (const row of before)
      assert.ok(
        after.some((r) => r.row === row.row),
        'her session row unchanged',
      );
    assert.equal(after.length, before.length + 2, 'each other number got a session of its own');
    assert.match(await call.send('4'), /^CON Next period: around/, 'her call goes on where it was');
  });

  it('starts afresh after her call ended on END, except for an exact retry of that hop', async () => {
    const t = get();
    const { her, call } = await signedInCall(t);
    const goodbye = await call.send('0');
    assert.match(goodbye, /^END /);
    const audited = await countAudit(t);
    assert.equal(await call.retry(), goodbye, 'the retried ending hop gets the same END');
    assert.equal(await countAudit(t), audited, 'and nothing is run again');

    const reopened = await hop(t, call.sessionId, her.phone, `${her.pin}*0*4`);
    assert.match(reopened, PIN_SCREEN, 'the ended session cannot be continued signed in');
    assert.match(
      await hop(t, call.sessionId, her.phone, `${her.pin}*0*4*${her.pin}`),
      /Main menu/,
      'after her PIN',
    );
  });

  it('starts afresh after the gateway reported the session ended', async () => {
    const t = get();
    const { her, call } = await signedInCall(t);
    await gatewayEnds(t, call.sessionId);
    assert.match(
      await call.retry(),
      PIN_SCREEN,
      'even its last hop again does not show her menu once the session ended',
    );
    assert.match(
      await hop(t, call.sessionId, her.phone, `${her.pin}*${her.pin}`),
      /Main menu/,
      'after her PIN',
    );
  });
});
