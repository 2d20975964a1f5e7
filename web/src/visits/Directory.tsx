import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { get } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { Loading, ProblemMessage } from '../components.tsx';
import { LANGUAGE_NAMES, LANGUAGES, useI18n } from '../i18n/index.tsx';
import { DISTRICTS, PROVIDER_SERVICES } from './districts.ts';
import { useNameOf } from './names.ts';
import { ProviderFacts } from './ProviderFacts.tsx';
import type { Provider } from './types.ts';
import './visits.css';

type Filter = { district: string; language: string; service: string };

function query(filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.district) params.set('district', filter.district);
  if (filter.language) params.set('language', filter.language);
  if (filter.service) params.set('service', filter.service);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** /providers — verified health workers, by district and language; each leads to free times. */
export function DirectoryPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const nameOf = useNameOf();
  const [filter, setFilter] = useState<Filter>({ district: '', language: '', service: '' });
  const providers = useQuery({
    queryKey: ['providers', filter],
    queryFn: () => get<{ providers: Provider[] }>(`/providers${query(filter)}`),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    setFilter({ district: value('district'), language: value('language'), service: value('service') });
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('visit.dir_title')}</h1>
      <p>{t('visit.dir_intro')}</p>
      <form className="form filter" onSubmit={submit} aria-label={t('visit.search')}>
        <div className="field">
          <label htmlFor="filter-district">{t('visit.district')}</label>
          <select id="filter-district" name="district" defaultValue={filter.district}>
            <option value="">{t('visit.any')}</option>
            {DISTRICTS.map((district) => (
              <option key={district.code} value={district.code}>
                {district.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-language">{t('visit.language')}</label>
          <select id="filter-language" name="language" defaultValue={filter.language}>
            <option value="">{t('visit.any')}</option>
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-service">{t('visit.service')}</label>
          <select id="filter-service" name="service" defaultValue={filter.service}>
            <option value="">{t('visit.any')}</option>
            {PROVIDER_SERVICES.map((code) => (
              <option key={code} value={code}>
                {nameOf('visit.service.', code)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t('visit.search')}
        </button>
      </form>
      <section aria-live="polite" aria-busy={providers.isFetching}>
        {providers.isPending && <Loading />}
        <ProblemMessage error={providers.error} />
        {providers.data?.providers.length === 0 && <p>{t('visit.none_found')}</p>}
        <ul className="provider-list">
          {providers.data?.providers.map((provider) => (
            <li key={provider.id} className="card" data-provider={provider.id}>
              <h2>{provider.displayName}</h2>
              <ProviderFacts provider={provider} />
              <Link href={`/providers/${provider.id}`} className="button primary">
                {t('visit.choose')}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {/* Her list; a parent sees a daughter's visits on her page, if she shares them. */}
      {user?.role === 'adolescent' && (
        <p>
          <Link href="/appointments">{t('visit.nav_mine')}</Link>
        </p>
      )}
    </>
  );
}
