import { AppError } from '../http/errors.ts';
import type { CounterStore } from './counter-store.ts';

/**
 * A fixed-window limit on an expensive action (e.g. exports), counted in the shared store so
 * every instance agrees. `scale` is RATE_LIMIT_SCALE (0 turns limits off).
 */
export function createRateLimiter(deps: { store: CounterStore; clock: () => Date; scale: number }) {
  return async function consume(key: string, limit: number, windowSeconds: number): Promise<void> {
    if (deps.scale === 0) return;
    const now = deps.clock();
    const existing = await deps.store.get(key, now);
    const allowed = Math.max(1, Math.floor(limit * deps.scale));
    if (existing && existing.failures >= allowed) {
      // The window is counted from the first use; the counter expires windowSeconds after its last use.
      const retryAfter = Math.max(
        1,
        Math.ceil(windowSeconds - (now.getTime() - existing.lastFailureAt.getTime()) / 1000),
      );
      throw new AppError('too_many_requests', `Try again in ${retryAfter} seconds`, {
        retryAfterSeconds: retryAfter,
      });
    }
    await deps.store.increment(key, now, windowSeconds);
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
