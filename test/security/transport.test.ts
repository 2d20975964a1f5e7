import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { WEB_DIST } from '../../src/platform/http/web.ts';
import { createPseudonymizer } from '../../src/platform/security/pseudonym.ts';
import { startTestApp, type TestApp, testConfig } from '../support/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { secretEnv } from '../support/env.ts';
import { registerUser } from '../support/factories.ts';
import { freePort, startArgs } from '../support/server-process.ts';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function get(url: string, ca?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(url, { ...(ca ? { ca } : {}), agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

describe('HTTPS in the process (TLS_CERT_FILE, TLS_KEY_FILE), as `npm start` runs it', () => {
  let dir: string;
  let db: TestDatabase;
  let child: ChildProcess;
  let port: number;
  let cert: Buffer;
  let output = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'le-tls-'));
    const [certFile, keyFile] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
    // A throwaway self-signed certificate for 127.0.0.1, made here: nothing to download or commit.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(certFile);
    db = await openTestDatabase('postgres');
    port = await freePort();
    child = spawn(process.execPath, startArgs(), {
      env: {
        PATH: process.env.PATH ?? '',
        ...secretEnv(testConfig()),
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: db.url ?? '',
        TLS_CERT_FILE: certFile,
        TLS_KEY_FILE: keyFile,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
      const ready = await get(`https://127.0.0.1:${port}/health/ready`, cert).catch(() => undefined);
      if (ready?.status === 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  after(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers over HTTPS with Strict-Transport-Security on pages and API answers', async () => {
    for (const path of ['/health/live', '/api/v1/policies', '/api/v1/me']) {
      const res = await get(`https://127.0.0.1:${port}${path}`, cert);
      assert.ok(res.status === 200 || res.status === 401, `${path}: ${res.status}`);
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', path);
    }
  });

  it('refuses plain HTTP on the same port', async () => {
    await assert.rejects(get(`http://127.0.0.1:${port}/health/live`), /socket hang up|ECONNRESET|EPROTO/);
  });
});

/** Captures log lines as objects. */
function logCapture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _e, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('client addresses and X-Forwarded-For', () => {
  const proxy = '10.0.0.5';
  let db: TestDatabase;
  let direct: TestApp;
  let proxied: TestApp;
  const directLogs = logCapture();
  const proxiedLogs = logCapture();
  before(async () => {
    db = await openTestDatabase('postgres');
    // RATE_LIMIT_SCALE 0.1: six refreshes a minute per address.
    const config = { rateLimitScale: 0.1, logLevel: 'warn' };
    direct = await startTestApp(db, { config, logStream: directLogs.stream });
    proxied = await startTestApp(db, {
      config: { ...config, trustProxy: proxy },
      logStream: proxiedLogs.stream,
    });
  });
  after(async () => {
    await direct.app.close();
    await proxied.app.close();
    await db.close();
  });

  /** A refresh with a made-up token (401, a security event naming the address it believed). */
  function refresh(t: TestApp, from: string, forwardedFor?: string): Promise<LightMyRequestResponse> {
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      remoteAddress: from,
      headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
      payload: { refreshToken: 'made-up' },
    });
  }

  /** The address the server believed for a request, through the pseudonym in its security event. */
  function believed(t: TestApp, lines: Array<Record<string, unknown>>, res: LightMyRequestResponse) {
    const event = lines.find((l) => l.event === 'security' && l.reqId === res.headers['x-request-id']);
    assert.ok(event, 'the refusal is a security event');
    const pseudonym = createPseudonymizer(t.config.blindIndexKey);
    return (candidates: string[]) => candidates.find((ip) => pseudonym('ip', ip) === event.source);
  }

  it('without TRUST_PROXY, ignores X-Forwarded-For: a client can neither escape a limit nor fake its address', async () => {
    const client = '203.0.113.10';
    const candidates = [client, '198.51.100.1', '198.51.100.2', '198.51.100.3'];
    for (let i = 0; i < 6; i++) {
      const res = await refresh(direct, client, `198.51.100.${i + 1}`);
      assert.equal(res.statusCode, 401);
      assert.equal(believed(direct, directLogs.lines, res)(candidates), client);
    }
    const seventh = await refresh(direct, client, '198.51.100.200');
    assert.equal(seventh.statusCode, 429, 'a new forwarded address does not buy a new quota');
  });

  it('with TRUST_PROXY set to the proxy, believes only that proxy, and only its last hop', async () => {
    const [alice, bob, real] = ['198.51.100.21', '198.51.100.22', '192.0.2.44'];
    for (let i = 0; i < 6; i++) assert.equal((await refresh(proxied, proxy, alice)).statusCode, 401);
    assert.equal(
      (await refresh(proxied, proxy, alice)).statusCode,
      429,
      'Alice, behind the proxy, is limited',
    );
    const fromBob = await refresh(proxied, proxy, bob);
    assert.equal(fromBob.statusCode, 401, 'Bob behind the same proxy has his own quota');
    assert.equal(believed(proxied, proxiedLogs.lines, fromBob)([proxy, alice, bob]), bob);

    // A client who writes "alice" into the header the proxy appends to is still itself.
    const spoofed = await refresh(proxied, proxy, `${alice}, ${real}`);
    assert.equal(spoofed.statusCode, 401);
    assert.equal(believed(proxied, proxiedLogs.lines, spoofed)([proxy, alice, real]), real);

    // Straight to the app, not through the proxy: the header is not believed at all.
    const bypass = await refresh(proxied, '192.0.2.99', bob);
    assert.equal(believed(proxied, proxiedLogs.lines, bypass)(['192.0.2.99', bob]), '192.0.2.99');
  });
});

describe('browser protections', () => {
  const allowed = 'https://app.example.test';
  let db: TestDatabase;
  let t: TestApp;
  before(async () => {
    db = await openTestDatabase('postgres');
    t = await startTestApp(db, { config: { allowedOrigins: [allowed], rateLimitScale: 0.1 } });
  });
  after(async () => {
    await t.app.close();
    await db.close();
  });

  const preflight = (origin?: string) =>
    t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/auth/login',
      headers: {
        ...(origin ? { origin } : {}),
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('CORS: lets the allowed origin in, with credentials, and nobody else', async () => {
    const ok = await preflight(allowed);
    assert.equal(ok.statusCode, 204);
    assert.equal(ok.headers['access-control-allow-origin'], allowed);
    assert.equal(ok.headers['access-control-allow-credentials'], 'true');
    assert.match(String(ok.headers['access-control-allow-methods']), /POST/);
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const refused = await preflight(origin);
      assert.equal(refused.headers['access-control-allow-origin'], undefined, `preflight from ${origin}`);
      assert.equal(refused.headers['access-control-allow-credentials'], undefined);
      assert.equal(refused.headers['access-control-allow-methods'], undefined);
    }

    const simple = (origin?: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/policies', headers: origin ? { origin } : {} });
    const fromApp = await simple(allowed);
    assert.equal(fromApp.headers['access-control-allow-origin'], allowed);
    assert.match(String(fromApp.headers.vary), /Origin/, 'caches keep answers per origin');
    assert.match(String(fromApp.headers['access-control-expose-headers']), /ratelimit/);
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const res = await simple(origin);
      assert.equal(res.statusCode, 200, 'same-origin and non-browser calls still work');
      assert.equal(res.headers['access-control-allow-origin'], undefined, `simple request from ${origin}`);
    }
  });

  it('CSP: a strict policy on the web app, and the built page has no inline script', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200, 'the built web app is served (npm run build:web)');
    const csp = String(page.headers['content-security-policy']);
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    assert.equal(directives.get('default-src'), "'self'");
    assert.equal(directives.get('script-src'), "'self'");
    assert.equal(directives.get('object-src'), "'none'");
    assert.equal(directives.get('base-uri'), "'none'");
    assert.equal(directives.get('frame-ancestors'), "'none'");
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|nonce-|https:|\*/);

    const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    assert.equal(page.body, html);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length > 0, 'the page loads its code from a script file');
    for (const [, attributes = '', body = ''] of scripts) {
      assert.match(attributes, /\bsrc="\//, 'every script is a file of our own');
      assert.equal(body.trim(), '', 'no inline script body');
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /javascript:/i);
  });

  it('Cache-Control: no-store on every API answer, errors and 429s included', async () => {
    const user = await registerUser(t);
    const answers: Array<[string, LightMyRequestResponse]> = [
      ['200', await t.request({ method: 'GET', url: '/api/v1/me', token: user.accessToken })],
      ['401', await t.request({ method: 'GET', url: '/api/v1/me' })],
      ['401 encoded path', await t.request({ method: 'GET', url: '/%61pi/v1/me' })],
      [
        '403',
        await t.request({ method: 'GET', url: `/api/v1/admin/users/${user.id}`, token: user.accessToken }),
      ],
      ['404', await t.request({ method: 'GET', url: '/api/v1/no-such-thing' })],
      [
        '400',
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{"identifier":',
        }),
      ],
    ];
    let limited: LightMyRequestResponse | undefined;
    for (let i = 0; i < 40 && limited === undefined; i++) {
      const res = await t.request({ method: 'GET', url: '/api/v1/policies' });
      if (res.statusCode === 429) limited = res;
    }
    assert.ok(limited, 'the anonymous quota is reached');
    answers.push(['429', limited]);
    for (const [what, res] of answers) {
      assert.equal(res.headers['cache-control'], 'no-store', `${what} (${res.statusCode})`);
    }
    assert.deepEqual(
      answers.map(([, res]) => res.statusCode),
      [200, 401, 401, 403, 404, 400, 429],
    );
  });
});
