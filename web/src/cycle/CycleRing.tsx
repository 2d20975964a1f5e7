import type { Period, Prediction } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { arcPath, pointAt, ringShape } from './ring.ts';
import './cycle.css';

const RADIUS = 80;

type Part = 'period' | 'fertile' | 'next' | 'today';

/** The mark a legend line shares with the ring, so colour is never the only cue. */
function Swatch({ part }: { part: Part }) {
  return (
    <svg
      className="ring-swatch"
      viewBox="0 0 24 12"
      width="24"
      height="12"
      aria-hidden="true"
      focusable="false"
    >
      {part === 'today' ? (
        <circle className="ring-today" cx="12" cy="6" r="5" />
      ) : (
        <line className={`ring-${part}`} x1="1" y1="6" x2="23" y2="6" />
      )}
    </svg>
  );
}

/**
 * Her cycle as a ring drawn in inline SVG: day 1 at the top, her period, the fertile days, the
 * window in which the next period is likely (a window, never one day) and today. The list beside
 * it says the same in words: it is what a screen reader reads, and what anyone can check.
 */
export function CycleRing({ prediction, periods }: { prediction: Prediction; periods: readonly Period[] }) {
  const { t, date } = useI18n();
  const shape = ringShape(prediction, periods);
  if (!shape || !prediction.phase || !prediction.nextPeriod) return null;
  const { days } = shape;
  const late = prediction.phase.name === 'late';
  const { earliest, latest } = prediction.nextPeriod;
  const fertile = prediction.fertileWindow;
  const [todayX, todayY] = pointAt(shape.today + 0.5, days, RADIUS);

  return (
    <figure className="cycle-ring">
      <svg
        viewBox="0 0 200 200"
        role="img"
        aria-label={t('cycle.ring.label')}
        aria-describedby="cycle-ring-legend"
        focusable="false"
      >
        <circle className="ring-track" cx="100" cy="100" r={RADIUS} />
        {shape.fertile && <path className="ring-fertile" d={arcPath(shape.fertile, days, RADIUS)} />}
        {shape.next && <path className="ring-next" d={arcPath(shape.next, days, RADIUS)} />}
        {shape.period && <path className="ring-period" d={arcPath(shape.period, days, RADIUS)} />}
        <circle className="ring-today" cx={todayX} cy={todayY} r="9" />
        <text className="ring-day-word" x="100" y="86" textAnchor="middle">
          {t('cycle.ring.day')}
        </text>
        <text className="ring-day" x="100" y="124" textAnchor="middle">
          {prediction.phase.cycleDay}
        </text>
      </svg>
      <ul id="cycle-ring-legend" className="ring-legend">
        <li>
          <Swatch part="today" /> {t('home.cycle_day', { day: prediction.phase.cycleDay })}
        </li>
        {shape.period && (
          <li>
            <Swatch part="period" />{' '}
            {shape.period.end
              ? t('cycle.ring.period', { start: date(shape.period.start), end: date(shape.period.end) })
              : t(shape.period.ongoing ? 'cycle.ring.period_open' : 'cycle.ring.period_no_end', {
                  start: date(shape.period.start),
                })}
          </li>
        )}
        {fertile && shape.fertile && !late && (
          <li>
            <Swatch part="fertile" />{' '}
            {t('cycle.ring.fertile', { start: date(fertile.start), end: date(fertile.end) })}
          </li>
        )}
        <li>
          <Swatch part="next" />{' '}
          {t(late ? 'cycle.ring.next_late' : 'cycle.ring.next', {
            earliest: date(earliest),
            latest: date(latest),
          })}
        </li>
      </ul>
    </figure>
  );
}
