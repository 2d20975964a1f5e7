/**
 * The API client. The access token lives in this module's memory only — never in localStorage or
 * sessionStorage. The refresh token is an httpOnly, SameSite=Strict cookie the server sets in
 * "cookie mode" (header X-Session-Mode: cookie): scripts never see it, and after a reload one
 * refresh restores the session.
 */

import { isLocked, markLocked } from './lock/lock-store.ts';

export type Language = 'en' | 'rw' | 'fr' | 'sw';
export type Role = 'adolescent' | 'parent' | 'provider' | 'writer' | 'admin';

export type User = {
  id: string;
  name: string;
  role: Role;
  status: 'active' | 'deactivated';
  language: Language;
  timeZone: string;
  /** Her sign-in number (E.164), once she has proven she holds it. */
  phone?: string;
  /** A number waiting for the code texted to it: not a sign-in identifier yet. */
  pendingPhone?: string;
  email?: string;
  birthYear?: number;
  hasPassword: boolean;
  hasPin: boolean;
  /** Idle minutes before the app asks for her PIN or password again (the app lock). */
  lockMinutes: number;
  createdAt: string;
};

export type SignedIn = {
  user: User;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
};

export type FieldProblem = { path?: string; field?: string; message: string };

/** A problem+json answer from the API. */
/** Facts of a refusal the web fills into its own text, e.g. period_overlap `{ otherStart }`. */
export type ProblemParams = Record<string, string | number | boolean>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The server's English sentence: shown only for a code the web has no text for. */
  readonly detail: string;
  readonly errors: FieldProblem[];
  readonly params: ProblemParams;
  /** From the Retry-After header of a 429: how long to wait. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: string,
    detail: string,
    errors: FieldProblem[] = [],
    extra: { params?: ProblemParams; retryAfterSeconds?: number | undefined } = {},
  ) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
    this.params = extra.params ?? {};
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

type Tokens = { accessToken: string };

let tokens: Tokens | null = null;
let refreshing: Promise<User | null> | null = null;
/** Why the last refresh gave no session: 'unreachable' (no answer, 5xx, 429) or the server's code. */
let refreshFailure: string | null = null;
const signedOutListeners = new Set<() => void>();
const restoredListeners = new Set<(user: User) => void>();
const consentListeners = new Set<() => void>();

export function setTokens(next: Tokens | null): void {
  tokens = next ? { accessToken: next.accessToken } : null;
}

export function isSignedIn(): boolean {
  return tokens !== null;
}

/** Called when the session ends on its own (refresh failed): the app goes back to sign-in. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** Why the last session restore failed: 'unreachable' (offline: keep what the phone shows) or a code. */
export const lastRefreshFailure = () => refreshFailure;

/** What the phone can do without the server (offline/device.ts installs it when the app starts). */
export type DeviceHooks = {
  /** Runs `send(path)`; with no connection, keeps a day log or period start, or answers from the phone. */
  withDevice: <T>(
    method: string,
    path: string,
    body: unknown,
    send: (path: string) => Promise<T>,
  ) => Promise<T>;
  /** True when her home is open from the phone before any session is back. */
  hasDeviceSession: () => boolean;
};
let device: DeviceHooks = {
  withDevice: (_method, path, _body, send) => send(path),
  hasDeviceSession: () => false,
};
export function setDeviceHooks(hooks: DeviceHooks): void {
  device = hooks;
}

/** Called when a session comes back in a tab that had none (e.g. her home opened offline). */
export function onSessionRestored(listener: (user: User) => void): () => void {
  restoredListeners.add(listener);
  return () => restoredListeners.delete(listener);
}

/** Called when the API answers 403 consent_required: the app asks her to accept the new policies. */
export function onConsentRequired(listener: () => void): () => void {
  consentListeners.add(listener);
  return () => consentListeners.delete(listener);
}

function endSession(): void {
  tokens = null;
  for (const listener of signedOutListeners) listener();
}

async function toError(response: Response): Promise<ApiError> {
  let code = 'http_error';
  let detail = response.statusText || `HTTP ${response.status}`;
  let errors: FieldProblem[] = [];
  let params: ProblemParams = {};
  const retryAfter = Number(response.headers.get('retry-after'));
  try {
    const body = (await response.json()) as {
      code?: string;
      detail?: string;
      errors?: FieldProblem[];
      params?: ProblemParams;
    };
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.detail === 'string') detail = body.detail;
    if (Array.isArray(body.errors)) errors = body.errors;
    if (body.params && typeof body.params === 'object') params = body.params;
  } catch {
    // Not JSON (a proxy error page, say): keep the status text.
  }
  return new ApiError(response.status, code, detail, errors, {
    params,
    retryAfterSeconds: retryAfter > 0 ? retryAfter : undefined,
  });
}

