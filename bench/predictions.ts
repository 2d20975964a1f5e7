import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, daysBetween, predictCycle } from '../src/modules/cycles/engine/index.ts';
import type { IsoDate, PeriodInput } from '../src/modules/cycles/engine/types.ts';

/**
 * npm run bench:predictions — accuracy of the cycle engine on real cycles (FedCycle), following
 * ../shared/datasets/fedcycle/README.md exactly: synthetic dates from each woman's cycle lengths,
 * one prediction after each logged period, development / evaluation halves by sorted ClientID.
 * `--half=development` runs only the development half (used while tuning; see docs/predictions.md).
 */

export const FEDCYCLE_DIR = join(import.meta.dirname, '..', '..', 'shared', 'datasets', 'fedcycle');
const CSV_FILE = 'FedCycleData071012.csv';
const FIRST_START: IsoDate = '2000-01-01';

export type CycleRow = { length: number; menses: number | null; ovulationDay: number | null };
export type Half = 'development' | 'evaluation';

/** One prediction: signed error (predicted − actual start), window, and ovulation error when known. */
export type Outcome = {
  history: number;
  error: number;
  inWindow: boolean;
  width: number;
  ovulationError: number | null;
};

/** Minimal RFC 4180 line splitter: a few free-text columns hold quoted commas. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Like Python's int(): an integer, surrounding spaces allowed; anything else (a lone space) is missing. */
function parseInteger(value: string | undefined): number | null {
  return value !== undefined && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : null;
}

/** Cycles per woman in file order; rows without a cycle length are skipped as in baseline_eval.py. */
export function loadFedCycle(dir = FEDCYCLE_DIR): Map<string, CycleRow[]> {
  const text = readFileSync(join(dir, CSV_FILE), 'utf8').replace(/^\uFEFF/, '');
  const [header = '', ...lines] = text.split(/\r?\n/).filter((l) => l.length > 0);
  const columns = splitCsvLine(header);
  const col = (name: string) => columns.indexOf(name);
  const [id, length, menses, ovulation] = [
    'ClientID',
    'LengthofCycle',
    'LengthofMenses',
    'EstimatedDayofOvulation',
  ].map(col);
  const women = new Map<string, CycleRow[]>();
  for (const line of lines) {
    const f = splitCsvLine(line);
    const client = (f[id ?? -1] ?? '').trim();
    const rows = women.get(client) ?? [];
    women.set(client, rows);
    const cycleLength = parseInteger(f[length ?? -1]);
    // baseline_eval.py keeps `if x[1]`: missing and zero lengths are both dropped.
    if (!cycleLength) continue;
    const ovulationDay = parseInteger(f[ovulation ?? -1]);
    rows.push({
      length: cycleLength,
      menses: parseInteger(f[menses ?? -1]),
      ovulationDay: ovulationDay || null,
    });
  }
  return women;
}

/** Sorted as strings; even positions are the development half, odd the evaluation half. */
export function halfOf(ids: Iterable<string>): Map<string, Half> {
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(sorted.map((c, i) => [c, i % 2 === 0 ? 'development' : 'evaluation']));
}

function periodsOf(rows: readonly CycleRow[]): { periods: PeriodInput[]; starts: IsoDate[] } {
  const starts: IsoDate[] = [FIRST_START];
  for (const row of rows) starts.push(addDays(starts.at(-1) ?? FIRST_START, row.length));
  const periods = rows.map((row, k) => {
    const start = starts[k] ?? FIRST_START;
    return { start, end: row.menses ? addDays(start, row.menses - 1) : null };
  });
  return { periods, starts };
}

/**
 * Secondary figure (not a README target): in the middle of a cycle whose ovulation is already known
 * (e.g. confirmed by her temperature), predict the next start 3 days after that ovulation.
 */
export function evaluateKnownOvulation(rows: readonly CycleRow[]): Outcome[] {
  const { periods, starts } = periodsOf(rows);
  const outcomes: Outcome[] = [];
  for (let i = 1; i <= rows.length; i++) {
    const start = starts[i - 1] ?? FIRST_START;
    const day = rows[i - 1]?.ovulationDay;
    const actual = starts[i] ?? FIRST_START;
    if (!day || daysBetween(addDays(start, day + 3), actual) <= 0) continue;
    const knownOvulations = rows
      .slice(0, i)
      .flatMap((row, k) => (row.ovulationDay ? [addDays(starts[k] ?? FIRST_START, row.ovulationDay)] : []));
    const today = addDays(start, day + 3);
    const next = predictCycle({ periods: periods.slice(0, i), days: [], today, knownOvulations }).nextPeriod;
    if (!next) continue;
    outcomes.push({
      history: i - 1,
      error: daysBetween(actual, next.start),
      inWindow: next.earliest <= actual && actual <= next.latest,
      width: daysBetween(next.earliest, next.latest),
      ovulationError: null,
    });
  }
  return outcomes;
}

