import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssMb, startServerProcess, stopServer } from '../test/support/server-process.ts';

// npm run bench:startup — cold and warm start of `npm start` on the embedded database, and idle RSS.
const runs = Number(process.argv[2] ?? 5);
const dataDir = mkdtempSync(join(tmpdir(), 'le-bench-start-'));
const cold = await startServerProcess({ DATA_DIR: dataDir });
console.log(`cold start (creates the database): ${cold.readyMs.toFixed(0)} ms`);
await stopServer(cold);
const ready: number[] = [];
const rss: number[] = [];
for (let i = 0; i < runs; i++) {
  const warm = await startServerProcess({ DATA_DIR: dataDir });
  ready.push(warm.readyMs);
  await new Promise((r) => setTimeout(r, 1000));
  rss.push(rssMb(warm.child.pid ?? 0));
  await stopServer(warm);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
console.log(
  `warm start to ready, ${runs} runs: median ${median(ready).toFixed(0)} ms, max ${Math.max(...ready).toFixed(0)} ms`,
);
console.log(
  `idle RSS 1 s after ready: median ${median(rss).toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB`,
);
// The budgets: figures here, not timed assertions in `npm test` (a loaded machine is not a bug).
const withinBudget = median(ready) < 3000 && median(rss) < 250;
console.log(
  withinBudget
    ? 'within budget (warm start < 3 s, idle RSS < 250 MB)'
    : 'OVER BUDGET (warm start < 3 s, idle RSS < 250 MB)',
);
process.exitCode = withinBudget ? 0 : 1;
