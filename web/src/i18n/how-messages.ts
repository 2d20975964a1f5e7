/**
 * The "How predictions work" page: a plain-language summary of docs/predictions.md for girls aged
 * 12–19. Every fact and number must match that document; change them there first.
 * `**text**` marks bold parts (rendered as <strong> by the page, never parsed as HTML).
 */
export const howEn = {
  'how.intro':
    'We guess your next period from the dates you log. The more periods you log, the better the guess. It is a guess, never a promise.',

  'how.show.title': 'What we show you',
  'how.show.window':
    '**A date and a window**, like “around 14 May, likely between 11 and 17 May”. Your period started inside the window about **5 times in 6** when we tested it on real cycles.',
  'how.show.exact':
    'The exact date is right about **1 time in 5**. It is within 3 days about 4 times in 5. On average it misses by about 2 days.',
  'how.show.phase':
    '**Your phase today**: period, before ovulation, fertile days, after ovulation, or late. “Late by N days” starts the day after the date we expected.',
  'how.show.fertile':
    '**Fertile days and ovulation** are a guide to your body, usually off by about 2 days. **They are not a way to avoid pregnancy.** Never use them as “safe days”.',

  'how.method.title': 'How we work it out',
  'how.method.cycle': 'A cycle runs from the first day of one period to the first day of the next.',
  'how.method.average':
    'We take the average of your last 6 cycles and mix in a typical 28-day cycle. At first the typical cycle counts most; after six cycles your own history counts for three quarters.',
  'how.method.window':
    'The window is as wide as your own cycles need: 3 to 5 days if you are very regular, about 9 days if your cycles vary by a week, wider if they vary more. It gets narrower as you log regular cycles.',
  'how.method.unusual':
    'If one cycle looks like two (you may have forgotten to log a period), or is very different from your usual ones, we leave it out — unless it happens often, because then it is your pattern.',
  'how.method.signs':
    'If you log your temperature on waking or your cervical mucus, we can sometimes see when you ovulated. Then the next period is easier to guess and the window is about half as wide.',
  'how.method.start':
    'Until you have logged 3 cycles, we say “not enough data yet” and lean on typical cycles, so the window is wider.',
  'how.method.teens':
    '**For girls and young women up to 18**, cycles change more from month to month, so we make the window 1.5 times wider on purpose.',

  'how.flags.title': 'When we suggest talking to a health worker',
  'how.flags.body':
    'We may point out very short or very long cycles, cycles that change a lot, long or heavy periods, or no period for 90 days. This is never a diagnosis — only a reason to ask someone who can examine you.',

  'how.honest.title': 'How honest are these numbers?',
  'how.honest.tested':
    'We tested the method on 1,665 real cycles from 159 adult women (the FedCycle study). Half of the women were kept aside and used only for the final test.',
  'how.honest.result':
    'On that test the window held the real start 83 times in 100. We missed two of our own targets there (an average miss of 2.0 days and 85% within 3 days): we got 2.2 days and 81%.',
  'how.honest.limits':
    'The women in that study were careful adult loggers. For teenagers and for people who forget to log, predictions will be less accurate. The wider window for teenagers is a safety choice we could not yet test on real data.',
  'how.honest.reported':
    'Bleeding, “heavy” and period end dates are what you tell us; we cannot measure them.',
  'how.docs': 'The full method, with all numbers, is in the project’s documentation (docs/predictions.md).',
} as const;

export type HowKey = keyof typeof howEn;
