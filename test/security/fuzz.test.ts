import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { isGsm7 } from '../../src/channels/ussd/gsm7.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase } from '../support/databases.ts';
import { GOOD_PASSWORD, lastCodeTo, uniquePhone } from '../support/factories.ts';
import { type Actor, linkByCode, signIn, signUp, stillHerself } from './fuzz-actors.ts';
import { changedTables, type Fingerprint, fingerprint } from './fuzz-fingerprint.ts';
import {
  type BuiltRequest,
  casesFor,
  edgeCases,
  type FuzzCase,
  gatewayShaped,
  inputsOf,
  type OperationInputs,
  ownIdFor,
  type Placeholders,
  requestFor,
} from './fuzz-requests.ts';
import {
  bookAtClinic,
  type Clinic,
  callerIn,
  STANDINGS,
  type Standing,
  visitsBegun,
} from './fuzz-standings.ts';
import { RAW_BODIES } from './fuzz-values.ts';
import { POLICY_TABLE } from './policy-table.ts';

/*
 * Schema-driven fuzzing of every operation in the OpenAPI document: at least 200 generated
 * requests each (valid, at the edges, hostile, malformed), sent as a signed-in user of a role the
 * route lets in, so the handlers run. Never a 5xx; every refusal a problem+json without internals;
 * nothing stored by a refused request. Reproducible: FUZZ_SEED=<n> replays a run.
 *
 * The cases of a route are shared between the standings of its caller's role (fuzz-standings.ts):
 * a parent unlinked and linked to a daughter, a provider verified and not, an adolescent alone and
 * linked to a parent, so the care network's handlers run on real links and appointments too.
 *
 * One PostgreSQL database for the file (the production engine), rate limits off
 * (RATE_LIMIT_SCALE=0): thousands of requests from one address are this test's doing. Optional
 * routes (the USSD simulator) are on, so every route there can be is fuzzed.
 */
const CASES_PER_ROUTE = 200;
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
const replay = (key: string, standing: string) =>
  `FUZZ_SEED=${BASE_SEED} FUZZ_ROUTE='${key}' FUZZ_STANDING='${standing}' npm run test:only -- test/security/fuzz.test.ts`;

/** Stack frames, file paths, SQL and driver errors: none may reach a client. */
const INTERNALS =
  /\bat [\w.<>]+ \(|node:internal|node_modules|\/work\/|\/src\/|\.ts:\d+|\bError: |SQLSTATE|syntax error at|relation "|violates .*constraint|duplicate key|kysely|\bpg_\w+|\bselect\b.+\bfrom\b|\binsert into\b|\bdelete from\b/i;

function seedFor(key: string): number {
  let h = BASE_SEED >>> 0;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16_777_619) >>> 0;
  return h | 0;
}

/** The answer's text without what the request itself said (an error may name the field it refuses). */
function withoutEchoes(body: string, echoes: string[]): string {
  let text = body;
  for (const echo of [...echoes].sort((a, b) => b.length - a.length)) {
    if (echo.length >= 3) text = text.split(JSON.stringify(echo).slice(1, -1)).join('');
  }
  return text;
}

/** Everything wrong with one answer. */
function problemsWith(op: OperationInputs, res: LightMyRequestResponse, req: BuiltRequest): string[] {
  if (res.statusCode >= 500) return [`${res.statusCode} ${res.body.slice(0, 300)}`];
  const out = res.statusCode >= 400 ? problemBodyProblems(res, req) : [];
  if (req.gatewayShaped && res.statusCode !== 200)
    out.push(
      `a hop the gateway could send got ${res.statusCode} instead of a screen: ${res.body.slice(0, 200)}`,
    );
  if (res.statusCode === 200 && op.path.startsWith('/ussd')) out.push(...ussdProblems(op, res.body));
  if (res.statusCode === 200 && op.path.endsWith('/ussd-simulator')) {
    const { text, ended } = JSON.parse(res.body) as { text: string; ended: boolean };
    out.push(...ussdProblems(op, `${ended ? 'END' : 'CON'} ${text}`));
  }
  return out;
}

