import { type FormEvent, useState } from 'react';
import { ApiError, ussdHop } from '../api.ts';
import { ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { USSD_CODE } from './Landing.tsx';

type Screen = { text: string; ended: boolean };

function newSessionId(): string {
  return crypto.randomUUID();
}

export function UssdPage() {
  const { t } = useI18n();
  const [phone, setPhone] = useState('+250788000001');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<string[]>([]);
  const [screen, setScreen] = useState<Screen | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  async function hop(id: string, nextAnswers: string[]) {
    setPending(true);
    setError(null);
    try {
      const answer = await ussdHop({ sessionId: id, phoneNumber: phone, text: nextAnswers.join('*') });
      setScreen(answer);
      setAnswers(nextAnswers);
      if (answer.ended) setSessionId(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  function dial() {
    const id = newSessionId();
    setSessionId(id);
    void hop(id, []);
  }

  function reply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const value = String(new FormData(formElement).get('answer') ?? '').trim();
    if (!sessionId) return;
    formElement.reset();
    void hop(sessionId, [...answers, value]);
  }

  function hangUp() {
    setSessionId(null);
    setAnswers([]);
    setScreen(null);
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('ussd.title')}</h1>
      <p>{t('ussd.intro', { code: USSD_CODE })}</p>
      <div className="field">
        <label htmlFor="ussd-phone">{t('ussd.phone_label')}</label>
        <input
          id="ussd-phone"
          type="tel"
          inputMode="tel"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          disabled={sessionId !== null}
        />
      </div>
      <div className="phone">
        <section className="phone-screen" aria-label={t('ussd.screen')} aria-live="polite">
          {screen ? (
            <>
              <pre>{screen.text}</pre>
              {screen.ended && <p className="muted">{t('ussd.ended')}</p>}
            </>
          ) : (
            <pre>{USSD_CODE}</pre>
          )}
        </section>
        {sessionId && screen && !screen.ended ? (
          <form onSubmit={reply} className="phone-keys">
            <label htmlFor="ussd-answer">{t('ussd.answer_label')}</label>
            <input id="ussd-answer" name="answer" inputMode="numeric" autoComplete="off" maxLength={182} />
            <div className="row">
              <button type="submit" className="primary" disabled={pending}>
                {t('ussd.send')}
              </button>
              <button type="button" onClick={hangUp}>
                {t('ussd.hang_up')}
              </button>
            </div>
          </form>
        ) : (
          <div className="phone-keys">
            <button
              type="button"
              className="primary"
              onClick={dial}
              disabled={pending || phone.trim().length < 3}
            >
              {t('ussd.dial', { code: USSD_CODE })}
            </button>
          </div>
        )}
      </div>
      {error instanceof ApiError && error.status === 404 ? (
        <p className="problem" role="alert">
          {t('ussd.disabled', { code: USSD_CODE })}
        </p>
      ) : (
        <ProblemMessage error={error} />
      )}
    </>
  );
}
