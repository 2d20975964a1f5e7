import fc from 'fast-check';

/*
 * Values an attacker (or a broken client) sends: injection strings for every interpreter the
 * data might meet, Unicode that breaks naive handling, numbers at and past every edge, and the
 * wrong shapes altogether. Any field may receive any of them; none may ever cause a 5xx.
 */

export const INJECTIONS = [
  "' OR '1'='1",
  "1'; DROP TABLE users; --",
  '" OR ""="',
  "admin'--",
  '1 UNION SELECT password_hash FROM users',
  "'; SELECT pg_sleep(5); --",
  '$where: sleep(1000)',
  '{"$gt": ""}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}',
  '#{7*7}',
  '<%= 7*7 %>',
  '{{constructor.constructor("return process")()}}',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/dev/zero',
  'file:///etc/shadow',
  'a\r\nSet-Cookie: hacked=1',
  '%0d%0aX-Injected: 1',
  'a\u0000b',
  '\u0000',
  '%00',
  '*123*1*1#',
  '| cat /etc/passwd',
  '$(reboot)',
  '`id`',
  '__proto__',
  'constructor',
  'null',
  'undefined',
];

export const UNICODE_EDGES = [
  '',
  ' ',
  '\t\n',
  '\u202eevil\u202c', // right-to-left override
  'a\u200bb\u200c\u200d', // zero-width space and joiners
  '\ufeff', // byte-order mark
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  'x\udc00\ud800y', // surrogates in the wrong order
  '👩🏽‍⚕️🩸🌙',
  '🏳️‍🌈'.repeat(40),
  'Z̴̡̛̖͓͎̼̹̺̿̓̔ͬ̅ͯ͑a̶l̷g̶o̸', // stacked combining marks
  'e\u0301'.repeat(200),
  '\u0085\u2028\u2029', // line separators JavaScript and JSON disagree on
  'İıſ', // case mapping changes the length
  'ﷺ', // one code point, very wide
  '𝕬𝖑𝖎𝖓𝖊', // astral letters
  '\u00c0\u00af', // what an overlong "/" decodes to in Latin-1
  'Ａｄｍｉｎ', // full-width
  'Ｏ\u0301',
  '\u0007\u001b[31m', // bell, terminal escape
];

export const NUMERIC_TEXTS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x10',
  '1_000',
  '٣',
  '  7  ',
  '7.0',
  '+7',
];

/** The wrong shapes: every JSON type but the expected one, and operator objects. */
export const WRONG_SHAPES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.000001,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 63),
  [],
  {},
  [null],
  [[[[]]]],
  ['a', 1, null],
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000)' },
  JSON.parse('{"__proto__":{"admin":true}}'),
  { constructor: { prototype: { admin: true } } },
];

/** Anything hostile, of any shape. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMERIC_TEXTS) },
  { weight: 3, arbitrary: fc.constantFrom(...WRONG_SHAPES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...INJECTIONS), fc.constantFrom(...UNICODE_EDGES))
      .map(([a, b]) => `${b}${a}${b}`),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(5000), '9'.repeat(400), 'A'.repeat(70_000)) },
);

/** A request body that is not an object at all, or an object an attacker built. */
export const hostileBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...WRONG_SHAPES),
  fc.constantFrom(...INJECTIONS),
  fc.array(hostileValue, { maxLength: 5 }),
  fc.dictionary(fc.constantFrom(...INJECTIONS, ...UNICODE_EDGES, 'role', 'id', 'userId'), hostileValue, {
    maxKeys: 5,
  }),
);

/** Request bodies no generator would write: sent as raw bytes to every route that takes a body. */
export type RawBody = { label: string; payload: string | Buffer; contentType: string };

const json = 'application/json';
export const RAW_BODIES: RawBody[] = [
  {
    label: 'a body over the 64 KiB limit',
    payload: JSON.stringify({ notes: 'x'.repeat(70_000) }),
    contentType: json,
  },
  { label: '10,000-deep arrays', payload: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, contentType: json },
  {
    label: '10,000-deep objects',
    payload: `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    contentType: json,
  },
  {
    label: 'overlong and invalid UTF-8 inside a string',
    payload: Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xed, 0xa0, 0x80, 0xff]),
      Buffer.from('","text":"1"}'),
    ]),
    contentType: json,
  },
  {
    label: 'bytes that are not UTF-8 at all',
    payload: Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]),
    contentType: json,
  },
  {
    label: 'numbers past a double',
    payload: '{"pain":1e309,"birthYear":-1e309,"sleepHours":1e-400}',
    contentType: json,
  },
  {
    label: 'the same key twice',
    payload: '{"role":"adolescent","role":"admin","language":"en"}',
    contentType: json,
  },
  {
    label: 'prototype pollution',
    payload: '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"isAdmin":true}}}',
    contentType: json,
  },
  { label: 'a byte-order mark before the JSON', payload: '\ufeff{"language":"en"}', contentType: json },
  {
    label: '3,000 keys',
    payload: JSON.stringify(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i]))),
    contentType: json,
  },
  { label: 'a form body', payload: 'role=admin&text=1*1', contentType: 'application/x-www-form-urlencoded' },
  { label: 'a charset nobody speaks', payload: '{}', contentType: 'application/json; charset=utf-7' },
];
