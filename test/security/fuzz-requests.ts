import fc from 'fast-check';
import type { TSchema } from 'typebox';
import { compileStrict } from '../../src/platform/validation.ts';
import { GOOD_PASSWORD, GOOD_PIN } from '../support/factories.ts';
import {
  bodyFor,
  boundaryValues,
  fieldValue,
  type Hints,
  type JsonSchema,
  NO_BODY,
  validValue,
} from './fuzz-schema.ts';
import { hostileValue, INJECTIONS } from './fuzz-values.ts';

/** An operation's inputs, as the OpenAPI document declares them. */
export type OperationInputs = {
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: Array<{ name: string; schema: JsonSchema }>;
  query: Array<{ name: string; schema: JsonSchema; required: boolean }>;
  body: JsonSchema | undefined;
};

type OpenApiOperation = {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

export function inputsOf(doc: {
  paths: Record<string, Record<string, OpenApiOperation>>;
}): OperationInputs[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = op.parameters ?? [];
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as OperationInputs['method'],
        path,
        pathParams: params
          .filter((p) => p.in === 'path')
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required === true })),
        body: op.requestBody?.content?.['application/json']?.schema,
      };
    }),
  );
}

/**
 * Strings standing for values known only while the test runs (the caller's own ids, another
 * user's): generated cases carry these names and `resolve` swaps them in just before sending.
 */
export type Placeholders = Record<string, string>;

/**
 * Every id a case may aim at: the caller's own things (her account, period, session, care link, a
 * link waiting for her to confirm it, the daughter she is linked to, an appointment she is party
 * to, a visit that has begun, a verified provider to book, an applicant for an admin to review) and
 * the other user's. Whichever the caller has none of stays as written (not a uuid: a 400).
 */
const ID_PLACEHOLDERS = [
  '$self',
  '$other',
  '$period',
  '$otherPeriod',
  '$session',
  '$otherSession',
  '$link',
  '$pendingLink',
  '$otherLink',
  '$daughter',
  '$appointment',
  '$visit',
  '$otherAppointment',
  '$provider',
  '$applicant',
] as const;
const idHints = fc.constantFrom(...ID_PLACEHOLDERS);

/**
 * What an `{id}` names on each kind of route: the caller's own ones first, then the other user's.
 * Those are tried most; any other id sometimes (a period's id where a link's goes).
 */
const ID_KINDS: Array<{ path: RegExp; own: string[]; others: string[] }> = [
  { path: /\/care\/links\/\{id\}/, own: ['$link', '$pendingLink'], others: ['$otherLink'] },
  { path: /\/care\/children\/\{id\}/, own: ['$daughter'], others: ['$other', '$self'] },
  { path: /\/appointments\/\{id\}/, own: ['$appointment', '$visit'], others: ['$otherAppointment'] },
  { path: /\/admin\/providers\/\{id\}/, own: ['$applicant', '$provider'], others: [] },
  { path: /\/providers\/\{id\}/, own: ['$provider'], others: [] },
  { path: /\/cycles\/periods\/\{id\}/, own: ['$period'], others: ['$otherPeriod'] },
  { path: /\/sessions\/\{id\}/, own: ['$session'], others: ['$otherSession'] },
];
const idKindOf = (op: OperationInputs) => ID_KINDS.find((k) => k.path.test(op.path));

/** The id of the caller's own object this route takes (for requests meant to be valid but for their body). */
export function ownIdFor(op: OperationInputs, known: Placeholders): string {
  for (const name of [...(idKindOf(op)?.own ?? []), '$period', '$self']) if (known[name]) return known[name];
  return '';
}

const ussdInputs = fc.constantFrom(
  '1',
  '2',
  '3',
  '4',
  '5',
  '9',
  '0',
  '00',
  '98',
  '99',
  GOOD_PIN,
  '12345',
  '2026',
  '5',
  'Aline',
);

