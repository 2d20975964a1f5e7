import { AskFirst } from '../AskFirst.tsx';
import type { Period } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import './cycle.css';

/**
 * A delete button that asks once (AskFirst). Undo is offered after the delete (see undo.tsx),
 * which is why one light question is enough, and the question says so.
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
  return (
    <AskFirst
      small={small}
      label={label}
      question={question}
      hint={t('cycle.delete_undo_hint')}
      yes={t('cycle.delete_yes')}
      no={t('cycle.keep')}
      onYes={onDelete}
    />
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
