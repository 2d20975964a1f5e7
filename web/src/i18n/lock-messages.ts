/** The app lock, quick exit and discreet mode (web/src/lock/, decision 019): English, also the fallback. */
export const lockEn = {
  // The lock screen: no name, no health data, no period words (someone else may be holding the phone).
  'lock.title': 'Locked',
  'lock.prompt_pin': 'Enter your PIN to open it again.',
  'lock.prompt_password': 'Enter your password to open it again.',
  'lock.pin': 'PIN',
  'lock.password': 'Password',
  'lock.use_password': 'Use my password instead',
  'lock.use_pin': 'Use my PIN instead',
  'lock.unlock': 'Unlock',
  'lock.not_you': 'Not you?',
  'lock.sign_out': 'Sign out',
  'lock.wrong': 'That is not right. After 5 wrong tries the account waits 15 minutes.',
  'lock.quick_exit': 'Quick exit',
  // Discreet mode: the neutral name shown in the tab, the icon's name and the header.
  'lock.discreet_name': 'Notes',
  // Settings.
  'lock.settings.title': 'Lock and privacy on this phone',
  'lock.settings.minutes': 'Lock the app after I have not used it for',
  'lock.minutes.one': '{n} minute',
  'lock.minutes.other': '{n} minutes',
  'lock.settings.minutes_hint':
    'Then your PIN or password is asked again, even if someone reloads the page or opens a new tab. The lock cannot be turned off: on a shared phone anyone could otherwise open your diary.',
  'lock.settings.saved': 'Saved.',
  'lock.settings.lock_now': 'Lock now',
  'lock.settings.quick_exit_hint':
    'The Quick exit button at the bottom of every page leaves at once for a calculator, clears the screen and locks the app. Back does not bring your diary back.',
  'lock.settings.discreet': 'Discreet mode on this phone',
  'lock.settings.discreet_hint':
    'The browser tab, its icon and the top of the page say "{name}" instead of the app\'s name. Only on this phone: someone else\'s phone is not changed.',
  // Her access log.
  'access.action.session.lock': 'locked the app',
  'access.action.session.unlock': 'unlocked the app',
  'error.session_locked': 'The app is locked. Enter your PIN or password to open it again.',
} as const;

export type LockKey = keyof typeof lockEn;