/** Values that get past validation and into the handlers. */
export const HINTS: Hints = {
  id: idHints,
  identifier: fc.constantFrom('$email', '$phone', '$otherEmail'),
  password: fc.constant(GOOD_PASSWORD),
  currentPassword: fc.constant(GOOD_PASSWORD),
  pin: fc.constant(GOOD_PIN),
  currentPin: fc.constant(GOOD_PIN),
  newPassword: fc.constantFrom('correct horse battery staple', 'password', 'aline2009'),
  newPin: fc.constantFrom('12345', '83920', '11111', '2009'),
  phone: fc.constantFrom('$phone', '+250781234567', '0781234567', '+250 78 123 4567', '+15555550100'),
  phoneNumber: fc.constantFrom('$phone', '+250781234567', '0781234567', '+15555550100'),
  email: fc.constantFrom('$email', 'new@test.invalid'),
  // Guardian and care-link codes (8 digits) and texted ones (6): a wrong one, and the caller's live
  // ones (a link code some parent just made for her to type).
  code: fc.constantFrom('12345678', '00000000', '123456', '$phoneCode', '$linkCode'),
  sessionId: fc.constantFrom('fuzz-session-1', 'fuzz-session-2', 'fuzz-session-3'),
  // The care network: values a provider, a booking or a district search really holds.
  district: fc.constantFrom('gasabo', 'nyarugenge', 'musanze', 'huye'),
  timeZone: fc.constantFrom('Africa/Kigali', 'Europe/Paris', 'Africa/Nairobi'),
  licenceNumber: fc.constantFrom('RMDC-12345', 'NCNM/2026/077'),
  facility: fc.constantFrom('Kacyiru Health Centre', 'CHUK'),
  // A free slot of $provider's, and times that may or may not be one.
  start: fc.constantFrom(
    '$slot',
    '2026-12-01T08:00:00.000Z',
    '2026-12-02T06:30:00.000Z',
    '2027-01-04T09:00:00Z',
  ),
  providerId: fc.constantFrom('$provider', '$self', '$other'),
  // A parent books for the daughter he is linked to; anyone else's id must get nowhere.
  forUserId: fc.constantFrom('$daughter', '$self', '$other'),
  opens: fc.constantFrom('08:00', '07:30', '13:00'),
  closes: fc.constantFrom('12:00', '17:00', '16:30'),
  slotMinutes: fc.constantFrom(15, 20, 30, 45, 60),
  service: fc.constantFrom('menstrual_health', 'contraception', 'nutrition'),
  limit: fc.constantFrom(1, 20, 100),
  from: fc.constantFrom('2026-11-28', '2026-12-01'),
  to: fc.constantFrom('2026-12-14', '2027-01-20'),
  daysOff: fc.constantFrom([], ['2026-12-25'], ['2026-12-25', '2027-01-01']),
  weekly: fc.constantFrom(
    [],
    [{ weekday: 1, opens: '08:00', closes: '12:00' }],
    [
      { weekday: 2, opens: '08:00', closes: '12:00' },
      { weekday: 2, opens: '13:00', closes: '17:00' },
    ],
  ),
  serviceCode: fc.constantFrom('*123#', '*384*1#'),
  text: fc.oneof(
    fc.array(ussdInputs, { maxLength: 10 }).map((a) => a.join('*')),
    fc.array(fc.oneof(ussdInputs, fc.constantFrom(...INJECTIONS)), { maxLength: 6 }).map((a) => a.join('*')),
  ),
};

/** The hints for one operation: an `{id}` is mostly an id of the kind the route takes, the caller's own most. */
export function hintsFor(op: OperationInputs): Hints {
  const kind = idKindOf(op);
  if (!kind) return HINTS;
  const id = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...kind.own) },
    { weight: kind.others.length > 0 ? 1 : 0, arbitrary: fc.constantFrom(...kind.others, ...kind.own) },
    { weight: 1, arbitrary: idHints },
  );
  return { ...HINTS, id };
}

export type FuzzCase = {
  params: Record<string, unknown>;
  query: Array<[string, unknown]>;
  body: unknown;
  /** Send the body form-encoded, as the USSD gateway does. */
  form: boolean;
};

/** Cases for one operation, drawn from its schemas. */
export function casesFor(op: OperationInputs): fc.Arbitrary<FuzzCase> {
  const hints = hintsFor(op);
  const params = fc.record(
    Object.fromEntries(
      op.pathParams.map((p) => [
        p.name,
        fc.oneof(
          { weight: 5, arbitrary: validValue(p.schema, p.name, hints) },
          { weight: 5, arbitrary: fieldValue(p.schema, p.name, hints) },
        ),
      ]),
    ),
  );
  const declared = fc.tuple(
    ...op.query.map((q) =>
      fc
        .option(fieldValue(q.schema, q.name, hints), { nil: undefined, freq: q.required ? 10 : 3 })
        .map((v): Array<[string, unknown]> => (v === undefined ? [] : [[q.name, v]])),
    ),
  );
  const extra = fc.array(
    fc.tuple(fc.constantFrom('x', 'role', '__proto__', 'format', 'from', 'month'), hostileValue),
    {
      maxLength: 2,
    },
  );
  // As for bodies, some queries are valid throughout, so a route with many optional filters still
  // reaches its handler (each filter drawn from edges and hostile values alone seldom all pass).
  const allValid = fc.tuple(
    ...op.query.map((q) =>
      fc
        .option(validValue(q.schema, q.name, hints), { nil: undefined, freq: q.required ? 1_000 : 2 })
        .map((v): Array<[string, unknown]> => (v === undefined ? [] : [[q.name, v]])),
    ),
  );
  const query = fc
    .tuple(
      fc.oneof({ weight: 3, arbitrary: declared }, { weight: 1, arbitrary: allValid }),
      fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: extra }),
    )
    .map(([d, e]) => [...d.flat(), ...e]);
  const body = op.method === 'GET' ? fc.constant(NO_BODY) : bodyFor(op.body, hints);
  const form = op.path.startsWith('/ussd') ? fc.boolean() : fc.constant(false);
  return fc.record({ params, query, body, form });
}

