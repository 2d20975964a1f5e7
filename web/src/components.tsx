import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, type Language } from './api.ts';
import { type CountedKey, hasMessage, type Key, LANGUAGE_NAMES, LANGUAGES, useI18n } from './i18n/index.tsx';
import { describeProblem, type ProblemText } from './i18n/problems.ts';

/** Today in her browser's time zone, as YYYY-MM-DD (the server's "today" wins where it gives one). */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Turns an API refusal into what she reads, in her language (i18n/problems.ts). */
export function useProblemText(): (error: ApiError) => ProblemText {
  const { language, t, tn, date } = useI18n();
  return useCallback(
    (error: ApiError) =>
      describeProblem(error, {
        has: (key) => hasMessage(language, key),
        t: (key, params) => t(key as Key, params),
        tn: (base, n, params) => tn(base as CountedKey, n, params),
        date,
      }),
    [language, t, tn, date],
  );
}

/**
 * A problem+json answer (or any error) shown next to a form, read out by screen readers, from its
 * code through the catalogue (the server's English detail only for a code the web does not know).
 * `message` replaces the text where the page knows better what she should do next; `codes` gives a
 * page's own text for a code (e.g. a wrong current PIN in Settings is not a wrong sign-in).
 */
export function ProblemMessage({
  error,
  message,
  codes,
}: {
  error: unknown;
  message?: string | undefined;
  codes?: Partial<Record<string, Key>>;
}) {
  const { t } = useI18n();
  const describe = useProblemText();
  if (!error) return null;
  const own = error instanceof ApiError ? codes?.[error.code] : undefined;
  const problem: ProblemText =
    error instanceof ApiError ? describe(error) : { text: t('web.error'), fields: [] };
  return (
    <div className="problem" role="alert">
      <p>{message ?? (own ? t(own) : problem.text)}</p>
      {problem.fields.length > 0 && (
        <ul>
          {problem.fields.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {problem.action && (
        <p>
          <Link href={problem.action.href}>{problem.action.label}</Link>
        </p>
      )}
    </div>
  );
}

/** A policy's name in her language ("Terms of use"), not its code ("terms"). */
export function usePolicyName(): (kind: string) => string {
  const { language, t } = useI18n();
  return (kind) => (hasMessage(language, `policy.kind.${kind}`) ? t(`policy.kind.${kind}` as Key) : kind);
}

/**
 * A short "done" line. `takeFocus`: the control she used has gone with what it changed (a removed
 * card, a registration that left the list), so the notice takes focus rather than the page's body;
 * give it a new `key` for each notice so that it takes it again.
 */
export function Notice({ children, takeFocus = false }: { children: ReactNode; takeFocus?: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  return (
    <p className="notice" role="status" ref={ref} tabIndex={takeFocus ? -1 : undefined}>
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status" data-loading="">
      {t('web.loading')}
    </p>
  );
}

/**
 * Submit with the API's "confirmation_required" (422) round trip: the first answer asks
 * "Save anyway?" and says what is unusual (from the problem's params, in her language), and yes
 * resends with confirm: true.
 */
export function useConfirmingSubmit<T>(send: (confirm: boolean) => Promise<T>, onDone: (result: T) => void) {
  const describe = useProblemText();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [asking, setNeedsConfirm] = useState<ApiError | null>(null);

  async function run(confirm: boolean) {
    setPending(true);
    setError(null);
    try {
      const result = await send(confirm);
      setNeedsConfirm(null);
      onDone(result);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'confirmation_required' && !confirm) {
        setNeedsConfirm(caught);
      } else {
        setNeedsConfirm(null);
        setError(caught);
      }
    } finally {
      setPending(false);
    }
  }
  return {
    error,
    pending,
    /** What is unusual, in her language (null when nothing is asked). */
    needsConfirm: asking ? describe(asking).text : null,
    submit: () => run(false),
    confirm: () => run(true),
    cancel: () => setNeedsConfirm(null),
  };
}

export function ConfirmBox({
  detail,
  onConfirm,
  onCancel,
  pending,
}: {
  detail: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
}) {
  const { t } = useI18n();
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-detail"
    >
      <p id="confirm-title">
        <strong>{t('web.save_anyway')}</strong>
      </p>
      <p id="confirm-detail">{detail}</p>
      <div className="row">
        <button type="button" className="primary" onClick={onConfirm} disabled={pending}>
          {t('web.save_anyway_yes')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('web.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Save a Blob as a file, without any inline script. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The language menu: each language named in itself, so she finds hers whatever is on screen. */
export function LanguageSelect({
  id,
  onChange,
}: {
  id: string;
  onChange: (language: Language) => Promise<unknown>;
}) {
  const { language, t } = useI18n();
  return (
    <div className="lang">
      <label htmlFor={id}>{t('web.lang.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => void onChange(event.target.value as Language).catch(() => undefined)}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A phone number field with the hint on how to write it (e.g. 0788 123 456). */
export function PhoneField({
  id,
  label,
  required = false,
}: {
  id: string;
  label: string;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name="phone"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        required={required}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="hint">
        {t('auth.phone_hint')}
      </p>
    </div>
  );
}
