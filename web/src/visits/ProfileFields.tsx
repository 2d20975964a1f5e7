import { LANGUAGE_NAMES, LANGUAGES, useI18n } from '../i18n/index.tsx';
import { DISTRICTS, PROVIDER_SERVICES } from './districts.ts';
import { useNameOf } from './names.ts';
import type { Provider } from './types.ts';

/** The directory entry's fields, for registering and for the profile page (names as the API's). */
export function ProfileFields({ idPrefix, profile }: { idPrefix: string; profile?: Provider | undefined }) {
  const { t } = useI18n();
  const nameOf = useNameOf();
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <div className="field">
        <label htmlFor={id('facility')}>{t('provider.facility')}</label>
        <input
          id={id('facility')}
          name="facility"
          required
          maxLength={200}
          defaultValue={profile?.facility}
        />
      </div>
      <div className="field">
        <label htmlFor={id('district')}>{t('visit.district')}</label>
        <select id={id('district')} name="district" required defaultValue={profile?.district ?? ''}>
          <option value="" disabled>
            {t('visit.district')}
          </option>
          {DISTRICTS.map((district) => (
            <option key={district.code} value={district.code}>
              {district.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('provider.languages')}</legend>
        <div className="checks">
          {LANGUAGES.map((code) => (
            <label key={code} className="choice">
              <input
                type="checkbox"
                name="languages"
                value={code}
                defaultChecked={profile?.languages.includes(code)}
              />{' '}
              <span lang={code}>{LANGUAGE_NAMES[code]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('provider.services')}</legend>
        <div className="checks">
          {PROVIDER_SERVICES.map((code) => (
            <label key={code} className="choice">
              <input
                type="checkbox"
                name="services"
                value={code}
                defaultChecked={profile?.services.includes(code)}
              />{' '}
              {nameOf('visit.service.', code)}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** The directory entry from a form holding ProfileFields; null when a list was left empty. */
export function profileOf(
  form: FormData,
): Pick<Provider, 'facility' | 'district' | 'languages' | 'services'> | null {
  // The form offers only the API's codes: its answers are those codes.
  const languages = form.getAll('languages').map(String) as Provider['languages'];
  const services = form.getAll('services').map(String) as Provider['services'];
  if (languages.length === 0 || services.length === 0) return null;
  return {
    facility: String(form.get('facility') ?? '').trim(),
    district: String(form.get('district') ?? '') as Provider['district'],
    languages,
    services,
  };
}
