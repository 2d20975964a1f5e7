import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelledMac, newDigitCode, sameMac, typedDigitCode } from './one-time-code.ts';

describe('one-time codes', () => {
  it('draws codes of exactly the asked digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) {
      assert.match(newDigitCode(8), /^[0-9]{8}$/);
      assert.match(newDigitCode(6), /^[0-9]{6}$/);
    }
  });

  it('takes a typed code as it was read out, and nothing that cannot be one', () => {
    assert.equal(typedDigitCode('1234 5678', 8, /[\s-]/g), '12345678');
    assert.equal(typedDigitCode('1234-5678', 8, /[\s-]/g), '12345678');
    assert.equal(
      typedDigitCode('1234-5678', 8, /\s+/g),
      undefined,
      'a dash only where the feature allows it',
    );
    assert.equal(typedDigitCode('1234 5678', 8), undefined, 'nothing ignored unless asked');
    assert.equal(typedDigitCode('00000042', 8), '00000042');
    for (const bad of ['1234567', '123456789', '1234567a', '１２３４５６７８', '12345678\n', ''])
      assert.equal(typedDigitCode(bad, 8), undefined, JSON.stringify(bad));
  });

  it('hashes label NUL code: the bytes stored rows were made with', () => {
    const key = Buffer.alloc(32, 7);
    const known: Array<[string, string, string]> = [
      ['care-link', '01234567', '2b2955b52c3cfd7333b2251c834a310bace9125799ec0ef1fb3262b552be5a72'],
      ['guardian-code', '00000042', '37dbc1eeb9ff5d6b4ddec830027626ae0d625c47dee15e24212875887748bb64'],
      ['code', '99999999', '8e1190d6744beae983f0f0a62fe7c4d72a14fb59fc2f937cc2dfb07a2dc84dc1'],
    ];
    for (const [label, code, hex] of known) assert.equal(labelledMac(key, label, code).toString('hex'), hex);
  });

  it('compares hashes in constant time, a stored one of another length never matching', () => {
    const key = Buffer.alloc(32, 1);
    const mac = labelledMac(key, 'secret', 'abc');
    assert.equal(sameMac(new Uint8Array(mac), labelledMac(key, 'secret', 'abc')), true);
    assert.equal(sameMac(mac, labelledMac(key, 'secret', 'abd')), false);
    assert.equal(sameMac(mac.subarray(0, 16), mac), false);
  });
});