/** An error answer: problem+json with every member, its own status, and nothing internal. */
function problemBodyProblems(res: LightMyRequestResponse, req: BuiltRequest): string[] {
  const out: string[] = [];
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) out.push(`${res.statusCode} answered as "${type}"`);
  let problem: Record<string, unknown> = {};
  try {
    problem = JSON.parse(res.body);
  } catch {
    out.push(`${res.statusCode} problem is not JSON: ${res.body.slice(0, 200)}`);
  }
  const missing = ['type', 'title', 'status', 'detail', 'code'].filter((f) => !(f in problem));
  if (missing.length > 0) out.push(`problem without ${missing.join(', ')}`);
  if (problem.status !== res.statusCode)
    out.push(`problem says ${problem.status}, answer is ${res.statusCode}`);
  if (INTERNALS.test(withoutEchoes(res.body, req.echoes ?? [])))
    out.push(`problem shows internals: ${res.body.slice(0, 300)}`);
  return out;
}

/** A USSD answer a handset can show: CON or END, at most 182 GSM-7 characters. */
function ussdProblems(op: OperationInputs, body: string): string[] {
  if (op.path.endsWith('/events')) return body === 'OK' ? [] : [`event answer ${JSON.stringify(body)}`];
  const out: string[] = [];
  if (!/^(CON|END) /.test(body)) out.push(`USSD answer does not start CON/END: ${JSON.stringify(body)}`);
  if ([...body].length > 182) out.push(`USSD answer is ${[...body].length} characters`);
  if (!isGsm7(body)) out.push(`USSD answer is not GSM-7: ${JSON.stringify(body)}`);
  return out;
}

/** Who calls a route while it is fuzzed, where she stands, and the ids the generated cases may point at. */
type Caller = { standing: Standing | 'anonymous'; actor: Actor | undefined; known: Placeholders };

type Tally = { ok: number; refusedByValidation: number; refusedByHandler: number };

