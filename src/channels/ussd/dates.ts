import { addDays } from '../../modules/cycles/engine/index.ts';
import type { IsoDate } from '../../modules/cycles/engine/types.ts';

/**
 * A "DDMM" answer as the most recent such date not after today (3 November typed in January
 * means last November). Undefined when it is not a real date.
 */
export function parseDayMonth(input: string, today: IsoDate): IsoDate | undefined {
  if (!/^[0-9]{4}$/.test(input)) return undefined;
  const day = Number(input.slice(0, 2));
  const month = Number(input.slice(2, 4));
  const year = Number(today.slice(0, 4));
  for (const y of [year, year - 1]) {
    const candidate = `${y}-${input.slice(2, 4)}-${input.slice(0, 2)}`;
    const check = new Date(`${candidate}T00:00:00Z`);
    const real = check.getUTCMonth() + 1 === month && check.getUTCDate() === day;
    if (!real) continue;
    if (candidate <= today) return candidate;
  }
  return undefined;
}

export { addDays };