/** Walk one woman's history: after her i-th period, predict the (i+1)-th start. */
export function evaluateWoman(rows: readonly CycleRow[]): Outcome[] {
  const { periods, starts } = periodsOf(rows);
  const outcomes: Outcome[] = [];
  for (let i = 1; i <= rows.length; i++) {
    const today = starts[i - 1] ?? FIRST_START;
    const actual = starts[i] ?? FIRST_START;
    // Only ovulations of cycles that are already over: cycle k ends when period k+1 starts.
    const knownOvulations = rows
      .slice(0, i - 1)
      .flatMap((row, k) => (row.ovulationDay ? [addDays(starts[k] ?? FIRST_START, row.ovulationDay)] : []));
    const prediction = predictCycle({ periods: periods.slice(0, i), days: [], today, knownOvulations });
    const next = prediction.nextPeriod;
    if (!next) throw new Error('a logged period must give a prediction');
    const ovulationDay = rows[i - 1]?.ovulationDay;
    const ovulation = prediction.ovulation?.date;
    outcomes.push({
      history: i - 1,
      error: daysBetween(actual, next.start),
      inWindow: next.earliest <= actual && actual <= next.latest,
      width: daysBetween(next.earliest, next.latest),
      ovulationError: ovulationDay && ovulation ? daysBetween(addDays(today, ovulationDay), ovulation) : null,
    });
  }
  return outcomes;
}

export type Summary = {
  n: number;
  mae: number;
  bias: number;
  within: [number, number, number];
  coverage: number;
  meanWidth: number;
  ovulationN: number;
  ovulationMae: number;
};

const average = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);

export function summarise(outcomes: readonly Outcome[]): Summary {
  const abs = outcomes.map((o) => Math.abs(o.error));
  const share = (limit: number) => abs.filter((e) => e <= limit).length / Math.max(abs.length, 1);
  const ovulation = outcomes.flatMap((o) => (o.ovulationError === null ? [] : [Math.abs(o.ovulationError)]));
  return {
    n: outcomes.length,
    mae: average(abs),
    bias: average(outcomes.map((o) => o.error)),
    within: [share(1), share(2), share(3)],
    coverage: outcomes.filter((o) => o.inWindow).length / Math.max(outcomes.length, 1),
    meanWidth: average(outcomes.map((o) => o.width)),
    ovulationN: ovulation.length,
    ovulationMae: average(ovulation),
  };
}

/** The engine's outcomes per half. */
export function evaluateEngine(
  women = loadFedCycle(),
  only?: Half,
  evaluate: (rows: readonly CycleRow[]) => Outcome[] = evaluateWoman,
): Record<Half, Outcome[]> {
  const halves = halfOf(women.keys());
  const result: Record<Half, Outcome[]> = { development: [], evaluation: [] };
  for (const [client, rows] of women) {
    const half = halves.get(client);
    if (half && (only === undefined || only === half)) result[half].push(...evaluate(rows));
  }
  return result;
}

// --- README baselines, recomputed the way baseline_eval.py does (Python rounds half to even). ---

function pythonRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (Math.abs(diff - 0.5) > 1e-9) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

const BASELINES: [string, (h: number[]) => number][] = [
  ['always 28 days', () => 28],
  ['last cycle length', (h) => h.at(-1) ?? 28],
  ['mean of the last 6', (h) => pythonRound(average(h.slice(-6)))],
  [
    'mean of last 12 pulled to 28',
    (h) => pythonRound((h.slice(-12).reduce((a, b) => a + b, 0) + 84) / (h.slice(-12).length + 3)),
  ],
];

