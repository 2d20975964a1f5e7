import type { Config } from '../../src/platform/config.ts';

/** The environment a child process needs to use the same keys as a test's app. */
export function secretEnv(
  config: Pick<Config, 'jwtSecret' | 'masterKeys' | 'activeMasterKeyId' | 'blindIndexKey'>,
) {
  return {
    JWT_SECRET: Buffer.from(config.jwtSecret).toString('utf8'),
    MASTER_KEYS: [...config.masterKeys].map(([id, key]) => `${id}:${key.toString('base64')}`).join(','),
    ACTIVE_MASTER_KEY: config.activeMasterKeyId,
    BLIND_INDEX_KEY: config.blindIndexKey.toString('utf8'),
    LOG_LEVEL: 'silent',
  };
}
