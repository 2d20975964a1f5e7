import { useI18n } from '../i18n/index.tsx';
import { quickExit } from './actions.ts';
import './lock.css';

/**
 * One tap (or Enter/Space) and the app is gone: the screen clears, the app locks and the tab goes
 * to a calculator with no way Back into her diary. Fixed at the bottom of every signed-in page and
 * the lock screen, large, labelled in her language.
 */
export function QuickExit() {
  const { t } = useI18n();
  return (
    <button type="button" className="quick-exit" onClick={quickExit} data-quick-exit="">
      {t('lock.quick_exit')}
    </button>
  );
}
