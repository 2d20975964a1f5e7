/**
 * The API client. The access token lives in this module's memory only — never in localStorage or
 * sessionStorage. The refresh token is an httpOnly, SameSite=Strict cookie the server sets in
 * "cookie mode" (header X-Session-Mode: cookie): scripts never see it, and after a reload one
 * refresh restores the session.
 */

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
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldProblem[];

  constructor(status: number, code: string, detail: string, errors: FieldProblem[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
}

type Tokens = { accessToken: string };

let tokens: Tokens | null = null;
let refreshing: Promise<User | null> | null = null;
const signedOutListeners = new Set<() => void>();
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
  try {
    const body = (await response.json()) as { code?: string; detail?: string; errors?: FieldProblem[] };
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.detail === 'string') detail = body.detail;
    if (Array.isArray(body.errors)) errors = body.errors;
  } catch {
    // Not JSON (a proxy error page, say): keep the status text.
  }
  return new ApiError(response.status, code, detail, errors);
}

/** One refresh at a time, shared by every request that met a 401 meanwhile; null when signed out. */
function refresh(): Promise<User | null> {
  if (refreshing) return refreshing;
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
      if (!response.ok) return null;
      const signedIn = (await response.json()) as Tokens & { user: User };
      tokens = { accessToken: signedIn.accessToken };
      return signedIn.user;
    } catch {
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
  return fetch(path, init);
}

const NO_REFRESH = [
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/auth/refresh',
  '/api/v1/auth/recovery',
  '/api/v1/auth/recovery/complete',
];

/** A raw request with auth, one refresh on 401, and problem+json errors thrown as ApiError. */
export async function raw(method: string, path: string, options: Options = {}): Promise<Response> {
  const response = await send(method, path, options);
  if (response.status === 401 && tokens && !options.retried && !NO_REFRESH.includes(path)) {
    if (await refresh()) return raw(method, path, { ...options, retried: true });
    endSession();
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
  const response = await raw(method, `/api/v1${path}`, body === undefined ? {} : { body });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
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

export type RecoveryInput = { phone: string; code: string; newPin?: string; newPassword?: string };

/** Forgot her PIN or password: the code texted to her verified number, a new secret, signed in. */
export async function completeRecovery(input: RecoveryInput): Promise<User> {
  const signedIn = await api<SignedIn>('POST', '/auth/recovery/complete', input);
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
  symptomFrequencies: { symptom: string; days: number; share: number }[];
  loggedDays: number;
  flags: { code: string; message: string; seeProvider: boolean }[];
};

export type Flow = 'none' | 'spotting' | 'light' | 'medium' | 'heavy';

export type Period = {
  id: string;
  startDate: string;
  endDate: string | null;
  flow: Flow | null;
  notes: string | null;
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
  actor: { role: string | null; label: string };
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
