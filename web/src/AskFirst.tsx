import { useEffect, useRef, useState } from 'react';
import { ProblemMessage } from './components.tsx';
import { useSingleFlight } from './cycle/hooks.ts';

/**
 * A button that asks once, inline, before something that cannot simply be taken back (deleting a
 * period, removing a link, cancelling a visit, verifying a health worker): the question comes
 * first and the buttons below it, so a double tap on the opener cannot land on "Yes". The question
 * takes focus so it is read out first; a refusal from the API shows under it.
 */
export function AskFirst({
  label,
  question,
  hint,
  yes,
  no,
  onYes,
  small = false,
  tone = 'danger',
  opener: openerTone,
}: {
  label: string;
  question: string;
  /** Said after the question, in the same breath ("You can undo it straight after."). */
  hint?: string | undefined;
  yes: string;
  no: string;
  onYes: () => Promise<unknown>;
  small?: boolean;
  /** The "Yes" button's look: danger for what removes, primary for what grants. */
  tone?: 'danger' | 'primary';
  /** The opener's look, when it is the page's main action. */
  opener?: 'danger' | 'primary' | undefined;
}) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  // One request per question, however fast the taps.
  const confirm = useSingleFlight(async () => {
    setPending(true);
    setError(null);
    try {
      await onYes();
      setAsking(false);
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

  if (!asking) {
    const className = [openerTone, small ? 'small' : undefined].filter(Boolean).join(' ');
    return (
      <button type="button" ref={opener} className={className || undefined} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="ask-first">
      <p tabIndex={-1} ref={questionRef}>
        <strong>{question}</strong>
        {hint && ` ${hint}`}
      </p>
      <div className="row">
        <button type="button" className={tone} disabled={pending} onClick={() => void confirm()}>
          {yes}
        </button>
        <button type="button" onClick={keep}>
          {no}
        </button>
      </div>
      <ProblemMessage error={error} />
    </div>
  );
}
