import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { createServices } from '../src/app.ts';
import { createAppointmentSeal } from '../src/modules/appointments/seal.ts';
import { gridSlots } from '../src/modules/appointments/slots.ts';
import { sealedField } from '../src/modules/appointments/views.ts';
import { addDays } from '../src/modules/cycles/engine/dates.ts';
import { loadConfig } from '../src/platform/config.ts';
import { derivePurposeKey } from '../src/platform/crypto/purpose-keys.ts';
import { createRowSeal } from '../src/platform/crypto/row-seal.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateApplication } from '../src/platform/db/schema.ts';
import type { AppointmentRow } from '../src/platform/db/tables.ts';
import type { RequestContext } from '../src/platform/request-context.ts';
import { localDate } from '../src/platform/time.ts';
import { withDatabase } from '../test/support/databases.ts';
import { startServerProcess, stopServer } from '../test/support/server-process.ts';

/*
 * npm run bench:slots [-- --providers 500 --fill 0.25 --requests 300]
 * On a scratch PostgreSQL database: `--providers` verified providers in one district (Gasabo),
 * open Monday–Friday 08:00–17:00 Kigali with 30-minute slots, and `--fill` of their slots over the
 * next 8 weeks booked (rows written directly, sealed as the service seals them). Then the real
 * server (as `npm start` runs it) answers, one request at a time:
 *   - GET /api/v1/providers/{id}/slots over 8 weeks, for random providers;
 *   - GET /api/v1/providers/slots?district=gasabo over 8 weeks (the earliest 20 free slots), with
 *     the first after the server started (every schedule read); then with the schedules read a
 *     moment ago reused; with another date range each time; and with one provider's profile
 *     changed before each request (that schedule read again).
 * Prints p50/p95/p99/max per kind; the target is p99 ≤ 50 ms.
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres.
 */
const { values } = parseArgs({
  options: {
    providers: { type: 'string', default: '500' },
    fill: { type: 'string', default: '0.25' },
    requests: { type: 'string', default: '300' },
  },
});
const PROVIDERS = Number(values.providers);
const FILL = Number(values.fill);
const REQUESTS = Number(values.requests);
const WEEKS = 8;
const PATIENTS = 200;

const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `le_bench_${randomBytes(4).toString('hex')}`;
const env = {
  DATABASE_URL: withDatabase(serverUrl, dbName),
  JWT_SECRET: randomBytes(48).toString('base64'),
  MASTER_KEYS: `b1:${randomBytes(32).toString('base64')}`,
  BLIND_INDEX_KEY: randomBytes(48).toString('base64'),
  // Latency, not quotas, is measured: one client sends every request.
  RATE_LIMIT_SCALE: '0',
  LOG_LEVEL: 'warn',
};
const ctx: RequestContext = {
  requestId: 'bench',
  channel: 'api',
  ip: '127.0.0.1',
  userAgent: undefined,
  principal: undefined,
};

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);

/** Providers, their hours, patients and bookings, written through the services (bookings in bulk). */
async function seed(): Promise<{ providerIds: string[]; bookings: number }> {
  const config = {
    ...loadConfig({ ...process.env, ...env }),
    // Seeded accounts never sign in: cheap password hashes keep seeding short.
    passwordHashing: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
  };
  const database = await openDatabase({ kind: 'postgres', url: env.DATABASE_URL, poolSize: 8 });
  try {
    await migrateApplication(database.db);
    const services = createServices({ config, database });
    const providerIds: string[] = [];
    const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' }));
    const makeProvider = async (i: number) => {
      const { code } = await services.providerAdmin.createInvitation(ctx);
      const signedUp = await services.providers.register(
        {
          name: `Provider ${i}`,
          email: `provider-${i}-${randomUUID().slice(0, 6)}@bench.invalid`,
          password: 'sunflower bicycle harbour',
          licenceNumber: `RMDC-${i}`,
          facility: `Health centre ${i % 40}`,
          district: 'gasabo',
          languages: i % 3 === 0 ? ['fr', 'en'] : ['rw', 'en'],
          services: ['menstrual_health'],
          invitationCode: code,
          acceptTerms: true,
        },
        ctx,
      );
      await services.providers.setAvailability(
        signedUp.user.id,
        { timeZone: 'Africa/Kigali', slotMinutes: 30, weekly: week, daysOff: [] },
        ctx,
      );
      providerIds.push(signedUp.user.id);
    };
    for (let i = 0; i < PROVIDERS; i += 8) {
      await Promise.all(Array.from({ length: Math.min(8, PROVIDERS - i) }, (_, j) => makeProvider(i + j)));
    }
    const patients: string[] = [];
    for (let i = 0; i < PATIENTS; i += 8) {
      const made = await Promise.all(
        Array.from({ length: Math.min(8, PATIENTS - i) }, (_, j) =>
          services.users.create(
            {
              name: `Patient ${i + j}`,
              email: `patient-${i + j}-${randomUUID().slice(0, 6)}@bench.invalid`,
              password: 'sunflower bicycle harbour',
              role: 'adolescent',
              birthYear: 2004,
              acceptTerms: true,
            },
            ctx,
          ),
        ),
      );
      patients.push(...made.map((u) => u.id));
    }
    const vaults = new Map(
      await Promise.all(
        patients.map(async (id) => [id, await services.dataProtection.vaultFor(id)] as const),
      ),
    );
    const seal = createAppointmentSeal(
      createRowSeal(derivePurposeKey(config.blindIndexKey, 'appointment:v1')),
    );
    const now = new Date();
    const today = localDate(now, 'Africa/Kigali');
    const to = addDays(today, WEEKS * 7 - 1);
    const schedule = { timeZone: 'Africa/Kigali', slotMinutes: 30, weekly: week, daysOff: new Set<string>() };
    const grid = gridSlots(schedule, { from: today, to, now: now.getTime() });
    let rows: AppointmentRow[] = [];
    let bookings = 0;
    const flush = async () => {
      if (rows.length > 0) await database.db.insertInto('appointments').values(rows).execute();
      bookings += rows.length;
      rows = [];
    };
    for (const providerId of providerIds) {
      for (const slot of grid) {
        if (Math.random() >= FILL) continue;
        const id = randomUUID();
        const patientId = patients[randomInt(patients.length)] ?? '';
        const vault = vaults.get(patientId);
        if (!vault) continue;
        const row: AppointmentRow = {
          id,
          provider_id: providerId,
          patient_id: patientId,
          booked_by: 'patient',
          booked_by_id: null,
          starts_at: new Date(slot.start),
          ends_at: new Date(slot.end),
          status: Math.random() < 0.5 ? 'requested' : 'confirmed',
          reason_enc: vault.seal(sealedField(id, 'reason'), JSON.stringify({ code: 'general_checkup' })),
          share_summary: false,
          decline_reason_enc: null,
          cancel_reason_enc: null,
          visit_note_enc: null,
          cancelled_by: null,
          created_at: now,
          updated_at: now,
          row_mac: Buffer.alloc(0),
        };
        row.row_mac = seal.seal(row);
        rows.push(row);
        if (rows.length >= 1000) await flush();
      }
    }
    await flush();
    await sql`ANALYZE`.execute(database.db);
    return { providerIds, bookings };
  } finally {
    await database.close();
  }
}

