import type { Stats } from '../api.ts';
import { type Key, useI18n } from '../i18n/index.tsx';
import { axisFor, compareWithUsual, type UsualRange, usualRange } from './usual-range.ts';
import './history.css';

/** The chart keeps to the latest cycles so each point stays readable on a 320 px phone. */
const CHART_CYCLES = 12;
const WIDTH = 320;
const HEIGHT = 200;
const PAD = { left: 30, right: 12, top: 24, bottom: 28 };

/** A diamond, the mark of a cycle unlike her usual ones (shape, not only colour, tells it apart). */
function Diamond({ x, y, r }: { x: number; y: number; r: number }) {
  return (
    <path className="point unusual" d={`M${x} ${y - r} L${x + r} ${y} L${x} ${y + r} L${x - r} ${y} Z`} />
  );
}

function Chart({
  cycles,
  range,
  label,
}: {
  cycles: Stats['cycles'];
  range: UsualRange | null;
  label: string;
}) {
  const { t, date } = useI18n();
  const lengths = cycles.map((c) => c.length);
  const axis = axisFor(lengths, range);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (days: number) => PAD.top + plotH - ((days - axis.min) / (axis.max - axis.min)) * plotH;
  const slot = plotW / cycles.length;
  const x = (i: number) => PAD.left + slot * (i + 0.5);
  const ticks: number[] = [];
  for (let v = axis.min; v <= axis.max; v += axis.step) ticks.push(v);
  const first = cycles[0];
  const last = cycles.at(-1);
  return (
    <svg
      className="cycle-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby="cycle-chart-title"
      focusable="false"
    >
      <title id="cycle-chart-title">{label}</title>
      <text className="axis-unit" x={2} y={12}>
        {t('history.days_axis')}
      </text>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
          <text className="tick" x={PAD.left - 4} y={y(tick) + 4} textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
      {range && (
        <rect
          className="usual-band"
          x={PAD.left}
          width={plotW}
          y={y(range.high)}
          height={Math.max(2, y(range.low) - y(range.high))}
        />
      )}
      {cycles.length > 1 && (
        <polyline className="trend" points={cycles.map((c, i) => `${x(i)},${y(c.length)}`).join(' ')} />
      )}
      {cycles.map((cycle, i) => {
        const unusual = compareWithUsual(cycle.length, range) !== 'usual';
        return (
          <g key={cycle.start}>
            {unusual ? (
              <Diamond x={x(i)} y={y(cycle.length)} r={7} />
            ) : (
              <circle className="point" cx={x(i)} cy={y(cycle.length)} r={5} />
            )}
            <text className="value" x={x(i)} y={y(cycle.length) - 10} textAnchor="middle">
              {cycle.length}
            </text>
          </g>
        );
      })}
      {first && (
        <text className="tick" x={PAD.left} y={HEIGHT - 8} textAnchor="start">
          {date(first.start)}
        </text>
      )}
      {last && last !== first && (
        <text className="tick" x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end">
          {date(last.start)}
        </text>
      )}
    </svg>
  );
}

const NOTE_KEYS: Record<'shorter' | 'usual' | 'longer', Key> = {
  shorter: 'history.shorter',
  usual: 'history.in_range',
  longer: 'history.longer',
};

/**
 * Her cycle lengths as an inline SVG chart (no chart library) with her usual range shaded and
 * unusual cycles marked, and the same numbers as a table: the chart's text equivalent.
 */
export function CycleHistory({ stats }: { stats: Stats }) {
  const { t, tn, date } = useI18n();
  const range = usualRange(stats.averageCycleLength, stats.cycleLengthVariability);
  const recent = stats.cycles.slice(-CHART_CYCLES);
  const anyUnusual = recent.some((c) => compareWithUsual(c.length, range) !== 'usual');
  return (
    <div className="cycle-history">
      <Chart cycles={recent} range={range} label={tn('history.chart_label', recent.length)} />
      <ul className="chart-legend">
        {range && (
          <li>
            <span className="legend-band" aria-hidden="true" />
            {tn('history.usual', range.high, { low: range.low })}
          </li>
        )}
        {anyUnusual && (
          <li>
            <svg className="legend-mark" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <Diamond x={8} y={8} r={7} />
            </svg>
            {t('history.unusual_legend')}
          </li>
        )}
      </ul>
      {stats.cycles.length > recent.length && (
        <p className="hint">{tn('history.recent_only', recent.length)}</p>
      )}
      <table className="cycle-table">
        <caption>{t('history.table_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.col_start')}</th>
            <th scope="col">{t('history.col_length')}</th>
            <th scope="col">{t('history.col_note')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.cycles.map((cycle) => {
            const comparison = compareWithUsual(cycle.length, range);
            return (
              <tr key={cycle.start} className={comparison === 'usual' ? undefined : 'unusual'}>
                <th scope="row">{date(cycle.start, { year: true })}</th>
                <td>{tn('web.days', cycle.length)}</td>
                <td>{t(NOTE_KEYS[comparison])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
