import { randomBytes } from 'node:crypto';
import { BUILT_IN_PEPPER_ID, type Config } from '../../src/platform/config.ts';

/** The environment a child process needs to use the same keys as a test's app. */
export function secretEnv(
  config: Pick<Config, 'jwtSecret' | 'masterKeys' | 'activeMasterKeyId' | 'blindIndexKey'> &
    Partial<Pick<Config, 'credentialPeppers' | 'activeCredentialPepper'>>,
) {
  return {
    JWT_SECRET: Buffer.from(config.jwtSecret).toString('utf8'),
    MASTER_KEYS: [...config.masterKeys].map(([id, key]) => `${id}:${key.toString('base64')}`).join(','),
    ACTIVE_MASTER_KEY: config.activeMasterKeyId,
    BLIND_INDEX_KEY: config.blindIndexKey.toString('utf8'),
    ...pepperEnv(config),
    LOG_LEVEL: 'silent',
  };
}

/**
 * The peppers as a child process must be told them: the built-in b1 derives from BLIND_INDEX_KEY
 * there too, so only a set that differs from the default is spelled out.
 */
function pepperEnv(config: Partial<Pick<Config, 'credentialPeppers' | 'activeCredentialPepper'>>) {
  const peppers = config.credentialPeppers;
  if (!peppers || (peppers.size === 1 && peppers.has(BUILT_IN_PEPPER_ID))) return {};
  const entries = [...peppers].map(([id, key]) =>
    id === BUILT_IN_PEPPER_ID ? id : `${id}:${key.toString('base64')}`,
  );
  return {
    CREDENTIAL_PEPPERS: entries.join(','),
    ...(config.activeCredentialPepper ? { ACTIVE_CREDENTIAL_PEPPER: config.activeCredentialPepper } : {}),
  };
}

/** A valid production environment with fresh strong secrets: tests break one thing at a time. */
export function productionEnv(): Record<string, string> {
  const strong = () => randomBytes(48).toString('base64');
  return {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://app@db.internal:5432/ladys?sslmode=verify-full',
    KEYSTORE_DATABASE_URL: 'postgres://keys@keys.internal:5432/ladys_keys?sslmode=verify-full',
    JWT_SECRET: strong(),
    MASTER_KEYS: `p1:${randomBytes(32).toString('base64')}`,
    BLIND_INDEX_KEY: strong(),
    ALLOWED_ORIGINS: 'https://app.example.rw',
    USSD_SECRET: randomBytes(32).toString('hex'),
    // Production refuses the outbox (nothing would be sent): a real provider's settings.
    SMS_PROVIDER: 'africastalking',
    AT_USERNAME: 'ladys-essence',
    AT_API_KEY: randomBytes(32).toString('hex'),
  };
}
