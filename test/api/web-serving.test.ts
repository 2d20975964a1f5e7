import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../support/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';

describe('the web app is served by the same process', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  before(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'le-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>Lady’s Essence</title><script type="module" src="/assets/app-3f2a.js"></script>',
    );
    writeFileSync(join(dist, 'assets', 'app-3f2a.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'app-3f2a.js.br'), brotliCompressSync('console.log(1)'));
    writeFileSync(join(dist, 'sw.js'), 'const VERSION = "1";');
    writeFileSync(join(dist, 'sw.js.br'), brotliCompressSync('const VERSION = "1";'));
    writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Lady’s Essence"}');
    db = await openTestDatabase('pglite');
    app = await buildApp({ config: testConfig(), database: db.database, webDist: dist });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('serves the page with a strict CSP, hashed assets for a year, and pages of the client router', async () => {
    const page = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>/);
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'(;|$)/);
    const asset = await app.inject({ method: 'GET', url: '/assets/app-3f2a.js' });
    assert.equal(asset.statusCode, 200);
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    const deep = await app.inject({
      method: 'GET',
      url: '/calendar/2026-11',
      headers: { accept: 'text/html' },
    });
    assert.equal(deep.statusCode, 200);
    assert.match(deep.body, /<title>/);
  });

  it('sends the brotli copy the build wrote to browsers that accept it, and the plain file to others', async () => {
    const compressed = await app.inject({
      method: 'GET',
      url: '/assets/app-3f2a.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    assert.equal(compressed.statusCode, 200);
    assert.equal(compressed.headers['content-encoding'], 'br');
    assert.match(String(compressed.headers.vary), /accept-encoding/i);
    assert.equal(brotliDecompressSync(compressed.rawPayload).toString(), 'console.log(1)');
    const plain = await app.inject({
      method: 'GET',
      url: '/assets/app-3f2a.js',
      headers: { 'accept-encoding': 'identity' },
    });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, 'console.log(1)');
  });

  it('serves the service worker and the manifest fresh on every start, with their own types', async () => {
    // A phone learns of a new release by fetching sw.js: a cached copy would keep her on the old one.
    for (const encoding of ['br', 'identity']) {
      const worker = await app.inject({
        method: 'GET',
        url: '/sw.js',
        headers: { 'accept-encoding': encoding },
      });
      assert.equal(worker.statusCode, 200);
      assert.match(String(worker.headers['content-type']), /^(application|text)\/javascript/);
      assert.equal(worker.headers['cache-control'], 'no-cache');
    }
    const manifest = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    assert.equal(manifest.statusCode, 200);
    assert.match(String(manifest.headers['content-type']), /^application\/manifest\+json/);
    assert.equal(manifest.headers['cache-control'], 'no-cache');
    // The page may register its own worker and read its own manifest, and nobody else's.
    const csp = String(manifest.headers['content-security-policy']);
    assert.match(csp, /worker-src 'self'(;|$)/);
    assert.match(csp, /manifest-src 'self'(;|$)/);
  });

  it('keeps API, gateway and missing files as problem answers', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing', headers: { accept: 'text/html' } });
    assert.equal(api.statusCode, 404);
    assert.match(String(api.headers['content-type']), /problem\+json/);
    const missing = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    assert.equal(missing.statusCode, 404);
  });
});
