import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startServerProcess, stopServer } from './support/server-process.ts';

describe('npm start with the embedded database', () => {
  it('starts with no setup, keeps its data and keys across a restart, and stops gracefully', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'le-start-'));
    const cold = await startServerProcess({ DATA_DIR: dataDir });
    const register = await fetch(`http://127.0.0.1:${cold.port}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Start Test',
        email: 'start@test.invalid',
        password: 'a fine long pass phrase',
        role: 'parent',
        acceptTerms: true,
      }),
    });
    assert.equal(register.status, 201);
    assert.equal(await stopServer(cold), 0, 'SIGTERM ends the process cleanly');

    const warm = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const login = await fetch(`http://127.0.0.1:${warm.port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: 'start@test.invalid', password: 'a fine long pass phrase' }),
      });
      assert.equal(login.status, 200, 'data and generated keys survive a restart');
      // Start-up time and idle memory are budgets measured by `npm run bench:startup`, not asserted
      // here: on a loaded 2-core machine a timing assertion fails for reasons that are not bugs.
    } finally {
      assert.equal(await stopServer(warm), 0);
    }
  });
});
