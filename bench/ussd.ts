import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { withDatabase } from '../test/support/databases.ts';
import { rssMb, startServerProcess, stopServer } from '../test/support/server-process.ts';

/*
 * npm run bench:ussd [-- --sessions 200 --think 1000]
 * Starts the real server (as `npm start` runs it) on a scratch PostgreSQL database and drives
 * many concurrent USSD sessions through complete flows: first every caller registers, then every
 * caller signs in, reads her prediction, logs today and hangs up. Each simulated person waits a
 * random 0.5–1.5 × `think` ms between answers, as people do; `--think 0` is a stress test.
 * Prints hops/s, latency percentiles per phase and the server's peak memory.
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 */
const { values } = parseArgs({
  options: { sessions: { type: 'string', default: '200' }, think: { type: 'string', default: '1000' } },
});
const SESSIONS = Number(values.sessions);
const THINK_MS = Number(values.think);
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `le_bench_${randomBytes(4).toString('hex')}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const server = await startServerProcess({
  DATABASE_URL: withDatabase(serverUrl, dbName),
  JWT_SECRET: randomBytes(48).toString('base64'),
  MASTER_KEYS: `b1:${randomBytes(32).toString('base64')}`,
  BLIND_INDEX_KEY: randomBytes(48).toString('base64'),
  LOG_LEVEL: 'warn',
});
let peakRss = rssMb(server.child.pid ?? 0);
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, rssMb(server.child.pid ?? 0));
}, 100);

const pause = () => new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));

/** One call: posts each answer with the whole text so far, timing every hop. */
async function call(phone: string, answers: string[], timings: number[]): Promise<string> {
  const sessionId = randomUUID();
  const inputs: string[] = [];
  let screen = '';
  for (let i = 0; i <= answers.length; i++) {
    if (i > 0) {
      await pause();
      inputs.push(answers[i - 1] ?? '');
    }
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/ussd`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        sessionId,
        serviceCode: '*123#',
        phoneNumber: phone,
        text: inputs.join('*'),
      }),
    });
    screen = await res.text();
    timings.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`hop answered ${res.status}: ${screen}`);
  }
  await fetch(`http://127.0.0.1:${server.port}/ussd/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ sessionId, status: 'Success' }),
  });
  return screen;
}

async function phase(name: string, flow: (phone: string) => string[], phones: string[], expect: RegExp) {
  const timings: number[] = [];
  const started = performance.now();
  // Callers do not all dial in the same millisecond: each starts at a random moment within one
  // flow's length, so about SESSIONS sessions are in progress at once, as in steady traffic.
  const spread = flow('').length * THINK_MS;
  const screens = await Promise.all(
    phones.map(async (p) => {
      await new Promise((r) => setTimeout(r, Math.random() * spread));
      return call(p, flow(p), timings);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const wrong = screens.filter((s) => !expect.test(s)).length;
  timings.sort((x, y) => x - y);
  const pct = (q: number) =>
    (timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? Number.NaN).toFixed(1);
  console.log(
    `${name.padEnd(12)} ${phones.length} sessions, ${timings.length} hops in ${seconds.toFixed(1)} s = ${(timings.length / seconds).toFixed(0)} hops/s; ` +
      `latency p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms` +
      (wrong ? `; ${wrong} flows did not end as expected` : ''),
  );
}

try {
  const phones = Array.from(
    { length: SESSIONS },
    (_, i) => `+25078${String(1_000_000 + i).padStart(7, '0')}`,
  );
  console.log(
    `USSD bench: ${SESSIONS} concurrent sessions, think time ${THINK_MS} ms ±50%, PostgreSQL, Node ${process.version}`,
  );
  await phase('register', () => ['1', 'Aline', '1', '2004', '1', '58203', '58203', '0'], phones, /^END /);
  await phase('daily use', () => ['58203', '4', '0', '3', '4', '2', '1', '3', '2', '0'], phones, /^END /);
  console.log(`server RSS: peak ${peakRss.toFixed(0)} MB during the run`);
} finally {
  clearInterval(sampler);
  await stopServer(server);
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
