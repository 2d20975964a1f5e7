import { useState } from 'react';
import { LOCK_MINUTES } from '../../../src/modules/sessions/app-lock.ts';
import { api, type User } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { Notice, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { lockApp } from './actions.ts';
import { setDiscreet, useDiscreet } from './discreet.ts';

/**
 * Settings: after how many idle minutes the app locks (kept in her account, so every browser she
 * signs in with locks alike), "Lock now", and discreet mode for this phone.
 */
export function LockSettings() {
  const { t, tn } = useI18n();
  const { user, setUser } = useAuth();
  const discreet = useDiscreet();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  // Her choice shows at once; it goes back if the server refuses it.
  const [choosing, setChoosing] = useState<number | null>(null);
  if (!user) return null;
  const chosen = choosing ?? user.lockMinutes;

  async function choose(lockMinutes: number) {
    setError(null);
    setSaved(false);
    setChoosing(lockMinutes);
    try {
      await setUser(await api<User>('PATCH', '/me', { lockMinutes }));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setChoosing(null);
    }
  }

  return (
    <section className="card" aria-labelledby="lock-settings-title" data-lock-settings="">
      <h2 id="lock-settings-title">{t('lock.settings.title')}</h2>
      <fieldset>
        <legend>{t('lock.settings.minutes')}</legend>
        {LOCK_MINUTES.map((minutes) => (
          <label className="choice" key={minutes}>
            <input
              type="radio"
              name="lock-minutes"
              value={minutes}
              checked={chosen === minutes}
              onChange={() => void choose(minutes)}
            />{' '}
            {tn('lock.minutes', minutes)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('lock.settings.minutes_hint')}</p>
      {saved && <Notice>{t('lock.settings.saved')}</Notice>}
      <ProblemMessage error={error} />
      <p>
        <button type="button" className="button" onClick={lockApp}>
          {t('lock.settings.lock_now')}
        </button>
      </p>
      <p className="hint">{t('lock.settings.quick_exit_hint')}</p>
      <label className="choice">
        <input type="checkbox" checked={discreet} onChange={(event) => setDiscreet(event.target.checked)} />{' '}
        {t('lock.settings.discreet')}
      </label>
      <p className="hint">{t('lock.settings.discreet_hint', { name: t('lock.discreet_name') })}</p>
    </section>
  );
}
