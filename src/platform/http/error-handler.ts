import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { describeAjvErrors } from '../validation.ts';
import { AppError, type ErrorCode, toProblem } from './errors.ts';
import { wantsWebPage } from './web.ts';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_VALIDATION: 'validation_failed',
};

// PostgreSQL SQLSTATEs that mean the request conflicts with data, not that the server is broken.
const PG_CONFLICTS = new Set(['23505', '23503', '40001', '40P01']);

/** The one place errors become answers: problem+json, stable codes, 5xx details hidden and logged. */
export function installErrorHandling(app: FastifyInstance, webApp: () => boolean = () => false): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else if (appError.code === 'conflict' && !(error instanceof AppError)) {
      // A constraint turned into a 409: kept at debug so a wrong mapping can still be traced.
      request.log.debug({ err: error }, 'database constraint refused the request');
    }
    // 401, 403 and 429 are logged once, as security events (platform/http/security-events-hook.ts).
    return sendProblem(request, reply, appError);
  });

  app.setNotFoundHandler((request, reply) => {
    // A page of the web app (its router decides what to show): the same index.html for all.
    if (webApp() && wantsWebPage(request.method, request.url, request.headers.accept)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(request, reply, new AppError('not_found', 'There is nothing at this address'));
  });
}

/**
 * Fastify's `frameworkErrors`: what it refuses before any route is found (a URL that does not
 * decode, a path parameter over maxParamLength) is answered as a problem too, never echoing the URL.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A part of the address is too long'
      : 'The address is not valid';
  request.log.info({ frameworkError: error.code }, 'request refused before routing');
  // No hooks run for these answers, so the headers every answer carries are set here.
  reply.headers({
    'x-request-id': request.id,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  sendProblem(request, reply, new AppError('validation_failed', detail));
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(error.status).type('application/problem+json').send(toProblem(error, request.id));
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const errors = describeAjvErrors(error.validation as never).map((p) => ({
      field: `${context}${p.field === '/' ? '' : p.field}`,
      message: p.message,
    }));
    return new AppError('validation_failed', summarise(errors), { errors });
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return new AppError(mapped, error.message);
  const pgCode = (error as { code?: string }).code;
  if (pgCode && PG_CONFLICTS.has(pgCode))
    return new AppError('conflict', 'The request conflicts with existing data');
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    const code: ErrorCode = error.statusCode === 405 ? 'method_not_allowed' : 'validation_failed';
    return new AppError(code, error.message);
  }
  return new AppError('internal_error', 'An unexpected error occurred; it has been logged');
}

function summarise(errors: Array<{ field: string; message: string }>): string {
  const first = errors.slice(0, 3).map((e) => `${e.field} ${e.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `${first.join('; ')}${more}`;
}
