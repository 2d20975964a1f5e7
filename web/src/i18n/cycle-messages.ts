/**
 * Fixing mistakes (change, delete, undo) and the cycle ring on her home page.
 * Placeholders look like {start}; dates come already formatted in her language.
 */
export const cycleEn = {
  'cycle.ended_today': 'My period ended today',
  'cycle.ended_other_day': 'It ended on another day',
  'cycle.open_since': 'Your period started on {date}.',

  'cycle.change': 'Change dates',
  'cycle.edit_title': 'Change a period',
  'cycle.edit_intro': 'Your period from {start} to {end}.',
  'cycle.edit_intro_open': 'Your period since {start}, still going.',
  'cycle.edit_intro_no_end': 'Your period from {start}; its end was not logged.',
  'cycle.end_not_logged': 'end not logged',
  'cycle.not_found': 'This period is not in your list any more.',
  'cycle.back': 'Back to my periods',
  'cycle.changed': 'Saved: your period from {start} to {end}.',
  'cycle.changed_open': 'Saved: your period since {start}.',
  'cycle.manage': 'Change or delete a period',

  'cycle.delete': 'Delete',
  'cycle.delete_period': 'Delete this period',
  'cycle.delete_period_ask': 'Delete your period from {start} to {end}?',
  'cycle.delete_period_ask_open': 'Delete your period that started on {start}?',
  'cycle.delete_day': 'Delete what I logged for this day',
  'cycle.delete_day_ask': 'Delete everything you logged for {date}?',
  'cycle.delete_undo_hint': 'You can undo it straight after.',
  'cycle.delete_yes': 'Yes, delete',
  'cycle.keep': 'No, keep it',
  'cycle.deleted_period': 'Deleted: your period of {start}.',
  'cycle.deleted_day': 'Deleted: your log for {date}.',
  'cycle.undo': 'Undo',
  'cycle.undone': 'Done: it is back.',
  'cycle.close': 'Close',

  'cycle.ring.label': 'Your cycle at a glance',
  'cycle.ring.day': 'day',
  'cycle.ring.period': 'Your period: {start} to {end}',
  'cycle.ring.period_open': 'Your period: since {start}',
  'cycle.ring.period_no_end': 'Your period: from {start}, end not logged',
  'cycle.ring.fertile': 'Fertile days, a guide only, not contraception: {start} to {end}',
  'cycle.ring.next': 'Next period: likely between {earliest} and {latest}, not one exact day',
  'cycle.ring.next_late': 'Expected between {earliest} and {latest}: it has not started yet',
} as const;

export type CycleKey = keyof typeof cycleEn;
