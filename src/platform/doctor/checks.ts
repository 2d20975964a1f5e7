import {
  checkConfiguration,
  checkCors,
  checkHttps,
  checkNodeEnv,
  checkRateLimits,
  checkSecrets,
  checkUssdSimulator,
} from './config-checks.ts';
import {
  checkAuditAppendOnly,
  checkDatabaseRole,
  checkDatabaseTls,
  checkKeystoreRole,
  checkKeystoreTls,
  checkRetentionJob,
  checkSchema,
} from './database-checks.ts';
import type { CheckResult, DoctorFacts } from './facts.ts';
import { checkNodeVersion, checkNpmAudit } from './runtime-checks.ts';

/** The production checklist, in the order it is printed (docs/deploy.md lists the same items). */
export const CHECKS: ((facts: DoctorFacts) => CheckResult)[] = [
  checkNodeEnv,
  checkConfiguration,
  checkSecrets,
  checkDatabaseTls,
  checkKeystoreTls,
  checkDatabaseRole,
  checkKeystoreRole,
  checkSchema,
  checkAuditAppendOnly,
  checkRetentionJob,
  checkCors,
  checkHttps,
  checkRateLimits,
  checkUssdSimulator,
  checkNodeVersion,
  checkNpmAudit,
];
