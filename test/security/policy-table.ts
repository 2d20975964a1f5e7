import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/platform/db/tables.ts';
import { GOOD_PASSWORD, uniqueEmail, uniquePhone } from '../support/factories.ts';

/*
 * Who may call what: one entry per operation in the OpenAPI document, written by hand so that a
 * route whose code changed its access rules disagrees with this table and fails the matrix
 * (test/security/authorization-matrix.test.ts). A new route fails it too until it is listed here.
 */

export const ROLES: readonly Role[] = ['adolescent', 'parent', 'provider', 'writer', 'admin'];

/** What a path parameter names. */
export type ParamKind =
  /** One of the caller's periods, by id: anyone else gets 403 or 404 and changes nothing. */
  | 'own-period'
  /** One of the caller's sessions, by id: the same. */
  | 'own-session'
  /** A date in the caller's own calendar: another user's call acts on her own log, never the owner's. */
  | 'own-day'
  /** Any account, by id (admin routes). */
  | 'account'
  /** The USSD gateway secret (unset in tests; its own tests check it). */
  | 'gateway-secret'
  /** An id nothing has (a link, an appointment, a provider): every allowed caller gets 404. */
  | 'unknown-id'
  /** A library key nothing is published under: 404 for everyone. */
  | 'unknown-slug'
  /** The owner (the cast's adolescent), by id: only the parent she linked sees her (test/security/care-cast.ts). */
  | 'owner'
  /** A part of a daughter's data she shares with the parent she linked (care scopes): her prediction. */
  | 'care-part';

/**
 * Where someone of the cast stands in the care network beyond the role (test/security/care-cast.ts):
 * the parent she linked (he sees her prediction, nothing else), a parent who entered her code and
 * waits for her to confirm him, a provider nobody has verified yet.
 */
export type Standing = 'linked-parent' | 'waiting-parent' | 'unverified-provider';

export type Access =
  | { public: true }
  | {
      public: false;
      /** 'any' = every signed-in role. */
      roles: 'any' | readonly Role[];
      /** Reachable before she accepted the current terms and privacy notice. */
      consentExempt: boolean;
    };

/** Fresh values a sample request may need; each call gets new ones. */
export type SampleInputs = {
  /** Somebody else's account (the one admin routes act on); signs in with GOOD_PASSWORD and her verified phone. */
  target: { id: string; email: string; phone: string };
  freshRefreshToken(): Promise<string>;
  /** A code a young adolescent just issued for her guardian. */
  freshGuardianCode(): Promise<string>;
  /** The code just texted to a new number of the caller's (her POST /me/phone); none without a caller. */
  freshPhoneCode(caller: SampleCaller | undefined): Promise<string>;
  /** The code just texted to the target's verified number for recovery (POST /auth/recovery). */
  freshRecoveryCode(): Promise<string>;
};

/** Who a sample request is made for, when the request must carry something of hers. */
export type SampleCaller = { accessToken: string };

export type PolicyEntry = {
  access: Access;
  /** Every path parameter, with what it names. */
  params?: Record<string, ParamKind>;
  /** A valid request for an allowed caller: query and body (a function, so values are fresh). */
  query?: Record<string, string>;
  body?: (inputs: SampleInputs, caller: SampleCaller | undefined) => unknown;
  /** The status an allowed caller gets for that request. */
  ok: number;
  /**
   * What the answer may show of other people: the target account's profile (admin routes, and
   * signing in or refreshing as her); verified providers' public names (the directory: never a
   * provider's email or phone, never a provider nobody verified); every provider's name, verified or
   * not (an admin's review list).
   */
  reveals?: 'target' | 'providers' | 'provider-applicants';
  /** Adolescents in this route's test are under the guardian-consent age. */
  youngAdolescent?: true;
  /** A different answer for one allowed role (e.g. a parent who must name the daughter he books for). */
  okFor?: Partial<Record<Role, { status: number; code?: string }>>;
  /** A different answer for someone of the care network (it wins over `okFor`). */
  standing?: Partial<Record<Standing, { status: number; code?: string }>>;
};

