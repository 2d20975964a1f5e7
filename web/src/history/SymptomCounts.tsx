import { type Stats, SYMPTOMS } from '../api.ts';
import { type Key, useI18n } from '../i18n/index.tsx';
import './history.css';

const LISTED: readonly string[] = SYMPTOMS;

/**
 * How often each symptom came back, in cycles: "1 of 1 cycle" says how little is known where a
 * share of days ("100%") would read as "always". Her own words are shown as she wrote them.
 */
export function SymptomCounts({ stats }: { stats: Stats }) {
  const { t, tn } = useI18n();
  const total = stats.loggedCycles;
  const items = [...stats.symptomFrequencies].sort(
    (a, b) => b.inCycles - a.inCycles || b.days - a.days || a.symptom.localeCompare(b.symptom),
  );
  return (
    <>
      <p className="hint">{t('history.symptoms_hint')}</p>
      <ul className="symptom-counts">
        {items.map((item) => (
          <li key={item.symptom}>
            <span className="symptom-name">
              {LISTED.includes(item.symptom) ? t(`symptom.${item.symptom}` as Key) : item.symptom}
            </span>
            <span className="symptom-count">
              {tn('history.symptom_cycles', total, { count: item.inCycles, total })}
            </span>
            <span className="bar-track" aria-hidden="true">
              <span
                className="bar symptom"
                style={{ width: `${total ? (item.inCycles / total) * 100 : 0}%` }}
              />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
