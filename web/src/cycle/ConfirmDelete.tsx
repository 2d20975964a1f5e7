import { useEffect, useRef, useState } from 'react';
import type { Period } from '../api.ts';
import { ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSingleFlight } from './hooks.ts';
import './cycle.css';

/**
 * A delete button that asks once, inline: the question comes first and the buttons below it, so a
 * double tap on "Delete" cannot land on "Yes". Undo is offered after the delete (see undo.tsx),
 * which is why one light question is enough.
 */
export function ConfirmDelete({
  label,
  question,
  onDelete,
  small = false,
}: {
  label: string;
  question: string;
  onDelete: () => Promise<void>;
  small?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  // The question is read out first; the buttons follow with Tab.
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  const remove = useSingleFlight(async () => {
    setPending(true);
    setError(null);
    try {
      await onDelete();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  });

  function keep() {
    setAsking(false);
    setError(null);
    // After the re-render, focus goes back where she was.
    setTimeout(() => opener.current?.focus(), 0);
  }

  if (!asking)
    return (
      <button
        type="button"
        ref={opener}
        className={small ? 'small' : undefined}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <div className="delete-ask">
      <p tabIndex={-1} ref={questionRef}>
        <strong>{question}</strong> {t('cycle.delete_undo_hint')}
      </p>
      <div className="row">
        <button type="button" className="danger" disabled={pending} onClick={() => void remove()}>
          {t('cycle.delete_yes')}
        </button>
        <button type="button" onClick={keep}>
          {t('cycle.keep')}
        </button>
      </div>
      <ProblemMessage error={error} />
    </div>
  );
}

/** Deleting a period: the question names its dates, so she knows which one goes. */
export function ConfirmDeletePeriod({
  period,
  label,
  onDelete,
  small = false,
}: {
  period: Period;
  label: string;
  onDelete: () => Promise<void>;
  small?: boolean;
}) {
  const { t, date } = useI18n();
  const question = period.endDate
    ? t('cycle.delete_period_ask', { start: date(period.startDate), end: date(period.endDate) })
    : t('cycle.delete_period_ask_open', { start: date(period.startDate) });
  return <ConfirmDelete small={small} label={label} question={question} onDelete={onDelete} />;
}
