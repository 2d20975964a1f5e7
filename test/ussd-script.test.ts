import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { text } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { freePort } from './support/server-process.ts';

/** `npm run ussd` as a developer types it, with her answers piped in; resolves when it ends. */
async function dial(args: string[], env: Record<string, string>, input = '') {
  const child = spawn(process.execPath, ['scripts/ussd.ts', '--phone', '0788123456', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(input);
  const [stdout, stderr, status] = await Promise.all([
    text(child.stdout),
    text(child.stderr),
    new Promise<number | null>((resolve) => child.once('close', resolve)),
  ]);
  return { stdout, stderr, status };
}

describe('npm run ussd (the terminal phone)', () => {
  it('says what to do when nothing listens, without a stack trace', async () => {
    const port = await freePort();
    const run = await dial([], { PORT: String(port) });
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr,
      `Nothing is listening on http://127.0.0.1:${port}; start the service with npm start (or pass --url).\n`,
    );

    const other = await freePort();
    const withUrl = await dial(['--url', `http://127.0.0.1:${other}/`], { PORT: String(port) });
    assert.equal(withUrl.status, 1);
    assert.match(withUrl.stderr, new RegExp(`^Nothing is listening on http://127\\.0\\.0\\.1:${other};`));
    assert.doesNotMatch(withUrl.stderr, /\n\s+at /);
  });

  it('dials the port npm start listens on (PORT), and --url when given', async () => {
    const seen: { url: string | undefined; body: string }[] = [];
    const gateway = createServer(async (req, res) => {
      seen.push({ url: req.url, body: await text(req) });
      const answered = seen.at(-1)?.body.includes('text=1') ?? false;
      res.end(answered ? 'END Thank you' : 'CON Welcome\n1. Next');
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    try {
      const address = gateway.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const run = await dial([], { PORT: String(port) }, '1\n');
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /Welcome[\s\S]*Thank you/);
      assert.equal(seen[0]?.url, '/ussd');
      assert.match(seen[0]?.body ?? '', /phoneNumber=0788123456/);

      const byUrl = await dial(['--url', `http://127.0.0.1:${port}`], { PORT: '1' }, '1\n');
      assert.equal(byUrl.status, 0, byUrl.stderr);
      assert.equal(seen.length, 4);

      // An answer other than 200 is a sentence too.
      gateway.removeAllListeners('request');
      gateway.on('request', (_req, res) => {
        res.statusCode = 403;
        res.end('forbidden');
      });
      const refused = await dial([], { PORT: String(port) });
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /^The service at http:\/\/127\.0\.0\.1:\d+ answered 403 .*--secret/);
      assert.doesNotMatch(refused.stderr, /\n\s+at /);
    } finally {
      gateway.close();
    }
  });
});
