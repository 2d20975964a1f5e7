import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { GOOD_PASSWORD, registerUser, uniqueEmail } from '../support/factories.ts';
import {
  adminOf,
  inviteProvider,
  OPEN_EVERY_DAY,
  registerProvider,
  setAvailability,
} from '../support/providers.ts';

const directory = async (t: TestApp, token: string, query = '') => {
  const res = await t.request({ method: 'GET', url: `/api/v1/providers${query}`, token });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().providers as Array<{ id: string }>).map((p) => p.id);
};

const registration = (overrides: Record<string, unknown> = {}) => ({
  name: 'Dr Mukamana Test',
  email: uniqueEmail(),
  password: GOOD_PASSWORD,
  licenceNumber: 'RMDC-77-1234',
  facility: 'Remera Health Centre',
  district: 'gasabo',
  languages: ['rw', 'fr'],
  services: ['menstrual_health'],
  acceptTerms: true,
  ...overrides,
});

describeEachDatabase(
  'health providers',
  (get) => {
    it('a provider who registers waits, unseen and unbookable, until an admin verifies the licence', async () => {
      const t = get();
      const girl = await registerUser(t);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/providers/register',
        body: registration(),
      });
      assert.equal(res.statusCode, 201, res.body);
      const { user, accessToken, provider } = res.json();
      assert.equal(user.role, 'provider');
      assert.equal(provider.status, 'pending');
      assert.equal(provider.verifiedAt, null);
      assert.ok(accessToken);
      assert.equal(JSON.stringify(res.json()).includes('RMDC-77-1234'), false, 'the licence is not echoed');

      // Pending: she edits her own profile and hours, nobody else sees or books her.
      await setAvailability(t, { accessToken });
      const me = await t.request({ method: 'GET', url: '/api/v1/providers/me', token: accessToken });
      assert.equal(me.json().status, 'pending');
      assert.ok(!(await directory(t, girl.accessToken, '?district=gasabo')).includes(user.id));
      const slots = await t.request({
        method: 'GET',
        url: `/api/v1/providers/${user.id}/slots`,
        token: girl.accessToken,
      });
      assert.equal(slots.statusCode, 404);
      const entry = () =>
        t.request({ method: 'GET', url: `/api/v1/providers/${user.id}`, token: girl.accessToken });
      assert.equal((await entry()).statusCode, 404, 'not even her name, by id');

      const admin = await adminOf(t);
      const pending = await t.request({
        method: 'GET',
        url: '/api/v1/admin/providers?status=pending',
        token: admin.accessToken,
      });
      assert.equal(pending.statusCode, 200);
      const listed = pending.json().providers.find((p: { id: string }) => p.id === user.id);
      assert.equal(listed.licenceNumber, 'RMDC-77-1234', 'admins read the licence to check it');
      const verify = await t.request({
        method: 'POST',
        url: `/api/v1/admin/providers/${user.id}/verify`,
        token: admin.accessToken,
      });
      assert.equal(verify.statusCode, 200, verify.body);
      assert.equal(verify.json().status, 'verified');
      assert.ok((await directory(t, girl.accessToken, '?district=gasabo')).includes(user.id));
      const verified = await entry();
      assert.equal(verified.statusCode, 200, verified.body);
      assert.equal(verified.json().id, user.id);
      assert.equal(verified.json().district, 'gasabo');
      assert.equal(
        JSON.stringify(verified.json()).includes('RMDC-77-1234'),
        false,
        'no licence in the directory',
      );

      // The admin's read of her licence is in her access log.
      const log = await t.request({ method: 'GET', url: '/api/v1/me/access-log', token: accessToken });
      const actions = log.json().entries.map((e: { action: string }) => e.action);
      assert.ok(actions.includes('admin.provider_read'));
      assert.ok(actions.includes('admin.provider_verify'));
    });

    it("an admin's invitation makes a verified provider at once, once, for 7 days", async () => {
      const t = get();
      const code = await inviteProvider(t);
      assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      // Typed with spaces and in lower case, as someone reading it aloud would.
      const spoken = code.toLowerCase().replaceAll('-', ' ');
      const first = await t.request({
        method: 'POST',
        url: '/api/v1/providers/register',
        body: registration({ invitationCode: spoken }),
      });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().provider.status, 'verified');

      const email = uniqueEmail();
      const again = await t.request({
        method: 'POST',
        url: '/api/v1/providers/register',
        body: registration({ email, invitationCode: code }),
      });
      assert.equal(again.statusCode, 400);
      assert.equal(again.json().code, 'invalid_code');
      // Nothing was created: the same email registers without the code.
      const plain = await t.request({
        method: 'POST',
        url: '/api/v1/providers/register',
        body: registration({ email }),
      });
      assert.equal(plain.statusCode, 201, plain.body);
      assert.equal(plain.json().provider.status, 'pending');

      const late = await inviteProvider(t);
      t.clock.advance(7 * 86_400 + 60);
      const expired = await t.request({
        method: 'POST',
        url: '/api/v1/providers/register',
        body: registration({ invitationCode: late }),
      });
      assert.equal(expired.json().code, 'invalid_code');
      const wrong = await t.request({
        method: 'POST',
        url: '/api/v1/providers/register',
        body: registration({ invitationCode: 'AAAA-BBBB-CCCC' }),
      });
      assert.equal(wrong.json().code, 'invalid_code');
    });

    it('one invitation raced by ten registrations makes one verified provider', async () => {
      const t = get();
      const code = await inviteProvider(t);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.request({
            method: 'POST',
            url: '/api/v1/providers/register',
            body: registration({ invitationCode: code }),
          }),
        ),
      );
      const outcomes = answers.map((a) => (a.statusCode === 201 ? a.json().provider.status : a.json().code));
      assert.deepEqual(
        outcomes.filter((o) => o !== 'invalid_code'),
        ['verified'],
        outcomes.join(', '),
      );
    });

    it('nobody becomes a provider through /auth/register', async () => {
      const t = get();
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        body: {
          name: 'Fake Doctor',
          email: uniqueEmail(),
          password: GOOD_PASSWORD,
          role: 'provider',
          acceptTerms: true,
        },
      });
      assert.equal(res.statusCode, 400);
    });

    it('an admin rejects (with a reason she reads) and suspends; only admins do', async () => {
      const t = get();
      const admin = await adminOf(t);
      const girl = await registerUser(t);
      const pending = await registerProvider(t, {}, { verified: false });
      for (const [url, body] of [
        ['/api/v1/admin/provider-invitations', undefined],
        [`/api/v1/admin/providers/${pending.id}/verify`, undefined],
        [`/api/v1/admin/providers/${pending.id}/suspend`, undefined],
        [`/api/v1/admin/providers/${pending.id}/reject`, { reason: 'no' }],
      ] as const) {
        for (const token of [girl.accessToken, pending.accessToken]) {
          const res = await t.request({ method: 'POST', url, token, ...(body ? { body } : {}) });
          assert.equal(res.statusCode, 403, `${url}: ${res.body}`);
        }
      }
      const list = await t.request({
        method: 'GET',
        url: '/api/v1/admin/providers',
        token: pending.accessToken,
      });
      assert.equal(list.statusCode, 403);

      const reject = await t.request({
        method: 'POST',
        url: `/api/v1/admin/providers/${pending.id}/reject`,
        token: admin.accessToken,
        body: { reason: 'The licence number does not match the council register' },
      });
      assert.equal(reject.statusCode, 200, reject.body);
      const me = await t.request({ method: 'GET', url: '/api/v1/providers/me', token: pending.accessToken });
      assert.equal(me.json().status, 'rejected');
      assert.match(me.json().reviewNote, /council register/);

      const verified = await registerProvider(t);
      await setAvailability(t, verified);
      assert.ok((await directory(t, girl.accessToken)).includes(verified.id));
      const rejectVerified = await t.request({
        method: 'POST',
        url: `/api/v1/admin/providers/${verified.id}/reject`,
        token: admin.accessToken,
        body: { reason: 'late' },
      });
      assert.equal(rejectVerified.statusCode, 409, 'a verified provider is suspended, not rejected');
      const suspend = await t.request({
        method: 'POST',
        url: `/api/v1/admin/providers/${verified.id}/suspend`,
        token: admin.accessToken,
      });
      assert.equal(suspend.json().status, 'suspended');
      assert.ok(!(await directory(t, girl.accessToken)).includes(verified.id));
      const slots = await t.request({
        method: 'GET',
        url: `/api/v1/providers/${verified.id}/slots`,
        token: girl.accessToken,
      });
      assert.equal(slots.statusCode, 404);
      const work = await t.request({
        method: 'GET',
        url: '/api/v1/appointments',
        token: verified.accessToken,
      });
      assert.equal(work.statusCode, 403);
      assert.equal(work.json().code, 'provider_unverified');
    });

    it('the directory filters by district, language and service', async () => {
      const t = get();
      const girl = await registerUser(t);
      const huye = await registerProvider(t, {
        district: 'huye',
        languages: ['sw'],
        services: ['nutrition'],
      });
      const musanze = await registerProvider(t, {
        district: 'musanze',
        languages: ['fr'],
        services: ['contraception'],
      });
      assert.deepEqual(await directory(t, girl.accessToken, '?district=huye'), [huye.id]);
      assert.deepEqual(await directory(t, girl.accessToken, '?district=musanze&language=fr'), [musanze.id]);
      assert.deepEqual(await directory(t, girl.accessToken, '?district=musanze&language=sw'), []);
      assert.deepEqual(await directory(t, girl.accessToken, '?service=nutrition&language=sw'), [huye.id]);
      const bad = await t.request({
        method: 'GET',
        url: '/api/v1/providers?district=atlantis',
        token: girl.accessToken,
      });
      assert.equal(bad.statusCode, 400);
      const districts = await t.request({
        method: 'GET',
        url: '/api/v1/providers/districts',
        token: girl.accessToken,
      });
      assert.equal(districts.json().districts.length, 30);
      const entry = (
        await t.request({ method: 'GET', url: '/api/v1/providers?district=huye', token: girl.accessToken })
      ).json().providers[0];
      assert.deepEqual(Object.keys(entry).sort(), [
        'displayName',
        'district',
        'facility',
        'id',
        'languages',
        'services',
        'slotMinutes',
        'timeZone',
      ]);
    });

    it('a provider keeps her own profile and hours; bad hours are refused', async () => {
      const t = get();
      const provider = await registerProvider(t, {}, { verified: false });
      const put = await t.request({
        method: 'PUT',
        url: '/api/v1/providers/me',
        token: provider.accessToken,
        body: { displayName: 'Dr Uwase', facility: 'CHUK', district: 'nyarugenge', languages: ['en'] },
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().facility, 'CHUK');
      assert.equal(put.json().status, 'pending');

      const availability = {
        timeZone: 'Europe/Paris',
        slotMinutes: 20,
        weekly: [
          { weekday: 3, opens: '14:00', closes: '16:00' },
          { weekday: 1, opens: '08:00', closes: '12:00' },
        ],
        daysOff: ['2026-12-25', '2026-12-24'],
      };
      await setAvailability(t, provider, availability);
      const back = await t.request({
        method: 'GET',
        url: '/api/v1/providers/me/availability',
        token: provider.accessToken,
      });
      assert.deepEqual(back.json(), {
        ...availability,
        weekly: [availability.weekly[1], availability.weekly[0]],
        daysOff: ['2026-12-24', '2026-12-25'],
      });

      const refused = async (body: Record<string, unknown>) => {
        const res = await t.request({
          method: 'PUT',
          url: '/api/v1/providers/me/availability',
          token: provider.accessToken,
          body: { ...OPEN_EVERY_DAY, ...body },
        });
        assert.equal(res.statusCode, 400, JSON.stringify(body));
      };
      await refused({ slotMinutes: 10 });
      await refused({ slotMinutes: 61 });
      await refused({ timeZone: 'Mars/Olympus_Mons' });
      await refused({ weekly: [{ weekday: 1, opens: '12:00', closes: '08:00' }] });
      await refused({
        weekly: [
          { weekday: 2, opens: '08:00', closes: '12:00' },
          { weekday: 2, opens: '11:00', closes: '13:00' },
        ],
      });
      await refused({ weekly: [{ weekday: 8, opens: '08:00', closes: '12:00' }] });
      await refused({ weekly: [{ weekday: 1, opens: '8:00', closes: '12:00' }] });

      const girl = await registerUser(t);
      for (const [method, url] of [
        ['GET', '/api/v1/providers/me'],
        ['GET', '/api/v1/providers/me/availability'],
      ] as const) {
        assert.equal((await t.request({ method, url, token: girl.accessToken })).statusCode, 403);
      }
    });

    it('attacker: a database writer marks a provider verified, without the server key', async () => {
      const t = get();
      const girl = await registerUser(t);
      const provider = await registerProvider(t, { district: 'rusizi' }, { verified: false });
      await setAvailability(t, provider);
      const search = async () =>
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/providers/slots?district=rusizi',
            token: girl.accessToken,
          })
        ).json().slots as unknown[];
      assert.deepEqual(await search(), []);
      await t.db.raw(`UPDATE provider_profiles SET status = 'verified' WHERE user_id = '${provider.id}'`);
      assert.deepEqual(await directory(t, girl.accessToken, '?district=rusizi'), []);
      assert.deepEqual(await search(), [], 'no slot of hers in the district search either');
      const slots = await t.request({
        method: 'GET',
        url: `/api/v1/providers/${provider.id}/slots`,
        token: girl.accessToken,
      });
      assert.equal(slots.statusCode, 404);
      const work = await t.request({
        method: 'GET',
        url: '/api/v1/appointments',
        token: provider.accessToken,
      });
      assert.equal(work.statusCode, 403);
      assert.equal(work.json().code, 'provider_unverified');
      // Her licence number is sealed: the row never holds it in the clear.
      const rows = await t.db.raw<{ licence_enc: Uint8Array }>(
        `SELECT licence_enc FROM provider_profiles WHERE user_id = '${provider.id}'`,
      );
      assert.equal(
        Buffer.from(rows[0]?.licence_enc ?? []).includes(Buffer.from(provider.licenceNumber)),
        false,
      );
    });
  },
  // Many registrations from one test address (accounts and providers share one hourly quota).
  { config: { rateLimitScale: 10 } },
);
