import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CURRENT_POLICIES } from '../../src/modules/consents/policies.ts';
import { describeEachDatabase, startTestApp, type TestApp } from '../support/app.ts';
import { slotAfter } from '../support/appointments.ts';
import { childView, linked, unlink } from '../support/care.ts';
import { createAdmin, registerUser } from '../support/factories.ts';
import { bookableProvider, booked } from '../support/providers.ts';
import { phone } from '../support/ussd.ts';

// Every table holding someone's data, and where her export shows it (or why it does not).
const EXPORTED: Record<string, string> = {
  users: 'profile',
  periods: 'periods',
  day_logs: 'dayLogs',
  sessions: 'sessions',
  consent_records: 'consents',
  guardian_codes: 'guardianCodes',
  audit_log: 'accessLog',
  appointments: 'appointments',
  care_links: 'careLinks',
};
const NOT_EXPORTED: Record<string, string> = {
  user_keys: 'her wrapped encryption key: useless outside the service, destroyed on erasure',
  ussd_sessions: 'the state of a phone call in progress, kept 10 minutes',
  verification_codes: 'codes texted to her number: only keyed hashes, valid 15 minutes, used once',
  credential_upgrades: 'a start-up marker that her password/PIN hash predates binding; emptied at start',
  review_flags: "an admin's review note about a guardian account (fraud prevention), not her data",
  known_devices: 'keyed hashes of the browsers she signed in with (guardian recovery only from hers)',
  guardian_recovery_requests: 'recovery requests: keyed hashes only, 30 minutes, used once (decision 020)',
  provider_profiles:
    "a health provider's own directory entry (no young woman has one; providers read it at GET /providers/me)",
};

async function userTables(t: TestApp): Promise<string[]> {
  const rows = await t.db.raw<{ table_name: string }>(
    `SELECT DISTINCT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name IN ('user_id', 'child_id', 'patient_id', 'subject_id', 'granted_by', 'phone_bidx')`,
  );
  return [...new Set(['users', ...rows.map((r) => r.table_name)])].sort();
}

