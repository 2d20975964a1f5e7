import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api.ts';
import { Notice, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { LinkCode } from './types.ts';

/** "48217730" → "4821 7730": easier to read out and to type back. */
export const spaced = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/** What she typed, as the code: spaces and dashes ("4821 7730", "4821-7730") are left out. */
export const digitsOf = (typed: string) => typed.replace(/[\s-]/g, '');

/** Make a one-time code and read it out to the other person. `adult`: the parent's wording. */
export function MakeCode({ adult }: { adult: boolean }) {
  const { t, dateTime } = useI18n();
  const [made, setMade] = useState<LinkCode | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  async function make() {
    setError(null);
    setPending(true);
    try {
      setMade(await api<LinkCode>('POST', '/care/link-codes'));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby="make-code-title">
      <h2 id="make-code-title">{t('care.code_make_title')}</h2>
      <p>{adult ? t('care.code_make_body_adult') : t('care.code_make_body')}</p>
      {made && (
        <div role="status">
          <p>{t('care.code_is')}</p>
          <p className="ussd-code" data-link-code={made.code}>
            {spaced(made.code)}
          </p>
          <p>{t('care.code_until', { when: dateTime(made.expiresAt) })}</p>
        </div>
      )}
      <p className="hint">{t('care.code_private')}</p>
      <ProblemMessage error={error} />
      <p>
        <button
          type="button"
          className={made ? undefined : 'primary'}
          disabled={pending}
          onClick={() => void make()}
        >
          {made ? t('care.code_make_new') : t('care.code_make')}
        </button>
      </p>
    </section>
  );
}

/** Type in the code the other person made: the link then waits for them to confirm. */
export function EnterCode({ adult }: { adult: boolean }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [short, setShort] = useState(false);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const code = digitsOf(String(new FormData(formElement).get('code') ?? ''));
    setError(null);
    setDone(false);
    setShort(!/^[0-9]{8}$/.test(code));
    if (!/^[0-9]{8}$/.test(code)) return;
    setPending(true);
    try {
      await api('POST', '/care/links', { code });
      setDone(true);
      formElement.reset();
      await queries.invalidateQueries({ queryKey: ['care-links'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby="enter-code-title">
      <h2 id="enter-code-title">{t('care.code_enter_title')}</h2>
      <p>{adult ? t('care.code_enter_body_adult') : t('care.code_enter_body')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby="enter-code-title">
        <div className="field">
          <label htmlFor="link-code">{t('care.code_label')}</label>
          <input
            id="link-code"
            name="code"
            inputMode="numeric"
            autoComplete="off"
            maxLength={11}
            placeholder="1234 5678"
            required
          />
        </div>
        {short && (
          <p className="problem" role="alert">
            {t('care.code_digits')}
          </p>
        )}
        <ProblemMessage error={error} />
        {done && <Notice>{t('care.code_entered')}</Notice>}
        <button type="submit" className="primary" disabled={pending}>
          {t('care.code_submit')}
        </button>
      </form>
    </section>
  );
}
