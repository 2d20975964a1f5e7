import { LANGUAGE_NAMES, useI18n } from '../i18n/index.tsx';
import { districtName } from './districts.ts';
import { useNameOf } from './names.ts';
import type { Provider } from './types.ts';

const languageName = (code: string) => LANGUAGE_NAMES[code as keyof typeof LANGUAGE_NAMES] ?? code;

/** Where a health worker works, the languages they speak and what they help with. */
export function ProviderFacts({ provider }: { provider: Provider }) {
  const { t } = useI18n();
  const nameOf = useNameOf();
  const services = provider.services.map((code) => nameOf('visit.service.', code));
  return (
    <>
      <p>{t('visit.where', { facility: provider.facility, district: districtName(provider.district) })}</p>
      {provider.languages.length > 0 && (
        <p className="hint">{t('visit.speaks', { list: provider.languages.map(languageName).join(', ') })}</p>
      )}
      {services.length > 0 && <p className="hint">{t('visit.offers', { list: services.join(', ') })}</p>}
    </>
  );
}
