import { type Static, Type } from 'typebox';
import { derivePurposeKey } from './crypto/purpose-keys.ts';
import { checkDatabaseUrl } from './db/connection-url.ts';
import { loadOrCreateDevSecrets } from './dev-secrets.ts';
import { compileStrict } from './validation.ts';

/** Values shipped in .env.example; production refuses them (test/config.test.ts keeps the two in sync). */
export const EXAMPLE_SECRET_VALUES = [
  'change-me-to-64-random-characters-for-jwt-signing-0000000000000',
  'k1:Y2hhbmdlLW1lLWNoYW5nZS1tZS1jaGFuZ2UtbWUtMzI=',
  'change-me-to-64-random-characters-for-blind-indexes-00000000000',
  'change-me-ussd-callback-secret-0000000000000000000000000000000',
  'p2:Y2hhbmdlLW1lLWNyZWRlbnRpYWwtcGVwcGVyLTAwMDAwMDAw',
];
const EXAMPLE_MARKERS = ['change-me', 'changeme', 'example', 'replace-me'];
const MIN_SECRET_BYTES = 32;

const EnvSchema = Type.Object({
  NODE_ENV: Type.Optional(Type.Enum(['development', 'production', 'test'])),
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  KEYSTORE_DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  MIGRATION_DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  KEYSTORE_MIGRATION_DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  JWT_SECRET: Type.Optional(Type.String()),
  MASTER_KEYS: Type.Optional(Type.String()),
  ACTIVE_MASTER_KEY: Type.Optional(Type.String()),
  BLIND_INDEX_KEY: Type.Optional(Type.String()),
  ALLOWED_ORIGINS: Type.Optional(Type.String()),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  TLS_CERT_FILE: Type.Optional(Type.String({ minLength: 1 })),
  TLS_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  RATE_LIMIT_SCALE: Type.Optional(Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' })),
  APP_LOCK_SCALE: Type.Optional(Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' })),
  TRUST_PROXY: Type.Optional(Type.String()),
  SECURITY_ALERT_WEBHOOK_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  USSD_SECRET: Type.Optional(Type.String()),
  USSD_ALLOWED_IPS: Type.Optional(Type.String()),
  USSD_SIMULATOR: Type.Optional(Type.Enum(['on', 'off'])),
  PROCESS_ROLE: Type.Optional(Type.Enum(['all', 'web', 'worker'])),
  SMS_PROVIDER: Type.Optional(Type.Enum(['outbox', 'africastalking'])),
  AT_USERNAME: Type.Optional(Type.String({ pattern: '^[\\x21-\\x7e]{1,100}$' })),
  AT_API_KEY: Type.Optional(Type.String()),
  AT_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  SMS_COUNTRY_CODES: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}(,[0-9]{1,3})*$' })),
  CREDENTIAL_PEPPERS: Type.Optional(Type.String()),
  ACTIVE_CREDENTIAL_PEPPER: Type.Optional(Type.String()),
  GUARDIAN_CONSENT_AGE: Type.Optional(Type.String({ pattern: '^[0-9]{1,2}$' })),
  APPOINTMENT_CHANGE_CUTOFF_MINUTES: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  AUDIT_RETENTION_DAYS: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
  LOG_LEVEL: Type.Optional(Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});
type Env = Static<typeof EnvSchema>;
const checkEnv = compileStrict(EnvSchema);

/** How long what is kept, in days (see docs/privacy.md). */
export type RetentionPolicy = { endedSessionsDays: number; guardianCodesDays: number; auditDays: number };

export type PasswordHashingCost = { memoryCost: number; timeCost: number; parallelism: number };

/** Where SMS go: kept in the outbox only (development), or Africa's Talking's bulk SMS API. */
export type SmsConfig =
  | { provider: 'outbox' }
  | { provider: 'africastalking'; username: string; apiKey: string; baseUrl: string };

export const AT_DEFAULT_BASE_URL = 'https://api.africastalking.com';
/** The id of the pepper derived from BLIND_INDEX_KEY, in force until CREDENTIAL_PEPPERS says otherwise. */
export const BUILT_IN_PEPPER_ID = 'b1';

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A separate PostgreSQL database for users' wrapped data keys (required in production). */
  keystoreUrl: string | undefined;
  /** The schema owner's URL, for migrating at start-up; without it a runtime role only checks the schema. */
  migrationDatabaseUrl?: string;
  keystoreMigrationDatabaseUrl?: string;
  jwtSecret: Uint8Array;
  masterKeys: Map<string, Buffer>;
  activeMasterKeyId: string;
  blindIndexKey: Buffer;
  allowedOrigins: string[];
  redisUrl: string | undefined;
  tls: { certFile: string; keyFile: string } | undefined;
  rateLimitScale: number;
  /** Multiplies the app lock's idle times (browser tests shorten them; production refuses anything but 1). */
  appLockScale?: number;
  /** Proxy hops or addresses whose X-Forwarded-For is believed; false = use the socket address. */
  trustProxy: boolean | string | number;
  /** Security alerts are POSTed here as JSON as well as logged (optional). */
  securityAlertWebhookUrl?: string | undefined;
  logLevel: string;
  /** Shared secret the USSD gateway sends (path or X-USSD-Secret header); required in production. */
  ussdSecret: string | undefined;
  /** Addresses or CIDRs allowed to call /ussd; empty = any. */
  ussdAllowedIps: string[];
  /** POST /api/v1/ussd-simulator for the web app's simulator page (demos, training). */
  ussdSimulator: boolean;
  /** What `npm start` runs: HTTP and the job queue's workers (`all`), or one of them. */
  processRole: 'all' | 'web' | 'worker';
  /** Below this age a young person's account keeps no health data until a guardian consents. */
  guardianConsentAge: number;
  /** Appointments can be cancelled or moved up to this many minutes before they start. */
  appointmentChangeCutoffMinutes: number;
  sms: SmsConfig;
  /** Country calling codes whose numbers may be texted (codes cost money: no pumping to others). */
  smsCountryCodes: string[];
  /** Server-held keys mixed into password and PIN hashes, by id; hashes name the id they used. */
  credentialPeppers: Map<string, Buffer>;
  /** The pepper new hashes use; a hash under another id is re-made with it at the next sign-in. */
  activeCredentialPepper: string;
  retention: RetentionPolicy;
  passwordHashing: PasswordHashingCost;
  accessTokenSeconds: number;
  sessionDays: number;
};

/** OWASP's Argon2id recommendation (19 MiB, 2 passes, 1 lane). */
export const DEFAULT_PASSWORD_HASHING: PasswordHashingCost = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

function ussdSettings(env: Env, mode: Config['env']) {
  return {
    ussdSecret: env.USSD_SECRET,
    ussdAllowedIps: splitList(env.USSD_ALLOWED_IPS),
    // The web simulator lets anyone act as any phone: on for development, opt-in elsewhere.
    ussdSimulator: (env.USSD_SIMULATOR ?? (mode === 'production' ? 'off' : 'on')) === 'on',
  };
}

/** Reads and validates the environment once; throws ConfigError listing every problem found. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv): Config {
  const env = pickKnown(rawEnv);
  const shapeProblems = checkEnv(env);
  if (shapeProblems.length > 0) {
    throw new ConfigError(shapeProblems.map((p) => `${p.field.replace(/^\//, '')}: ${p.message}`));
  }

  const mode = env.NODE_ENV ?? 'development';
  const problems: string[] = [];
  const dataDir = env.DATA_DIR ?? './data';
  const secrets = resolveSecrets(env, mode, dataDir, problems);
  const allowedOrigins = splitList(env.ALLOWED_ORIGINS);
  const rateLimitScale = Number(env.RATE_LIMIT_SCALE ?? '1');
  const port = Number(env.PORT ?? '3000');
  checkGeneral(env, mode, { port, allowedOrigins, rateLimitScale }, problems);
  const appLockScale = resolveAppLockScale(env, mode, problems);
  checkKeystore(env, mode, problems);
  checkDatabaseUrls(env, problems);
  const sms = resolveSms(env, mode, problems);
  // Without a usable BLIND_INDEX_KEY the peppers are still checked (every problem at once); the
  // stand-in key derives nothing that is used, since loading fails below.
  const peppers = resolveCredentialPeppers(env, mode, secrets?.blindIndexKey ?? Buffer.alloc(32), problems);
  if (problems.length > 0 || secrets === undefined || peppers === undefined) throw new ConfigError(problems);

  return {
    env: mode,
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    keystoreUrl: env.KEYSTORE_DATABASE_URL,
    ...(env.MIGRATION_DATABASE_URL ? { migrationDatabaseUrl: env.MIGRATION_DATABASE_URL } : {}),
    ...(env.KEYSTORE_MIGRATION_DATABASE_URL
      ? { keystoreMigrationDatabaseUrl: env.KEYSTORE_MIGRATION_DATABASE_URL }
      : {}),
    ...secrets,
    allowedOrigins,
    redisUrl: env.REDIS_URL,
    tls:
      env.TLS_CERT_FILE && env.TLS_KEY_FILE
        ? { certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE }
        : undefined,
    rateLimitScale,
    appLockScale,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    securityAlertWebhookUrl: env.SECURITY_ALERT_WEBHOOK_URL,
    logLevel: env.LOG_LEVEL ?? 'info',
    ...ussdSettings(env, mode),
    processRole: env.PROCESS_ROLE ?? 'all',
    guardianConsentAge: Number(env.GUARDIAN_CONSENT_AGE ?? '16'),
    appointmentChangeCutoffMinutes: Number(env.APPOINTMENT_CHANGE_CUTOFF_MINUTES ?? '120'),
    sms,
    smsCountryCodes: (env.SMS_COUNTRY_CODES ?? '250').split(','),
    ...peppers,
    // Audit rows: 7 years by default, the longest record-keeping period a health regulator is likely to ask.
    retention: {
      endedSessionsDays: 30,
      guardianCodesDays: 30,
      auditDays: Number(env.AUDIT_RETENTION_DAYS ?? '2557'),
    },
    passwordHashing: DEFAULT_PASSWORD_HASHING,
    accessTokenSeconds: 15 * 60,
    sessionDays: 30,
  };
}

/** APP_LOCK_SCALE shortens the app lock's idle times for browser tests only (decision 019). */
function resolveAppLockScale(env: Env, mode: string, problems: string[]): number {
  const scale = Number(env.APP_LOCK_SCALE ?? '1');
  if (scale === 0) problems.push('APP_LOCK_SCALE must be more than 0');
  else if (mode === 'production' && scale !== 1)
    problems.push('APP_LOCK_SCALE (shorter app-lock times, for browser tests) is refused in production');
  return scale;
}

function checkGeneral(
  env: Env,
  mode: string,
  parsed: { port: number; allowedOrigins: string[]; rateLimitScale: number },
  problems: string[],
): void {
  if (parsed.port > 65_535) problems.push('PORT must be between 0 and 65535');
  if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
    problems.push('TLS_CERT_FILE and TLS_KEY_FILE must be set together');
  }
  if (env.USSD_SECRET !== undefined && !/^[A-Za-z0-9._~-]+$/.test(env.USSD_SECRET)) {
    problems.push(
      'USSD_SECRET may hold only letters, digits and . _ ~ - (it can appear in the callback path)',
    );
  }
  if (mode !== 'production') return;
  checkNotExample('USSD_SECRET', env.USSD_SECRET, problems);
  if (!env.USSD_SECRET) problems.push('USSD_SECRET is required in production');
  else if (Buffer.byteLength(env.USSD_SECRET) < MIN_SECRET_BYTES)
    problems.push(`USSD_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
  if (env.DATABASE_URL === undefined) problems.push('DATABASE_URL is required in production (PostgreSQL)');
  if (parsed.allowedOrigins.length === 0) problems.push('ALLOWED_ORIGINS is required in production');
  if (parsed.rateLimitScale === 0)
    problems.push('RATE_LIMIT_SCALE=0 (rate limits off) is refused in production');
}

/** Keys apart from data: a backup of the data must never hold the keys that open it. */
function checkKeystore(env: Env, mode: string, problems: string[]): void {
  const url = env.KEYSTORE_DATABASE_URL;
  if (url !== undefined && env.DATABASE_URL === undefined) {
    problems.push('KEYSTORE_DATABASE_URL needs DATABASE_URL (the embedded database keeps its keys itself)');
  }
  if (mode !== 'production') return;
  if (!url) {
    problems.push(
      'KEYSTORE_DATABASE_URL is required in production (a database apart from DATABASE_URL, so backups of the data hold no keys)',
    );
  } else if (url === env.DATABASE_URL) {
    problems.push('KEYSTORE_DATABASE_URL must name a different database from DATABASE_URL');
  }
}

/** Every PostgreSQL URL (scheme, sslmode, certificate files); an owner's URL only beside its runtime URL. */
function checkDatabaseUrls(env: Env, problems: string[]): void {
  // One process per embedded data directory (decision 021): it must serve and work the queue.
  if (!env.DATABASE_URL && (env.PROCESS_ROLE ?? 'all') !== 'all')
    problems.push(
      'PROCESS_ROLE: the embedded database runs in one process, which must do everything (all); web and worker instances need DATABASE_URL',
    );
  const names = [
    'DATABASE_URL',
    'KEYSTORE_DATABASE_URL',
    'MIGRATION_DATABASE_URL',
    'KEYSTORE_MIGRATION_DATABASE_URL',
  ] as const;
  for (const name of names) {
    const url = env[name];
    if (url !== undefined) checkDatabaseUrl(name, url, problems);
  }
  if (env.MIGRATION_DATABASE_URL !== undefined && env.DATABASE_URL === undefined) {
    problems.push('MIGRATION_DATABASE_URL needs DATABASE_URL (the runtime role the server connects as)');
  }
  if (env.KEYSTORE_MIGRATION_DATABASE_URL !== undefined && env.KEYSTORE_DATABASE_URL === undefined) {
    problems.push('KEYSTORE_MIGRATION_DATABASE_URL needs KEYSTORE_DATABASE_URL');
  }
}

/**
 * The SMS provider. Production refuses `outbox` (nothing would leave the machine, so no phone
 * number could ever be verified) and Africa's Talking's sandbox, which delivers to no real phone.
 */
function resolveSms(env: Env, mode: string, problems: string[]): SmsConfig {
  const production = mode === 'production';
  if ((env.SMS_PROVIDER ?? 'outbox') === 'outbox') {
    const why = 'sends nothing: phone numbers could never be verified';
    const fix = 'set SMS_PROVIDER=africastalking with AT_USERNAME and AT_API_KEY';
    if (production && env.SMS_PROVIDER === undefined) {
      problems.push(`SMS_PROVIDER is required in production (the default, outbox, ${why}); ${fix}`);
    } else if (production) {
      problems.push(`SMS_PROVIDER=outbox is refused in production (it ${why}); ${fix}`);
    }
    return { provider: 'outbox' };
  }
  for (const name of ['AT_USERNAME', 'AT_API_KEY'] as const) {
    if (!env[name]) problems.push(`${name} is required when SMS_PROVIDER=africastalking`);
  }
  const baseUrl = checkAtBaseUrl(env.AT_BASE_URL ?? AT_DEFAULT_BASE_URL, production, problems);
  if (production && env.AT_USERNAME === 'sandbox') {
    problems.push(
      "AT_USERNAME=sandbox is Africa's Talking's sandbox, which delivers to no real phone; refused in production",
    );
  }
  if (production) checkNotExample('AT_API_KEY', env.AT_API_KEY, problems);
  return {
    provider: 'africastalking',
    username: env.AT_USERNAME ?? '',
    apiKey: env.AT_API_KEY ?? '',
    baseUrl,
  };
}

function checkAtBaseUrl(value: string, production: boolean, problems: string[]): string {
  const baseUrl = value.replace(/\/+$/, '');
  const url = URL.parse(baseUrl);
  if (!url) problems.push('AT_BASE_URL is not a URL');
  else if (url.search || url.hash || url.username || url.password) {
    problems.push('AT_BASE_URL must be a bare base URL (no query, fragment or credentials)');
  } else if (production && url.protocol !== 'https:') {
    problems.push('AT_BASE_URL must be https:// in production');
  } else if (production && url.hostname.includes('sandbox')) {
    problems.push(
      "AT_BASE_URL is Africa's Talking's sandbox, which delivers to no real phone; refused in production",
    );
  }
  return baseUrl;
}

type Peppers = Pick<Config, 'credentialPeppers' | 'activeCredentialPepper'>;

/**
 * CREDENTIAL_PEPPERS lists `id:base64key` entries, and may list the bare id `b1` for the pepper
 * derived from BLIND_INDEX_KEY (the only one there is while the variable is unset). Listing it
 * keeps hashes made before the first rotation verifiable until they are re-hashed; leaving it
 * out retires it (decision 016).
 */
function resolveCredentialPeppers(
  env: Env,
  mode: string,
  blindIndexKey: Buffer,
  problems: string[],
): Peppers | undefined {
  const peppers = new Map<string, Buffer>();
  const before = problems.length;
  for (const entry of splitList(env.CREDENTIAL_PEPPERS ?? BUILT_IN_PEPPER_ID)) {
    const sep = entry.indexOf(':');
    const id = sep < 0 ? entry : entry.slice(0, sep);
    const key = pepperKey(id, sep < 0 ? undefined : entry.slice(sep + 1), blindIndexKey, problems);
    if (key && peppers.has(id)) problems.push(`CREDENTIAL_PEPPERS has the id "${id}" twice`);
    else if (key) peppers.set(id, key);
    if (key && mode === 'production' && sep >= 0) checkNotExample('CREDENTIAL_PEPPERS', entry, problems);
  }
  if (problems.length > before) return undefined;
  // The last listed is the newest: adding a pepper at the end makes it the active one.
  const active = env.ACTIVE_CREDENTIAL_PEPPER ?? [...peppers.keys()].at(-1);
  if (active === undefined) {
    problems.push('CREDENTIAL_PEPPERS holds no pepper');
  } else if (!peppers.has(active)) {
    problems.push(`ACTIVE_CREDENTIAL_PEPPER "${active}" is not one of the peppers in CREDENTIAL_PEPPERS`);
  } else {
    return { credentialPeppers: peppers, activeCredentialPepper: active };
  }
  return undefined;
}

/** One CREDENTIAL_PEPPERS entry's key, or undefined with the problem recorded. */
function pepperKey(id: string, encoded: string | undefined, blindIndexKey: Buffer, problems: string[]) {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
    problems.push('CREDENTIAL_PEPPERS entries must look like id:base64key (id of letters, digits, - or _)');
    return undefined;
  }
  if (id === BUILT_IN_PEPPER_ID) {
    if (encoded === undefined) return derivePurposeKey(blindIndexKey, 'credential-pepper:v1');
    problems.push(
      `CREDENTIAL_PEPPERS: "${id}" is the pepper derived from BLIND_INDEX_KEY; list it without a key and give new peppers other ids`,
    );
    return undefined;
  }
  const key = Buffer.from(encoded ?? '', 'base64');
  if (key.length >= MIN_SECRET_BYTES) return key;
  problems.push(
    encoded === undefined
      ? `CREDENTIAL_PEPPERS entry "${id}" has no key (only "${BUILT_IN_PEPPER_ID}" stands alone)`
      : `CREDENTIAL_PEPPERS key "${id}" must be at least ${MIN_SECRET_BYTES} bytes (base64 of 32 random bytes), got ${key.length}`,
  );
  return undefined;
}

type Secrets = Pick<Config, 'jwtSecret' | 'masterKeys' | 'activeMasterKeyId' | 'blindIndexKey'>;

function resolveSecrets(env: Env, mode: string, dataDir: string, problems: string[]): Secrets | undefined {
  const missing = [env.JWT_SECRET, env.MASTER_KEYS, env.BLIND_INDEX_KEY].some((v) => !v);
  let jwt = env.JWT_SECRET;
  let masterKeys = env.MASTER_KEYS;
  let active = env.ACTIVE_MASTER_KEY;
  let blind = env.BLIND_INDEX_KEY;
  if (mode === 'production') {
    for (const name of ['JWT_SECRET', 'MASTER_KEYS', 'BLIND_INDEX_KEY'] as const) {
      if (!env[name]) problems.push(`${name} is required in production`);
    }
    checkNotExample('JWT_SECRET', jwt, problems);
    checkNotExample('BLIND_INDEX_KEY', blind, problems);
    checkNotExample('MASTER_KEYS', masterKeys, problems);
  } else if (missing) {
    // Development: generate once into DATA_DIR (mode 0600) rather than ever using a hard-coded default.
    const dev = loadOrCreateDevSecrets(dataDir);
    jwt ||= dev.jwtSecret;
    if (!masterKeys) {
      masterKeys = dev.masterKeys;
      active = dev.activeMasterKey;
    }
    blind ||= dev.blindIndexKey;
  }
  checkLength('JWT_SECRET', jwt, problems);
  checkLength('BLIND_INDEX_KEY', blind, problems);
  const ring = masterKeys ? parseMasterKeys(masterKeys, problems) : undefined;
  const activeId = ring ? resolveActiveKey(ring, active, problems) : undefined;
  if (!jwt || !blind || !ring || activeId === undefined || problems.length > 0) return undefined;
  return {
    jwtSecret: new TextEncoder().encode(jwt),
    masterKeys: ring,
    activeMasterKeyId: activeId,
    blindIndexKey: Buffer.from(blind),
  };
}

function checkLength(name: string, value: string | undefined, problems: string[]): void {
  if (value && Buffer.byteLength(value) < MIN_SECRET_BYTES) {
    problems.push(`${name} must be at least ${MIN_SECRET_BYTES} bytes`);
  }
}

function resolveActiveKey(ring: Map<string, Buffer>, active: string | undefined, problems: string[]) {
  if (ring.size === 0) return undefined;
  if (active === undefined) {
    if (ring.size === 1) return [...ring.keys()][0];
    problems.push('ACTIVE_MASTER_KEY must name one of MASTER_KEYS when several are given');
    return undefined;
  }
  if (!ring.has(active)) problems.push(`ACTIVE_MASTER_KEY "${active}" is not one of the ids in MASTER_KEYS`);
  return active;
}

function parseMasterKeys(value: string, problems: string[]): Map<string, Buffer> {
  const ring = new Map<string, Buffer>();
  for (const entry of splitList(value)) {
    const sep = entry.indexOf(':');
    const id = entry.slice(0, sep);
    const key = Buffer.from(entry.slice(sep + 1), 'base64');
    if (sep < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      problems.push('MASTER_KEYS entries must look like id:base64key (id of letters, digits, - or _)');
    } else if (key.length !== 32) {
      problems.push(
        `MASTER_KEYS key "${id}" must be 32 bytes (base64 of 32 random bytes), got ${key.length}`,
      );
    } else if (ring.has(id)) {
      problems.push(`MASTER_KEYS has the id "${id}" twice`);
    } else {
      ring.set(id, key);
    }
  }
  if (ring.size === 0 && problems.length === 0) problems.push('MASTER_KEYS holds no key');
  return ring;
}

function checkNotExample(name: string, value: string | undefined, problems: string[]): void {
  if (!value) return;
  const lower = value.toLowerCase();
  const decoded = Buffer.from(value.split(':').pop() ?? '', 'base64')
    .toString('latin1')
    .toLowerCase();
  if (
    EXAMPLE_SECRET_VALUES.includes(value) ||
    EXAMPLE_MARKERS.some((m) => lower.includes(m) || decoded.includes(m))
  ) {
    problems.push(`${name} is an example value; generate a real secret (see docs/operations.md)`);
  }
}

function parseTrustProxy(value: string | undefined): boolean | string | number {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^[0-9]+$/.test(value)) return Number(value);
  return value;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function pickKnown(raw: NodeJS.ProcessEnv): Env {
  const out: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = raw[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out as Env;
}
