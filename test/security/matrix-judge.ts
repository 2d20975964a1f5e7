import type { LightMyRequestResponse } from 'fastify';
import { hiddenKeysIn, leaksIn, type Secret } from './fuzz-leaks.ts';

/** The status (and, where it matters, the problem code) one caller must get. */
export type Expected = { status: number; code?: string };

/** An answer's JSON body, or undefined when it has none (or is not JSON). */
export function jsonOf(res: LightMyRequestResponse): unknown {
  const type = String(res.headers['content-type'] ?? '');
  if (!type.includes('json') || !res.body) return undefined;
  try {
    return JSON.parse(res.body);
  } catch {
    return undefined;
  }
}

/** Problems with one answer: wrong status or code, not problem+json, hidden fields, leaked data. */
export function judge(
  what: string,
  res: LightMyRequestResponse,
  expected: Expected,
  forbidden: Secret[],
  scanKeys: boolean,
): string[] {
  const problems: string[] = [];
  const type = String(res.headers['content-type'] ?? '');
  const json = jsonOf(res);
  if (type.includes('json') && res.body && json === undefined)
    problems.push(`${what}: answer is not valid JSON`);
  const code = (json as { code?: string } | undefined)?.code;
  if (res.statusCode !== expected.status || (expected.code && code !== expected.code))
    problems.push(
      `${what}: expected ${expected.status} ${expected.code ?? ''}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
    );
  if (res.statusCode >= 400 && !type.startsWith('application/problem+json'))
    problems.push(`${what}: error answer is ${type}, not problem+json`);
  for (const leak of leaksIn(res.body, forbidden)) problems.push(`${what}: answer shows ${leak}`);
  if (scanKeys)
    for (const key of hiddenKeysIn(json)) problems.push(`${what}: answer has hidden field ${key}`);
  return problems;
}

/** Every JSON key under `value` named one of `names`, with where it is. */
export function keysNamed(value: unknown, names: readonly string[], path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysNamed(v, names, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(names.includes(k) ? [`${path}.${k}`] : []),
    ...keysNamed(v, names, `${path}.${k}`),
  ]);
}
