import { randomInt } from 'node:crypto';
import type { TestDatabase } from './databases.ts';

/*
 * Looks for a person's secrets in what a database reader or a backup sees. Each stored value is
 * read on its own: a bytea is decoded from its own hex, so its bytes line up. (Decoding the hex of a
 * whole dump as one string shifts every value after an odd count of hex digits by half a byte,
 * which hid plaintext in about half the runs.) Every value is searched as text and, when it is
 * bytes or looks like hex or base64, as those bytes read as UTF-8 and as Latin-1.
 */

/** A secret and the name it is reported by. `token`: only as a whole word (short digit strings). */
export type Secret = { label: string; value: string; token?: boolean };

/** One stored value and where it was found (schema.table.column, or a note on the dump). */
export type StoredValue = { where: string; value: unknown };

export type Finding = { label: string; where: string; form: string; excerpt: string };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
// A bytea in PostgreSQL's text output, as one whole value.
const BYTEA = /^\\x((?:[0-9a-f]{2})*)$/i;
const HEX = /^(?:[0-9a-f]{2}){4,}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4}){2,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]{11,}$/;

/** Letters that are not hex digits, so a word made of them cannot appear in hex by chance. */
export function distinctiveWord(length = 8): string {
  const letters = 'ghijklmnopqrstuvwxyz';
  return Array.from({ length }, () => letters[randomInt(letters.length)]).join('');
}

/** Her phone number in every form it could be stored: +250…, 250…, 07…, and the 9 national digits. */
export function phoneSecrets(label: string, international: string): Secret[] {
  const digits = international.replace(/\D/g, '');
  const national = digits.replace(/^250/, '');
  return [
    { label: `${label} (+250…)`, value: `+${digits}` },
    { label: `${label} (250…)`, value: digits },
    { label: `${label} (0…)`, value: `0${national}` },
    { label: `${label} (national digits)`, value: national },
  ];
}

/** A calendar date in the forms code tends to write one: ISO, compact, slashed, epoch day/second. */
export function dateSecrets(label: string, iso: string): Secret[] {
  const [y, m, d] = iso.split('-');
  const epoch = Date.parse(`${iso}T00:00:00Z`) / 1000;
  return [
    { label: `${label} (${iso})`, value: iso },
    { label: `${label} (yyyymmdd)`, value: `${y}${m}${d}` },
    { label: `${label} (yyyy/mm/dd)`, value: `${y}/${m}/${d}` },
    { label: `${label} (dd/mm/yyyy)`, value: `${d}/${m}/${y}` },
    { label: `${label} (epoch second)`, value: String(epoch) },
    { label: `${label} (epoch day)`, value: String(epoch / 86400), token: true },
  ];
}

