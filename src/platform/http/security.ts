import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { isApiRequest } from './rate-limit-hook.ts';

/**
 * Security headers with a strict CSP (no inline script anywhere), and CORS from an allow-list:
 * with no ALLOWED_ORIGINS only same-origin pages may call the API from a browser.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  opts: { allowedOrigins: string[]; hsts: boolean },
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // The web app's service worker (/sw.js) and its manifest, from this origin only.
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: opts.hsts ? [] : null,
      },
    },
    hsts: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });

  const allowed = new Set(opts.allowedOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'x-session-mode'],
    exposedHeaders: ['retry-after', 'ratelimit', 'ratelimit-policy', 'x-request-id'],
    maxAge: 600,
  });

  // API answers carry personal data: never let a shared cache or the browser's disk keep them
  // (errors and 429s included; decided on the matched route, so an encoded path gets it too).
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApiRequest(request)) reply.header('cache-control', 'no-store');
    return payload;
  });
}
