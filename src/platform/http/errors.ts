import type { FieldProblem } from '../validation.ts';

/** Every error a client can see, with its stable code, HTTP status and title. */
export const ERROR_CATALOGUE = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The body is not valid JSON' },
  weak_password: { status: 400, title: 'The password is too easy to guess' },
  weak_pin: { status: 400, title: 'The PIN is too easy to guess' },
  invalid_phone: { status: 400, title: 'The phone number is not valid' },
  invalid_code: { status: 400, title: 'The code is not valid, was already used or has expired' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  invalid_credentials: { status: 401, title: 'The identifier or secret is not correct' },
  invalid_token: { status: 401, title: 'The token is not valid' },
  session_revoked: { status: 401, title: 'The session has ended' },
  session_locked: { status: 401, title: 'The session is locked; unlock it with the PIN or password' },
  forbidden: { status: 403, title: 'You are not allowed to do this' },
  consent_required: { status: 403, title: 'The current terms and privacy notice must be accepted first' },
  guardian_consent_required: { status: 403, title: "A parent or guardian's consent is needed first" },
  guardian_phone_required: {
    status: 403,
    title: 'A guardian gives consent from a verified phone number of their own',
  },
  phone_required: { status: 403, title: 'A verified phone number of your own is needed first' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'The request conflicts with existing data' },
  identifier_taken: { status: 409, title: 'An account already uses this phone number or email' },
  phone_taken: { status: 409, title: 'Another account already signs in with this phone number' },
  period_overlap: { status: 409, title: 'This period overlaps one already logged' },
  confirmation_required: {
    status: 422,
    title: 'This looks unusual; send it again with confirm: true if it is right',
  },
  date_in_future: { status: 400, title: 'The date is in the future' },
  invalid_date_range: { status: 400, title: 'The end is before the start' },
  not_shared: { status: 403, title: 'She has not shared this with you' },
  already_linked: { status: 409, title: 'You are already linked with this person' },
  guardian_link_fixed: {
    status: 409,
    title: 'Until the consent age, the parent who gave consent keeps seeing the prediction and flags',
  },
  provider_unverified: { status: 403, title: 'This provider account is waiting for verification' },
  slot_taken: { status: 409, title: 'This time was just taken; choose another' },
  slot_unavailable: { status: 409, title: 'This time is not open for booking' },
  change_too_late: { status: 409, title: 'It is too close to the appointment to change it' },
  appointment_closed: { status: 409, title: 'This appointment can no longer be changed this way' },
  content_not_ready: { status: 400, title: 'The text has problems to fix before it can be submitted' },
  content_state: {
    status: 409,
    title: 'The text is not in a state for this (already submitted, decided or published)',
  },
  own_content: { status: 403, title: 'Someone other than its writer must review a text' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  too_many_requests: { status: 429, title: 'Too many attempts; wait before trying again' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
  service_unavailable: { status: 503, title: 'The service is not ready' },
  sms_unavailable: { status: 503, title: 'The text message could not be sent; try again later' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Facts of a refusal that a client fills into its own text, e.g. `{ otherStart: '2026-05-03' }`. */
export type ProblemParams = Record<string, string | number | boolean>;

/** A failure the client caused or may see; anything else that is thrown is a bug (5xx). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldProblem[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly params: ProblemParams | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    extra: { errors?: FieldProblem[]; retryAfterSeconds?: number; params?: ProblemParams } = {},
  ) {
    super(detail ?? ERROR_CATALOGUE[code].title);
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.errors = extra.errors;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.params = extra.params;
  }
}

/** Rule check that reads as a sentence: `assertThat(user, 'not_found')`. */
export function assertThat(condition: unknown, code: ErrorCode, detail?: string): asserts condition {
  if (!condition) throw new AppError(code, detail);
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: FieldProblem[];
  params?: ProblemParams;
};

export function toProblem(error: AppError, requestId?: string): Problem {
  const problem: Problem = {
    type: `urn:ladys-essence:problem:${error.code}`,
    title: ERROR_CATALOGUE[error.code].title,
    status: error.status,
    detail: error.message,
    code: error.code,
  };
  if (requestId !== undefined) problem.instance = `urn:request:${requestId}`;
  if (error.errors !== undefined) problem.errors = error.errors;
  if (error.params !== undefined) problem.params = error.params;
  return problem;
}
