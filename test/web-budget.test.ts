import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from '../src/platform/http/web.ts';

/** Initial JavaScript a phone downloads before the first screen: its budget is 150 KB gzipped. */
const BUDGET_BYTES = 150 * 1024;

describe('web app size', () => {
  it('keeps the initial JavaScript within 150 KB gzipped', () => {
    let html: string;
    try {
      html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    } catch {
      assert.fail('web/dist is missing: run `npm install` (or `npm run build:web`) first');
    }
    const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1] ?? '');
    const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)].map(
      (m) => m[1] ?? '',
    );
    const initial = [...scripts, ...preloads];
    assert.ok(initial.length > 0, 'index.html loads a script');
    const gzipped = initial.reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(WEB_DIST, file))).length,
      0,
    );
    console.log(`# initial JS: ${(gzipped / 1024).toFixed(1)} KB gzipped (${initial.join(', ')})`);
    assert.ok(gzipped <= BUDGET_BYTES, `initial JS is ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    // What phones actually download: the server sends the brotli copy the build wrote beside each file.
    for (const file of initial)
      assert.ok(
        readFileSync(join(WEB_DIST, `${file}.br`)).length < readFileSync(join(WEB_DIST, file)).length / 2,
        `${file}.br exists and is compressed`,
      );
    assert.ok(
      readdirSync(join(WEB_DIST, 'assets')).every((f) => /-[A-Za-z0-9_-]{8}\.\w+(\.br|\.gz)?$/.test(f)),
      'hashed asset names',
    );
  });
});
