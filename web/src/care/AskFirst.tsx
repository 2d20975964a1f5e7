import { useEffect, useRef, useState } from 'react';
import { ProblemMessage } from '../components.tsx';

/**
 * A button that asks once, inline, before something she cannot take back (removing a link,
 * cancelling a visit): the question comes first and the buttons below it, so a double tap on the
 * opener cannot land on "Yes". A refusal from the API shows under the question.
 */
export function AskFirst({
  label,
  question,
  yes,
  no,
  onYes,
  small = false,
}: {
  label: string;
  question: string;
  yes: string;
  no: string;
  onYes: () => Promise<unknown>;
  small?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  async function confirm() {
    if (pending) return;
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
  }

  function keep() {
    setAsking(false);
    setError(null);
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
    <div className="confirm">
      <p tabIndex={-1} ref={questionRef}>
        <strong>{question}</strong>
      </p>
      <div className="row">
        <button type="button" className="danger" disabled={pending} onClick={() => void confirm()}>
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
