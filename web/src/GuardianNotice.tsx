import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { type ConsentStatus, get } from './api.ts';
import { useAuth } from './auth.tsx';
import { youngestAge } from './consent-age.ts';
import { useI18n } from './i18n/index.tsx';

/*
 * What her home page says about a parent or guardian: to a young woman whose account still waits
 * for their agreement, where to get it (nothing is kept until then); to a parent, where to help a
 * child who is locked out of her account.
 */

/**
 * Her consent status is asked for only when she may be young enough to need it: no consent age
 * above 18 is expected, and every refusal of hers links to the same steps anyway.
 */
const ASK_BELOW_AGE = 18;

function ConsentBanner() {
  const { t } = useI18n();
  const status = useQuery({ queryKey: ['consents'], queryFn: () => get<ConsentStatus>('/me/consents') });
  if (!status.data?.guardian.required) return null;
  return (
    <section className="card attention" aria-labelledby="parent-consent-banner">
      <h2 id="parent-consent-banner">{t('onboarding.banner_title')}</h2>
      <p>{t('onboarding.banner_body')}</p>
      <p>
        <Link href="/parent-consent" className="button primary">
          {t('onboarding.banner_link')}
        </Link>
      </p>
    </section>
  );
}

function ParentHelpCard() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="parent-help-title">
      <h2 id="parent-help-title">{t('onboarding.parent_help_title')}</h2>
      <p>{t('onboarding.parent_help_body')}</p>
      <p>
        <Link href="/guardian-recovery">{t('onboarding.parent_help_link')}</Link>
      </p>
    </section>
  );
}

export function GuardianNotice() {
  const { user } = useAuth();
  if (user?.role === 'parent') return <ParentHelpCard />;
  if (user?.role !== 'adolescent') return null;
  if (user.birthYear !== undefined && youngestAge(user.birthYear) >= ASK_BELOW_AGE) return null;
  return <ConsentBanner />;
}
