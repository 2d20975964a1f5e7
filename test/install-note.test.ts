import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

type Lock = {
  packages: Record<string, { version?: string; engines?: { node?: string }; optional?: boolean }>;
};

/** `npm install`'s preinstall as npm runs it: npm's user agent names the Node.js npm runs on. */
function note(npmNode: string, lockFile?: string) {
  return spawnSync(process.execPath, ['scripts/install-note.mjs', ...(lockFile ? [lockFile] : [])], {
    env: { PATH: process.env.PATH ?? '', npm_config_user_agent: `npm/11.6.0 node/${npmNode} linux x64` },
    encoding: 'utf8',
  });
}

describe('npm install on an older Node.js', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;
  const pinned = lock.packages['node_modules/node']?.version ?? '';

  it('is wired so npm does not warn about the project itself, and says once which Node.js runs it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
      devEngines?: { runtime?: { name: string; version: string } };
    };
    // npm skips the root package's `engines` check when `devEngines` is there: the machine's
    // Node.js only has to run npm; the project runs on the pinned one.
    assert.equal(pkg.devEngines?.runtime?.name, 'node');
    assert.equal(pkg.scripts.preinstall, 'node scripts/install-note.mjs');

    const older = note('v20.20.2');
    assert.equal(older.status, 0, older.stderr);
    const lines = older.stderr.trim().split('\n');
    assert.match(
      lines[0] ?? '',
      new RegExp(`^Lady's Essence runs on Node\\.js ${pinned.replaceAll('.', '\\.')} `),
    );
    assert.match(lines[0] ?? '', /this machine's Node\.js v20\.20\.2/);
    // Each package npm warned about is named, with the verdict for the pinned Node.js.
    for (const line of lines.slice(1)) assert.match(line, /satisfies them\.$/);

    assert.equal(note(`v${pinned}`).stderr, '', 'nothing to say when npm runs on the pinned version');
  });

  it('names a package the pinned Node.js does not satisfy either as a real problem', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'le-note-')), 'package-lock.json');
    const synthetic: Lock = {
      packages: {
        '': { version: '0.1.0', engines: { node: '>=22.12' } },
        'node_modules/node': { version: '24.21.0' },
        'node_modules/fine': { version: '1.0.0', engines: { node: '>=22' } },
        'node_modules/a/node_modules/future': { version: '2.0.0', engines: { node: '>=99' } },
        'node_modules/optional': { version: '1.0.0', engines: { node: '>=99' }, optional: true },
      },
    };
    writeFileSync(file, JSON.stringify(synthetic));
    const run = note('v20.20.2', file);
    assert.equal(run.status, 0);
    assert.match(
      run.stderr,
      /warnings above \(fine@1\.0\.0 \(>=22\)\) compare with v20\.20\.2; Node\.js 24\.21\.0 satisfies them\./,
    );
    assert.match(
      run.stderr,
      /Not satisfied by Node\.js 24\.21\.0 either, a real problem: future@2\.0\.0 \(>=99\)\./,
    );
    assert.doesNotMatch(run.stderr, /optional@/);
  });
});
