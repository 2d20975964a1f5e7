import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { Loading, Notice, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ProfileFields, profileOf } from './ProfileFields.tsx';
import { ProviderStatusCard, useOwnProfile } from './ProviderStatus.tsx';
import type { OwnProfile } from './types.ts';
import './visits.css';

/** /provider/profile — the directory entry: name, facility, district, languages, services. */
export function ProviderProfilePage() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const profile = useOwnProfile();
  const [error, setError] = useState<unknown>(null);
  const [empty, setEmpty] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = profileOf(form);
    setError(null);
    setSaved(false);
    setEmpty(fields === null);
    if (!fields) return;
    try {
      const body = { displayName: String(form.get('displayName') ?? '').trim(), ...fields };
      queries.setQueryData(['provider-me'], await api<OwnProfile>('PUT', '/providers/me', body));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('provider.profile_title')}</h1>
      {profile.isPending && <Loading />}
      <ProblemMessage error={profile.error} />
      <ProviderStatusCard profile={profile.data} />
      {profile.data && (
        <form
          className="form"
          onSubmit={(event) => void submit(event)}
          aria-label={t('provider.profile_title')}
        >
          <div className="field">
            <label htmlFor="profile-name">{t('provider.display_name')}</label>
            <input
              id="profile-name"
              name="displayName"
              required
              maxLength={100}
              defaultValue={profile.data.displayName}
            />
          </div>
          <ProfileFields idPrefix="profile" profile={profile.data} />
          {empty && (
            <p className="problem" role="alert">
              {t('provider.pick_one')}
            </p>
          )}
          <ProblemMessage error={error} />
          {saved && <Notice>{t('provider.profile_saved')}</Notice>}
          <button type="submit" className="primary">
            {t('web.save')}
          </button>
        </form>
      )}
    </>
  );
}
