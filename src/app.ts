import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Redis } from 'ioredis';
import { createSmsOutboxRepo } from './channels/sms/outbox-repo.ts';
import type { SmsProvider } from './channels/sms/provider.ts';
import { createSmsProvider } from './channels/sms/providers.ts';
import { createSmsSender } from './channels/sms/service.ts';
import { createDialLimit } from './channels/ussd/dial-limit.ts';
import { createUssdEffects } from './channels/ussd/effects.ts';
import { ussdRoutes } from './channels/ussd/routes.ts';
import { createUssdService } from './channels/ussd/service.ts';
import { createUssdSessionRepo } from './channels/ussd/session-repo.ts';
import { ussdSimulatorRoutes } from './channels/ussd/simulator-routes.ts';
import { adminRoutes } from './modules/admin/routes.ts';
import { createAdminService } from './modules/admin/service.ts';
import { createAppointmentRepo } from './modules/appointments/repo.ts';
import { appointmentRoutes } from './modules/appointments/routes.ts';
import { createAppointmentSeal } from './modules/appointments/seal.ts';
import { createAppointmentService } from './modules/appointments/service.ts';
import { createSlotService } from './modules/appointments/slot-service.ts';
import { createAuditRepo } from './modules/audit/repo.ts';
import { createAuditService } from './modules/audit/service.ts';
import { createLoginThrottle } from './modules/auth/login-throttle.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { createSecretHasher } from './modules/auth/secrets.ts';
import { createAuthService } from './modules/auth/service.ts';
import { createAccessTokens } from './modules/auth/tokens.ts';
import { createCareRepo } from './modules/care/repo.ts';
import { careRoutes } from './modules/care/routes.ts';
import { createLinkSeal } from './modules/care/seal.ts';
import { type CareService, createCareService } from './modules/care/service.ts';
import { CURRENT_POLICIES, type Policies } from './modules/consents/policies.ts';
import { createConsentRepo } from './modules/consents/repo.ts';
import { createConsentService } from './modules/consents/service.ts';
import { createContentRepo } from './modules/content/repo.ts';
import { contentRoutes } from './modules/content/routes.ts';
import { createContentService } from './modules/content/service.ts';
import { importStarterSet } from './modules/content/starter.ts';
import { createCycleInsights } from './modules/cycles/insights.ts';
import { createCycleRepo } from './modules/cycles/repo.ts';
import { cycleRoutes } from './modules/cycles/routes.ts';
import { createCycleService } from './modules/cycles/service.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { operationsRoutes } from './modules/operations/routes.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { createPrivacyService } from './modules/privacy/service.ts';
import { providerAdminRoutes } from './modules/providers/admin-routes.ts';
import { createProviderAdminService } from './modules/providers/admin-service.ts';
import { createProviderRepo } from './modules/providers/repo.ts';
import { providerRoutes } from './modules/providers/routes.ts';
import { createProfileSeal } from './modules/providers/seal.ts';
import { createProviderService } from './modules/providers/service.ts';
import { retentionJob } from './modules/retention/job.ts';
import { createRetentionRepo } from './modules/retention/repo.ts';
import { createRetentionService } from './modules/retention/service.ts';
import { createAppLock } from './modules/sessions/app-lock.ts';
import { createAppLockService } from './modules/sessions/lock-service.ts';
import { createSessionRepo } from './modules/sessions/repo.ts';
import { appLockRoutes } from './modules/sessions/routes.ts';
import { createSessionService } from './modules/sessions/service.ts';
import { createUpgradeRepo } from './modules/upgrades/repo.ts';
import { createUpgradeService } from './modules/upgrades/service.ts';
import { createAccountSeal } from './modules/users/account-seal.ts';
import { createUserRepo } from './modules/users/repo.ts';
import { meRoutes } from './modules/users/routes.ts';
import { UserSchema } from './modules/users/schema.ts';
import { createUserService } from './modules/users/service.ts';
import { createGuardianRecoveryService } from './modules/verification/guardian-recovery.ts';
import { createGuardianRecoveryRepo } from './modules/verification/guardian-recovery-repo.ts';
import { deviceMemory, guardianRecoveryRoutes } from './modules/verification/guardian-recovery-routes.ts';
import { createVerificationRepo } from './modules/verification/repo.ts';
import { createVerificationService } from './modules/verification/service.ts';
import { createBackground } from './platform/background.ts';
import type { Config } from './platform/config.ts';
import { createBlindIndex } from './platform/crypto/blind-index.ts';
import { createDataKeyRepo } from './platform/crypto/data-key-repo.ts';
import { createDataProtection } from './platform/crypto/data-protection.ts';
import { createKeyRing } from './platform/crypto/key-ring.ts';
import { derivePurposeKey } from './platform/crypto/purpose-keys.ts';
import { createRowSeal } from './platform/crypto/row-seal.ts';
import type { Database } from './platform/db/database.ts';
import { installAccessControl, installBodylessCheck } from './platform/http/access.ts';
import { answerFrameworkError, installErrorHandling } from './platform/http/error-handler.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { installRateLimits } from './platform/http/rate-limit-hook.ts';
import { ProblemSchema } from './platform/http/schemas.ts';
import { registerSecurityHeaders } from './platform/http/security.ts';
import { installSecurityEventHook } from './platform/http/security-events-hook.ts';
import { registerWebApp } from './platform/http/web.ts';
import { createJobQueue } from './platform/jobs/queue.ts';
import { createJobRepo } from './platform/jobs/repo.ts';
import { loggerOptions } from './platform/logging.ts';
import { createDbCounterStore, createRedisCounterStore } from './platform/security/counter-store.ts';
import { createSecurityEvents } from './platform/security/events.ts';
import {
  type AlertNotifier,
  combineNotifiers,
  createLogNotifier,
  createWebhookNotifier,
  type SecurityLog,
} from './platform/security/notifier.ts';
import { createPseudonymizer } from './platform/security/pseudonym.ts';
import { createQuotas, createRateLimiter } from './platform/security/rate-limit.ts';
import { coercingAjv, strictAjv } from './platform/validation.ts';

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: RouteOptions[];
    /** Resolves when work started by requests but not awaited by them has finished. */
    settled(): Promise<void>;
  }
}

