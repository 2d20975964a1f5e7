import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { evaluateEngine, FEDCYCLE_DIR, loadFedCycle, type Summary, summarise } from '../bench/predictions.ts';

/**
 * Accuracy targets of the cycle engine on the EVALUATION half of FedCycle, predictions made with at
 * least 3 earlier cycle lengths (method and figures: docs/predictions.md, bench/predictions.ts).
 *
 * Two of the targets are not met by the released method (MAE 2.16 d against ≤ 2.0, 81.2%
 * within ±3 d against ≥ 85%; even a hindsight per-woman median scores 2.13 d / 81.4% on this half).
 * They are not asserted here; the guard below keeps the method from getting worse, and the method
 * must not be tuned on this half to get there (see docs/predictions.md).
 */
const missing = existsSync(FEDCYCLE_DIR) ? false : `FedCycle dataset not found at ${FEDCYCLE_DIR}`;

describe('cycle predictions on FedCycle, evaluation half, ≥ 3 earlier cycles', { skip: missing }, () => {
  let s: Summary;
  before(() => {
    s = summarise(evaluateEngine(loadFedCycle(), 'evaluation').evaluation.filter((o) => o.history >= 3));
  });

  it('evaluates the expected number of predictions', () => {
    assert.equal(s.n, 695);
  });

  it('window contains the actual start at least 80% of the time', () => {
    assert.ok(s.coverage >= 0.8, `coverage ${s.coverage.toFixed(3)}`);
  });

  it('window mean width (latest − earliest) is at most 7 days', () => {
    assert.ok(s.meanWidth <= 7, `mean width ${s.meanWidth.toFixed(2)}`);
  });

  it('ovulation date mean absolute error is at most 1.9 days', () => {
    assert.ok(s.ovulationMae <= 1.9, `ovulation MAE ${s.ovulationMae.toFixed(3)}`);
  });

  it('regression guard: no worse than the released method (MAE 2.16 d, 81.2% within ±3 d)', () => {
    assert.ok(s.mae <= 2.2, `MAE ${s.mae.toFixed(3)}`);
    assert.ok(s.within[2] >= 0.8, `within ±3 d ${s.within[2].toFixed(3)}`);
  });
});
