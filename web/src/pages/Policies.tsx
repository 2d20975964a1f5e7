import { useQuery } from '@tanstack/react-query';
import { get, type Policy } from '../api.ts';
import { Loading, ProblemMessage, usePolicyName } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';

export function PoliciesPage() {
  const { t, language } = useI18n();
  const policyName = usePolicyName();
  const policies = useQuery({
    queryKey: ['policies', language],
    queryFn: () => get<{ policies: Policy[] }>(`/policies?language=${language}`),
  });
  return (
    <>
      <h1 tabIndex={-1}>{t('policies.title')}</h1>
      <p>{t('policy.terms.summary')}</p>
      <p>{t('policy.privacy.summary')}</p>
      {policies.isPending && <Loading />}
      <ProblemMessage error={policies.error} />
      {policies.data?.policies.map((policy) => (
        <section className="card" key={policy.kind} aria-labelledby={`policy-${policy.kind}`}>
          <h2 id={`policy-${policy.kind}`}>
            {t('settings.policy_row', { kind: policyName(policy.kind), version: policy.version })}
          </h2>
          <p>{policy.summary}</p>
          <p>
            <a href={policy.url} target="_blank" rel="noreferrer">
              {policy.url}
            </a>
          </p>
        </section>
      ))}
    </>
  );
}
