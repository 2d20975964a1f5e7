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
  const peppers = (active = 'b1', extra: Array<[string, Buffer]> = []) => ({
    keys: new Map<string, Buffer>([['b1', Buffer.alloc(32, 7)], ...extra]),
    active,
    legacyPin: Buffer.alloc(32, 9),
  });
  const her = '6f1c2b4e-0000-4000-8000-000000000001';
  const him = '6f1c2b4e-0000-4000-8000-000000000002';

  it('peppers PINs before Argon2id, so a stolen database alone cannot test the 100,000 PINs', async () => {
    const hasher = createSecretHasher(DEFAULT_PASSWORD_HASHING, peppers());
    const stored = await hasher.hash(her, 'pin', '58203');
    assert.match(stored, /^\$le1\$b1\$\$argon2id\$v=19\$m=4096,t=2,p=1\$/);
    assert.deepEqual(await hasher.verify(her, 'pin', stored, '58203'), { ok: true, rehash: false });
    assert.equal((await hasher.verify(her, 'pin', stored, '58204')).ok, false);
    assert.equal(
      (await hasher.verify(her, 'password', stored, '58203')).ok,
      false,
      'a PIN is not a password',
    );
    const otherKey = createSecretHasher(DEFAULT_PASSWORD_HASHING, {
      ...peppers(),
      keys: new Map([['b1', Buffer.alloc(32, 8)]]),
    });
    assert.equal(
      (await otherKey.verify(her, 'pin', stored, '58203')).ok,
      false,
      'without the pepper the hash is useless',
    );
  });

  it('binds a hash to its account: his hash copied onto her row does not open it with his PIN', async () => {
    const hasher = createSecretHasher(DEFAULT_PASSWORD_HASHING, peppers());
    const his = await hasher.hash(him, 'pin', '58203');
    assert.equal((await hasher.verify(her, 'pin', his, '58203')).ok, false);
    const hisPassword = await hasher.hash(him, 'password', 'umuganda saturday morning');
    assert.equal((await hasher.verify(her, 'password', hisPassword, 'umuganda saturday morning')).ok, false);
  });

  it('refuses a bare Argon2id hash a database writer made himself, and a legacy hash not sealed by us', async () => {
    const hasher = createSecretHasher(DEFAULT_PASSWORD_HASHING, peppers());
    const { hash } = await import('@node-rs/argon2');
    const forged = await hash('umuganda saturday morning');
    assert.equal((await hasher.verify(her, 'password', forged, 'umuganda saturday morning')).ok, false);
    const fakeWrap = `$lemac$b1$${'A'.repeat(43)}$${forged}`;
    assert.equal((await hasher.verify(her, 'password', fakeWrap, 'umuganda saturday morning')).ok, false);
    const wrapped = hasher.wrapLegacy(her, 'password', forged);
    assert.deepEqual(await hasher.verify(her, 'password', wrapped, 'umuganda saturday morning'), {
      ok: true,
      rehash: true,
    });
    assert.equal((await hasher.verify(him, 'password', wrapped, 'umuganda saturday morning')).ok, false);
  });

  it('keeps verifying hashes under an older pepper and asks for a re-hash under the active one', async () => {
    const old = createSecretHasher(DEFAULT_PASSWORD_HASHING, peppers());
    const stored = await old.hash(her, 'pin', '58203');
    const rotated = createSecretHasher(
      DEFAULT_PASSWORD_HASHING,
      peppers('b2', [['b2', Buffer.alloc(32, 3)]]),
    );
    assert.deepEqual(await rotated.verify(her, 'pin', stored, '58203'), { ok: true, rehash: true });
    const fresh = await rotated.hash(her, 'pin', '58203');
    assert.match(fresh, /^\$le1\$b2\$/);
    assert.deepEqual(await rotated.verify(her, 'pin', fresh, '58203'), { ok: true, rehash: false });
  });

  it('uses Argon2id with the OWASP cost by default and verifies without truncation', async () => {
    const hasher = createSecretHasher(DEFAULT_PASSWORD_HASHING, peppers());
    const long = `${'a'.repeat(100)}tail-one`;
    const stored = await hasher.hash(her, 'password', long);
    assert.match(stored, /\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal((await hasher.verify(her, 'password', stored, long)).ok, true);
    assert.equal(
      (await hasher.verify(her, 'password', stored, `${'a'.repeat(100)}tail-two`)).ok,
      false,
      'characters past 72 bytes count',
    );
    assert.equal((await hasher.verify(her, 'password', null, long)).ok, false);
    assert.equal((await hasher.verify(her, 'password', 'not-a-hash', long)).ok, false);
  });
});
