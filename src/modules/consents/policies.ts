import type { MessageKey } from '../../platform/i18n/index.ts';

export type PolicyKind = 'terms' | 'privacy';
export const POLICY_KINDS: PolicyKind[] = ['terms', 'privacy'];

/** A published version of a policy; its summary is translated in the message catalogues. */
export type Policy = { version: string; summaryKey: MessageKey; url: string };
export type Policies = Record<PolicyKind, Policy>;

/**
 * The versions in force. Publishing a new version (a code change, reviewed like any other) makes
 * every account accept it again at its next sign-in, on the web and by USSD.
 */
export const CURRENT_POLICIES: Policies = {
  terms: { version: '2026-11-28', summaryKey: 'policy.terms.summary', url: 'https://ladysessence.rw/terms' },
  privacy: {
    version: '2026-11-28',
    summaryKey: 'policy.privacy.summary',
    url: 'https://ladysessence.rw/privacy',
  },
};

/** Purposes she can grant or withdraw herself. */
export type Purpose = 'analytics';
export const PURPOSES: Purpose[] = ['analytics'];
