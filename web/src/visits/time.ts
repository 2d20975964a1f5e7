/*
 * Times of visits shown as the clock at the health facility: slots are instants (ISO, UTC) and a
 * provider works in a time zone of his own, which may not be the phone's.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${timeZone} ${JSON.stringify(options)}`;
  let found = formats.get(id);
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', { timeZone, ...options });
    formats.set(id, found);
  }
  return found;
}

/** "09:30": the clock time of an instant in `timeZone` (digits read the same in every language). */
export function clockTime(instant: string, timeZone: string): string {
  const parts = format(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    new Date(instant),
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/** YYYY-MM-DD of an instant in `timeZone`. */
export function dayIn(instant: string, timeZone: string): string {
  return format(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function weekdayOf(iso: string): number {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Items grouped by their day in `timeZone`, days in order. */
export function byDay<T extends { start: string }>(items: readonly T[], timeZone: string): [string, T[]][] {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const day = dayIn(item.start, timeZone);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The phone's own time zone. */
export function phoneTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether a visit may still be cancelled or moved: the API's changeableUntil is still ahead. */
export function isChangeable(visit: { changeableUntil: string | null }, now = Date.now()): boolean {
  return visit.changeableUntil !== null && now < Date.parse(visit.changeableUntil);
}

/** How long before its start a visit stops being changeable, in minutes; null once it is closed. */
export function cutoffMinutes(visit: { start: string; changeableUntil: string | null }): number | null {
  if (visit.changeableUntil === null) return null;
  return Math.round((Date.parse(visit.start) - Date.parse(visit.changeableUntil)) / 60_000);
}
