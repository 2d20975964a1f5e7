import { useQuery } from '@tanstack/react-query';
import { get, type Stats } from '../api.ts';
import { Loading, ProblemMessage } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';

function round(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

function CycleChart({ cycles }: { cycles: Stats['cycles'] }) {
  const { t, date } = useI18n();
  const longest = Math.max(45, ...cycles.map((cycle) => cycle.length));
  return (
    <ul className="bars" aria-label={t('stats.cycles')}>
      {cycles.map((cycle) => {
        const label = t('stats.cycle_row', {
          date: `${date(cycle.start)} ${cycle.start.slice(0, 4)}`,
          n: cycle.length,
        });
        const unusual = cycle.length < 21 || cycle.length > 45;
        return (
          <li key={cycle.start}>
            <span className="bar-label">{date(cycle.start)}</span>
            <span className="bar-track" aria-hidden="true">
              <span
                className={unusual ? 'bar unusual' : 'bar'}
                style={{ width: `${(cycle.length / longest) * 100}%` }}
              />
            </span>
            <span className="bar-value">
              <span className="visually-hidden">{label}</span>
              <span aria-hidden="true">{cycle.length}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function StatsPage() {
  const { t } = useI18n();
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
                <CycleChart cycles={data.cycles} />
                <dl className="facts">
                  {data.averageCycleLength !== null && (
                    <div>
                      <dt>{t('stats.average', { n: round(data.averageCycleLength) })}</dt>
                    </div>
                  )}
                  {data.cycleLengthVariability !== null && (
                    <div>
                      <dt>{t('stats.variability', { n: round(data.cycleLengthVariability) })}</dt>
                    </div>
                  )}
                  {data.averagePeriodLength !== null && (
                    <div>
                      <dt>{t('stats.period_average', { n: round(data.averagePeriodLength) })}</dt>
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
              <ul className="bars">
                {data.symptomFrequencies.map((item) => (
                  <li key={item.symptom}>
                    <span className="bar-label">{t(`symptom.${item.symptom}` as Key)}</span>
                    <span className="bar-track" aria-hidden="true">
                      <span className="bar symptom" style={{ width: `${Math.round(item.share * 100)}%` }} />
                    </span>
                    <span className="bar-value">
                      <span className="visually-hidden">
                        {t('stats.symptom_row', {
                          symptom: t(`symptom.${item.symptom}` as Key),
                          days: item.days,
                          total: data.loggedDays,
                        })}
                      </span>
                      <span aria-hidden="true">{Math.round(item.share * 100)}%</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
