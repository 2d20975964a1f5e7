import { type CheckResult, type DoctorFacts, fromProblems } from './facts.ts';

/** Checks of the process itself: the Node.js release it runs on and its dependencies' advisories. */

type Version = [number, number, number];

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

const atLeast = (a: Version, b: Version) =>
  a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] >= b[2];

export function checkNodeVersion({ node, engines }: DoctorFacts): CheckResult {
  const running = parseVersion(node.version);
  // package.json says ">=22.12": the lowest release the code is written for.
  const minimum = parseVersion(engines.replace(/^\s*>=\s*/, ''));
  const problems: string[] = [];
  if (!running) problems.push(`cannot read the version "${node.version}"`);
  else if (minimum && !atLeast(running, minimum)) {
    problems.push(`Node ${node.version} does not satisfy package.json engines "${engines}"`);
  }
  if (node.lts === undefined) {
    problems.push(
      `Node ${node.version} is not a long-term-support release (a "Current" release lives months, not years)`,
    );
  }
  return fromProblems(
    {
      id: 'node-version',
      title: 'Supported Node.js version',
      fix: `Run an LTS release that satisfies "${engines}": Node 24 LTS, which deploy/Dockerfile and the node devDependency pin`,
    },
    problems,
    `Node ${node.version}, LTS "${node.lts}", satisfies engines "${engines}"`,
  );
}

export function checkNpmAudit({ audit }: DoctorFacts): CheckResult {
  const base = {
    id: 'npm-audit',
    title: 'No high or critical advisories in production dependencies',
  };
  if ('unavailable' in audit) {
    return {
      ...base,
      ok: false,
      detail: `npm audit gave no answer: ${audit.unavailable}`,
      fix:
        'Run it where the registry is reachable, or audit a copy of this package-lock.json elsewhere and pass the ' +
        'report: `npm audit --omit=dev --json > audit.json` then `npm run doctor -- --audit-report audit.json`',
    };
  }
  const { high, critical } = audit.counts;
  const lower = audit.counts.info + audit.counts.low + audit.counts.moderate;
  return {
    ...base,
    ok: high + critical === 0,
    detail:
      high + critical === 0
        ? `none (${lower} low or moderate)`
        : `${critical} critical and ${high} high in ${audit.packages.join(', ') || 'production dependencies'}`,
    fix: 'See `npm audit --omit=dev`; upgrade the affected packages (`npm audit fix`, or a newer direct dependency)',
  };
}
