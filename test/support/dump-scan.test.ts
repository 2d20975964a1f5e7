import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { TestDatabase } from './databases.ts';
import {
  dateSecrets,
  distinctiveWord,
  findSecrets,
  phoneSecrets,
  type Secret,
  valuesOfDatabase,
  valuesOfPgDump,
} from './dump-scan.ts';

/*
 * The scan is what stands between the at-rest tests and a silent pass: each case plants a secret
 * where a careless check would miss it and asserts the scan finds it.
 */

const hex = (text: string) => Buffer.from(text).toString('hex');
const note = `Quokka ${distinctiveWord()} cramps after school`;
const secrets: Secret[] = [
  { label: 'note', value: note },
  { label: 'PIN', value: '58203', token: true },
  { label: 'birth year', value: '2009', token: true },
];

/** A COPY block as pg_dump writes it; bytea fields are given as raw hex and escaped here. */
function copyBlock(table: string, columns: string[], rows: string[][]): string {
  return `COPY public.${table} (${columns.join(', ')}) FROM stdin;\n${rows.map((r) => r.join('\t')).join('\n')}\n\\.\n`;
}

/** What the at-rest tests used to do: every hex digit of the whole dump, decoded as one string. */
function decodeWholeDump(dump: string): string {
  return Buffer.from(dump.replace(/[^0-9a-f]/g, ''), 'hex').toString('latin1');
}

describe('dump scan: finds a secret wherever a reader could read it', () => {
  it('finds plaintext inside a bytea at an odd offset, after an odd count of hex digits (the old check missed it)', () => {
    // "abc" puts an odd number of hex digits before the bytea; one byte puts her note at an odd offset.
    const sealed = `\\\\x${randomBytes(1).toString('hex')}${hex(note)}${randomBytes(16).toString('hex')}`;
    const dump = copyBlock('periods', ['id', 'label', 'data_enc'], [[randomUUID(), 'abc', sealed]]);
    assert.ok(!decodeWholeDump(dump).includes(note), 'the fixture is one the whole-dump decoding misses');
    const found = findSecrets(valuesOfPgDump(dump), secrets);
    assert.deepEqual(
      found.map((f) => [f.label, f.where, f.form]),
      [
        ['note', 'public.periods.data_enc', 'bytea as utf8'],
        ['note', 'public.periods.data_enc', 'bytea as latin1'],
      ],
    );
  });

  it('finds plaintext in text columns, through COPY escapes, and hex or base64 kept in text', () => {
    const tabbed: Secret = { label: 'tabbed', value: 'Quokka\tnote' };
    const dump = copyBlock(
      'day_logs',
      ['a', 'b', 'c', 'd'],
      [['Quokka\\tnote', hex(note), Buffer.from(note).toString('base64'), 'born 2009, pin 58203']],
    );
    const found = findSecrets(valuesOfPgDump(dump), [...secrets, tabbed]);
    const at = (label: string) => found.filter((f) => f.label === label && f.where !== 'pg_dump text');
    assert.deepEqual(
      at('tabbed').map((f) => f.where),
      ['public.day_logs.a'],
    );
    assert.deepEqual(
      at('note').map((f) => `${f.where} ${f.form}`),
      [
        'public.day_logs.b hex as utf8',
        'public.day_logs.b hex as latin1',
        'public.day_logs.c base64 as utf8',
        'public.day_logs.c base64 as latin1',
      ],
    );
    assert.deepEqual(
      at('birth year').map((f) => f.where),
      ['public.day_logs.d'],
    );
    assert.deepEqual(
      at('PIN').map((f) => f.where),
      ['public.day_logs.d'],
    );
  });

  it('matches short digit secrets only as whole words, not inside uuids, hex or longer numbers', () => {
    const dump = copyBlock(
      'users',
      ['id', 'n', 'digest', 'year'],
      [
        ['6f1c2a9e-2009-4b1e-8a58-582030000000', '1582039', 'ab2009cd58203e', '2009'],
        ['7e1c2a9e-1111-4b1e-8a58-1234567890ab', '58203', '\\\\x00', '1999'],
      ],
    );
    const found = findSecrets(valuesOfPgDump(dump), secrets).filter((f) => f.where !== 'pg_dump text');
    assert.deepEqual(
      found.map((f) => `${f.label} ${f.where}`),
      ['birth year public.users.year', 'PIN public.users.n'],
    );
  });

  it('reads text outside COPY rows, and refuses a truncated dump', () => {
    const found = findSecrets(valuesOfPgDump(`COMMENT ON TABLE x IS '${note}';\n`), secrets);
    assert.deepEqual(
      found.map((f) => f.where),
      ['pg_dump text'],
    );
    assert.throws(() => valuesOfPgDump('COPY public.t (a) FROM stdin;\nx\n'), /ended inside the COPY/);
  });

  it('finds nothing in ciphertext-like values (no false alarm)', () => {
    const rows = Array.from({ length: 300 }, () => [
      randomUUID(),
      `\\\\x${randomBytes(200).toString('hex')}`,
    ]);
    const dump = copyBlock('users', ['id', 'name_enc'], rows);
    assert.deepEqual(findSecrets(valuesOfPgDump(dump), secrets), []);
  });

  it('reads each column of each row from a live database, bytea decoded on its own', async () => {
    const db = new PGlite();
    try {
      const raw: TestDatabase['raw'] = async (text, params) => (await db.query(text, params)).rows as never;
      // A column named like the scan's row alias must not hide the rest of the row.
      await raw('CREATE TABLE scan_probe (id uuid, scanned text, sealed bytea, born int, doc jsonb)');
      await raw(
        `INSERT INTO scan_probe VALUES ($1, 'abc', '\\x01${hex(note)}'::bytea, 2009, '{"pin": "58203"}')`,
        [randomUUID()],
      );
      const found = findSecrets(await valuesOfDatabase(raw, { tables: ['scan_probe'] }), secrets);
      assert.deepEqual(
        found.map((f) => `${f.label} ${f.where} ${f.form}`),
        [
          // jsonb orders a row's keys by length: id, doc, born, sealed, scanned.
          'PIN public.scan_probe.doc.pin text',
          'birth year public.scan_probe.born text',
          'note public.scan_probe.sealed bytea as utf8',
          'note public.scan_probe.sealed bytea as latin1',
        ],
      );
    } finally {
      await db.close();
    }
  });

  it('spells phones and dates in the forms code writes them', () => {
    assert.deepEqual(
      phoneSecrets('phone', '+250788123456').map((s) => s.value),
      ['+250788123456', '250788123456', '0788123456', '788123456'],
    );
    assert.deepEqual(
      dateSecrets('start', '2026-03-11').map((s) => s.value),
      ['2026-03-11', '20260311', '2026/03/11', '11/03/2026', '1773187200', '20523'],
    );
  });
});
