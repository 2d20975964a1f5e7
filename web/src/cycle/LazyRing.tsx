import { useEffect, useState } from 'react';

type Ring = typeof import('./CycleRing.tsx').CycleRing;

let loading: Promise<Ring | null> | null = null;

/** Fetches the ring's code (kept out of the first download); null if it cannot be had. */
function loadRing(): Promise<Ring | null> {
  loading ??= import('./CycleRing.tsx').then(
    (module) => module.CycleRing,
    () => {
      loading = null;
      return null;
    },
  );
  return loading;
}

/**
 * The cycle ring component once its code has arrived, null until then. Without it (no connection
 * and nothing cached) the page says the same in words, so nothing breaks.
 */
export function useCycleRing(): Ring | null {
  const [ring, setRing] = useState<Ring | null>(null);
  useEffect(() => {
    let live = true;
    void loadRing().then((found) => {
      if (live && found) setRing(() => found);
    });
    return () => {
      live = false;
    };
  }, []);
  return ring;
}