/** One refresh at a time, shared by every request that met a 401 meanwhile; null when signed out. */
function refresh(): Promise<User | null> {
  if (refreshing) return refreshing;
  // Locked in this tab (web/src/lock/): only her PIN or password opens it, never a refresh.
  if (isLocked()) {
    refreshFailure = 'session_locked';
    return Promise.resolve(null);
  }
  refreshing = (async () => {
    try {
      // The refresh token travels in its httpOnly cookie; the body stays empty.
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-session-mode': 'cookie',
        },
        body: '{}',
        credentials: 'same-origin',
      });
      if (!response.ok) {
        const unreachable = response.status >= 500 || response.status === 429;
        refreshFailure = unreachable ? 'unreachable' : (await toError(response)).code;
        if (refreshFailure === 'session_locked') markLocked();
        return null;
      }
      const signedIn = (await response.json()) as Tokens & { user: User };
      const hadNone = tokens === null;
      tokens = { accessToken: signedIn.accessToken };
      refreshFailure = null;
      if (hadNone) for (const listener of restoredListeners) listener(signedIn.user);
      return signedIn.user;
    } catch {
      refreshFailure = 'unreachable';
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

type Options = { body?: unknown; form?: Record<string, string>; retried?: boolean; anonymous?: boolean };

async function send(method: string, path: string, options: Options): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'x-session-mode': 'cookie',
  };
  let body: string | undefined;
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (tokens && !options.anonymous) headers.authorization = `Bearer ${tokens.accessToken}`;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) init.body = body;
  try {
    return await fetch(path, init);
  } catch {
    // No answer at all (offline): a code of its own, which offline/ and the catalogue know.
    throw new ApiError(0, 'offline', 'No connection');
  }
}

const NO_REFRESH = [
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/auth/refresh',
  '/api/v1/auth/recovery',
  '/api/v1/auth/recovery/complete',
  '/api/v1/auth/recovery/guardian',
  '/api/v1/auth/recovery/guardian/status',
  '/api/v1/auth/recovery/guardian/complete',
];

/** A raw request with auth, one refresh on 401, and problem+json errors thrown as ApiError. */
export async function raw(method: string, path: string, options: Options = {}): Promise<Response> {
  // Her home opened from the phone before the session was back (offline/): restore it first.
  if (
    !tokens &&
    !options.anonymous &&
    !NO_REFRESH.includes(path) &&
    (refreshing || device.hasDeviceSession())
  )
    await refresh();
  const response = await send(method, path, options);
  if (response.status === 401 && tokens && !options.retried && !NO_REFRESH.includes(path)) {
    if (await refresh()) return raw(method, path, { ...options, retried: true });
    // No answer is not a refusal: the session may well be alive.
    if (refreshFailure !== 'unreachable') endSession();
  }
  if (!response.ok) {
    const error = await toError(response);
    if (error.code === 'consent_required') for (const listener of consentListeners) listener();
    throw error;
  }
  return response;
}

/** A JSON request; 204 gives undefined. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  // With no connection, day logs and "period started" wait on the phone (offline/device.ts).
  return device.withDevice(method, path, body, async (to) => {
    const response = await raw(method, `/api/v1${to}`, body === undefined ? {} : { body });
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  });
}

export const get = <T>(path: string) => api<T>('GET', path);

// ---- Auth -----------------------------------------------------------------------------------

export type RegisterInput = {
  name: string;
  phone?: string;
  email?: string;
  password?: string;
  pin?: string;
  role: 'adolescent' | 'parent';
  birthYear?: number;
  language?: Language;
  acceptTerms: true;
};

export async function register(input: RegisterInput): Promise<User> {
  const signedIn = await api<SignedIn>('POST', '/auth/register', input);
  setTokens(signedIn);
  return signedIn.user;
}

export async function login(input: { identifier: string; password?: string; pin?: string }): Promise<User> {
  const signedIn = await api<SignedIn>('POST', '/auth/login', input);
  setTokens(signedIn);
  return signedIn.user;
}

/** The code texted to her verified number, or her guardian's approval of a request from this browser. */
export type RecoveryInput =
  | { phone: string; code: string; newPin?: string; newPassword?: string }
  | { requestId: string; requestToken: string; newPin?: string; newPassword?: string };