export type AppDeps = {
  config: Config;
  database: Database;
  /** Where users' wrapped data keys live; the application database when absent. */
  keystore?: Database;
  clock?: () => Date;
  redis?: Redis;
  /** Where logs go instead of stdout (tests capture them to check redaction). */
  logStream?: { write(line: string): void };
  https?: { cert: Buffer; key: Buffer };
  /** The built web app to serve at / (default web/dist; absent → API only). */
  webDist?: string;
  /**
   * Run the scheduled jobs (retention) once the server listens: src/server.ts sets it; tests that
   * build the app, and commands, do not (they run a job by calling its service).
   */
  scheduleJobs?: boolean;
  /** The policy versions in force (tests publish new ones). */
  policies?: Policies;
  /** Replaces the SMS provider SMS_PROVIDER names (tests capture messages with test/support/sms.ts). */
  smsProvider?: SmsProvider;
  /** Where security events and alerts are logged: the app's logger (commands, which raise none, pass none). */
  logger?: SecurityLog;
};

const SILENT: SecurityLog = { warn: () => undefined, error: () => undefined };

/** Alerts always go to the log, and to the webhook too when SECURITY_ALERT_WEBHOOK_URL is set. */
function alertNotifier(config: Config, log: SecurityLog): AlertNotifier {
  const notifiers = [createLogNotifier(log)];
  if (config.securityAlertWebhookUrl) {
    notifiers.push(createWebhookNotifier({ url: config.securityAlertWebhookUrl, log }));
  }
  return combineNotifiers(notifiers);
}

