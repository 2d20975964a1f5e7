import fc from 'fast-check';
import { hostileBody, hostileValue } from './fuzz-values.ts';

/** The part of JSON Schema the OpenAPI document uses for request inputs. */
export type JsonSchema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  maxItems?: number;
  uniqueItems?: boolean;
};

/** Values worth trying for a field, by name: real ids, the caller's own password, menu paths. */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// Mostly the last year before the test clock's "today" (2026-11-28), sometimes any date at all.
const dates = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: -400, max: 2 }).map((d) => isoDay(Date.UTC(2026, 10, 28) + d * DAY)),
  },
  { weight: 1, arbitrary: fc.integer({ min: -25_000, max: 30_000 }).map((d) => isoDay(d * DAY)) },
);

const BAD_DATES = [
  '2026-02-29',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '9999-12-31',
  '1000-01-01',
  '2026-1-1',
  '26-11-28',
  '2026-11-28T00:00:00Z',
  '2026-11-28 ',
  '2026/11/28',
  '+002026-11-28',
  '2026-11-29',
  '2027-11-28',
];
const BAD_UUIDS = [
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d-x',
  '{9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d}',
  '9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d',
  'not-a-uuid',
];
const BAD_EMAILS = [
  'a@b',
  '@x.rw',
  `${'a'.repeat(250)}@x.rw`,
  '"a b"@x.rw',
  'a@[127.0.0.1]',
  'a@b.rw\r\nBcc: x@y.rw',
];

function validString(schema: JsonSchema): fc.Arbitrary<unknown> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  switch (schema.format) {
    case 'date':
      return dates;
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
    case 'date-time':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  }
  if (schema.pattern)
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= maxLength);
  return fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, maxLength) });
}

/** A value the schema accepts, or one of the hinted values for this field. */
export function validValue(schema: JsonSchema, name: string, hints: Hints): fc.Arbitrary<unknown> {
  const base = validBase(schema, hints);
  const hint = hints[name];
  return hint ? fc.oneof(hint, base) : base;
}

function validBase(schema: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => validBase(s, hints)));
  switch (schema.type) {
    case 'string':
      return validString(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = validBase(schema.items ?? {}, hints);
      const maxLength = Math.min(schema.maxItems ?? 5, 8);
      return schema.uniqueItems ? fc.uniqueArray(item, { maxLength }) : fc.array(item, { maxLength });
    }
    case 'object':
      return validObject(schema, hints);
  }
  return fc.jsonValue({ maxDepth: 2 });
}

function validObject(schema: JsonSchema, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const arbs = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, validValue(s, k, hints)]));
  return fc.record(arbs, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
}

/** The edges of what the schema allows, and just past them. */
export function boundaryValues(schema: JsonSchema): unknown[] {
  if (schema.enum) {
    const first = String(schema.enum[0]);
    return ['', first.toUpperCase(), `${first} `, ` ${first}`, `${first}\u0000`, [first], schema.enum];
  }
  if (schema.anyOf) return schema.anyOf.flatMap(boundaryValues);
  switch (schema.type) {
    case 'string':
      return stringEdges(schema);
    case 'integer':
    case 'number':
      return numberEdges(schema);
    case 'boolean':
      return ['true', 'false', 1, 0, 'yes'];
    case 'array':
      return arrayEdges(schema);
    case 'object':
      return [null, [], 'object', {}];
  }
  return [];
}

function stringEdges(schema: JsonSchema): unknown[] {
  // Empty, blank in several alphabets' ways, and the lengths either side of each limit.
  const edges: unknown[] = ['', ' ', '   ', '\u00a0\u3000', '\u200b'];
  const { minLength, maxLength } = schema;
  if (minLength !== undefined && minLength > 0) edges.push('7'.repeat(minLength - 1));
  if (maxLength !== undefined)
    edges.push('7'.repeat(maxLength), '7'.repeat(maxLength + 1), 'é'.repeat(maxLength + 1));
  if (schema.format === 'date') edges.push(...BAD_DATES);
  if (schema.format === 'uuid') edges.push(...BAD_UUIDS);
  if (schema.format === 'email') edges.push(...BAD_EMAILS);
  if (schema.pattern?.includes('[0-9]{8}'))
    edges.push('1234567', '123456789', '1234567a', '00000000', '١٢٣٤٥٦٧٨');
  if (schema.pattern?.includes('(0[1-9]|1[0-2])'))
    edges.push('2026-00', '2026-13', '0000-01', '9999-12', '2026-1');
  return edges;
}

function numberEdges(schema: JsonSchema): unknown[] {
  const min = schema.minimum ?? 0;
  const max = schema.maximum ?? 100;
  const edges: unknown[] = [min, max, min - 1, max + 1, min - 0.5, max + 0.5, -0, 2 ** 53 + 1, 1e21, -1e21];
  edges.push(String(min), `${max}`, 'NaN', 'Infinity', null);
  if (schema.type === 'integer') edges.push(min + 0.5, 1.0000000001);
  return edges;
}

function arrayEdges(schema: JsonSchema): unknown[] {
  const item = schema.items?.enum?.[0] ?? 'x';
  const max = schema.maxItems ?? 10;
  return [
    Array.from({ length: max + 1 }, (_, i) => (schema.uniqueItems ? `${String(item)}${i}` : item)),
    [item, item],
    [null],
    [[item]],
    item,
    Array.from({ length: 10_000 }, () => item),
  ];
}

/** One field's value: usually valid, often at an edge, sometimes plain hostile. */
export function fieldValue(schema: JsonSchema, name: string, hints: Hints): fc.Arbitrary<unknown> {
  const edges = boundaryValues(schema);
  return fc.oneof(
    { weight: 4, arbitrary: validValue(schema, name, hints) },
    {
      weight: edges.length > 0 ? 3 : 0,
      arbitrary: edges.length > 0 ? fc.constantFrom(...edges) : fc.constant(null),
    },
    { weight: 3, arbitrary: hostileValue },
  );
}

/** Marks a request sent with no body at all. */
export const NO_BODY = Symbol('no body');

/**
 * Request bodies for a schema: fully valid ones (so the handler runs), valid but for one field,
 * valid plus fields nobody declared, every field drawn from edges and hostile values, and bodies
 * of the wrong shape entirely.
 */
export function bodyFor(schema: JsonSchema | undefined, hints: Hints): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant(NO_BODY), hostileBody);
  const valid = validBase(schema, hints);
  const props = Object.entries(schema.properties ?? {});
  const oneBad =
    props.length === 0
      ? hostileBody
      : fc
          .tuple(valid, fc.constantFrom(...props))
          .chain(([body, [name, s]]) =>
            fieldValue(s, name, {}).map((v) => ({ ...(body as object), [name]: v })),
          );
  const extra = fc
    .tuple(
      valid,
      fc.dictionary(
        fc.constantFrom('role', 'id', 'userId', 'isAdmin', 'status', 'x', '$where'),
        hostileValue,
      ),
    )
    .map(([body, more]) => ({ ...(body as object), ...more }));
  const anyField = fc.record(
    Object.fromEntries(props.map(([name, s]) => [name, fieldValue(s, name, hints)])),
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 7, arbitrary: valid },
    { weight: 7, arbitrary: oneBad },
    { weight: 2, arbitrary: extra },
    { weight: 2, arbitrary: anyField },
    { weight: 2, arbitrary: hostileBody },
  );
}
