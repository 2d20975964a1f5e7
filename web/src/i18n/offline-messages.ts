/** The offline app's texts (web/src/offline/): English, also the fallback. */
export const offlineEn = {
  'offline.notice': 'You are offline — last updated {date}.',
  'offline.notice_none': 'You are offline. What you save is kept on this phone and sent later.',
  'offline.waiting.one': 'Saved on this phone — {n} waiting to send.',
  'offline.waiting.other': 'Saved on this phone — {n} waiting to send.',
  'offline.waiting_signin.one': 'Saved on this phone — {n} waiting to send. Sign in to send it.',
  'offline.waiting_signin.other': 'Saved on this phone — {n} waiting to send. Sign in to send them.',
  'offline.sent': 'Sent. What you saved on this phone has arrived.',
  'offline.failed_day': 'Not saved: your log for {date}.',
  'offline.failed_period': 'Not saved: period started on {date}.',
  'offline.dismiss': 'OK',
  'offline.locked': 'This app is locked. Connect to the internet, then unlock it with your PIN or password.',
  'error.offline': 'No connection. Try again when you are back online.',
} as const;

export type OfflineKey = keyof typeof offlineEn;