/** Every field of every COPY row in a plain-format pg_dump, unescaped, plus the dump's text. */
export function valuesOfPgDump(dump: string): StoredValue[] {
  // The text itself (statements, comments, anything outside COPY rows), bytea hex left out: its
  // decoded bytes are searched below, and digits in hex would match short secrets by chance.
  const values: StoredValue[] = [{ where: 'pg_dump text', value: dump.replace(/\\\\x[0-9a-f]*/gi, ' ') }];
  let table: string | undefined;
  let columns: string[] = [];
  for (const line of dump.split('\n')) {
    if (table === undefined) {
      const copy = /^COPY (\S+) \((.*)\) FROM stdin;$/.exec(line);
      if (copy) {
        table = copy[1] ?? '';
        columns = (copy[2] ?? '').split(', ').map((c) => c.replace(/^"|"$/g, ''));
      }
      continue;
    }
    if (line === '\\.') {
      table = undefined;
      continue;
    }
    line.split('\t').forEach((field, i) => {
      if (field !== '\\N')
        values.push({ where: `${table}.${columns[i] ?? `#${i + 1}`}`, value: unescapeCopy(field) });
    });
  }
  if (table !== undefined) throw new Error(`pg_dump ended inside the COPY of ${table}`);
  return values;
}

/** COPY's text format: backslash escapes for control characters, octal and hex bytes, and itself. */
function unescapeCopy(field: string): string {
  const named: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  return field.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/g, (_, oct, hex, char: string) => {
    if (oct) return String.fromCharCode(Number.parseInt(oct, 8));
    if (hex) return String.fromCharCode(Number.parseInt(hex, 16));
    return named[char] ?? char;
  });
}

/**
 * Every column of every row of every table (or of `tables`), each value on its own: rows are read
 * as JSON, in which a bytea is its own `\x…` string and dates keep their ISO form.
 */
export async function valuesOfDatabase(
  raw: TestDatabase['raw'],
  opts: { tables?: string[] } = {},
): Promise<StoredValue[]> {
  const tables = await raw<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const wanted = tables.filter((t) => !opts.tables || opts.tables.includes(t.name));
  if (opts.tables && wanted.length !== opts.tables.length) throw new Error(`no table among ${opts.tables}`);
  const values: StoredValue[] = [];
  for (const { schema, name } of wanted) {
    // `alias.*` is the whole row even when a column has the alias's name.
    const rows = await raw<{ row: string }>(
      `SELECT to_jsonb(scanned.*)::text AS row FROM "${schema}"."${name}" scanned`,
    );
    for (const { row } of rows) flatten(JSON.parse(row), `${schema}.${name}`, values);
  }
  return values;
}

function flatten(value: unknown, where: string, into: StoredValue[]): void {
  if (value === null) return;
  if (typeof value !== 'object') {
    into.push({ where, value });
    return;
  }
  for (const [key, inner] of Object.entries(value)) flatten(inner, `${where}.${key}`, into);
}

/** The ways a reader could see one stored value: as text, and its bytes as UTF-8 and Latin-1. */
export function readableForms(value: unknown): { form: string; text: string }[] {
  if (value instanceof Uint8Array) return bytesForms('bytes', Buffer.from(value));
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const bytea = BYTEA.exec(text);
  if (bytea) return bytesForms('bytea', Buffer.from(bytea[1] ?? '', 'hex'));
  // uuids are blanked in the text form: a 4-digit group of one would match a birth year by chance.
  const forms = [{ form: 'text', text: text.replace(UUID, ' ') }];
  if (HEX.test(text)) forms.push(...bytesForms('hex', Buffer.from(text, 'hex')));
  if (BASE64.test(text)) forms.push(...bytesForms('base64', Buffer.from(text, 'base64')));
  else if (BASE64URL.test(text)) forms.push(...bytesForms('base64url', Buffer.from(text, 'base64url')));
  return forms;
}

function bytesForms(kind: string, bytes: Buffer): { form: string; text: string }[] {
  return [
    { form: `${kind} as utf8`, text: bytes.toString('utf8') },
    { form: `${kind} as latin1`, text: bytes.toString('latin1') },
  ];
}

/** Every place a secret can be read, case-insensitively, in any readable form of any value. */
export function findSecrets(values: Iterable<StoredValue>, secrets: Secret[]): Finding[] {
  const patterns = secrets.map((s) => {
    const escaped = s.value.toLowerCase().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return { secret: s, re: new RegExp(s.token ? `(?<![a-z0-9])${escaped}(?![a-z0-9])` : escaped) };
  });
  const found: Finding[] = [];
  for (const { where, value } of values) {
    for (const { form, text } of readableForms(value)) {
      const lower = text.toLowerCase();
      for (const { secret, re } of patterns) {
        const at = lower.search(re);
        if (at < 0) continue;
        const excerpt = JSON.stringify(text.slice(Math.max(0, at - 20), at + secret.value.length + 20));
        found.push({ label: secret.label, where, form, excerpt });
      }
    }
  }
  return found;
}

/** A readable failure message: which secret, in which column, in which form, with its context. */
export function describeFindings(found: Finding[]): string {
  const lines = found.slice(0, 20).map((f) => `  ${f.label} in ${f.where} (${f.form}): ${f.excerpt}`);
  const more = found.length > 20 ? `\n  … and ${found.length - 20} more` : '';
  return `plaintext found at rest:\n${lines.join('\n')}${more}`;
}