/** Forgot her PIN or password: proof (an SMS code, or her guardian's approval), a new secret, signed in. */
export async function completeRecovery(input: RecoveryInput): Promise<User> {
  const path = 'requestId' in input ? '/auth/recovery/guardian/complete' : '/auth/recovery/complete';
  const signedIn = await api<SignedIn>('POST', path, input);
  setTokens(signedIn);
  return signedIn.user;
}

/** A reload keeps her signed in: one round trip gives a new access token and her profile. */
export function restoreSession(): Promise<User | null> {
  return refresh();
}

export async function logout(): Promise<void> {
  try {
    if (tokens) await raw('POST', '/api/v1/auth/logout', { retried: true });
  } finally {
    tokens = null;
  }
}

// ---- Cycles ---------------------------------------------------------------------------------

export type Phase = 'menstrual' | 'follicular' | 'fertile' | 'luteal' | 'late';

export type Prediction = {
  status: 'ok' | 'insufficient_data';
  today: string;
  nextPeriod: { start: string; earliest: string; latest: string } | null;
  ovulation: { date: string } | null;
  fertileWindow: { start: string; end: string } | null;
  phase: { name: Phase; cycleDay: number; lateByDays?: number } | null;
  averageCycleLength: number | null;
  cycleLengthVariability: number | null;
  averagePeriodLength: number | null;
  lutealLength: number | null;
  confidence: number;
  cyclesUsed: number;
  flags: string[];
};

export type CalendarDay = {
  date: string;
  phase: Phase | null;
  loggedPeriod: boolean;
  predictedPeriod: boolean;
  fertile: boolean;
  ovulation: boolean;
  today: boolean;
  hasLog: boolean;
};

export type Calendar = { month: string; today: string; days: CalendarDay[] };

export type Stats = {
  averageCycleLength: number | null;
  cycleLengthVariability: number | null;
  averagePeriodLength: number | null;
  cycles: { start: string; length: number; periodLength: number | null }[];
  /** `inCycles` of `loggedCycles`: the cycles she logged it in, of the cycles she logged days in. */
  symptomFrequencies: { symptom: string; days: number; share: number; inCycles: number }[];
  loggedDays: number;
  loggedCycles: number;
  flags: { code: string; message: string; seeProvider: boolean }[];
};

export type Flow = 'none' | 'spotting' | 'light' | 'medium' | 'heavy';

export type Period = {
  id: string;
  startDate: string;
  endDate: string | null;
  flow: Flow | null;
  notes: string | null;
  /** Still going: her latest period, no end logged, started under 10 days ago (endDate null and
   * ongoing false: its end was never logged). Absent in periods kept from before the API said it. */
  ongoing?: boolean;
};

export type DayLog = {
  date: string;
  flow?: Flow;
  symptoms: string[];
  otherSymptoms: string[];
  mood?: string;
  pain?: number;
  energy?: string;
  sleepHours?: number;
  basalTemperature?: number;
  cervicalMucus?: string;
  notes?: string;
};

// The fixed vocabularies, from the server's own dependency-free module.
export { ENERGY, FLOWS, MOODS, MUCUS, SYMPTOMS } from '../../src/modules/cycles/vocabulary.ts';

// ---- Me -------------------------------------------------------------------------------------

export type Session = {
  id: string;
  channel: string;
  device: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
};

export type ConsentStatus = {
  policies: {
    kind: string;
    version: string;
    url: string;
    acceptedVersion: string | null;
    accepted: boolean;
  }[];
  purposes: { purpose: string; granted: boolean; since: string | null }[];
  guardian: { required: boolean; given: boolean; at: string | null };
};

export type AccessEntry = {
  at: string;
  /** `name`: someone she already knows (an adult she linked, a health worker she booked). */
  actor: { role: string | null; label: string; name?: string };
  action: string;
  resource: string | null;
  outcome: string;
  channel: string;
};

export type Policy = { kind: string; version: string; url: string; summary: string };

/** Her export, as a Blob to save. */
export async function exportData(format: 'json' | 'csv'): Promise<Blob> {
  const response = await raw('GET', `/api/v1/me/export?format=${format}`);
  return response.blob();
}

/** One hop through the server's USSD simulator (it exists only where USSD_SIMULATOR is on). */
export function ussdHop(fields: { sessionId: string; phoneNumber: string; text: string }) {
  return api<{ text: string; ended: boolean }>('POST', '/ussd-simulator', fields);
}