describe('fuzzing every route from its OpenAPI schema [postgres]', () => {
  let t: TestApp;
  let operations: OperationInputs[] = [];
  let other: Actor;
  let otherKnown: Placeholders;
  let otherData: unknown;
  // The verified provider the callers' appointments are with, and providers whose visits began.
  const clinic: Clinic = { provider: undefined, begun: [] };
  // Public routes (sign-in, the USSD gateway) act for this account: her phone and email.
  let dialer: Actor;
  // Error-level log lines: a handler that fails but answers politely (the USSD route does) still logs one.
  const errorLog: string[] = [];
  // A security alert (many failures from one address) is what hostile traffic should raise: not a bug.
  const errorsLoggedSince = (from: number) =>
    errorLog.slice(from).flatMap((line) => {
      const entry = JSON.parse(line) as { msg?: string; event?: string; err?: { message?: string } };
      return entry.event === 'security_alert' ? [] : [`${entry.msg ?? ''} ${entry.err?.message ?? ''}`];
    });

  before(async () => {
    const db = await openTestDatabase('postgres');
    t = await startTestApp(db, {
      config: { rateLimitScale: 0, logLevel: 'error', ussdSimulator: true },
      logStream: { write: (line) => errorLog.push(line) },
    });
    operations = inputsOf((await t.request({ method: 'GET', url: '/api/v1/openapi.json' })).json());
    // Somebody else, whose ids the cases aim at: no case may ever reach her data.
    other = await signUp(t, 'adolescent');
    const own = await ownObjects(t, other);
    // Linked to a parent of hers, with an appointment at the clinic: neither may change either.
    const otherLink = await linkByCode(t, other, await signUp(t, 'parent'), { scopes: ['prediction'] });
    const otherAppointment = await bookAtClinic(t, clinic, other, { minutes: 180 });
    otherKnown = {
      $other: other.id,
      $otherPeriod: own.periodId,
      $otherSession: own.sessionId,
      $otherEmail: other.email,
      $otherLink: otherLink,
      $otherAppointment: otherAppointment,
    };
    otherData = await healthDataOf(t, other);
    dialer = await signUp(t, 'adolescent');
    // Every verified provider caller gets a visit that has begun (the clock moves, once, here).
    const fuzzed = operations.filter((o) => !process.env.FUZZ_ROUTE || o.key === process.env.FUZZ_ROUTE);
    const providerRoutes = fuzzed.filter((o) => standingsFor(o).includes('verified provider'));
    await visitsBegun(t, clinic, providerRoutes.length);
  });
  after(async () => {
    await t?.app.close();
    await t?.db.close();
  });

  it('covers every operation of the document', () => {
    assert.ok(operations.length >= 40, `found ${operations.length} operations`);
  });

  it('answers every generated request without a 5xx, leaks or stored refusals', async (ctx) => {
    const only = process.env.FUZZ_ROUTE;
    for (const op of operations.filter((o) => !only || o.key === only))
      await ctx.test(op.key, (sub) => fuzzOperation(sub, op));
    ctx.diagnostic(`${operations.length} operations fuzzed`);
  });

  it('leaves the health data, care links and appointments of the user every case aimed at as they were', async () => {
    assert.deepEqual(await healthDataOf(t, other), otherData);
  });

  /** The standings a route is fuzzed in: those of the first role its policy lets in. */
  function standingsFor(op: OperationInputs): Array<Caller['standing']> {
    const access = POLICY_TABLE[op.key]?.access;
    if (!access || access.public) return ['anonymous'];
    const role = access.roles === 'any' ? 'adolescent' : (access.roles[0] ?? 'adolescent');
    return [...STANDINGS[role]];
  }

  async function callerFor(op: OperationInputs, standing: Caller['standing']): Promise<Caller> {
    const entry = POLICY_TABLE[op.key];
    const access = entry?.access;
    if (!access || access.public || standing === 'anonymous')
      return {
        standing: 'anonymous',
        actor: undefined,
        known: { ...otherKnown, $email: dialer.email, $phone: dialer.phone },
      };
    const role = access.roles === 'any' ? 'adolescent' : (access.roles[0] ?? 'adolescent');
    const young = entry.youngAdolescent === true && role === 'adolescent';
    const linkCode = op.body?.properties?.code !== undefined;
    const reviews = op.path.startsWith('/api/v1/admin/providers/');
    const { actor, known } = await callerIn(t, clinic, standing, role, { young, linkCode, reviews });
    const own = role === 'adolescent' ? await ownObjects(t, actor) : { periodId: '', sessionId: '' };
    return {
      standing,
      actor,
      known: {
        ...otherKnown,
        ...known,
        $self: actor.id,
        $email: actor.email,
        $phone: actor.phone,
        $period: own.periodId,
        $session: own.sessionId || (await secondSession(t, actor)),
        $phoneCode: await pendingNumberCode(t, actor),
      },
    };
  }

  /**
   * Signs her in again when only her session ended; a new caller in the same standing when she was
   * deleted or changed.
   */
  async function recover(caller: Caller, op: OperationInputs): Promise<Caller> {
    const actor = caller.actor;
    if (!actor) return caller;
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: actor.email, password: GOOD_PASSWORD },
    });
    if (login.statusCode === 200 && login.json().user.role === actor.role)
      return { ...caller, actor: { ...actor, accessToken: login.json().accessToken } };
    return callerFor(op, caller.standing);
  }

  async function fuzzOperation(sub: TestContext, op: OperationInputs): Promise<void> {
    const standings = standingsFor(op);
    // First the fixed cases: raw bodies no generator writes, then every boundary of every input.
    // Fixed and generated cases alike are dealt out between the standings.
    const raw = op.method === 'GET' ? [] : RAW_BODIES;
    const fixed = [
      ...raw.map((body) => ({
        label: body.label,
        raw: true,
        build: (known: Placeholders): BuiltRequest => ({ url: validUrl(op, known), ...body }),
      })),
      ...edgeCases(op).map(({ label, c }) => ({
        label,
        raw: false,
        build: (known: Placeholders) => requestFor(op, c, known),
      })),
    ];
    const onlyStanding = process.env.FUZZ_STANDING;
    const tallies: Array<{ summary: string; total: number; reached: number }> = [];
    for (const [i, standing] of standings.entries()) {
      const mine = fixed.filter((_, k) => k % standings.length === i);
      const generated =
        Math.floor(CASES_PER_ROUTE / standings.length) + (i < CASES_PER_ROUTE % standings.length ? 1 : 0);
      // The first standing keeps the route's seed; the others have seeds of their own.
      const seed = seedFor(i === 0 ? op.key : `${op.key} as ${standing}`);
      if (onlyStanding && standing !== onlyStanding) continue;
      const tally = await fuzzIn(op, standing, mine, generated, seed);
      tallies.push(tally);
      sub.diagnostic(tally.summary);
    }
    assert.ok(tallies.length > 0, `${op.key}: no standing ${onlyStanding}`);
    // Enough cases get past validation into the handler: on the route as a whole, and in each standing.
    const total = tallies.reduce((n, s) => n + s.total, 0);
    const reached = tallies.reduce((n, s) => n + s.reached, 0);
    const summaries = tallies.map((s) => s.summary).join('; ');
    assert.ok(reached >= total / 10, `${op.key}: too few cases reached the handler (${summaries})`);
    for (const s of tallies)
      assert.ok(s.reached >= s.total / 20, `${op.key}: too few cases reached the handler (${s.summary})`);
  }

  /** One standing's share of a route's cases: its fixed ones, then `generated` generated ones. */
  async function fuzzIn(
    op: OperationInputs,
    standing: Caller['standing'],
    fixed: Array<{ label: string; raw: boolean; build: (known: Placeholders) => BuiltRequest }>,
    generated: number,
    seed: number,
  ): Promise<{ summary: string; total: number; reached: number }> {
    let caller = await callerFor(op, standing);
    let last: Fingerprint = await fingerprint(t.db);
    const tally: Tally = { ok: 0, refusedByValidation: 0, refusedByHandler: 0 };
    const as = `${op.key} as ${standing}`;

    async function run(label: string, req: BuiltRequest): Promise<string[]> {
      const logged = errorLog.length;
      const res = await t.app.inject({
        method: op.method,
        url: req.url,
        headers: {
          ...(req.contentType ? { 'content-type': req.contentType } : {}),
          ...(caller.actor ? { authorization: `Bearer ${caller.actor.accessToken}` } : {}),
        },
        ...(req.payload === undefined ? {} : { payload: req.payload }),
      });
      // What an accepted request started in the background (a recovery text) belongs to it.
      await t.app.settled();
      const problems = problemsWith(op, res, req).map((p) => `${label}: ${p}`);
      problems.push(...errorsLoggedSince(logged).map((e) => `${label}: logged an error: ${e}`));
      const now = await fingerprint(t.db);
      if (res.statusCode >= 400) {
        const changed = changedTables(last, now);
        if (changed.length > 0)
          problems.push(`${label}: refused with ${res.statusCode}, yet changed ${changed.join(', ')}`);
      }
      last = now;
      countAnswer(tally, res);
      // A case may sign her out, delete her or change her role: the next case gets a new caller.
      if (
        caller.actor &&
        res.statusCode < 300 &&
        op.method !== 'GET' &&
        !(await stillHerself(t, caller.actor))
      ) {
        caller = await recover(caller, op);
        last = await fingerprint(t.db);
      }
      return problems;
    }

    const fixedProblems: string[] = [];
    for (const { label, build } of fixed) fixedProblems.push(...(await run(label, build(caller.known))));
    assert.deepEqual(fixedProblems, [], `${as}: fixed cases`);

    try {
      await fc.assert(
        fc.asyncProperty(casesFor(op), async (c: FuzzCase) => {
          const built = requestFor(op, c, caller.known);
          // What a gateway sends fits the route's 4 KiB form limit; a bigger body is not a hop.
          const small = built.payload !== undefined && Buffer.byteLength(built.payload) <= 4096;
          const req = { ...built, gatewayShaped: small && gatewayShaped(op, c, caller.known) };
          const problems = await run(`${op.method} ${req.url.slice(0, 120)}`, req);
          if (problems.length > 0) throw new Error(problems.join('\n'));
        }),
        { seed, numRuns: generated, endOnFailure: true, includeErrorInReport: true },
      );
    } catch (error) {
      throw new Error(
        `${as} failed (seed ${seed}; replay: ${replay(op.key, standing)})\n${(error as Error).message}`,
      );
    }
    const raws = fixed.filter((f) => f.raw).length;
    const total = fixed.length + generated;
    const reached = tally.ok + tally.refusedByHandler;
    const summary = `${standing}: ${total} cases (${generated} generated, ${fixed.length - raws} boundary, ${raws} raw): ${tally.ok} accepted, ${tally.refusedByHandler} refused by the handler, ${tally.refusedByValidation} by validation`;
    return { summary, total, reached };
  }
});

