import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useLocation } from 'wouter';
import { ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSingleFlight } from './hooks.ts';
import './cycle.css';

/*
 * "Deleted. Undo": one offer at a time, shown at the bottom of the screen for a few seconds (longer
 * while her finger, pointer or keyboard focus is on it), and gone when she moves to another page.
 * The offer lives outside React so that a page can make it and then navigate (deleting from the
 * edit view goes back to the list, where the offer is shown).
 */

type Offer = {
  id: number;
  message: string;
  /** The page the offer belongs to: leaving it withdraws the offer. */
  path: string;
  undo: () => Promise<unknown>;
  /** Move keyboard focus to Undo: the control she used has just disappeared with what it deleted. */
  focus: boolean;
};

const SHOWN_MS = 10_000;
const DONE_MS = 4_000;

let current: Offer | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function publish(offer: Offer | null): void {
  current = offer;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Offers to undo what was just done; `undo` puts it back (and refreshes what shows it). */
export function offerUndo(
  message: string,
  undo: () => Promise<unknown>,
  options: { path?: string; focus?: boolean } = {},
): void {
  publish({
    id: nextId++,
    message,
    undo,
    path: options.path ?? window.location.pathname,
    focus: options.focus ?? false,
  });
}

export function dismissUndo(): void {
  publish(null);
}

export function UndoToast() {
  const { t } = useI18n();
  const offer = useSyncExternalStore(subscribe, () => current);
  const [location] = useLocation();
  const [state, setState] = useState<'offered' | 'undoing' | 'done' | 'failed'>('offered');
  const [error, setError] = useState<unknown>(null);
  const held = useRef(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const seenLocation = useRef(location);

  // She moved to another page: the offer was about the one she left.
  useEffect(() => {
    if (location === seenLocation.current) return;
    seenLocation.current = location;
    if (current && current.path !== location) publish(null);
    else if (current?.focus) {
      // The app moves focus to the new page's heading once it is there (App.tsx): Undo takes it
      // back from the heading, since it is what she most likely wants next.
      let tries = 0;
      const timer = setInterval(() => {
        const heading = document.querySelector('main h1');
        const done = document.activeElement === heading && heading !== null;
        if (done) undoButton.current?.focus();
        if (done || ++tries > 50) clearInterval(timer);
      }, 50);
      return () => clearInterval(timer);
    }
    return undefined;
  }, [location]);

  // A new offer starts afresh.
  useEffect(() => {
    setState('offered');
    setError(null);
    held.current = false;
    if (offer?.focus) undoButton.current?.focus();
  }, [offer]);

  useEffect(() => {
    if (!offer || state === 'undoing' || state === 'failed') return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      if (held.current) timer = setTimeout(tick, 1000);
      else if (current === offer) publish(null);
    };
    timer = setTimeout(tick, state === 'done' ? DONE_MS : SHOWN_MS);
    return () => clearTimeout(timer);
  }, [offer, state]);

  const undo = useSingleFlight(async () => {
    if (!offer || state === 'undoing' || state === 'done') return;
    setState('undoing');
    setError(null);
    try {
      await offer.undo();
      setState('done');
      // The Undo button is gone: keep keyboard focus in the toast rather than lose it to the page.
      if (held.current) closeButton.current?.focus();
    } catch (caught) {
      setError(caught);
      setState('failed');
    }
  });

  function close() {
    const hadFocus = held.current;
    dismissUndo();
    // Give focus back to the page rather than to nowhere.
    if (hadFocus) document.querySelector<HTMLElement>('main h1')?.focus();
  }

  const hold = (on: boolean) => {
    held.current = on;
  };
  return (
    <div className="undo-dock">
      <div
        className={offer ? 'undo-toast' : undefined}
        role="status"
        // Keyboard focus keeps the offer open; focus put there for her after a tap does not.
        onFocus={(event) => hold(event.target.matches(':focus-visible'))}
        onBlur={() => hold(false)}
        onPointerEnter={() => hold(true)}
        onPointerLeave={() => hold(false)}
      >
        {offer && (
          <>
            <p>{state === 'done' ? t('cycle.undone') : offer.message}</p>
            <div className="row">
              {state !== 'done' && (
                <button
                  type="button"
                  ref={undoButton}
                  className="primary"
                  onClick={() => void undo()}
                  disabled={state === 'undoing'}
                >
                  {t('cycle.undo')}
                </button>
              )}
              <button type="button" ref={closeButton} onClick={close}>
                {t('cycle.close')}
              </button>
            </div>
          </>
        )}
      </div>
      {offer && <ProblemMessage error={error} />}
    </div>
  );
}
