import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { get, type Period } from '../api.ts';

/** Her periods, newest first (the API's order); one cache entry shared by every page. */
export function usePeriods() {
  return useQuery({
    queryKey: ['periods'],
    queryFn: () => get<{ periods: Period[] }>('/cycles/periods'),
  });
}

/**
 * The period still going, if any: the newest one without an end that the API calls ongoing (an
 * old one whose end was never logged is not: her home does not offer to end it today).
 */
export function openPeriod(periods: readonly Period[] | undefined): Period | undefined {
  return periods?.find((period) => period.endDate === null && period.ongoing !== false);
}

/** A period without an end that is no longer going on: its end was never logged. */
export function endNotLogged(period: Period): boolean {
  return period.endDate === null && period.ongoing === false;
}

/** Everything computed from her periods and days is stale after a change to one of them. */
export function refreshCycleViews(queries: QueryClient): Promise<void> {
  return queries.invalidateQueries({
    predicate: (query) =>
      ['periods', 'prediction', 'calendar', 'stats', 'day'].includes(String(query.queryKey[0])),
  });
}

export function useRefreshCycleViews(): () => Promise<void> {
  const queries = useQueryClient();
  return useCallback(() => refreshCycleViews(queries), [queries]);
}

/**
 * One call at a time: a second tap while the first request is on its way does nothing, even
 * before React has re-rendered the button as disabled.
 */
export function useSingleFlight<A extends unknown[]>(
  run: (...args: A) => Promise<unknown>,
): (...args: A) => Promise<void> {
  const busy = useRef(false);
  return async (...args: A) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await run(...args);
    } finally {
      busy.current = false;
    }
  };
}

/**
 * After a success the button under her finger may change meaning ("My period started" becomes
 * "My period ended"): it stays disabled for a moment, so the second tap of a double tap does not
 * undo what the first one did.
 */
export function useSettling(ms = 1200): [settling: boolean, settle: () => void] {
  const [settling, setSettling] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const settle = useCallback(() => {
    clearTimeout(timer.current);
    setSettling(true);
    timer.current = setTimeout(() => setSettling(false), ms);
  }, [ms]);
  return [settling, settle];
}