function countAnswer(tally: Tally, res: LightMyRequestResponse) {
  if (res.statusCode < 400) tally.ok += 1;
  else if (
    /validation_failed|malformed_json|payload_too_large|unsupported_media_type/.test(res.body) &&
    res.statusCode !== 401
  )
    tally.refusedByValidation += 1;
  else tally.refusedByHandler += 1;
}

/** The operation's URL with valid path parameters: raw bodies are meant for the handler's parser. */
function validUrl(op: OperationInputs, known: Placeholders): string {
  const values: Record<string, string> = {
    id: ownIdFor(op, known),
    date: '2026-11-20',
    part: 'prediction',
    secret: 'x',
  };
  let path = op.path;
  for (const { name } of op.pathParams)
    path = path.replace(`{${name}}`, encodeURIComponent(values[name] ?? 'x'));
  return path;
}

/** Her periods, day logs, care links and appointments as stored (sealed), to compare before and after. */
async function healthDataOf(t: TestApp, actor: Actor): Promise<unknown> {
  return t.db.raw(
    `SELECT 'period' AS kind, id::text AS id, encode(data_enc, 'hex') AS data FROM periods WHERE user_id = $1
     UNION ALL SELECT 'day', id::text, encode(data_enc, 'hex') FROM day_logs WHERE user_id = $1
     UNION ALL SELECT 'link', id::text, status || array_to_string(scopes, ',') || encode(row_mac, 'hex')
       FROM care_links WHERE child_id = $1 OR adult_id = $1
     UNION ALL SELECT 'appointment', id::text, status || starts_at::text || encode(row_mac, 'hex')
       FROM appointments WHERE patient_id = $1 ORDER BY 2`,
    [actor.id],
  );
}

