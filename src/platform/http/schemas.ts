import { type TSchema, Type } from 'typebox';
import { ERROR_CATALOGUE } from './errors.ts';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.Enum(Object.keys(ERROR_CATALOGUE), { description: 'Stable machine code' }),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]), {
        description:
          'Facts of the refusal for a translated message (detail stays English): period_overlap ' +
          '{ otherStart, otherOpen }, confirmation_required { reason: long_period | short_cycle, days, ' +
          'otherStart? }, date_in_future { today }',
      }),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details with a stable machine code' },
);

export const Uuid = Type.String({ format: 'uuid', description: 'Identifier (UUID)' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const NoContent = Type.Null({ description: 'No content' });
export const Language = Type.Enum(['en', 'rw', 'fr', 'sw'], {
  description: 'English, Kinyarwanda, French or Swahili',
});

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Unsupported content type',
  422: 'Needs confirmation',
  429: 'Too many requests (see Retry-After)',
  500: 'Server error',
  503: 'Not ready',
};

/** Every answer a route can give: its success schemas plus a problem+json schema per error status. */
export function responses(
  success: Record<number, TSchema>,
  errorStatuses: number[],
): Record<number, TSchema> {
  const all: Record<number, TSchema> = { ...success };
  for (const status of new Set([...errorStatuses, 400, 500])) {
    all[status] = Type.Ref('Problem', { description: PROBLEM_DESCRIPTIONS[status] ?? 'Error' });
  }
  return all;
}

/** Statuses every authenticated route may answer. */
export const AUTHENTICATED = [400, 401, 403, 429];
