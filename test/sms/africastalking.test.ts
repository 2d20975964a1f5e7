import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { createAfricasTalkingProvider } from '../../src/channels/sms/africastalking.ts';
import type { SmsProvider } from '../../src/channels/sms/provider.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { uniquePhone } from '../support/factories.ts';
import { createCapturingSmsProvider } from '../support/sms.ts';
import { type FakeAfricasTalking, startFakeAfricasTalking } from './fake-africastalking.ts';

/*
 * The SMS sender against a fake Africa's Talking on 127.0.0.1: the exact request, and what the
 * outbox row and the caller see when the gateway accepts, fails, refuses or never answers.
 */

const API_KEY = randomBytes(32).toString('hex');
const USERNAME = 'ladys-test';

type OutboxRow = {
  status: string;
  attempts: number;
  purpose: string;
  provider_message_id: string | null;
  sent_at: Date | string | null;
  last_error: string | null;
};

async function outboxRow(t: TestApp, id: string): Promise<OutboxRow> {
  const rows = await t.db.raw<OutboxRow>(
    'SELECT status, attempts, purpose, provider_message_id, sent_at, last_error FROM sms_outbox WHERE id = $1',
    [id],
  );
  assert.equal(rows.length, 1, 'one outbox row per message');
  return rows[0] as OutboxRow;
}

describeEachDatabase("SMS through Africa's Talking", (get) => {
  let fake: FakeAfricasTalking;
  before(async () => {
    fake = await startFakeAfricasTalking();
  });
  after(async () => {
    await fake.close();
  });

  /** The sender as the app wires it, from SMS_PROVIDER=africastalking settings (or an injected provider). */
  const senderFor = (t: TestApp, smsProvider?: SmsProvider) =>
    createServices({
      config: {
        ...t.config,
        sms: { provider: 'africastalking', username: USERNAME, apiKey: API_KEY, baseUrl: fake.baseUrl },
      },
      database: t.db.database,
      clock: t.clock.now,
      ...(smsProvider ? { smsProvider } : {}),
    }).sms;

  it('posts the documented form with the apiKey header, and records the message id', async () => {
    const t = get();
    const phone = uniquePhone();
    const text = "Your Lady's Essence code is 482913. It expires in 10 minutes.";
    fake.answer({ kind: 'success', messageId: 'ATXid_7f3a9c' });
    const seen = fake.received.length;

    const result = await senderFor(t).send({ to: phone, text, purpose: 'phone_verification' });

    assert.equal(fake.received.length, seen + 1, 'exactly one request');
    const request = fake.received[seen];
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/version1/messaging');
    assert.equal(request.headers.apikey, API_KEY);
    assert.equal(request.headers.accept, 'application/json');
    assert.match(request.headers['content-type'] ?? '', /^application\/x-www-form-urlencoded/);
    assert.deepEqual(request.form, { username: USERNAME, to: phone, message: text });

    assert.deepEqual(result, {
      ok: true,
      outboxId: result.outboxId,
      status: 'sent',
      providerMessageId: 'ATXid_7f3a9c',
    });
    const row = await outboxRow(t, result.outboxId);
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 1);
    assert.equal(row.purpose, 'phone_verification');
    assert.equal(row.provider_message_id, 'ATXid_7f3a9c');
    assert.equal(new Date(row.sent_at ?? 0).toISOString(), t.clock.now().toISOString());
    assert.equal(row.last_error, null);
  });

  it('a 500 is recorded as failed and answered as sms_unavailable, without the gateway text', async () => {
    const t = get();
    const phone = uniquePhone();
    fake.answer({ kind: 'status', status: 500, body: `Internal error while sending to ${phone}` });

    const result = await senderFor(t).send({ to: phone, text: 'Code 111902', purpose: 'phone_verification' });

    assert.deepEqual(result, {
      ok: false,
      outboxId: result.outboxId,
      status: 'failed',
      code: 'sms_unavailable',
      reason: 'http_500',
      retryable: true,
    });
    const row = await outboxRow(t, result.outboxId);
    assert.deepEqual(
      {
        status: row.status,
        attempts: row.attempts,
        error: row.last_error,
        id: row.provider_message_id,
        at: row.sent_at,
      },
      { status: 'failed', attempts: 1, error: 'http_500', id: null, at: null },
    );
  });

  it('a gateway that never answers is cut off by the timeout and recorded as failed', async () => {
    const t = get();
    fake.answer({ kind: 'hang' });
    const slow = createAfricasTalkingProvider({
      baseUrl: fake.baseUrl,
      username: USERNAME,
      apiKey: API_KEY,
      timeoutMs: 300,
    });
    const started = Date.now();

    const result = await senderFor(t, slow).send({
      to: uniquePhone(),
      text: 'Code 550231',
      purpose: 'recovery',
    });

    assert.ok(Date.now() - started < 3_000, 'ended by the timeout, not by the test');
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, 'sms_unavailable');
    assert.equal(!result.ok && result.reason, 'timeout');
    const row = await outboxRow(t, result.outboxId);
    assert.equal(row.status, 'failed');
    assert.equal(row.last_error, 'timeout');
  });

  it("a recipient status other than Success is a failure, not retried: the number's own problem", async () => {
    const t = get();
    fake.answer({ kind: 'rejected', status: 'InvalidPhoneNumber', statusCode: 403 });

    const result = await senderFor(t).send({
      to: uniquePhone(),
      text: 'Code 902114',
      purpose: 'phone_verification',
    });

    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'rejected_InvalidPhoneNumber');
    assert.equal(!result.ok && result.retryable, false);
    assert.equal((await outboxRow(t, result.outboxId)).last_error, 'rejected_InvalidPhoneNumber');
  });

  it('whatever a provider throws, the caller gets a result, and no personal data is recorded', async () => {
    const t = get();
    const phone = uniquePhone();
    const broken: SmsProvider = {
      name: 'broken',
      send: async () => {
        throw new Error(`socket closed while sending to ${phone}`);
      },
    };
    const result = await senderFor(t, broken).send({
      to: phone,
      text: 'Code 330917',
      purpose: 'phone_verification',
    });
    assert.equal(result.ok, false);
    assert.equal((await outboxRow(t, result.outboxId)).last_error, 'provider_error');
  });

  it('the capturing provider for other tests hands back the text sent to a number', async () => {
    const t = get();
    const capture = createCapturingSmsProvider();
    const phone = uniquePhone();
    const sender = senderFor(t, capture);
    await sender.send({ to: phone, text: 'Code 100001', purpose: 'phone_verification' });
    await sender.send({ to: uniquePhone(), text: 'Code 200002', purpose: 'phone_verification' });
    const last = await sender.send({ to: phone, text: 'Code 300003', purpose: 'phone_verification' });

    assert.equal(capture.lastTo(phone), 'Code 300003');
    assert.equal(capture.messages.length, 3);
    assert.equal(last.ok && last.status, 'sent');
    capture.failWith = 'http_503';
    const failed = await sender.send({ to: phone, text: 'Code 400004', purpose: 'phone_verification' });
    assert.equal(!failed.ok && failed.reason, 'http_503');
  });
});