/** A period and a second session of hers, for cases to aim at. */
async function ownObjects(t: TestApp, actor: Actor): Promise<{ periodId: string; sessionId: string }> {
  const period = await t.request({
    method: 'POST',
    url: '/api/v1/cycles/periods',
    token: actor.accessToken,
    body: { startDate: '2026-10-05', endDate: '2026-10-09', notes: 'her own' },
  });
  return { periodId: period.json().id ?? '', sessionId: await secondSession(t, actor) };
}

/** A new number of hers waiting for its code (so code routes check against a live one), and that code. */
async function pendingNumberCode(t: TestApp, actor: Actor): Promise<string> {
  const number = uniquePhone();
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/me/phone',
    token: actor.accessToken,
    body: { phone: number, currentPassword: GOOD_PASSWORD },
  });
  if (res.statusCode !== 202) throw new Error(`pending number: ${res.statusCode} ${res.body}`);
  return lastCodeTo(t, number);
}

async function secondSession(t: TestApp, actor: Actor): Promise<string> {
  const second = await signIn(t, actor);
  const res = await t.request({ method: 'GET', url: '/api/v1/me/sessions', token: second.accessToken });
  return (res.json().sessions as Array<{ id: string; current: boolean }>).find((s) => s.current)?.id ?? '';
}
