import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api.ts';
import { Notice, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';

/**
 * A parent or guardian approves the request their child started on her own phone, with the code
 * it shows her (decision 020). Approving gives no sight of her account: she then chooses her new
 * PIN or password on that phone.
 */
export function GuardianRecoveryPage() {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const code = String(new FormData(formElement).get('code') ?? '').replace(/\s+/g, '');
    setError(null);
    setDone(false);
    setPending(true);
    try {
      await api('POST', '/guardian/recovery-approvals', { code });
      setDone(true);
      formElement.reset();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('onboarding.parent_help_link')}</h1>
      <p>{t('onboarding.approve_intro')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby="approve-title">
        <h2 id="approve-title" className="visually-hidden">
          {t('onboarding.parent_help_link')}
        </h2>
        <div className="field">
          <label htmlFor="approve-code">{t('onboarding.approve_label')}</label>
          <input
            id="approve-code"
            name="code"
            inputMode="numeric"
            autoComplete="off"
            maxLength={9}
            required
          />
        </div>
        <ProblemMessage error={error} codes={{ not_found: 'onboarding.approve_not_valid' }} />
        {done && <Notice>{t('onboarding.approve_done')}</Notice>}
        <button type="submit" className="primary" disabled={pending}>
          {t('onboarding.approve_submit')}
        </button>
      </form>
      <p>
        <Link href="/home">{t('web.nav.home')}</Link>
      </p>
    </>
  );
}
