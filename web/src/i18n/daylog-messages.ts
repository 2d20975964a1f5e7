/**
 * Quick day logging (pages/DayLog.tsx, daylog/) and the cycle history (pages/Stats.tsx, history/).
 * The labels of flows, pain levels, moods and symptoms are the server catalogue's (flow.*, pain.*,
 * mood.*, symptom.*), shared with USSD. Counted texts are written per plural category.
 */
export const daylogEn = {
  'daylog.intro': 'Tap what fits. Everything is optional.',
  'daylog.flow': 'Bleeding',
  'daylog.pain': 'Pain',
  'daylog.mood': 'Mood',
  'daylog.symptoms': 'Body',
  'daylog.more_symptoms': 'More symptoms',
  'daylog.note': 'Note (optional)',
  'daylog.advanced': 'Advanced: energy, sleep, temperature, discharge',
  'daylog.advanced_hint': 'Show it or hide it: this phone remembers your choice.',
  'daylog.advanced_filled': 'Some of these are filled in for this day.',
  'daylog.temp_invalid': 'Write a temperature between 34 and 42 °C, for example 36.5.',
  'daylog.sleep_invalid': 'Write the hours you slept, between 0 and 24.',
  'daylog.saved': 'Saved. You can change it any time.',

  'history.chart_label.one':
    'Chart of your cycle length, with your usual range. The table below gives the number.',
  'history.chart_label.other':
    'Chart of your last {n} cycle lengths, with your usual range. The table below gives each number.',
  'history.usual.one': 'Your usual range: {low} to {n} day.',
  'history.usual.other': 'Your usual range: {low} to {n} days.',
  'history.unusual_legend': 'Different from your usual',
  'history.days_axis': 'days',
  'history.recent_only.one': 'The chart shows your latest cycle; the table lists them all.',
  'history.recent_only.other': 'The chart shows your latest {n} cycles; the table lists them all.',
  'history.table_caption': 'Your cycles, oldest first',
  'history.col_start': 'Started',
  'history.col_length': 'Length',
  'history.col_note': 'Compared with your usual',
  'history.in_range': 'Usual',
  'history.longer': 'Longer than usual',
  'history.shorter': 'Shorter than usual',
  'history.symptoms_hint': 'In how many of the cycles you logged days in, you noted each one.',
  'history.symptom_cycles.one': '{count} of {total} cycle',
  'history.symptom_cycles.other': '{count} of {total} cycles',
} as const;

export type DaylogKey = keyof typeof daylogEn;
