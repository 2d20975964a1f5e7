import { useQuery } from '@tanstack/react-query';
import { get } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import type { OwnProfile } from './types.ts';

export function useOwnProfile() {
  return useQuery({
    queryKey: ['provider-me'],
    queryFn: () => get<OwnProfile>('/providers/me'),
    staleTime: 0,
  });
}

/**
 * A health worker not yet verified (or no longer): what it means and what to do. Nothing shows
 * for a verified one.
 */
export function ProviderStatusCard({ profile }: { profile: OwnProfile | undefined }) {
  const { t } = useI18n();
  if (!profile || profile.status === 'verified') return null;
  const body = {
    pending: t('provider.pending_body'),
    rejected: t('provider.rejected_body'),
    suspended: t('provider.suspended_body'),
  }[profile.status];
  return (
    <section
      className="card attention"
      aria-labelledby="provider-status"
      data-provider-status={profile.status}
    >
      <h2 id="provider-status">{t(`provider.status.${profile.status}`)}</h2>
      <p>{body}</p>
      {profile.reviewNote && <p>{t('provider.review_note', { note: profile.reviewNote })}</p>}
    </section>
  );
}
