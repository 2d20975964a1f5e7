import assert from 'node:assert/strict';
import { it } from 'node:test';
import Fastify from 'fastify';
import { createServices } from '../../src/app.ts';
import { DecryptionError } from '../../src/platform/crypto/aead.ts';
import { loggerOptions } from '../../src/platform/logging.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { uniquePhone } from '../support/factories.ts';
import { createCapturingSmsProvider } from '../support/sms.ts';

/*
 * The outbox: what a database reader sees of a message (nothing readable), and what the default
 * provider (SMS_PROVIDER=outbox) shows a developer in the log (the text, not the number).
 */

/** The sender with the app's real logger configuration (redaction included), lines captured. */
function senderWithLog(t: TestApp, env: 'test' | 'production') {
  const lines: string[] = [];
  const log = Fastify({
    logger: { ...loggerOptions('info'), stream: { write: (line: string) => lines.push(line) } },
  }).log;
  const { sms } = createServices({
    config: { ...t.config, env, sms: { provider: 'outbox' } },
    database: t.db.database,
    clock: t.clock.now,
    logger: log,
  });
  return { sms, lines };
}

/** Each value of the row on its own, bytea decoded both ways: misalignment cannot hide plaintext. */
function readableValues(row: Record<string, unknown>): string[] {
  return Object.values(row).flatMap((value) =>
    value instanceof Uint8Array
      ? [Buffer.from(value).toString('latin1'), Buffer.from(value).toString('utf8')]
      : [String(value)],
  );
}

describeEachDatabase('SMS outbox', (get) => {
  it('keeps no destination or text readable in the database', async () => {
    const t = get();
    const { sms } = createServices({
      config: t.config,
      database: t.db.database,
      clock: t.clock.now,
      smsProvider: createCapturingSmsProvider(),
    });
    const messages = [
      { to: uniquePhone(), text: 'Your code is 615273', code: '615273' },
      { to: uniquePhone(), text: 'Kode yawe ni 908172', code: '908172' },
    ];
    const ids = [];
    for (const m of messages)
      ids.push((await sms.send({ to: m.to, text: m.text, purpose: 'phone_verification' })).outboxId);

    const rows = await t.db.raw<Record<string, unknown>>('SELECT * FROM sms_outbox');
    assert.ok(rows.length >= 2);
    const sealed = rows.flatMap((row) => Object.values(row).filter((v) => v instanceof Uint8Array));
    assert.ok(sealed.length >= 4, 'destination and text stored, as bytea');
    const values = rows.flatMap(readableValues);
    for (const m of messages) {
      for (const secret of [m.to, m.to.slice(1), m.to.slice(-9), m.text, m.code]) {
        assert.ok(!values.some((v) => v.includes(secret)), `found ${secret.slice(0, 4)}… in clear`);
      }
    }
    // Still readable by the service, under its key.
    const first = await sms.read(ids[0] ?? '');
    assert.equal(first?.to, messages[0]?.to);
    assert.equal(first?.text, messages[0]?.text);
  });

  it('a sealed value moved to another row no longer opens: each is bound to its row', async () => {
    const t = get();
    const { sms } = createServices({
      config: t.config,
      database: t.db.database,
      clock: t.clock.now,
      smsProvider: createCapturingSmsProvider(),
    });
    const a = await sms.send({ to: uniquePhone(), text: 'Code 123450', purpose: 'phone_verification' });
    const b = await sms.send({ to: uniquePhone(), text: 'Code 678901', purpose: 'phone_verification' });
    await t.db.raw(
      'UPDATE sms_outbox SET destination_enc = (SELECT destination_enc FROM sms_outbox WHERE id = $1) WHERE id = $2',
      [a.outboxId, b.outboxId],
    );
    await assert.rejects(sms.read(b.outboxId), DecryptionError);
  });

  it('the default provider sends nothing, keeps the row and logs the text with the number redacted', async () => {
    const t = get();
    const { sms, lines } = senderWithLog(t, 'test');
    const phone = uniquePhone();

    const result = await sms.send({ to: phone, text: 'Your code is 739204', purpose: 'phone_verification' });

    assert.deepEqual(result, { ok: true, outboxId: result.outboxId, status: 'kept' });
    const [row] = await t.db.raw<Record<string, unknown>>(
      'SELECT status, attempts, sent_at, provider_message_id FROM sms_outbox WHERE id = $1',
      [result.outboxId],
    );
    assert.deepEqual(row, { status: 'kept', attempts: 1, sent_at: null, provider_message_id: null });
    const kept = lines.filter((line) => line.includes('sms_kept'));
    assert.equal(kept.length, 1, lines.join(''));
    const line = kept[0] ?? '';
    assert.ok(line.includes('739204'), 'a developer can read the code');
    assert.equal(JSON.parse(line).to, `***${phone.slice(-3)}`);
    for (const form of [phone, phone.slice(1), phone.slice(-9)]) {
      assert.ok(!lines.join('').includes(form), 'never the full number');
    }
  });

  it('in production the outbox provider logs neither the text nor the number', async () => {
    const t = get();
    const { sms, lines } = senderWithLog(t, 'production');
    const phone = uniquePhone();
    await sms.send({ to: phone, text: 'Your code is 246813', purpose: 'phone_verification' });
    const all = lines.join('');
    assert.match(all, /sms_kept/);
    for (const secret of ['246813', phone.slice(-9), `***${phone.slice(-3)}`]) {
      assert.ok(!all.includes(secret), `the production log shows ${secret}`);
    }
  });
});
