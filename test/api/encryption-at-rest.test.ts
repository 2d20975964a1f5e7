import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { describeEachDatabase, startTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase } from '../support/databases.ts';
import {
  dateSecrets,
  describeFindings,
  distinctiveWord,
  findSecrets,
  phoneSecrets,
  type Secret,
  valuesOfDatabase,
  valuesOfPgDump,
} from '../support/dump-scan.ts';
import { registerUser } from '../support/factories.ts';
import { type DumpablePostgres, openDumpablePostgres } from '../support/pg-dump.ts';

// Far from the test clock's today (2026-11-28), so no ordinary timestamp can equal one of them.
const PERIODS = [
  { startDate: '2026-03-11', endDate: '2026-03-15' },
  { startDate: '2026-04-08', endDate: '2026-04-12' },
];
const DAY = '2026-03-13';
const BIRTH_YEAR = 2009;

/**
 * A young woman and a parent register; she logs two periods and a day, with something of her own
 * in every free field. Returns everything of theirs that must never be readable at rest.
 */
async function liveHerLife(t: TestApp): Promise<Secret[]> {
  const word = () => distinctiveWord();
  const her = await registerUser(t, {
    name: `Mukamana ${word()}`,
    password: `${word()} harbour lantern`,
    birthYear: BIRTH_YEAR,
  });
  const parent = await registerUser(t, { role: 'parent', name: `Kayitesi ${word()}` });
  const note = `Quokka ${word()} note`;
  const ownSymptom = `Zigzag ${word()} ache`;
  for (const period of PERIODS) {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/cycles/periods',
      token: her.accessToken,
      body: { ...period, flow: 'medium', notes: `${note} on her period` },
    });
    assert.equal(res.statusCode, 201, res.body);
  }
  const day = await t.request({
    method: 'PUT',
    url: `/api/v1/cycles/days/${DAY}`,
    token: her.accessToken,
    body: {
      flow: 'heavy',
      symptoms: ['cramps'],
      otherSymptoms: [ownSymptom],
      pain: 6,
      notes: `${note} today`,
    },
  });
  assert.equal(day.statusCode, 200, day.body);
  return [
    ...[her, parent].flatMap((u, i) => {
      const who = i === 0 ? 'her' : 'parent';
      return [
        { label: `${who} name`, value: u.name },
        { label: `${who} name's own word`, value: u.name.split(' ')[1] ?? u.name },
        ...phoneSecrets(`${who} phone`, u.phone),
        { label: `${who} email`, value: u.email },
        { label: `${who} email name`, value: u.email.split('@')[0] ?? u.email },
        { label: `${who} password`, value: u.password },
      ];
    }),
    { label: 'her PIN', value: her.pin, token: true },
    { label: 'her birth year', value: String(BIRTH_YEAR), token: true },
    { label: 'her note', value: note },
    { label: 'her own symptom', value: ownSymptom },
    ...PERIODS.flatMap((p) => [
      ...dateSecrets('period start', p.startDate),
      ...dateSecrets('period end', p.endDate),
    ]),
    ...dateSecrets('logged day', DAY),
  ];
}

describeEachDatabase('personal and health data at rest', (get) => {
  it('stores none of her personal or health data readably in any column of any table', async () => {
    const t = get();
    const secrets = await liveHerLife(t);
    const values = await valuesOfDatabase(t.db.raw);
    assert.ok(values.length > 100, 'the tables have content');
    const found = findSecrets(values, secrets);
    assert.deepEqual(found, [], describeFindings(found));
  });
});

// A backup is what leaves the building: pg_dump needs PostgreSQL (and fails here, rather than
// skipping, when no pg_dump can dump the test server).
describe('a pg_dump backup holds none of it either', () => {
  const suiteServer = process.env.TEST_DATABASE_URL;
  let server: DumpablePostgres | undefined;
  let app: TestApp | undefined;
  before(async () => {
    server = await openDumpablePostgres();
    // Each test file runs in its own process: this points only this suite's databases at it.
    process.env.TEST_DATABASE_URL = server.url;
    app = await startTestApp(await openTestDatabase('postgres'));
  });
  after(async () => {
    await app?.app.close();
    await app?.db.close();
    await server?.stop();
    if (suiteServer) process.env.TEST_DATABASE_URL = suiteServer;
  });

  it('finds no secret in the dump text or in any of its values, each bytea decoded on its own', async (ctx) => {
    assert.ok(server && app?.db.url);
    const t = app;
    if (server.note) ctx.diagnostic(server.note);
    const secrets = await liveHerLife(t);
    const dump = execFileSync(server.tools.pgDump, ['--no-owner', '--no-privileges', app.db.url], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    assert.match(dump, /COPY public\.periods /);
    const values = valuesOfPgDump(dump);
    assert.ok(
      values.some((v) => v.where === 'public.periods.data_enc'),
      'her periods are in the dump',
    );
    const found = findSecrets(values, secrets);
    assert.deepEqual(found, [], describeFindings(found));
  });
});