/** No row of any user-data table still points at her (the audit trail and call state checked apart). */
async function assertNothingLeft(t: TestApp, tables: string[], userId: string): Promise<void> {
  for (const table of tables.filter((x) => x !== 'audit_log' && x !== 'ussd_sessions')) {
    const columns = await t.db.raw<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [table],
    );
    const names = columns.map((c) => c.column_name);
    const key = ['user_id', 'child_id', 'patient_id', 'granted_by'].find((c) => names.includes(c)) ?? 'id';
    const left = await t.db.raw<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${key}::text = $1`,
      [userId],
    );
    assert.equal(left[0]?.n, 0, `${table} still holds her rows`);
  }
}

const thisYear = new Date('2026-11-28').getUTCFullYear();

/** A 13-year-old whose guardian consented, with data in every kind of table. */
async function teenWithEverything(t: TestApp) {
  const teen = await registerUser(t, { birthYear: thisYear - 13 });
  const refused = await t.request({
    method: 'POST',
    url: '/api/v1/cycles/periods',
    token: teen.accessToken,
    body: { startDate: '2026-11-01' },
  });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().code, 'guardian_consent_required');
  const code = (
    await t.request({ method: 'POST', url: '/api/v1/me/guardian-code', token: teen.accessToken })
  ).json().code;
  const parent = await registerUser(t, { role: 'parent' });
  assert.equal(
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/guardian/consent',
        token: parent.accessToken,
        body: { code },
      })
    ).statusCode,
    204,
  );
  assert.equal(
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/cycles/periods',
        token: teen.accessToken,
        body: { startDate: '2026-11-01', endDate: '2026-11-04', notes: 'first one' },
      })
    ).statusCode,
    201,
  );
  await t.request({
    method: 'PUT',
    url: '/api/v1/cycles/days/2026-11-02',
    token: teen.accessToken,
    body: { symptoms: ['cramps'] },
  });
  const provider = await bookableProvider(t);
  const slot = await slotAfter(t, teen.accessToken, provider.id, 600);
  await booked(t, teen.accessToken, { providerId: provider.id, start: slot.start, words: 'my own words' });
  const call = phone(() => t.app, teen.phone);
  await call.dial();
  await call.send(teen.pin);
  return { teen, parent, code };
}

describeEachDatabase('privacy rights', (get) => {
  it('exports her rows from every table that holds user data, and erasure leaves none', async () => {
    const t = get();
    const { teen, parent } = await teenWithEverything(t);
    const tables = await userTables(t);
    const unmapped = tables.filter((x) => !(x in EXPORTED) && !(x in NOT_EXPORTED));
    assert.deepEqual(unmapped, [], 'a new table holds user data: add it to the export (and here)');

    const exported = await t.request({ method: 'GET', url: '/api/v1/me/export', token: teen.accessToken });
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-disposition']), /attachment/);
    const data = exported.json();
    assert.equal(data.format, 'ladys-essence-export');
    assert.equal(data.profile.phone, teen.phone, 'decrypted');
    for (const [table, section] of Object.entries(EXPORTED)) {
      const value = data[section];
      assert.ok(
        Array.isArray(value) ? value.length > 0 : value && typeof value === 'object',
        `${table} → ${section} is empty`,
      );
    }
    assert.equal(data.periods[0].notes, 'first one');
    assert.deepEqual(data.dayLogs[0].symptoms, ['cramps']);
    assert.ok(
      data.consents.some(
        (c: { purpose: string; givenBy: string }) => c.purpose === 'guardian' && c.givenBy === 'guardian',
      ),
    );
    assert.doesNotMatch(
      exported.body,
      new RegExp(parent.phone.slice(4)),
      "the guardian's details are not hers to export",
    );

    const zip = await t.request({
      method: 'GET',
      url: '/api/v1/me/export?format=csv',
      token: teen.accessToken,
    });
    assert.equal(zip.statusCode, 200);
    assert.equal(zip.headers['content-type'], 'application/zip');
    assert.equal(zip.rawPayload.subarray(0, 2).toString(), 'PK');

    const wrong = await t.request({
      method: 'DELETE',
      url: '/api/v1/me',
      token: teen.accessToken,
      body: { pin: '12345' },
    });
    assert.equal(wrong.statusCode, 401, 'erasure needs her PIN or password');
    const erased = await t.request({
      method: 'DELETE',
      url: '/api/v1/me',
      token: teen.accessToken,
      body: { pin: teen.pin },
    });
    assert.equal(erased.statusCode, 204);
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/me', token: teen.accessToken })).statusCode,
      401,
      'sessions revoked',
    );
    await assertNothingLeft(t, tables, teen.id);
    const calls = await t.db.raw<{ n: number }>('SELECT count(*)::int AS n FROM ussd_sessions');
    assert.equal(calls[0]?.n, 0, 'her USSD sessions are gone');
    // The trail keeps what happened (tombstones), but no row names her any more.
    const audit = JSON.stringify(await t.db.raw('SELECT * FROM audit_log'));
    assert.ok(audit.includes('account.delete'), 'the erasure itself is in the trail');
    for (const secret of [teen.id, teen.name, teen.email, teen.phone.slice(4)])
      assert.ok(!audit.includes(secret));
  });

  it('asks everyone to accept a new policy version, on the web and by USSD', async () => {
    const t = get();
    const user = await registerUser(t, { birthYear: 2004 });
    const next = { ...CURRENT_POLICIES, privacy: { ...CURRENT_POLICIES.privacy, version: '2027-01-01' } };
    const updated = await startTestApp(t.db, { config: t.config, clock: t.clock, policies: next });
    try {
      const blocked = await updated.request({
        method: 'GET',
        url: '/api/v1/cycles/prediction',
        token: user.accessToken,
      });
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().code, 'consent_required');
      const status = (
        await updated.request({ method: 'GET', url: '/api/v1/me/consents', token: user.accessToken })
      ).json();
      assert.deepEqual(
        status.policies.map((p: { kind: string; accepted: boolean }) => [p.kind, p.accepted]),
        [
          ['terms', true],
          ['privacy', false],
        ],
      );
      const stale = await updated.request({
        method: 'PUT',
        url: '/api/v1/me/consents',
        token: user.accessToken,
        body: { accept: { privacy: CURRENT_POLICIES.privacy.version } },
      });
      assert.equal(stale.statusCode, 409);
      const ok = await updated.request({
        method: 'PUT',
        url: '/api/v1/me/consents',
        token: user.accessToken,
        body: { accept: { privacy: '2027-01-01' } },
      });
      assert.equal(ok.statusCode, 200);
      assert.equal(
        (await updated.request({ method: 'GET', url: '/api/v1/cycles/prediction', token: user.accessToken }))
          .statusCode,
        200,
      );

      const other = await registerUser(t, { birthYear: 2004 });
      const call = phone(() => updated.app, other.phone);
      await call.dial();
      assert.match(
        await call.send(other.pin),
        /^CON Our terms or privacy notice changed\..*\n1 I accept\n2 I do not accept$/s,
      );
      assert.match(await call.send('1'), /Main menu/);
      const after = (
        await updated.request({ method: 'GET', url: '/api/v1/me/consents', token: other.accessToken })
      ).json();
      assert.ok(after.policies.every((p: { accepted: boolean }) => p.accepted));
    } finally {
      await updated.app.close();
    }
  });

  it('records purpose consents as they are granted and withdrawn, effective on the next request', async () => {
    const t = get();
    const user = await registerUser(t);
    const put = (analytics: boolean) =>
      t.request({
        method: 'PUT',
        url: '/api/v1/me/consents',
        token: user.accessToken,
        body: { purposes: { analytics } },
      });
    assert.equal((await put(true)).json().purposes[0].granted, true);
    await put(false);
    const now = (
      await t.request({ method: 'GET', url: '/api/v1/me/consents', token: user.accessToken })
    ).json();
    assert.equal(now.purposes[0].granted, false);
    const audited = await t.db.raw<{ action: string }>(
      "SELECT action FROM audit_log WHERE subject_id::text = $1 AND action LIKE 'consent.%' ORDER BY seq",
      [user.id],
    );
    assert.deepEqual(
      audited.map((a) => a.action),
      ['consent.grant', 'consent.withdraw'],
    );
  });

  it('keeps no health data of a young teenager until a guardian consents, and the code works once', async () => {
    const t = get();
    const teen = await registerUser(t, { birthYear: thisYear - 12 });
    const status = (
      await t.request({ method: 'GET', url: '/api/v1/me/consents', token: teen.accessToken })
    ).json();
    assert.deepEqual(status.guardian, { required: true, given: false, at: null });
    assert.equal(
      (
        await t.request({
          method: 'PUT',
          url: '/api/v1/cycles/days/2026-11-20',
          token: teen.accessToken,
          body: { pain: 4 },
        })
      ).statusCode,
      403,
    );
    const rows = await t.db.raw<{ n: number }>(
      'SELECT (SELECT count(*) FROM periods WHERE user_id::text = $1) + (SELECT count(*) FROM day_logs WHERE user_id::text = $1) AS n',
      [teen.id],
    );
    assert.equal(Number(rows[0]?.n), 0);
    const { code } = (
      await t.request({ method: 'POST', url: '/api/v1/me/guardian-code', token: teen.accessToken })
    ).json();
    const notParent = await registerUser(t, { birthYear: 2000 });
    assert.equal(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/guardian/consent',
          token: notParent.accessToken,
          body: { code },
        })
      ).statusCode,
      403,
    );
    // A guardian account with a phone number of its own, proven by the code texted to it.
    const parentToken = (await registerUser(t, { name: 'Mama Teen', role: 'parent', birthYear: 1985 }))
      .accessToken;
    assert.equal(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/guardian/consent',
          token: parentToken,
          body: { code },
        })
      ).statusCode,
      204,
    );
    assert.equal(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/guardian/consent',
          token: parentToken,
          body: { code },
        })
      ).statusCode,
      404,
      'single use',
    );
    assert.equal(
      (
        await t.request({
          method: 'PUT',
          url: '/api/v1/cycles/days/2026-11-20',
          token: teen.accessToken,
          body: { pain: 4 },
        })
      ).statusCode,
      200,
    );
    assert.equal(
      (
        await t.request({
          method: 'GET',
          url: '/api/v1/cycles/days?from=2026-11-01&to=2026-11-30',
          token: parentToken,
        })
      ).statusCode,
      403,
      'consent to the account is not sight of her data',
    );
  });

  it("shows an admin's read of her profile in her access log, and nobody else's events", async () => {
    const t = get();
    const admin = await createAdmin(t);
    const her = await registerUser(t);
    const other = await registerUser(t);
    assert.equal(
      (await t.request({ method: 'GET', url: `/api/v1/admin/users/${her.id}`, token: admin.accessToken }))
        .statusCode,
      200,
    );
    await t.request({ method: 'GET', url: `/api/v1/admin/users/${other.id}`, token: admin.accessToken });
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: other.email, password: 'wrong password here' },
    });
    const log = (
      await t.request({ method: 'GET', url: '/api/v1/me/access-log', token: her.accessToken })
    ).json().entries as Array<{ actor: { role: string; label: string }; action: string }>;
    const read = log.find((e) => e.action === 'user.read');
    assert.ok(read, 'the admin read is listed');
    assert.equal(read.actor.role, 'admin');
    assert.match(read.actor.label, /^admin [0-9A-F]{6}$/);
    assert.ok(
      !JSON.stringify(log).includes(admin.id) && !JSON.stringify(log).includes(admin.email),
      'the admin is a pseudonym',
    );
    const hers = await t.db.raw<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log WHERE subject_id::text = $1',
      [her.id],
    );
    assert.equal(log.length, hers[0]?.n, 'only events about her');
    assert.ok(log.some((e) => e.actor.label === 'you'));
  });

  it('lists her token refreshes and reads of her health data in her access log and export', async () => {
    const t = get();
    const her = await registerUser(t);
    const refreshed = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: her.refreshToken },
    });
    assert.equal(refreshed.statusCode, 200);
    const token = refreshed.json().accessToken;
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/cycles/stats', token })).statusCode, 200);
    const log = (await t.request({ method: 'GET', url: '/api/v1/me/access-log', token })).json()
      .entries as Array<{ action: string; resource: string | null; actor: { label: string } }>;
    assert.ok(
      log.some((e) => e.action === 'auth.refresh' && e.actor.label === 'you'),
      'a token refresh is listed',
    );
    assert.ok(
      log.some((e) => e.action === 'health_data.read' && e.resource === 'stats' && e.actor.label === 'you'),
      'a read of her health data is listed',
    );
    const exported = (await t.request({ method: 'GET', url: '/api/v1/me/export', token })).json();
    assert.ok(exported.accessLog.some((e: { action: string }) => e.action === 'health_data.read'));
  });

  it('names in her access log only the people she knows: the parent she linked, the health worker she booked', async () => {
    const t = get();
    const her = await registerUser(t);
    const parent = await registerUser(t, { role: 'parent', birthYear: 1980 });
    const link = await linked(t, her, parent);
    assert.equal((await childView(t, parent.accessToken, her.id, 'prediction')).statusCode, 200);
    const provider = await bookableProvider(t);
    const slot = await slotAfter(t, her.accessToken, provider.id, 24 * 60);
    const visit = await booked(t, her.accessToken, { providerId: provider.id, start: slot.start });
    const seen = await t.request({
      method: 'GET',
      url: `/api/v1/appointments/${visit.id}`,
      token: provider.accessToken,
    });
    assert.equal(seen.statusCode, 200, seen.body);
    const admin = await createAdmin(t);
    await t.request({ method: 'GET', url: `/api/v1/admin/users/${her.id}`, token: admin.accessToken });

    type Entry = { action: string; actor: { role: string; label: string; name?: string } };
    const log = async () =>
      (await t.request({ method: 'GET', url: '/api/v1/me/access-log', token: her.accessToken })).json()
        .entries as Entry[];
    const actorOf = (entries: Entry[], action: string, role: string) =>
      entries.find((e) => e.action === action && e.actor.role === role)?.actor;
    const before = await log();
    assert.equal(actorOf(before, 'care.read', 'parent')?.name, parent.name, 'the parent she linked, by name');
    assert.equal(
      actorOf(before, 'appointment.read', 'provider')?.name,
      provider.name,
      'her health worker, by name',
    );
    const adminRead = actorOf(before, 'user.read', 'admin');
    assert.ok(adminRead, 'the admin read is listed');
    assert.equal(adminRead.name, undefined, 'staff she never chose stay a pseudonym');
    assert.ok(!JSON.stringify(before).includes(admin.email));

    // Once she ends the link, his past reads stay listed, as a pseudonym: she no longer shares with him.
    assert.equal((await unlink(t, her.accessToken, link)).statusCode, 204);
    const after = actorOf(await log(), 'care.read', 'parent');
    assert.ok(after, 'his read is still listed');
    assert.equal(after.name, undefined);
    assert.match(after.label, /^parent [0-9A-F]{6}$/);
  });
});
