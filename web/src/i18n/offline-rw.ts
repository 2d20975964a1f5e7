import type { offlineEn } from './offline-messages.ts';

// review: Kinyarwanda written by a developer (machine-assisted); every line needs a native speaker.
export const offlineRw: Record<keyof typeof offlineEn, string> = {
  'offline.notice': 'Ntabwo uri kuri interineti — amakuru aheruka ni ayo ku wa {date}.', // review:
  'offline.notice_none':
    'Ntabwo uri kuri interineti. Ibyo ubika bigumye kuri iyi telefoni, bizoherezwa nyuma.', // review:
  'offline.waiting.one': 'Byabitswe kuri iyi telefoni — {n} gitegereje koherezwa.', // review:
  'offline.waiting.other': 'Byabitswe kuri iyi telefoni — {n} bitegereje koherezwa.', // review:
  'offline.waiting_signin.one':
    'Byabitswe kuri iyi telefoni — {n} gitegereje koherezwa. Injira kugira ngo cyoherezwe.', // review:
  'offline.waiting_signin.other':
    'Byabitswe kuri iyi telefoni — {n} bitegereje koherezwa. Injira kugira ngo byoherezwe.', // review:
  'offline.sent': 'Byoherejwe. Ibyo wabitse kuri iyi telefoni byageze aho bigomba kujya.', // review:
  'offline.failed_day': 'Ntibyabitswe: ibyo wanditse ku wa {date}.', // review:
  'offline.failed_period': 'Ntibyabitswe: imihango yatangiye ku wa {date}.', // review:
  'offline.dismiss': 'Sawa', // review:
  'offline.locked':
    "Iyi porogaramu irafunze. Jya kuri interineti, hanyuma uyifungure ukoresheje PIN yawe cyangwa ijambo ry'ibanga.", // review:
  'error.offline': 'Nta interineti. Ongera ugerageze umaze kubona interineti.', // review:
};
