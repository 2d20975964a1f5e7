import { useQuery } from '@tanstack/react-query';
import { get, type Stats } from '../api.ts';
import { Loading, ProblemMessage } from '../components.tsx';
import { CycleHistory } from '../history/CycleHistory.tsx';
import { SymptomCounts } from '../history/SymptomCounts.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function StatsPage() {
  const { t, tn } = useI18n();
  const stats = useQuery({ queryKey: ['stats'], queryFn: () => get<Stats>('/cycles/stats') });
  const data = stats.data;
  return (
    <>
      <h1 tabIndex={-1}>{t('stats.title')}</h1>
      {stats.isPending && <Loading />}
      <ProblemMessage error={stats.error} />
      {data && (
        <>
          <section className="card" aria-labelledby="cycles-title">
            <h2 id="cycles-title">{t('stats.cycles')}</h2>
            {data.cycles.length === 0 ? (
              <p>{t('stats.no_cycles')}</p>
            ) : (
              <>
                <CycleHistory stats={data} />
                <dl className="facts">
                  {data.averageCycleLength !== null && (
                    <div>
                      <dt>{tn('stats.average', round(data.averageCycleLength))}</dt>
                    </div>
                  )}
                  {data.cycleLengthVariability !== null && (
                    <div>
                      <dt>{tn('stats.variability', round(data.cycleLengthVariability))}</dt>
                    </div>
                  )}
                  {data.averagePeriodLength !== null && (
                    <div>
                      <dt>{tn('stats.period_average', round(data.averagePeriodLength))}</dt>
                    </div>
                  )}
                </dl>
              </>
            )}
          </section>
          <section className="card" aria-labelledby="flags-title">
            <h2 id="flags-title">{t('stats.flags')}</h2>
            {data.flags.length === 0 ? (
              <p>{t('stats.no_flags')}</p>
            ) : (
              <ul className="list">
                {data.flags.map((flag) => (
                  <li key={flag.code} className={flag.seeProvider ? 'flag provider' : 'flag'}>
                    <strong>{t(`flag.${flag.code}` as Key)}</strong>
                    <p>{flag.message}</p>
                    {flag.seeProvider && <p className="see-provider">{t('stats.see_provider')}</p>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="symptoms-title">
            <h2 id="symptoms-title">{t('stats.symptoms')}</h2>
            {data.symptomFrequencies.length === 0 ? (
              <p>{t('stats.no_symptoms')}</p>
            ) : (
              <SymptomCounts stats={data} />
            )}
          </section>
        </>
      )}
    </>
  );
}