/** Wires every service once (the composition root) and returns a ready Fastify instance. */
export function createServices(deps: AppDeps) {
  const { config, database } = deps;
  const db = database.db;
  const clock = deps.clock ?? (() => new Date());
  const keyRing = createKeyRing(config.masterKeys, config.activeMasterKeyId);
  const keystore = deps.keystore ?? database;
  const dataProtection = createDataProtection({
    keyRing,
    repo: createDataKeyRepo(keystore.db, keystore === database),
  });
  const blindIndex = createBlindIndex(config.blindIndexKey);
  const hasher = createSecretHasher(config.passwordHashing, {
    keys: config.credentialPeppers,
    active: config.activeCredentialPepper,
    // The PIN pepper of hashes made before they were bound to accounts (decision 008).
    legacyPin: derivePurposeKey(config.blindIndexKey, 'pin-pepper:v1'),
  });
  const auditRepo = createAuditRepo(db);
  const audit = createAuditService({
    repo: auditRepo,
    clock,
    chainKey: derivePurposeKey(config.blindIndexKey, 'audit-chain:v1'),
  });
  const userRepo = createUserRepo(db);
  const sessionRepo = createSessionRepo(db);
  const appLockRule = createAppLock(config.appLockScale);
  const accountSeal = createAccountSeal(derivePurposeKey(config.blindIndexKey, 'account-seal:v1'));
  const policies = deps.policies ?? CURRENT_POLICIES;
  const consentRepo = createConsentRepo(db);
  const users = createUserService({
    db,
    repo: userRepo,
    sessionLocks: { repo: sessionRepo, rule: appLockRule },
    consents: consentRepo,
    policies,
    dataProtection,
    blindIndex,
    hasher,
    accountSeal,
    audit,
    clock,
  });
  const tokens = createAccessTokens({
    secret: config.jwtSecret,
    lifetimeSeconds: config.accessTokenSeconds,
    clock,
  });
  const store = deps.redis ? createRedisCounterStore(deps.redis) : createDbCounterStore(db);
  const pseudonym = createPseudonymizer(config.blindIndexKey);
  const quotas = createQuotas({ store, clock, scale: config.rateLimitScale });
  const log = deps.logger ?? SILENT;
  const background = createBackground(log);
  const notifier = alertNotifier(config, log);
  const securityEvents = createSecurityEvents({ store, clock, pseudonym, log, notifier });
  const sms = createSmsSender({
    repo: createSmsOutboxRepo(db),
    provider: deps.smsProvider ?? createSmsProvider(config, log),
    rootKey: config.blindIndexKey,
    clock,
    log,
  });
  const sessions = createSessionService({
    db,
    repo: sessionRepo,
    tokens,
    dataProtection,
    audit,
    clock,
    sessionDays: config.sessionDays,
    events: securityEvents,
    refreshTokenKey: derivePurposeKey(config.blindIndexKey, 'refresh-token:v1'),
    accountSeal,
    appLock: appLockRule,
  });
  const throttle = createLoginThrottle({ store, blindIndex, clock, scale: config.rateLimitScale });
  const verification = createVerificationService({
    repo: createVerificationRepo(db),
    userRepo,
    users,
    dataProtection,
    blindIndex,
    codeKey: derivePurposeKey(config.blindIndexKey, 'sms-code:v1'),
    sendSms: async (message) => ({ sent: (await sms.send(message)).ok }),
    throttle,
    rateLimit: createRateLimiter(quotas),
    sessions,
    hasher,
    audit,
    events: securityEvents,
    countryCodes: config.smsCountryCodes,
    background,
    clock,
  });
  const guardianRecovery = createGuardianRecoveryService({
    repo: createGuardianRecoveryRepo(db),
    consents: consentRepo,
    users,
    dataProtection,
    key: derivePurposeKey(config.blindIndexKey, 'guardian-recovery:v1'),
    throttle,
    rateLimit: createRateLimiter(quotas),
    verification,
    audit,
    background,
    events: securityEvents,
    clock,
  });
  const auth = createAuthService({
    verification,
    users,
    userRepo,
    sessions,
    throttle,
    hasher,
    blindIndex,
    audit,
    events: securityEvents,
    clock,
  });
  const appLock = createAppLockService({ sessions, auth, users, audit });
  const admin = createAdminService({
    users,
    userRepo,
    sessions,
    audit,
    consents: consentRepo,
    accountSeal,
    clock,
  });
  const consents = createConsentService({
    repo: consentRepo,
    users,
    audit,
    dataProtection,
    policies,
    guardianConsentAge: config.guardianConsentAge,
    codeKey: derivePurposeKey(config.blindIndexKey, 'guardian-code:v1'),
    throttle,
    // The guardian who consents is linked to her (care network); the care service is made below.
    db,
    onGuardianConsent: (childId, guardianId, ctx) => care.linkConsentingGuardian(childId, guardianId, ctx),
    clock,
  });
  const cycles = createCycleService({
    db,
    repo: createCycleRepo(db),
    users,
    consents,
    dataProtection,
    audit,
    clock,
  });
  const insights = createCycleInsights({ cycles, users });
  // Providers and appointments (decision 023). A parent may book for her when the care module
  // says so: she shares her appointments with him, or he is her consenting guardian.
  const providerRepo = createProviderRepo(db);
  const profileSeal = createProfileSeal(
    createRowSeal(derivePurposeKey(config.blindIndexKey, 'provider-profile:v1')),
  );
  const invitationKey = derivePurposeKey(config.blindIndexKey, 'provider-invitation:v1');
  const providers = createProviderService({
    db,
    repo: providerRepo,
    users,
    sessions,
    verification,
    audit,
    events: securityEvents,
    profileSeal,
    invitationKey,
    clock,
  });
  const providerAdmin = createProviderAdminService({
    repo: providerRepo,
    providers,
    dataProtection,
    audit,
    profileSeal,
    invitationKey,
    clock,
  });
  const appointmentRepo = createAppointmentRepo(db);
  const slots = createSlotService({
    providers,
    repo: appointmentRepo,
    leadMinutes: config.appointmentChangeCutoffMinutes,
    clock,
  });
  const appointments = createAppointmentService({
    repo: appointmentRepo,
    seal: createAppointmentSeal(createRowSeal(derivePurposeKey(config.blindIndexKey, 'appointment:v1'))),
    providers,
    slots,
    users,
    consents,
    cycles,
    insights,
    dataProtection,
    mayBookFor: (parentId, childId, ctx) => care.mayBookFor(parentId, childId, ctx),
    audit,
    events: securityEvents,
    cutoffMinutes: config.appointmentChangeCutoffMinutes,
    clock,
  });
  // Care links (decision 023): a young woman and the adults she lets see parts of her data.
  const care: CareService = createCareService({
    db,
    repo: createCareRepo(db),
    consentRecords: consentRepo,
    seal: createLinkSeal(createRowSeal(derivePurposeKey(config.blindIndexKey, 'care-link:v1'))),
    users,
    consents,
    cycles,
    insights,
    appointmentsOf: (childId) => appointments.listForGuardianView(childId),
    dataProtection,
    audit,
    events: securityEvents,
    throttle,
    codeKey: derivePurposeKey(config.blindIndexKey, 'care-link-code:v1'),
    clock,
  });
  const contentRepo = createContentRepo(db);
  const content = {
    ...createContentService({ db, repo: contentRepo, audit, clock }),
    /** The starter set, where the library has nothing yet for an item and language. */
    importStarter: () => importStarterSet(db, contentRepo, clock()),
  };
  // The phone menu runs every rule through the same services as the REST API (made above).
  const ussd = createUssdService({
    repo: createUssdSessionRepo(db),
    effects: createUssdEffects({
      auth,
      users,
      cycles,
      insights,
      consents,
      verification,
      care,
      providers,
      slots,
      appointments,
      content,
      clock,
    }),
    cycles,
    users,
    blindIndex,
    masterKey: keyRing.activeKey,
    clock,
    dialLimit: createDialLimit({ quotas, pseudonym, events: securityEvents, log }),
  });
  const privacy = createPrivacyService({
    users,
    sessions,
    cycles,
    appointments,
    careLinks: care,
    consents: consentRepo,
    auditRepo,
    audit,
    rateLimit: createRateLimiter(quotas),
    pseudonymKey: config.blindIndexKey,
    clock,
  });
  const retention = createRetentionService({
    repo: createRetentionRepo(db),
    policy: config.retention,
    clock,
  });
  const upgrades = createUpgradeService({
    repo: createUpgradeRepo(db),
    hasher,
    dataProtection,
    accountSeal,
    blindIndex,
    clock,
  });
  return {
    background,
    upgrades,
    retention,
    sms,
    verification,
    guardianRecovery,
    quotas,
    pseudonym,
    securityEvents,
    notifier,
    users,
    sessions,
    auth,
    appLock,
    admin,
    audit,
    dataProtection,
    blindIndex,
    hasher,
    cycles,
    insights,
    ussd,
    consents,
    privacy,
    providers,
    providerAdmin,
    slots,
    appointments,
    care,
    content,
  };
}
export type Services = ReturnType<typeof createServices>;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const options: FastifyServerOptions = {
    logger: { ...loggerOptions(config.logLevel), ...(deps.logStream ? { stream: deps.logStream } : {}) },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 64 * 1024,
    // Fastify accepts a hop count too; its type declarations lag behind the documented option.
    trustProxy: config.trustProxy as boolean | string,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors: answerFrameworkError,
  };
  // Added after typing so Fastify's overloads keep the plain HTTP/1.1 instance type; TLS is only
  // the transport here, the request and reply objects are the same.
  if (deps.https) Object.assign(options, { https: deps.https });
  const app = Fastify(options).withTypeProvider<TypeBoxTypeProvider>();
  const services = createServices({ ...deps, logger: app.log });
  // Rows from older versions that need the server's keys are converted before the first request.
  const upgraded = await services.upgrades.run();
  if (upgraded.credentials + upgraded.guardianRecords + upgraded.reindexed > 0)
    app.log.info({ upgraded }, 'data upgraded');

  // Every route, as registered: the schema-coverage test and the authorization matrix walk this.
  const routeCatalogue: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routeCatalogue.push(route as RouteOptions);
  });
  app.decorate('routeCatalogue', routeCatalogue);
  app.decorate('settled', () => services.background.settled());

  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'querystring' || httpPart === 'params'
      ? coercingAjv.compile(schema)
      : strictAjv.compile(schema),
  );
  // JSON only: a text/plain body on a JSON route is refused with 415 rather than half-parsed.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  let webServed = false;
  installErrorHandling(app, () => webServed);
  await app.register(cookie);
  await registerSecurityHeaders(app, {
    allowedOrigins: config.allowedOrigins,
    hsts: deps.https !== undefined,
  });
  app.addSchema(ProblemSchema);
  app.addSchema(UserSchema);
  installSecurityEventHook(app, services.securityEvents);
  // Counts anonymous calls before authentication and signed-in calls right after it; declares the
  // 429 answer on every /api route registered from here on.
  const rateLimits = installRateLimits(app, { quotas: services.quotas, pseudonym: services.pseudonym });
  await registerOpenApi(app);
  installAccessControl(app, {
    authenticate: (token) => services.sessions.authenticate(token),
    pendingPolicies: (userId) => services.consents.pendingPolicies(userId),
    beforeUnauthenticated: rateLimits.countUnauthenticated,
  });
  installBodylessCheck(app);

  await app.register(healthRoutes({ ping: () => database.ping() }));
  await app.register(
    ussdRoutes({
      ussd: services.ussd,
      secret: config.ussdSecret,
      allowedIps: config.ussdAllowedIps,
    }),
  );
  await app.register(
    async (api) => {
      await api.register(
        authRoutes(services.auth, services.verification, {
          sessionDays: config.sessionDays,
          rememberDevice: deviceMemory(services.guardianRecovery),
        }),
      );
      await api.register(
        guardianRecoveryRoutes(services.guardianRecovery, { sessionDays: config.sessionDays }),
      );
      await api.register(appLockRoutes(services.appLock, { sessionDays: config.sessionDays }));
      if (config.ussdSimulator) await api.register(ussdSimulatorRoutes({ ussd: services.ussd }));
      await api.register(meRoutes(services));
      await api.register(adminRoutes(services.admin));
      await api.register(cycleRoutes(services));
      await api.register(privacyRoutes(services));
      await api.register(providerRoutes(services, { sessionDays: config.sessionDays }));
      await api.register(providerAdminRoutes(services.providerAdmin));
      await api.register(operationsRoutes({ jobs: createJobRepo(deps.database.db) }));
      await api.register(contentRoutes(services.content));
      await api.register(appointmentRoutes(services));
      await api.register(careRoutes(services));
    },
    { prefix: '/api/v1' },
  );

  webServed = await registerWebApp(app, deps.webDist);

  // The job queue (decision 024): a working process (PROCESS_ROLE all or worker) takes jobs and
  // keeps the schedules, which the queue runs once across every instance.
  if (deps.scheduleJobs) {
    const queue = createJobQueue({ database: deps.database, log: app.log, role: config.processRole });
    app.addHook('onReady', async () => {
      // The library's starter set, in the real process only (tests import what they need).
      const added = await services.content.importStarter();
      if (added > 0) app.log.info({ added }, 'starter education content published (awaiting expert review)');
      await queue.start([retentionJob(services.retention)]);
    });
    app.addHook('onClose', async () => queue.stop());
  }
  app.addHook('onClose', async () => {
    // Texts already on their way are handed to the provider before the process goes.
    await services.background.settled();
    // Alerts already raised are delivered (or time out) before the process goes.
    await services.notifier.drain();
    await deps.redis?.quit().catch(() => undefined);
  });
  return app;
}
