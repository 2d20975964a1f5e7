import { useI18n } from './i18n/index.tsx';

/** How a parent or guardian agrees, told before she registers (landing and register pages). */
export function ConsentSteps() {
  const { t } = useI18n();
  return (
    <>
      <ol>
        <li>{t('onboarding.how_1')}</li>
        <li>{t('onboarding.how_2')}</li>
        <li>{t('onboarding.how_3')}</li>
      </ol>
      <p>{t('onboarding.no_sight')}</p>
    </>
  );
}