const open: Access = { public: true };
/** Her own account, consents and data: any role, even with new policies to accept. */
const ownAccount: Access = { public: false, roles: 'any', consentExempt: true };
const only = (roles: Role[], consentExempt = false): Access => ({ public: false, roles, consentExempt });
const adolescent = only(['adolescent']);
const family = only(['adolescent', 'parent']);
const parentOnly = only(['parent']);
const providerOnly = only(['provider']);
const bothSides = only(['adolescent', 'parent', 'provider']);
const unknown = { id: 'unknown-id' } as const;
const A_START = '2026-12-01T08:00:00.000Z';
const admin = only(['admin']);
const writers = only(['writer', 'admin']);
/** A provider nobody verified sees no patient, whatever the appointment id. */
const UNVERIFIED = { 'unverified-provider': { status: 403, code: 'provider_unverified' } } as const;

const ussdHop = () => ({
  sessionId: randomUUID(),
  serviceCode: '*123#',
  phoneNumber: uniquePhone(),
  networkCode: '63510',
  text: '',
});
const ussdEnded = () => ({ sessionId: randomUUID(), status: 'Success' });

export const POLICY_TABLE: Record<string, PolicyEntry> = {
  'GET /health/live': { access: open, ok: 200 },
  'GET /health/ready': { access: open, ok: 200 },
  'GET /api/v1/openapi.json': { access: open, ok: 200 },
  'GET /api/v1/policies': { access: open, query: { language: 'rw' }, ok: 200 },

  // The gateway: public to the HTTP layer, guarded by its secret and IP allow-list in production.
  'POST /ussd': { access: open, body: ussdHop, ok: 200 },
  'POST /ussd/events': { access: open, body: ussdEnded, ok: 200 },
  'POST /ussd/{secret}': { access: open, params: { secret: 'gateway-secret' }, body: ussdHop, ok: 200 },
  'POST /ussd/{secret}/events': {
    access: open,
    params: { secret: 'gateway-secret' },
    body: ussdEnded,
    ok: 200,
  },

  // The web app's simulator: anyone may act as any phone, so it exists only when USSD_SIMULATOR is
  // on (never in production). These tests turn it on so that it is covered too.
  'POST /api/v1/ussd-simulator': {
    access: open,
    body: () => ({ sessionId: randomUUID(), phoneNumber: uniquePhone(), text: '' }),
    ok: 200,
  },

  'POST /api/v1/auth/register': {
    access: open,
    body: () => ({
      name: 'Matrix Newcomer',
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
      role: 'parent',
      acceptTerms: true,
    }),
    ok: 201,
  },
  'POST /api/v1/auth/login': {
    access: open,
    body: (i) => ({ identifier: i.target.email, password: GOOD_PASSWORD }),
    ok: 200,
    reveals: 'target',
  },
  'POST /api/v1/auth/refresh': {
    access: open,
    body: async (i) => ({ refreshToken: await i.freshRefreshToken() }),
    ok: 200,
    reveals: 'target',
  },
  // A forgotten PIN or password: the answer to a start never says whether the number has an account.
  'POST /api/v1/auth/recovery': { access: open, body: (i) => ({ phone: i.target.phone }), ok: 202 },
  'POST /api/v1/auth/recovery/complete': {
    access: open,
    body: async (i) => ({ phone: i.target.phone, code: await i.freshRecoveryCode(), newPin: '71946' }),
    ok: 200,
    reveals: 'target',
  },
  // Recovery through her guardian (decision 020): a start answers the same for any account; the
  // status of a request nobody can approve is "waiting"; without an approved request from her own
  // device there is nothing to complete, and a code that is no live request of the caller's ward
  // is 404 for every parent (test/api/guardian-recovery.test.ts walks the real thing).
  'POST /api/v1/auth/recovery/guardian': {
    access: open,
    body: (i) => ({ identifier: i.target.phone }),
    ok: 202,
  },
  'POST /api/v1/auth/recovery/guardian/status': {
    access: open,
    body: () => ({ requestId: randomUUID(), requestToken: 'a'.repeat(43) }),
    ok: 200,
  },
  'POST /api/v1/auth/recovery/guardian/complete': {
    access: open,
    body: () => ({ requestId: randomUUID(), requestToken: 'a'.repeat(43), newPin: '71946' }),
    ok: 400,
  },
  'POST /api/v1/guardian/recovery-approvals': {
    access: only(['parent']),
    body: () => ({ code: '12345678' }),
    ok: 404,
  },
  'POST /api/v1/auth/logout': { access: ownAccount, ok: 204 },
  // The app lock (decision 019): the lock screen holds no access token, only the session's refresh
  // token, which these check without spending (unlock spends it for a new pair, like a refresh).
  'POST /api/v1/auth/lock': {
    access: open,
    body: async (i) => ({ refreshToken: await i.freshRefreshToken() }),
    ok: 204,
  },
  'POST /api/v1/auth/unlock': {
    access: open,
    body: async (i) => ({ refreshToken: await i.freshRefreshToken(), password: GOOD_PASSWORD }),
    ok: 200,
    reveals: 'target',
  },
  'POST /api/v1/auth/lock/sign-out': {
    access: open,
    body: async (i) => ({ refreshToken: await i.freshRefreshToken() }),
    ok: 204,
  },
  'POST /api/v1/auth/activity': { access: ownAccount, ok: 204 },

  'GET /api/v1/me': { access: ownAccount, ok: 200 },
  'PATCH /api/v1/me': { access: ownAccount, body: () => ({ language: 'fr' }), ok: 200 },
  'DELETE /api/v1/me': { access: ownAccount, body: () => ({ password: GOOD_PASSWORD }), ok: 204 },
  'PUT /api/v1/me/password': {
    access: ownAccount,
    body: () => ({ currentPassword: GOOD_PASSWORD, newPassword: 'lantern orchard meadow' }),
    ok: 204,
  },
  'PUT /api/v1/me/pin': {
    access: ownAccount,
    body: () => ({ currentPassword: GOOD_PASSWORD, newPin: '71946' }),
    ok: 204,
  },
  // A number of hers: any role may prove one, before accepting new policies too.
  'POST /api/v1/me/phone': {
    access: ownAccount,
    body: () => ({ phone: uniquePhone(), currentPassword: GOOD_PASSWORD }),
    ok: 202,
  },
  'POST /api/v1/me/phone/verify': {
    access: ownAccount,
    body: async (i, caller) => ({ code: await i.freshPhoneCode(caller) }),
    ok: 200,
  },
  'GET /api/v1/me/sessions': { access: ownAccount, ok: 200 },
  'DELETE /api/v1/me/sessions/{id}': { access: ownAccount, params: { id: 'own-session' }, ok: 204 },
  'POST /api/v1/me/sessions/revoke-others': { access: ownAccount, ok: 200 },
  'GET /api/v1/me/consents': { access: ownAccount, ok: 200 },
  'PUT /api/v1/me/consents': { access: ownAccount, body: () => ({ purposes: { analytics: true } }), ok: 200 },
  'GET /api/v1/me/access-log': { access: ownAccount, ok: 200 },
  'GET /api/v1/me/export': { access: ownAccount, query: { format: 'json' }, ok: 200 },

  'POST /api/v1/me/guardian-code': {
    access: only(['adolescent'], true),
    ok: 201,
    youngAdolescent: true,
  },
  'POST /api/v1/guardian/consent': {
    access: only(['parent']),
    body: async (i) => ({ code: await i.freshGuardianCode() }),
    ok: 204,
  },

  'POST /api/v1/admin/users': {
    access: admin,
    body: () => ({
      name: 'Matrix Provider',
      role: 'provider',
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
    }),
    ok: 201,
  },
  'GET /api/v1/admin/review-flags': { access: admin, ok: 200 },
  'GET /api/v1/admin/users/{id}': { access: admin, params: { id: 'account' }, ok: 200, reveals: 'target' },
  'PATCH /api/v1/admin/users/{id}': {
    access: admin,
    params: { id: 'account' },
    body: () => ({ role: 'writer' }),
    ok: 200,
    reveals: 'target',
  },
  'POST /api/v1/admin/users/{id}/deactivate': { access: admin, params: { id: 'account' }, ok: 204 },
  'POST /api/v1/admin/users/{id}/activate': { access: admin, params: { id: 'account' }, ok: 204 },

  'POST /api/v1/cycles/periods': {
    access: adolescent,
    body: () => ({ startDate: '2026-11-02', endDate: '2026-11-06', flow: 'medium' }),
    ok: 201,
  },
  'GET /api/v1/cycles/periods': { access: adolescent, ok: 200 },
  'PATCH /api/v1/cycles/periods/{id}': {
    access: adolescent,
    params: { id: 'own-period' },
    body: () => ({ notes: 'changed by the matrix', flow: 'light' }),
    ok: 200,
  },
  'DELETE /api/v1/cycles/periods/{id}': { access: adolescent, params: { id: 'own-period' }, ok: 204 },
  'PUT /api/v1/cycles/days/{date}': {
    access: adolescent,
    params: { date: 'own-day' },
    body: () => ({ pain: 4, mood: 'calm', notes: 'changed by the matrix' }),
    ok: 200,
  },
  'DELETE /api/v1/cycles/days/{date}': { access: adolescent, params: { date: 'own-day' }, ok: 204 },
  'GET /api/v1/cycles/days': { access: adolescent, query: { from: '2026-10-01', to: '2026-11-28' }, ok: 200 },
  'GET /api/v1/cycles/prediction': { access: adolescent, ok: 200 },
  'GET /api/v1/cycles/calendar': { access: adolescent, query: { month: '2026-11' }, ok: 200 },
  'GET /api/v1/cycles/stats': { access: adolescent, ok: 200 },

  // The care network (docs/care-network.md). Here link and appointment ids nobody in the cast holds
  // answer 404 to every allowed caller; test/security/care-cases.ts tries each route on real links
  // and appointments, the attacker's goal named case by case.
  'POST /api/v1/care/link-codes': { access: family, ok: 201 },
  'POST /api/v1/care/links': { access: family, body: () => ({ code: '0000 0000' }), ok: 400 },
  'GET /api/v1/care/links': { access: family, ok: 200 },
  'POST /api/v1/care/links/{id}/confirm': { access: family, params: unknown, ok: 404 },
  'PUT /api/v1/care/links/{id}/sharing': {
    access: adolescent,
    params: unknown,
    body: () => ({ scopes: ['prediction', 'periods'] }),
    ok: 404,
  },
  'DELETE /api/v1/care/links/{id}': { access: family, params: unknown, ok: 404 },
  'GET /api/v1/care/children': { access: parentOnly, ok: 200 },
  // An unlinked parent asking for the owner, or one whose link she has not confirmed: 404, which
  // says nothing about whether she exists. The parent she linked: her prediction (leak-scanned).
  'GET /api/v1/care/children/{id}': {
    access: parentOnly,
    params: { id: 'owner' },
    ok: 404,
    standing: { 'linked-parent': { status: 200 } },
  },
  'GET /api/v1/care/children/{id}/{part}': {
    access: parentOnly,
    params: { id: 'owner', part: 'care-part' },
    ok: 404,
    standing: { 'linked-parent': { status: 200 } },
  },

  'POST /api/v1/providers/register': {
    access: open,
    body: () => ({
      name: 'Matrix Nurse',
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
      licenceNumber: `RMDC-${randomUUID().slice(0, 8)}`,
      facility: 'Matrix Health Centre',
      district: 'gasabo',
      languages: ['rw'],
      services: ['menstrual_health'],
      acceptTerms: true,
    }),
    ok: 201,
  },
  'GET /api/v1/providers/districts': { access: only(ROLES as Role[]), ok: 200 },
  'GET /api/v1/providers': {
    access: only(ROLES as Role[]),
    query: { district: 'gasabo' },
    ok: 200,
    reveals: 'providers',
  },
  'GET /api/v1/providers/slots': {
    access: only(ROLES as Role[]),
    query: { district: 'gasabo' },
    ok: 200,
    reveals: 'providers',
  },
  'GET /api/v1/providers/{id}': { access: only(ROLES as Role[]), params: unknown, ok: 404 },
  'GET /api/v1/providers/{id}/slots': { access: only(ROLES as Role[]), params: unknown, ok: 404 },
  'GET /api/v1/providers/me': { access: providerOnly, ok: 200 },
  'PUT /api/v1/providers/me': {
    access: providerOnly,
    body: () => ({ facility: 'Remera Health Centre' }),
    ok: 200,
  },
  'GET /api/v1/providers/me/availability': { access: providerOnly, ok: 200 },
  'PUT /api/v1/providers/me/availability': {
    access: providerOnly,
    body: () => ({
      timeZone: 'Africa/Kigali',
      slotMinutes: 20,
      weekly: [{ weekday: 2, opens: '08:00', closes: '12:30' }],
      daysOff: ['2026-12-25'],
    }),
    ok: 200,
  },
  'POST /api/v1/admin/provider-invitations': { access: admin, ok: 201 },
  'GET /api/v1/admin/jobs': { access: admin, ok: 200 },
  // The education library (docs/content.md): reading is public; writers draft, admins review.
  'GET /api/v1/content': { access: open, query: { lang: 'rw', q: 'imihango' }, ok: 200 },
  'GET /api/v1/content/{slug}': { access: open, params: { slug: 'unknown-slug' }, ok: 404 },
  'GET /api/v1/content/drafts': { access: writers, ok: 200 },
  'POST /api/v1/content/drafts': {
    access: writers,
    body: () => ({
      key: `matrix-${Math.random().toString(36).slice(2, 10)}`,
      kind: 'article',
      category: 'periods_basics',
      ageBand: 'all',
      lang: 'en',
      title: 'A draft',
      body: 'A paragraph.',
    }),
    ok: 201,
  },
  'GET /api/v1/content/drafts/{id}': { access: writers, params: unknown, ok: 404 },
  'PUT /api/v1/content/drafts/{id}': {
    access: writers,
    params: unknown,
    body: () => ({ title: 'Another title' }),
    ok: 404,
  },
  'POST /api/v1/content/drafts/{id}/submit': { access: writers, params: unknown, ok: 404 },
  'GET /api/v1/admin/content': { access: admin, ok: 200 },
  'POST /api/v1/admin/content/{id}/approve': { access: admin, params: unknown, ok: 404 },
  'POST /api/v1/admin/content/{id}/reject': {
    access: admin,
    params: unknown,
    body: () => ({ comment: 'Please cite a source' }),
    ok: 404,
  },
  'POST /api/v1/admin/content/{id}/unpublish': { access: admin, params: unknown, ok: 404 },
  'POST /api/v1/admin/content/{id}/reviewed': { access: admin, params: unknown, ok: 404 },
  'GET /api/v1/admin/providers': {
    access: admin,
    query: { status: 'pending' },
    ok: 200,
    reveals: 'provider-applicants',
  },
  'POST /api/v1/admin/providers/{id}/verify': { access: admin, params: unknown, ok: 404 },
  'POST /api/v1/admin/providers/{id}/reject': {
    access: admin,
    params: unknown,
    body: () => ({ reason: 'Licence number not found' }),
    ok: 404,
  },
  'POST /api/v1/admin/providers/{id}/suspend': { access: admin, params: unknown, ok: 404 },

  'POST /api/v1/appointments': {
    access: family,
    body: () => ({ providerId: randomUUID(), start: A_START, reason: 'pain' }),
    ok: 404,
    // A parent books only for a daughter he names (and who lets him): without forUserId, 400.
    okFor: { parent: { status: 400, code: 'validation_failed' } },
  },
  // Her list, or the provider's week (the cast's provider sees the owner's booking: her first name,
  // her reason and words, never more).
  'GET /api/v1/appointments': { access: only(['adolescent', 'provider']), ok: 200, standing: UNVERIFIED },
  'GET /api/v1/appointments/{id}': { access: bothSides, params: unknown, ok: 404, standing: UNVERIFIED },
  'POST /api/v1/appointments/{id}/cancel': {
    access: bothSides,
    params: unknown,
    ok: 404,
    standing: UNVERIFIED,
  },
  'POST /api/v1/appointments/{id}/reschedule': {
    access: bothSides,
    params: unknown,
    body: () => ({ start: A_START }),
    ok: 404,
    standing: UNVERIFIED,
  },
  'POST /api/v1/appointments/{id}/confirm': {
    access: providerOnly,
    params: unknown,
    ok: 404,
    standing: UNVERIFIED,
  },
  'POST /api/v1/appointments/{id}/decline': {
    access: providerOnly,
    params: unknown,
    body: () => ({ reason: 'The clinic is closed that day' }),
    ok: 404,
    standing: UNVERIFIED,
  },
  'POST /api/v1/appointments/{id}/complete': {
    access: providerOnly,
    params: unknown,
    ok: 404,
    standing: UNVERIFIED,
  },
  'POST /api/v1/appointments/{id}/no-show': {
    access: providerOnly,
    params: unknown,
    ok: 404,
    standing: UNVERIFIED,
  },
  'PUT /api/v1/appointments/{id}/note': {
    access: providerOnly,
    params: unknown,
    body: () => ({ text: 'Advised iron-rich food' }),
    ok: 404,
    standing: UNVERIFIED,
  },
};

