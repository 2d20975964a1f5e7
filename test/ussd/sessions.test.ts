import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createTestClock, startTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import {
  describeFindings,
  distinctiveWord,
  findSecrets,
  phoneSecrets,
  type Secret,
  type StoredValue,
  valuesOfDatabase,
} from '../support/dump-scan.ts';
import { createAdmin, uniquePhone } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

const PIN = '58203';

async function register(p: ReturnType<typeof phone>) {
  await p.dial();
  await p.send('1', 'Aline', '1', '2006', '1', PIN, PIN);
  await p.hangUp();
}

describe('USSD sessions on PostgreSQL, two instances', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let logs = '';
  before(async () => {
    db = await openTestDatabase('postgres');
    const clock = createTestClock();
    const logStream = new Writable({
      write(chunk, _e, done) {
        logs += chunk.toString();
        done();
      },
    });
    a = await startTestApp(db, { clock, config: { logLevel: 'debug' }, logStream });
    b = await startTestApp(db, { clock, config: { ...a.config, logLevel: 'silent' } });
  });
  after(async () => {
    await a.app.close();
    await b.app.close();
    await db.close();
  });

  it('answers a retried hop with the same screen and writes nothing twice', async () => {
    const p = phone(() => a.app, uniquePhone());
    await register(p);
    await p.dial();
    await p.send(PIN, '1', '3');
    const saved = await p.send('0111');
    assert.match(saved, /Saved: period started 1 Nov/);
    const before = await db.raw<{ n: number }>('SELECT count(*)::int AS n FROM periods');
    const audit = await db.raw<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    assert.equal(await p.retry(), saved, 'same screen');
    assert.deepEqual(await db.raw('SELECT count(*)::int AS n FROM periods'), before, 'no second period');
    assert.deepEqual(
      await db.raw('SELECT count(*)::int AS n FROM audit_log'),
      audit,
      'nothing audited twice',
    );
  });

  it('resumes a dropped session from the same number, on another instance', async () => {
    const number = uniquePhone();
    const first = phone(() => a.app, number);
    await first.dial();
    await first.send('1', 'Aline', '1');
    await first.hangUp('dropped'); // the line dropped while she was typing her birth year
    const second = phone(() => b.app, number);
    assert.match(await second.dial(), /^CON Continue where you stopped\?\n1 Yes\n2 No, start again$/);
    assert.match(await second.send('1'), /Enter your year of birth/);
    assert.match(await second.send('2006', '1', PIN, PIN), /Welcome, Aline!/);
  });

  it('signs an open call out when her PIN changes elsewhere or the account is deactivated', async () => {
    const p = phone(() => a.app, uniquePhone());
    await register(p);
    await p.dial();
    assert.match(await p.send(PIN), /Main menu/);
    const token = (
      await a.request({ method: 'POST', url: '/api/v1/auth/login', body: { identifier: p.number, pin: PIN } })
    ).json().accessToken;
    const changed = await a.request({
      method: 'PUT',
      url: '/api/v1/me/pin',
      token,
      body: { currentPin: PIN, newPin: '40719' },
    });
    assert.equal(changed.statusCode, 204);
    assert.match(
      await p.send('4'),
      /^CON Welcome back to Lady's Essence\. Enter your PIN/,
      'the call must sign in again',
    );
    assert.match(await p.send('40719'), /Main menu/);

    // A dropped call resumes only after the PIN.
    await p.hangUp('dropped');
    const again = phone(() => b.app, p.number);
    assert.match(await again.dial(), /Continue where you stopped/);
    assert.match(await again.send('1'), /Enter your PIN/);
    assert.match(await again.send('40719'), /Main menu/);

    const admin = await createAdmin(a);
    const userId = (
      await a.request({
        method: 'GET',
        url: '/api/v1/me',
        token: (
          await a.request({
            method: 'POST',
            url: '/api/v1/auth/login',
            body: { identifier: p.number, pin: '40719' },
          })
        ).json().accessToken,
      })
    ).json().id;
    assert.equal(
      (
        await a.request({
          method: 'POST',
          url: `/api/v1/admin/users/${userId}/deactivate`,
          token: admin.accessToken,
        })
      ).statusCode,
      204,
    );
    assert.match(await again.send('4'), /^END This account is not active/);
  });

  it('does not resume after 5 minutes, nor a session that ended', async () => {
    const number = uniquePhone();
    const p = phone(() => a.app, number);
    await p.dial();
    await p.send('1', 'Aline');
    await p.hangUp('dropped');
    a.clock.advance(301);
    assert.match(await p.dial(), /Choose a language/);
    await p.send('1', 'Aline');
    await p.hangUp('ended');
    assert.match(await p.dial(), /Choose a language/);
  });

  it('re-asks with a reason on invalid input instead of ending the session', async () => {
    const p = phone(() => a.app, uniquePhone());
    await p.dial();
    assert.match(
      await p.send('9'),
      /^CON Please choose one of the numbers shown\.\nWelcome to Lady's Essence/,
    );
    assert.match(await p.send('1', '1'), /^CON Use 2 to 30 letters\./);
    assert.match(await p.send('Aline', '5'), /^CON Please choose one/);
    assert.match(await p.send('0'), /Enter your first name/, '0 goes back');
  });

  it('locks the number after 5 wrong PINs, across a new session and the other instance', async () => {
    const p = phone(() => a.app, uniquePhone());
    await register(p);
    await p.dial();
    for (let left = 4; left >= 1; left--) {
      const tries = left === 1 ? 'try' : 'tries';
      assert.match(await p.send('11122'), new RegExp(`Wrong PIN\\. ${left} ${tries} left`));
    }
    assert.match(await p.send('11122'), /^END Too many wrong PINs\. Try again in 15 minutes\./);
    const other = phone(() => b.app, p.number);
    await other.dial();
    assert.match(
      await other.send(PIN),
      /^END Too many wrong PINs/,
      'the right PIN waits too, on the other instance',
    );
    const failures = await db.raw<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login' AND outcome = 'failure' AND channel = 'ussd'",
    );
    assert.ok((failures[0]?.n ?? 0) >= 5, 'each failure audited');
    a.clock.advance(15 * 60);
    const later = phone(() => b.app, p.number);
    await later.dial();
    assert.match(await later.send(PIN), /Main menu/);
  });

  it('keeps PINs and phone numbers out of logs and stored sessions', async () => {
    const number = uniquePhone();
    const name = `Zawadi${distinctiveWord(6)}`;
    const p = phone(() => a.app, number);
    // Her session is stored after every hop, holding what she typed so far (name, birth year, a
    // PIN not yet confirmed): each stored state is read, every bytea decoded on its own.
    const stored: StoredValue[] = [];
    const snapshot = async () => {
      stored.push(...(await valuesOfDatabase(db.raw, { tables: ['ussd_sessions'] })));
    };
    await p.dial();
    await snapshot();
    for (const input of ['1', name, '1', '2006', '1', PIN, PIN, '4']) {
      await p.send(input);
      await snapshot();
    }
    await p.hangUp();
    await snapshot();
    assert.ok(logs.length > 1000, 'the dialogue was logged');
    for (const secret of [PIN, number, number.slice(4), name]) {
      const line = logs.split('\n').find((l) => l.includes(secret));
      assert.equal(line, undefined, `log holds ${secret.slice(0, 3)}…`);
    }
    assert.ok(
      stored.filter((v) => v.where === 'public.ussd_sessions.state_enc').length >= 10,
      'her session state was stored at each hop',
    );
    const secrets: Secret[] = [
      { label: 'PIN', value: PIN, token: true },
      { label: 'name', value: name },
      { label: 'birth year', value: '2006', token: true },
      ...phoneSecrets('phone', number),
    ];
    const inSessions = findSecrets(stored, secrets);
    assert.deepEqual(inSessions, [], describeFindings(inSessions));
    // What the call left anywhere else (account, throttle counters, audit trail) is no more readable.
    const anywhere = findSecrets(await valuesOfDatabase(db.raw), secrets);
    assert.deepEqual(anywhere, [], describeFindings(anywhere));
  });

  it('refuses callers without the gateway secret or from other addresses, and changes nothing', async () => {
    const guarded = await startTestApp(db, {
      config: {
        ...a.config,
        logLevel: 'silent',
        ussdSecret: 's3cret-for-the-gateway-0123456789abcdef',
        ussdAllowedIps: ['127.0.0.0/8'],
      },
    });
    try {
      const before = await db.raw('SELECT count(*)::int AS n FROM ussd_sessions');
      const noSecret = await phone(() => guarded.app, uniquePhone()).raw('');
      assert.equal(noSecret.statusCode, 401);
      assert.match(String(noSecret.headers['content-type']), /problem\+json/);
      const wrong = await phone(() => guarded.app, uniquePhone(), { path: '/ussd/not-the-secret' }).raw('');
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(
        await db.raw('SELECT count(*)::int AS n FROM ussd_sessions'),
        before,
        'nothing stored',
      );
      const inPath = await phone(() => guarded.app, uniquePhone(), {
        path: '/ussd/s3cret-for-the-gateway-0123456789abcdef',
      }).raw('');
      assert.equal(inPath.statusCode, 200);
      const inHeader = await phone(() => guarded.app, uniquePhone(), {
        headers: { 'x-ussd-secret': 's3cret-for-the-gateway-0123456789abcdef' },
      }).raw('');
      assert.match(inHeader.body, /^CON /);
      const foreign = await guarded.app.inject({
        method: 'POST',
        url: '/ussd/s3cret-for-the-gateway-0123456789abcdef',
        remoteAddress: '203.0.113.9',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'sessionId=x&serviceCode=*123%23&phoneNumber=%2B250788123456&text=',
      });
      assert.equal(foreign.statusCode, 403);
    } finally {
      await guarded.app.close();
    }
  });
});
