import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/platform/config.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase } from '../support/databases.ts';
import { productionEnv } from '../support/env.ts';
import { uniquePhone } from '../support/factories.ts';

const hop = (t: TestApp, body: unknown) => t.request({ method: 'POST', url: '/api/v1/ussd-simulator', body });

describe('USSD simulator for the web app', () => {
  let on: TestApp;
  let off: TestApp;
  before(async () => {
    on = await startTestApp(await openTestDatabase('pglite'), {
      config: { ussdSimulator: true, ussdSecret: 'a-gateway-secret-of-more-than-32-bytes-000' },
    });
    off = await startTestApp(await openTestDatabase('pglite'));
  });
  after(async () => {
    for (const t of [on, off]) {
      await t.app.close();
      await t.db.close();
    }
  });

  it('runs the same menus as the gateway, without its secret', async () => {
    const phoneNumber = uniquePhone();
    const first = await hop(on, { sessionId: 'demo-1', phoneNumber, text: '' });
    assert.equal(first.statusCode, 200);
    const screen = first.json() as { text: string; ended: boolean };
    assert.match(screen.text, /^Welcome to Lady's Essence\. Choose a language:\n1 English/);
    assert.equal(screen.ended, false);
    // The gateway itself still wants its secret.
    const gateway = await on.request({
      method: 'POST',
      url: '/ussd',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `sessionId=demo-1&serviceCode=*123%23&phoneNumber=${encodeURIComponent(phoneNumber)}&text=`,
    });
    assert.equal(gateway.statusCode, 401);
  });

  it('refuses malformed hops with a problem+json and is listed in OpenAPI', async () => {
    const bad = await hop(on, { sessionId: '../x', phoneNumber: '1', text: 'x'.repeat(2000), extra: 1 });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
    const spec = (await on.request({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    assert.ok(spec.paths['/api/v1/ussd-simulator']);
  });

  it('does not exist when USSD_SIMULATOR is off', async () => {
    const res = await hop(off, { sessionId: 'demo-2', phoneNumber: uniquePhone(), text: '' });
    assert.equal(res.statusCode, 404);
  });

  it('is on by default in development and off by default in production', () => {
    const dir = mkdtempSync(join(tmpdir(), 'le-sim-'));
    assert.equal(loadConfig({ DATA_DIR: dir }).ussdSimulator, true);
    assert.equal(loadConfig({ DATA_DIR: dir, USSD_SIMULATOR: 'off' }).ussdSimulator, false);
    const production = productionEnv();
    assert.equal(loadConfig(production).ussdSimulator, false);
    assert.equal(loadConfig({ ...production, USSD_SIMULATOR: 'on' }).ussdSimulator, true);
  });
});
