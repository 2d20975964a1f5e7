import { Link } from 'wouter';
import { ConsentSteps } from '../ConsentSteps.tsx';
import { useConsentAge } from '../consent-age.ts';
import { LANGUAGE_NAMES, LANGUAGES, useI18n } from '../i18n/index.tsx';

export const USSD_CODE = '*123#';

export function LandingPage() {
  const { t } = useI18n();
  const age = useConsentAge();
  return (
    <>
      <section className="hero" aria-labelledby="landing-title">
        <h1 id="landing-title" tabIndex={-1}>
          {t('landing.title')}
        </h1>
        <p>{t('landing.intro')}</p>
        <p className="row">
          <Link href="/register" className="button primary">
            {t('landing.start')}
          </Link>
          <Link href="/signin" className="button">
            {t('landing.have_account')}
          </Link>
        </p>
      </section>
      <section className="card" aria-labelledby="under-age-title">
        <h2 id="under-age-title">{t('onboarding.landing_title', { age })}</h2>
        <p>{t('onboarding.landing_body', { age })}</p>
        <ConsentSteps />
      </section>
      <section className="card" aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('landing.privacy_title')}</h2>
        <p>{t('landing.privacy_body')}</p>
        <p>
          <Link href="/policies">{t('policies.title')}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="ussd-title">
        <h2 id="ussd-title">{t('landing.ussd_title')}</h2>
        <p>{t('landing.ussd_body', { code: USSD_CODE })}</p>
        <p className="ussd-code" aria-hidden="true">
          {USSD_CODE}
        </p>
        <p>
          <Link href="/ussd-simulator">{t('web.nav.ussd')}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="lang-title">
        <h2 id="lang-title">{t('landing.lang_title')}</h2>
        <p>{t('landing.lang_body')}</p>
        <ul className="inline">
          {LANGUAGES.map((code) => (
            <li key={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link href="/how-predictions-work">{t('landing.how')}</Link>
      </p>
    </>
  );
}
