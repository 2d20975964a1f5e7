import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DecryptionError, generateKey, open, seal } from './aead.ts';
import { createKeyRing } from './key-ring.ts';

describe('AES-256-GCM field encryption', () => {
  const key = generateKey();
  const text = Buffer.from('Period started, heavy flow');

  it('round-trips and never repeats a ciphertext', () => {
    const a = seal(key, text, 'users.name:1');
    const b = seal(key, text, 'users.name:1');
    assert.notDeepEqual(a, b, 'a fresh nonce every time');
    assert.deepEqual(open(key, a, 'users.name:1'), text);
    assert.equal(a[0], 1, 'format version byte');
    assert.equal(a.length, 1 + 12 + text.length + 16);
  });

  it('refuses another context, another key and any flipped bit', () => {
    const sealed = seal(key, text, 'users.name:1');
    assert.throws(() => open(key, sealed, 'users.name:2'), DecryptionError);
    assert.throws(() => open(generateKey(), sealed, 'users.name:1'), DecryptionError);
    for (const index of [0, 5, 20, sealed.length - 1]) {
      const copy = Buffer.from(sealed);
      copy[index] = (copy[index] ?? 0) ^ 1;
      assert.throws(() => open(key, copy, 'users.name:1'), DecryptionError, `bit flipped at ${index}`);
    }
  });

  it('wraps data keys bound to their owner, under the active master key', () => {
    const ring = createKeyRing(
      new Map([
        ['a', generateKey()],
        ['b', generateKey()],
      ]),
      'b',
    );
    const dataKey = generateKey();
    const wrapped = ring.wrap('user-1', dataKey);
    assert.equal(wrapped.masterKeyId, 'b');
    assert.deepEqual(ring.unwrap('user-1', 'b', wrapped.wrapped), dataKey);
    assert.throws(() => ring.unwrap('user-2', 'b', wrapped.wrapped), DecryptionError);
    assert.throws(() => ring.unwrap('user-1', 'zzz', wrapped.wrapped), /not configured/);
  });
});