const one = <T>(arb: fc.Arbitrary<T>): T => fc.sample(arb, { seed: 1, numRuns: 1 })[0] as T;

/**
 * Every boundary value of every input, one case each, the rest of the request valid: the edges
 * are too many for random cases to be sure of meeting them all.
 */
export function edgeCases(op: OperationInputs): Array<{ label: string; c: FuzzCase }> {
  const hints = hintsFor(op);
  const params = Object.fromEntries(
    op.pathParams.map((p) => [p.name, one(validValue(p.schema, p.name, hints))]),
  );
  const query: Array<[string, unknown]> = op.query
    .filter((q) => q.required)
    .map((q) => [q.name, one(validValue(q.schema, q.name, hints))]);
  const body = op.body ? one(validValue(op.body, '', hints)) : NO_BODY;
  const base: FuzzCase = { params, query, body, form: false };
  const cases: Array<{ label: string; c: FuzzCase }> = [];
  const show = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 40);
  for (const p of op.pathParams)
    for (const edge of boundaryValues(p.schema))
      cases.push({
        label: `edge {${p.name}} = ${show(edge)}`,
        c: { ...base, params: { ...params, [p.name]: edge } },
      });
  for (const q of op.query)
    for (const edge of boundaryValues(q.schema))
      cases.push({
        label: `edge ?${q.name}= ${show(edge)}`,
        c: { ...base, query: [...query.filter(([k]) => k !== q.name), [q.name, edge]] },
      });
  const fields =
    body !== NO_BODY && body && typeof body === 'object' ? Object.entries(op.body?.properties ?? {}) : [];
  for (const [name, schema] of fields)
    for (const edge of boundaryValues(schema))
      cases.push({
        label: `edge body.${name} = ${show(edge)}`,
        c: { ...base, body: { ...(body as object), [name]: edge } },
      });
  return cases;
}

/** Swaps the placeholders for their values, anywhere in a value. */
export function resolve(value: unknown, known: Placeholders): unknown {
  if (typeof value === 'string') return known[value] ?? value;
  if (Array.isArray(value)) return value.map((v) => resolve(v, known));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, known)]));
  return value;
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));

/**
 * Percent-encodes any text, lone surrogates included: encodeURIComponent refuses those, so they go
 * out as the three bytes a careless encoder would write (%ED%A0%80), which is what an attacker sends.
 */
export function encodeLoose(text: string): string {
  let out = '';
  for (const ch of text) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

export type BuiltRequest = {
  url: string;
  payload?: string | Buffer;
  contentType?: string;
  /** Text the request itself carries (keys and values), which an error may fairly quote back. */
  echoes?: string[];
  /** A USSD hop as a gateway could send it: it must get a screen. */
  gatewayShaped?: boolean;
};

/** Every key and string value in a value, at any depth. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

/** The HTTP request for a case: path and query encoded, body as JSON or a form. */
export function requestFor(op: OperationInputs, c: FuzzCase, known: Placeholders): BuiltRequest {
  let path = op.path;
  for (const { name } of op.pathParams)
    path = path.replace(`{${name}}`, encodeLoose(asText(resolve(c.params[name], known))));
  const query = c.query
    .map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(asText(resolve(v, known)))}`)
    .join('&');
  const url = query ? `${path}?${query}` : path;
  if (c.body === NO_BODY) return { url };
  const body = resolve(c.body, known);
  const echoes = stringsIn(body);
  if (c.form) {
    const fields =
      body && typeof body === 'object' && !Array.isArray(body)
        ? Object.entries(body)
            .map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(asText(v))}`)
            .join('&')
        : encodeLoose(asText(body));
    return { url, payload: fields, contentType: 'application/x-www-form-urlencoded', echoes };
  }
  return { url, payload: JSON.stringify(body) ?? 'null', contentType: 'application/json', echoes };
}

const validators = new Map<string, (value: unknown) => unknown[]>();

/**
 * Whether a USSD case is what a gateway could send: every path parameter a plain short string
 * and a body of strings the schema accepts. Such a hop must always get a screen (CON/END), never
 * an error. Lone surrogates are left out: on the wire they are not text at all.
 */
export function gatewayShaped(op: OperationInputs, c: FuzzCase, known: Placeholders): boolean {
  if (!op.path.startsWith('/ussd') || op.path.endsWith('/events') || !op.body || c.body === NO_BODY)
    return false;
  const params = op.pathParams.map((p) => resolve(c.params[p.name], known));
  const plain = (v: unknown) => typeof v === 'string' && v.isWellFormed();
  if (!params.every((v) => plain(v) && (v as string).length > 0 && (v as string).length <= 100)) return false;
  const body = resolve(c.body, known);
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const sent = c.form ? Object.fromEntries(Object.entries(body).map(([k, v]) => [k, asText(v)])) : body;
  if (!Object.values(sent).every(plain)) return false;
  let validate = validators.get(op.key);
  if (!validate) {
    validate = compileStrict(op.body as TSchema);
    validators.set(op.key, validate);
  }
  return validate(structuredClone(sent)).length === 0;
}
