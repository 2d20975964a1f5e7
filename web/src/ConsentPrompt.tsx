import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type ConsentStatus, get } from './api.ts';
import { Loading, ProblemMessage, usePolicyName } from './components.tsx';
import { useI18n } from './i18n/index.tsx';

/** Accept the current versions of every policy she has not accepted yet. */
export async function acceptCurrentPolicies(status: ConsentStatus): Promise<ConsentStatus> {
  const accept: Record<string, string> = {};
  for (const policy of status.policies) {
    if (!policy.accepted && (policy.kind === 'terms' || policy.kind === 'privacy'))
      accept[policy.kind] = policy.version;
  }
  return api<ConsentStatus>('PUT', '/me/consents', { accept });
}

/** Shown when the API answered 403 consent_required: the new terms must be accepted to go on. */
export function ConsentPrompt({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const policyName = usePolicyName();
  const queries = useQueryClient();
  const status = useQuery({ queryKey: ['consents'], queryFn: () => get<ConsentStatus>('/me/consents') });
  const [error, setError] = useState<unknown>(null);

  async function accept() {
    if (!status.data) return;
    try {
      await acceptCurrentPolicies(status.data);
      await queries.invalidateQueries();
      onDone();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section
      className="card consent"
      role="alertdialog"
      aria-labelledby="consent-title"
      aria-describedby="consent-body"
    >
      <h2 id="consent-title">{t('consent.title')}</h2>
      <p id="consent-body">{t('consent.body')}</p>
      {status.isPending && <Loading />}
      <ProblemMessage error={status.error ?? error} />
      {status.data && (
        <ul>
          {status.data.policies
            .filter((policy) => !policy.accepted)
            .map((policy) => (
              <li key={policy.kind}>
                <a href={policy.url} target="_blank" rel="noreferrer">
                  {t('settings.policy_row', { kind: policyName(policy.kind), version: policy.version })}
                </a>
              </li>
            ))}
        </ul>
      )}
      <button type="button" className="primary" onClick={() => void accept()} disabled={!status.data}>
        {t('consent.accept')}
      </button>
    </section>
  );
}
