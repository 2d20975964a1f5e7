import { type ReactNode, useState } from 'react';
import { ApiError } from './api.ts';
import { type Key, useI18n } from './i18n/index.tsx';

/** Today in her browser's time zone, as YYYY-MM-DD (the server's "today" wins where it gives one). */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// API error codes the web says in her language; any other code shows the API's own detail.
const TRANSLATED_CODES: Partial<Record<string, Key>> = {
  invalid_code: 'error.invalid_code',
  phone_taken: 'error.phone_taken',
  phone_required: 'error.phone_required',
  sms_unavailable: 'error.sms_unavailable',
};

/**
 * A problem+json answer (or any error) shown next to a form, read out by screen readers.
 * `message` replaces the text where the page knows better what she should do next.
 */
export function ProblemMessage({ error, message }: { error: unknown; message?: string | undefined }) {
  const { t } = useI18n();
  if (!error) return null;
  const problem = error instanceof ApiError ? error : null;
  const translated = problem && TRANSLATED_CODES[problem.code];
  let text = problem ? problem.detail : t('web.error');
  if (translated) text = t(translated);
  return (
    <div className="problem" role="alert">
      <p>{message ?? text}</p>
      {problem && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((item) => (
            <li key={`${item.field}:${item.message}`}>{item.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
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
 * "Save anyway?", and yes resends with confirm: true.
 */
export function useConfirmingSubmit<T>(send: (confirm: boolean) => Promise<T>, onDone: (result: T) => void) {
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [needsConfirm, setNeedsConfirm] = useState<string | null>(null);

  async function run(confirm: boolean) {
    setPending(true);
    setError(null);
    try {
      const result = await send(confirm);
      setNeedsConfirm(null);
      onDone(result);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'confirmation_required' && !confirm) {
        setNeedsConfirm(caught.detail);
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
    needsConfirm,
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