/** The roles an entry lets in (every role for 'any' and for public routes, which ignore the token). */
export function allowedRoles(access: Access): readonly Role[] {
  if (access.public) return ROLES;
  return access.roles === 'any' ? ROLES : access.roles;
}

/** An operation as the OpenAPI document lists it. */
export type Operation = { key: string; path: string; secured: boolean };

type OpenApiDocument = { paths: Record<string, Record<string, { security?: unknown[] }>> };

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      path,
      secured: Array.isArray(op.security) && op.security.length > 0,
    })),
  );
}

/**
 * Where the table and the routes disagree: an operation with no entry, an entry with no
 * operation, a path parameter nobody said the meaning of, or a public/private mismatch with the
 * document's security requirement. Empty means they agree.
 */
export function comparePolicyWithRoutes(
  operations: Operation[],
  table: Record<string, PolicyEntry>,
): string[] {
  const problems: string[] = [];
  const listed = new Set(operations.map((o) => o.key));
  for (const op of operations) {
    const entry = table[op.key];
    if (!entry) {
      problems.push(`${op.key}: in the OpenAPI document but not in the policy table`);
      continue;
    }
    const pathParams = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    const declared = Object.keys(entry.params ?? {});
    for (const name of pathParams.filter((p) => !declared.includes(p)))
      problems.push(`${op.key}: path parameter {${name}} has no kind in the policy table`);
    for (const name of declared.filter((p) => !pathParams.includes(p)))
      problems.push(`${op.key}: the policy table names a parameter {${name}} the route does not have`);
    if (entry.access.public === op.secured)
      problems.push(
        `${op.key}: the policy table says ${entry.access.public ? 'public' : 'private'}, the document ${op.secured ? 'asks for a bearer token' : 'asks for none'}`,
      );
  }
  for (const key of Object.keys(table).filter((k) => !listed.has(k)))
    problems.push(`${key}: in the policy table but no such route exists`);
  return problems;
}
