import type { FastifyServerOptions } from 'fastify';

/**
 * Anything that could identify a person or describe their health is removed from logs here, once:
 * tokens, passwords, PINs, phones, emails, names and the health fields the API carries.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...[
    'password',
    'currentPassword',
    'newPassword',
    'pin',
    'currentPin',
    'newPin',
    'accessToken',
    'refreshToken',
    'token',
    'phone',
    'phoneNumber',
    'email',
    'identifier',
    'name',
    'birthYear',
    'notes',
    'symptoms',
    'mood',
    'pain',
    'flow',
    'text',
  ].flatMap((field) => [field, `*.${field}`]),
];

export function loggerOptions(level: string): Exclude<NonNullable<FastifyServerOptions['logger']>, boolean> {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // Only the route pattern is logged: paths and query strings may carry identifiers or secrets.
      req(request: { method: string; routeOptions?: { url?: string | undefined }; id: string }) {
        return { method: request.method, route: request.routeOptions?.url ?? '(unmatched)', id: request.id };
      },
    },
  };
}
