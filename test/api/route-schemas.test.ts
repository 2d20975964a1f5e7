import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RouteOptions } from 'fastify';
import { describeEachDatabase } from '../support/app.ts';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function methodsOf(route: RouteOptions): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
}

function problemsOf(route: RouteOptions, method: string): string[] {
  const name = `${method} ${route.url}`;
  const schema = route.schema ?? {};
  const statuses = Object.keys((schema.response ?? {}) as Record<string, unknown>).map(Number);
  const checks: Array<[boolean, string]> = [
    [statuses.some((s) => s >= 200 && s < 300), 'no success response schema'],
    [statuses.some((s) => s >= 400 && s < 500), 'no 4xx problem schema'],
    [statuses.includes(500), 'no 500 problem schema'],
    [!route.url.includes(':') || Boolean(schema.params), 'path parameters without a schema'],
    [
      !BODY_METHODS.has(method) || Boolean(schema.body) || route.config?.bodyless === true,
      'body without a schema',
    ],
    [route.config?.public === true || statuses.includes(401), 'private route without a 401 answer'],
    [Boolean(schema.summary), 'no summary for the OpenAPI document'],
  ];
  return checks.filter(([ok]) => !ok).map(([, problem]) => `${name}: ${problem}`);
}

describeEachDatabase('route schemas', (get) => {
  it('every API, health and gateway route declares its input and every answer it gives', () => {
    const { app } = get();
    const ours = app.routeCatalogue.filter((r) => /^\/(api|health|ussd)\b/.test(r.url));
    assert.ok(ours.length >= 15, `expected the whole API, found ${ours.length} routes`);
    const problems = ours.flatMap((route) => methodsOf(route).flatMap((method) => problemsOf(route, method)));
    assert.deepEqual(problems, []);
  });

  it('publishes every route in the OpenAPI document', async () => {
    const t = get();
    const res = await t.request({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    const published = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(ops)) published.add(`${method.toUpperCase()} ${path}`);
    }
    for (const route of t.app.routeCatalogue.filter((r) => /^\/(api|health)\b/.test(r.url))) {
      for (const method of methodsOf(route)) {
        const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
        assert.ok(published.has(`${method} ${path}`), `${method} ${path} missing from OpenAPI`);
      }
    }
    const docs = await t.request({ method: 'GET', url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.doesNotMatch(String(docs.headers['content-security-policy']), /https:|unsafe-inline/);
  });
});
