import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserUrl, terminalProgress } from './startup-progress.ts';

describe('start-up progress lines', () => {
  const collect = (env: 'development' | 'production' | 'test', logLevel: string) => {
    const written: string[] = [];
    terminalProgress({ env, logLevel }, (text) => written.push(text))('Applying database updates…');
    return written;
  };

  it('are written as plain lines outside production, and not at all in production or when silent', () => {
    assert.deepEqual(collect('development', 'warn'), ['Applying database updates…\n']);
    assert.deepEqual(collect('production', 'info'), [], 'production keeps to its JSON logs');
    assert.deepEqual(collect('development', 'silent'), []);
  });

  it('name an address a browser on this machine can open', () => {
    assert.equal(browserUrl('127.0.0.1', 3000, false), 'http://127.0.0.1:3000');
    assert.equal(browserUrl('0.0.0.0', 8080, false), 'http://127.0.0.1:8080');
    assert.equal(browserUrl('::', 3000, true), 'https://127.0.0.1:3000');
    assert.equal(browserUrl('::1', 3000, false), 'http://[::1]:3000');
    assert.equal(browserUrl('app.local', 443, true), 'https://app.local:443');
  });
});
