import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, type ConsentStatus, get, type User } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { Loading, ProblemMessage } from '../components.tsx';
import { useConsentAge } from '../consent-age.ts';
import { useI18n } from '../i18n/index.tsx';
import { PhoneNumberForm, VerifyPhoneCard } from '../PhoneVerification.tsx';
import { USSD_CODE } from './Landing.tsx';

type GuardianCode = { code: string; expiresAt: string };

/** While she waits with a code made, her status is asked again this often. */
const WAITING_REFRESH_MS = 10_000;

/** "12345678" → "1234 5678": easier to read out. */
const spaced = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/** Step 1: her own number, proven (a guardian then agrees from a different one). */
function PhoneStep({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="step-phone">
      <h2 id="step-phone">{t('onboarding.step1_title')}</h2>
      {user.phone ? (
        <p className="notice">{t('onboarding.step1_done', { phone: user.phone })}</p>
      ) : (
        <>
          <p>{t('onboarding.step1_body')}</p>
          <VerifyPhoneCard />
          {user.pendingPhone === undefined && <PhoneNumberForm />}
        </>
      )}
    </section>
  );
}

/** Step 2: the one-time code her parent or guardian enters. */
function CodeStep({ user }: { user: User }) {
  const { t, dateTime } = useI18n();
  const [made, setMade] = useState<GuardianCode | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  async function make() {
    setError(null);
    setPending(true);
    try {
      setMade(await api<GuardianCode>('POST', '/me/guardian-code'));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  const ready = user.phone !== undefined;
  return (
    <section className="card" aria-labelledby="step-code">
      <h2 id="step-code">{t('onboarding.step2_title')}</h2>
      <p>{ready ? t('onboarding.step2_body') : t('onboarding.step2_wait')}</p>
      {made && (
        <div role="status">
          <p>{t('onboarding.code_label')}</p>
          <p className="ussd-code" data-guardian-code={made.code}>
            {spaced(made.code)}
          </p>
          <p>{t('onboarding.code_until', { when: dateTime(made.expiresAt) })}</p>
        </div>
      )}
      <ProblemMessage error={error} />
      <button
        type="button"
        className={made ? undefined : 'primary'}
        onClick={() => void make()}
        disabled={!ready || pending}
      >
        {made ? t('onboarding.make_new_code') : t('onboarding.make_code')}
      </button>
    </section>
  );
}

/** Step 3: what her parent or guardian does, on their own phone. */
function ParentStep() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="step-parent">
      <h2 id="step-parent">{t('onboarding.step3_title')}</h2>
      <p>{t('onboarding.step3_intro')}</p>
      <ol>
        <li>{t('onboarding.parent_1')}</li>
        <li>{t('onboarding.parent_2')}</li>
        <li>{t('onboarding.parent_3', { label: t('guardian.title') })}</li>
      </ol>
      <p>{t('onboarding.parent_ussd', { code: USSD_CODE })}</p>
      <p className="muted">{t('onboarding.no_sight')}</p>
    </section>
  );
}

/**
 * The steps to her parent's or guardian's agreement, for a young woman under the consent age:
 * where every refusal of hers ("a parent or guardian must agree") leads.
 */
export function ParentConsentPage() {
  const { t, dateTime } = useI18n();
  const { user } = useAuth();
  const age = useConsentAge();
  const status = useQuery({
    queryKey: ['consents'],
    queryFn: () => get<ConsentStatus>('/me/consents'),
    refetchInterval: (query) => (query.state.data?.guardian.required ? WAITING_REFRESH_MS : false),
  });
  if (!user) return null;
  const guardian = status.data?.guardian;

  return (
    <>
      <h1 tabIndex={-1}>{t('onboarding.title')}</h1>
      {status.isPending && <Loading />}
      <ProblemMessage error={status.error} />
      {guardian && !guardian.required && (
        <section className="card" aria-labelledby="consent-status">
          <h2 id="consent-status">{t('onboarding.status_title')}</h2>
          <p className="notice" role="status">
            {guardian.given && guardian.at
              ? t('onboarding.status_given', { date: dateTime(guardian.at) })
              : t('onboarding.not_needed')}
          </p>
          <p>
            <Link href="/home" className="button primary">
              {t('onboarding.go_home')}
            </Link>
          </p>
        </section>
      )}
      {guardian?.required && (
        <>
          <p>{t('onboarding.intro', { age })}</p>
          <PhoneStep user={user} />
          <CodeStep user={user} />
          <ParentStep />
          <section className="card" aria-labelledby="consent-status">
            <h2 id="consent-status">{t('onboarding.status_title')}</h2>
            <p role="status">{t('onboarding.status_waiting')}</p>
            <button type="button" onClick={() => void status.refetch()} disabled={status.isFetching}>
              {t('onboarding.status_check')}
            </button>
          </section>
        </>
      )}
    </>
  );
}
