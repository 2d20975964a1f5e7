import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from 'typebox';

// ajv-formats ships CommonJS with a default export; under Node's ESM loader it arrives as module.exports.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export type FieldProblem = { field: string; message: string };

function createAjv(options: Options): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    removeAdditional: false,
    useDefaults: true,
    ...options,
  });
  addFormats(ajv);
  return ajv;
}

/** Bodies and headers: no type coercion, so `"acceptTerms": "true"` is an error rather than a guess. */
export const strictAjv = createAjv({ coerceTypes: false });
/** Query strings and path parameters arrive as text, so numbers and booleans are coerced there only. */
export const coercingAjv = createAjv({ coerceTypes: 'array' });

export function describeAjvErrors(errors: ErrorObject[] | null | undefined): FieldProblem[] {
  const problems = (errors ?? []).map((e) => {
    let field = e.instancePath || '/';
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties') {
      const extra = String((e.params as { additionalProperty?: string }).additionalProperty);
      field = `${e.instancePath}/${extra}`;
      message = 'is not an allowed field';
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      message = `must be one of: ${allowed.join(', ')}`;
    } else if (e.keyword === 'required') {
      const missing = String((e.params as { missingProperty?: string }).missingProperty);
      field = `${e.instancePath}/${missing}`;
      message = 'is required';
    }
    return { field, message };
  });
  // One line per field and message: unions and formats can repeat the same complaint.
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Compiles a schema for use outside HTTP (configuration, CLI input); returns every problem found. */
export function compileStrict(schema: TSchema): (value: unknown) => FieldProblem[] {
  const validate = strictAjv.compile(schema);
  return (value) => (validate(value) ? [] : describeAjvErrors(validate.errors));
}
