import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PASSWORD_HASHING } from '../../platform/config.ts';
import { AppError } from '../../platform/http/errors.ts';
import { checkPassword, checkPin, createSecretHasher } from './secrets.ts';

const refused = (fn: () => void, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === code);

describe('password rules', () => {
  it('needs 8 characters, accepts long pass-phrases whole, and has no composition rules', () => {
    refused(() => checkPassword('short1!'), 'weak_password');
    checkPassword('umuganda saturday morning');
    checkPassword('x'.repeat(40) + 'y'.repeat(40) + 'z'.repeat(40) + 'w'.repeat(40)); // 160 characters
    checkPassword('alllowercasewords');
    refused(() => checkPassword('q'.repeat(257)), 'weak_password');
  });

  it('refuses common and breached passwords from the bundled list, whatever the case', () => {
    for (const p of ['password', 'Password1', '12345678', 'iloveyou', 'QWERTYUIOP', 'sunshine']) {
      refused(() => checkPassword(p), 'weak_password');
    }
  });

  it("refuses the person's own name or number", () => {
    refused(() => checkPassword('uwimana2024!', ['Uwimana']), 'weak_password');
  });
});

describe('PIN rules', () => {
  it('takes exactly five digits and refuses the guessable ones', () => {
    checkPin('58203');
    for (const pin of [
      '1234',
      '123456',
      'abcde',
      '00000',
      '77777',
      '12345',
      '98765',
      '01234',
      '12121',
      '13579',
    ]) {
      refused(() => checkPin(pin), 'weak_pin');
    }
    refused(() => checkPin('20091', 2009), 'weak_pin');
    checkPin('20091', 2010);
  });
});

describe('secret hashing', () => {
  it('peppers PINs before Argon2id, so a stolen database alone cannot test the 100,000 PINs', async () => {
    const hasher = createSecretHasher(DEFAULT_PASSWORD_HASHING, Buffer.alloc(32, 7));
    const stored = await hasher.hashPin('58203');
    assert.match(stored, /^\$argon2id\$v=19\$m=4096,t=2,p=1\$/);
    assert.equal(await hasher.verifyPin(stored, '58203'), true);
    assert.equal(await hasher.verifyPin(stored, '58204'), false);
    assert.equal(await hasher.verify(stored, '58203'), false, 'the bare PIN does not match');
    const otherKey = createSecretHasher(DEFAULT_PASSWORD_HASHING, Buffer.alloc(32, 8));
    assert.equal(
      await otherKey.verifyPin(stored, '58203'),
      false,
      'without the pepper key the hash is useless',
    );
  });

  it('uses Argon2id with the OWASP cost by default and verifies without truncation', async () => {
    const hasher = createSecretHasher(DEFAULT_PASSWORD_HASHING, Buffer.alloc(32, 7));
    const long = `${'a'.repeat(100)}tail-one`;
    const stored = await hasher.hash(long);
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await hasher.verify(stored, long), true);
    assert.equal(
      await hasher.verify(stored, `${'a'.repeat(100)}tail-two`),
      false,
      'characters past 72 bytes count',
    );
    assert.equal(await hasher.verify(null, long), false);
    assert.equal(await hasher.verify('not-a-hash', long), false);
  });
});
