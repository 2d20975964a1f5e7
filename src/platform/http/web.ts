import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST = join(import.meta.dirname, '..', '..', '..', 'web', 'dist');

/** Paths that belong to the API and the gateway, never to the web app's client-side routes. */
const SERVER_PATHS = /^\/(api|ussd|health|docs)(\/|$)/;

/**
 * Serves the built web app from the same process: hashed assets are cached for a year (their
 * names change with their content), index.html never (so a new release is picked up at once), and
 * any other GET for a page returns index.html for the client-side router. The service worker
 * (sw.js) and the manifest are revalidated on every use too: a phone learns of a new release by
 * fetching sw.js, so a cached copy would keep her on the old one (decision 018).
 */
export async function registerWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<boolean> {
  if (!existsSync(join(dist, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each file; the browser gets the smallest it accepts.
    preCompressed: true,
    setHeaders(res, path) {
      res.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
  return true;
}

/** True when a request that found no route should get the web app's page instead of a 404. */
export function wantsWebPage(method: string, url: string, accept: string | undefined): boolean {
  return method === 'GET' && !SERVER_PATHS.test(url) && (accept ?? '').includes('text/html');
}
