import type { offlineEn } from './offline-messages.ts';

// review: machine translation, needs a fluent speaker.
export const offlineSw: Record<keyof typeof offlineEn, string> = {
  'offline.notice': 'Uko nje ya mtandao — ilisasishwa mara ya mwisho {date}.', // review:
  'offline.notice_none': 'Uko nje ya mtandao. Unachohifadhi kinabaki kwenye simu hii na kitatumwa baadaye.', // review:
  'offline.waiting.one': 'Imehifadhiwa kwenye simu hii — {n} inasubiri kutumwa.', // review:
  'offline.waiting.other': 'Imehifadhiwa kwenye simu hii — {n} zinasubiri kutumwa.', // review:
  'offline.waiting_signin.one': 'Imehifadhiwa kwenye simu hii — {n} inasubiri kutumwa. Ingia ili kuituma.', // review:
  'offline.waiting_signin.other':
    'Imehifadhiwa kwenye simu hii — {n} zinasubiri kutumwa. Ingia ili kuzituma.', // review:
  'offline.sent': 'Imetumwa. Ulichohifadhi kwenye simu hii kimefika.', // review:
  'offline.failed_day': 'Haikuhifadhiwa: rekodi yako ya {date}.', // review:
  'offline.failed_period': 'Haikuhifadhiwa: hedhi iliyoanza {date}.', // review:
  'offline.dismiss': 'Sawa',
  'offline.locked':
    'Programu hii imefungwa. Unganisha kwenye intaneti, kisha uifungue kwa PIN au nenosiri lako.', // review:
  'error.offline': 'Hakuna mtandao. Jaribu tena ukiwa mtandaoni.', // review:
};