function baselineErrors(women: Map<string, CycleRow[]>, ids: Set<string>, minHistory: number) {
  const errors = BASELINES.map(() => [] as number[]);
  const ovulation = { minus14: [] as number[], ownLuteal: [] as number[] };
  for (const [client, rows] of women) {
    if (!ids.has(client)) continue;
    for (let i = minHistory; i < rows.length; i++) {
      const history = rows.slice(0, i).map((r) => r.length);
      const actual = rows[i];
      if (!actual) continue;
      BASELINES.forEach(([, f], b) => {
        errors[b]?.push(Math.abs(f(history) - actual.length));
      });
      if (!actual.ovulationDay) continue;
      const p = pythonRound(average(history.slice(-6)));
      ovulation.minus14.push(Math.abs(p - 14 - actual.ovulationDay));
      const luteal = rows.slice(0, i).flatMap((r) => (r.ovulationDay ? [r.length - r.ovulationDay] : []));
      if (luteal.length > 0)
        ovulation.ownLuteal.push(Math.abs(p - pythonRound(average(luteal.slice(-6))) - actual.ovulationDay));
    }
  }
  return { errors, ovulation };
}

// --- Report ---

const README = ['2.78 / 74%', '2.79 / 73%', '2.11 / 81%', '2.08 / 84%'];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function printEngine(label: string, outcomes: readonly Outcome[]) {
  for (const min of [3, 1]) {
    const s = summarise(outcomes.filter((o) => o.history >= min));
    console.log(
      `${label} ≥${min} cycles  n=${s.n}  MAE ${s.mae.toFixed(2)} d (bias ${s.bias.toFixed(2)})  ` +
        `±1 ${pct(s.within[0])}  ±2 ${pct(s.within[1])}  ±3 ${pct(s.within[2])}  ` +
        `window coverage ${pct(s.coverage)}, mean width ${s.meanWidth.toFixed(2)} d (latest − earliest; ` +
        `${(s.meanWidth + 1).toFixed(2)} calendar days)  ovulation MAE ${s.ovulationMae.toFixed(2)} d (n=${s.ovulationN})`,
    );
  }
}

function printBaselines(label: string, women: Map<string, CycleRow[]>, ids: Set<string>) {
  for (const min of [3, 1]) {
    const { errors, ovulation } = baselineErrors(women, ids, min);
    const parts = BASELINES.map(([name], b) => {
      const e = errors[b] ?? [];
      return `${name}: ${average(e).toFixed(2)} / ${pct(e.filter((x) => x <= 3).length / e.length)}`;
    });
    console.log(
      `  baselines ${label} ≥${min} (n=${errors[0]?.length}; MAE / within ±3): ${parts.join('; ')}`,
    );
    console.log(
      `    ovulation: length − 14 ${average(ovulation.minus14).toFixed(2)} d; ` +
        `length − own mean luteal ${average(ovulation.ownLuteal).toFixed(2)} d (n=${ovulation.ownLuteal.length})`,
    );
  }
}

function main() {
  if (!existsSync(FEDCYCLE_DIR)) {
    console.log(`FedCycle not found at ${FEDCYCLE_DIR}; nothing to measure.`);
    return;
  }
  const only = process.argv.includes('--half=development') ? 'development' : undefined;
  const women = loadFedCycle();
  const halves = halfOf(women.keys());
  const outcomes = evaluateEngine(women, only);
  const midCycle = evaluateEngine(women, only, evaluateKnownOvulation);
  console.log(
    `FedCycle: ${women.size} women; README baselines on all women ≥3 (MAE / ±3): ${README.join(', ')}`,
  );
  console.log('Ovulation baselines in README (all women, ≥1): length − 14 2.30 d; own luteal 1.85 d');
  for (const half of ['development', 'evaluation'] as const) {
    if (only && half !== only) continue;
    const ids = new Set([...halves].filter(([, h]) => h === half).map(([c]) => c));
    console.log(`\n== ${half} half: ${ids.size} women ==`);
    printEngine('engine', outcomes[half]);
    printBaselines(half, women, ids);
    const s = summarise(midCycle[half]);
    console.log(
      `  secondary: this cycle's ovulation known, 3 days after it (n=${s.n}): MAE ${s.mae.toFixed(2)} d, ` +
        `±2 ${pct(s.within[1])}, window coverage ${pct(s.coverage)}, mean width ${s.meanWidth.toFixed(2)} d`,
    );
  }
  if (!only) {
    console.log('\n== all women (to check the recomputed baselines against the README) ==');
    printBaselines('all', women, new Set(women.keys()));
  }
}

if (import.meta.main) main();
