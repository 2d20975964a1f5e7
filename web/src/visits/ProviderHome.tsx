import { Link } from 'wouter';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ProviderStatusCard, useOwnProfile } from './ProviderStatus.tsx';

function ProviderLinks() {
  const { t } = useI18n();
  const profile = useOwnProfile();
  return (
    <>
      <ProviderStatusCard profile={profile.data} />
      <p>{t('provider.home')}</p>
      <section className="actions" aria-label={t('web.nav.label')}>
        <Link href="/provider" className="button primary">
          {t('provider.nav.day')}
        </Link>
        <Link href="/provider/availability" className="button">
          {t('provider.nav.hours')}
        </Link>
        <Link href="/provider/profile" className="button">
          {t('provider.nav.profile')}
        </Link>
      </section>
    </>
  );
}

/** The home of a health worker (status and pages) or of an administrator (the checks to do). */
export default function ProviderHome() {
  const { t } = useI18n();
  const { user } = useAuth();
  if (user?.role === 'admin')
    return (
      <p>
        <Link href="/admin/providers" className="button primary">
          {t('admin.providers_title')}
        </Link>
      </p>
    );
  return <ProviderLinks />;
}