async function measure(
  name: string,
  urls: () => string,
  token: string,
  port: number,
  /** Untimed work before each request (a write that makes the search read a schedule again). */
  before?: () => Promise<void>,
  requests = REQUESTS,
): Promise<void> {
  const timings: number[] = [];
  let answered = 0;
  for (let i = 0; i < requests; i++) {
    await before?.();
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${urls()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { slots?: unknown[] };
    timings.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
    answered += body.slots?.length ?? 0;
  }
  timings.sort((a, b) => a - b);
  const pct = (q: number) =>
    (timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? Number.NaN).toFixed(1);
  console.log(
    `${name.padEnd(38)} ${requests} requests, ${(answered / requests).toFixed(0)} slots each: ` +
      `p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms`,
  );
}

let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
try {
  const seedStarted = performance.now();
  const { providerIds, bookings } = await seed();
  console.log(
    `slots bench: ${PROVIDERS} verified providers in one district, ${bookings} bookings over ${WEEKS} weeks ` +
      `(${(FILL * 100).toFixed(0)}% of slots), seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; ` +
      `PostgreSQL, Node ${process.version}`,
  );
  server = await startServerProcess(env);
  const register = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Bench Reader',
      email: `reader-${randomUUID().slice(0, 6)}@bench.invalid`,
      password: 'sunflower bicycle harbour',
      role: 'adolescent',
      birthYear: 2004,
      acceptTerms: true,
    }),
  });
  const { accessToken } = (await register.json()) as { accessToken: string };
  const today = localDate(new Date(), 'Africa/Kigali');
  const range = `from=${today}&to=${addDays(today, WEEKS * 7 - 1)}`;
  const port = server.port;
  // Warm-up: the first requests compile schemas, fill the connection pool and read every schedule.
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await fetch(`http://127.0.0.1:${port}/api/v1/providers/slots?district=gasabo&${range}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (i === 0)
      console.log(
        `${'district search, first after start'.padEnd(38)} 1 request (every schedule read, schemas compiled): ` +
          `${(performance.now() - started).toFixed(1)} ms`,
      );
  }
  await measure(
    'provider slots, 8 weeks',
    () => `/api/v1/providers/${providerIds[randomInt(providerIds.length)]}/slots?${range}`,
    accessToken,
    port,
  );
  await measure(
    'district search, 8 weeks (20)',
    () => `/api/v1/providers/slots?district=gasabo&${range}`,
    accessToken,
    port,
  );
  // Another date range each time: the schedules read are the same.
  const ranges = Array.from({ length: 61 - 7 }, (_, i) => `from=${today}&to=${addDays(today, 7 + i)}`).filter(
    (r) => r !== range,
  );
  await measure(
    'district search, another range each',
    () => `/api/v1/providers/slots?district=gasabo&${ranges.shift()}`,
    accessToken,
    port,
    undefined,
    ranges.length,
  );
  // A provider somewhere in the district changed something before each search: that schedule is
  // read again.
  const scratch = new pg.Client({ connectionString: env.DATABASE_URL });
  await scratch.connect();
  await measure(
    'district search, one changed, 8 weeks (20)',
    () => `/api/v1/providers/slots?district=gasabo&${range}`,
    accessToken,
    port,
    async () => {
      const id = providerIds[randomInt(providerIds.length)];
      await scratch.query('UPDATE provider_profiles SET updated_at = now() WHERE user_id = $1', [id]);
    },
  );
  await scratch.end();
  await measure(
    'district search, French, 8 weeks (20)',
    () => `/api/v1/providers/slots?district=gasabo&language=fr&${range}`,
    accessToken,
    port,
  );
} finally {
  if (server) await stopServer(server);
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
