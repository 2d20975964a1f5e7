// Building an Intl.DateTimeFormat costs far more than using one (a sixth of a USSD hop's CPU in
// a profile of the 200-session bench): one per time zone, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Calendar date 'YYYY-MM-DD' of an instant (a Date or epoch milliseconds) in a time zone: "today"
 * is always the user's own date.
 */
export function localDate(instant: Date | number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD; the time zone database comes with Node's full ICU.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}

export const DEFAULT_TIME_ZONE = 'Africa/Kigali';
