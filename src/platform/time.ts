/** Calendar date 'YYYY-MM-DD' of an instant in a time zone: "today" is always the user's own date. */
export function localDate(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD; the time zone database comes with Node's full ICU.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export const DEFAULT_TIME_ZONE = 'Africa/Kigali';
