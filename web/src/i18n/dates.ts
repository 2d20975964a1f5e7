/*
 * Dates in her language through Intl.DateTimeFormat, with full month names ("8 December",
 * "8 Ukuboza 2025"). Browsers that lack a language's data (Chromium has no Kinyarwanda: it
 * answers in American English) get the month names from the catalogue (`date.month.1`…), so she
 * never sees English month names. Kinyarwanda is always written day-month-year, as Rwandans
 * write it: CLDR's Kinyarwanda patterns (basic coverage, in Node) put the year first.
 */
export type DateLanguage = 'en' | 'rw' | 'fr' | 'sw';

/** Rwanda's English and French write the day first and use a 24-hour clock. */
const LOCALES: Record<DateLanguage, string> = { en: 'en-RW', rw: 'rw', fr: 'fr-RW', sw: 'sw' };

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale} ${JSON.stringify(options)}`;
  let found = formats.get(id);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(id, found);
  }
  return found;
}

/** True when this browser (or Node) has date data for the language, not a silent fallback. */
export function intlHasLanguage(language: DateLanguage): boolean {
  try {
    const supported = Intl.DateTimeFormat.supportedLocalesOf([LOCALES[language]]);
    return (
      supported.length > 0 &&
      new Intl.DateTimeFormat(LOCALES[language]).resolvedOptions().locale.startsWith(language)
    );
  } catch {
    return false;
  }
}

export type DateOptions = { year?: boolean };

export type Dates = {
  /** A calendar date (YYYY-MM-DD): "8 December", or "8 December 2025" with `year`. */
  date: (iso: string, options?: DateOptions) => string;
  /** A month (YYYY-MM or a date in it): "December 2025". */
  month: (iso: string) => string;
  /** An instant (ISO 8601, UTC): "8 December 2025 at 09:30" in the browser's time zone. */
  dateTime: (instant: string) => string;
};

function parts(iso: string): { y: number; m: number; d: number } {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) || 1 };
}

/**
 * Date formatting for one language. `monthName(n)` gives the catalogue's full name of month n
 * (1–12), used where Intl lacks the language; `useIntl` is for tests of both paths.
 */
export function createDates(
  language: DateLanguage,
  monthName: (month: number) => string,
  useIntl: boolean = intlHasLanguage(language),
): Dates {
  const locale = LOCALES[language];
  const utc = (iso: string) => {
    const { y, m, d } = parts(iso);
    return new Date(Date.UTC(y, m - 1, d));
  };
  if (useIntl && language !== 'rw') {
    return {
      date: (iso, options = {}) =>
        format(locale, {
          day: 'numeric',
          month: 'long',
          ...(options.year ? { year: 'numeric' } : {}),
          timeZone: 'UTC',
        }).format(utc(iso)),
      month: (iso) => format(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(iso)),
      dateTime: (instant) => {
        const when = new Date(instant);
        if (Number.isNaN(when.getTime())) return instant;
        return format(locale, { dateStyle: 'long', timeStyle: 'short' }).format(when);
      },
    };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const name = useIntl
    ? (m: number) =>
        format(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)))
    : monthName;
  return {
    date: (iso, options = {}) => {
      const { y, m, d } = parts(iso);
      return `${d} ${name(m)}${options.year ? ` ${y}` : ''}`;
    },
    month: (iso) => {
      const { y, m } = parts(iso);
      return `${name(m)} ${y}`;
    },
    dateTime: (instant) => {
      const when = new Date(instant);
      if (Number.isNaN(when.getTime())) return instant;
      const day = `${when.getDate()} ${name(when.getMonth() + 1)} ${when.getFullYear()}`;
      return `${day}, ${pad(when.getHours())}:${pad(when.getMinutes())}`;
    },
  };
}
