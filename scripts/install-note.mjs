// npm's `preinstall` for this project (plain JavaScript: it runs on whatever Node.js runs npm).
//
// Every `npm start`, `npm test` and `npm run …` uses the Node.js of the `node` devDependency
// (node_modules/.bin comes first on their PATH), not the machine's. npm checks packages' `engines`
// against the Node.js that runs npm itself, so on an older one it prints a warning per package
// that needs a newer Node.js — warnings that do not apply to the code. This says once which
// Node.js runs the project and, through npm's own semver, whether each such package is satisfied
// by it; a package the pinned Node.js does not satisfy either is named as a real problem.
// Prints nothing when npm runs on the pinned major version. Never fails the install.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

try {
  const npmNode = /\bnode\/(v\d+\.\d+\.\d+)/.exec(process.env.npm_config_user_agent ?? '')?.[1];
  // The lock file may be given (tests); npm's preinstall reads the project's.
  const lockFile = process.argv[2] ?? new URL('../package-lock.json', import.meta.url);
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  const pinned = lock.packages?.['node_modules/node']?.version;
  if (npmNode && pinned && npmNode.slice(1).split('.')[0] !== pinned.split('.')[0]) {
    process.stderr.write(`${describe(npmNode, pinned, lock.packages)}\n`);
  }
} catch {
  // A note, not a check: an unreadable lock or a missing semver only means no note.
}

function describe(npmNode, pinned, packages) {
  const lines = [
    `Lady's Essence runs on Node.js ${pinned} (the "node" package in node_modules, used by every ` +
      `npm start, npm test and npm run …); only npm itself runs on this machine's Node.js ${npmNode}.`,
  ];
  const semver = loadSemver();
  if (!semver) return lines[0];
  const older = [];
  const unmet = [];
  for (const [path, entry] of Object.entries(packages)) {
    const range = entry.engines?.node;
    if (path === '' || entry.optional || typeof range !== 'string') continue;
    if (semver.satisfies(npmNode, range, { includePrerelease: true })) continue;
    const name = `${path.slice(path.lastIndexOf('node_modules/') + 13)}@${entry.version}`;
    (semver.satisfies(pinned, range, { includePrerelease: true }) ? older : unmet).push(`${name} (${range})`);
  }
  if (older.length > 0) {
    lines.push(
      `The EBADENGINE warnings above (${older.join(', ')}) compare with ${npmNode}; Node.js ${pinned} satisfies them.`,
    );
  }
  if (unmet.length > 0) {
    lines.push(`Not satisfied by Node.js ${pinned} either, a real problem: ${unmet.join(', ')}.`);
  }
  return lines.join('\n');
}

/** npm's own copy of semver: no dependency of ours is installed yet when this runs. */
function loadSemver() {
  try {
    return createRequire(process.env.npm_execpath ?? import.meta.url)('semver');
  } catch {
    return undefined;
  }
}
