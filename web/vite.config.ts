import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin, transformWithOxc } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/**
 * dist/sw.js from web/src/offline/sw.ts: types stripped, and the release's file list (every
 * file the build wrote, index.html as "/") and a version made from their contents written in
 * front. A release that changes any file changes sw.js, which is how phones learn of it.
 */
async function writeServiceWorker(dist: string): Promise<void> {
  const files = filesUnder(dist)
    .map((path) => relative(dist, path).split(sep).join('/'))
    .filter((file) => /\.(html|js|css|svg|png|webmanifest)$/.test(file) && file !== 'sw.js')
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(readFileSync(join(dist, file)));
  const precache = files.map((file) => (file === 'index.html' ? '/' : `/${file}`));
  const source = join(here, 'src', 'offline', 'sw.ts');
  const { code } = await transformWithOxc(readFileSync(source, 'utf8'), source, { lang: 'ts' });
  const body = code.replace(/^export \{\};?\n/m, '');
  writeFileSync(
    join(dist, 'sw.js'),
    `const VERSION = ${JSON.stringify(hash.digest('hex').slice(0, 16))};\nconst PRECACHE = ${JSON.stringify(precache)};\n${body}`,
  );
}

/**
 * Writes .br and .gz copies of every text file in dist, compressed once at the highest level,
 * which the server sends to browsers that accept them (@fastify/static `preCompressed`). On 3G
 * this is the difference between seconds and tens of seconds.
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    async closeBundle() {
      const dist = join(here, 'dist');
      // A failed build calls this too: let its own error show.
      if (!existsSync(join(dist, 'index.html'))) return;
      // Before compressing: sw.js is sent compressed too.
      await writeServiceWorker(dist);
      for (const path of filesUnder(dist)) {
        if (!/\.(js|css|html|svg|json|txt|webmanifest)$/.test(path)) continue;
        const content = readFileSync(path);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
      // The first screen's JavaScript: the entry script and what index.html preloads with it.
      const html = readFileSync(join(dist, 'index.html'), 'utf8');
      const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
      const size = (ext: string) => initial.reduce((sum, f) => sum + statSync(join(dist, f + ext)).size, 0);
      process.stdout.write(
        `initial JS: ${(size('.gz') / 1024).toFixed(1)} KB gzip, ${(size('.br') / 1024).toFixed(1)} KB brotli (budget 150 KB gzip)\n`,
      );
    },
  };
}

// React's automatic JSX runtime is handled by Vite's built-in transform (no plugin needed).
export default defineConfig({
  root: here,
  base: '/',
  plugins: [precompress()],
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // No inline <script> or data: modulepreload polyfill: the server's CSP is script-src 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      onwarn(warning, warn) {
        // "use client" directives in @tanstack/react-query are meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/ussd': 'http://127.0.0.1:3000',
    },
  },
});
