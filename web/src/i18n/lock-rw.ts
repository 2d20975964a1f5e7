import type { lockEn } from './lock-messages.ts';

// review: Kinyarwanda written by a developer (machine-assisted); every line needs a native speaker.
export const lockRw: Record<keyof typeof lockEn, string> = {
  'lock.title': 'Birafunze', // review:
  'lock.prompt_pin': 'Andika PIN yawe kugira ngo wongere ufungure.', // review:
  'lock.prompt_password': "Andika ijambo ry'ibanga ryawe kugira ngo wongere ufungure.", // review:
  'lock.pin': 'PIN', // review:
  'lock.password': "Ijambo ry'ibanga", // review:
  'lock.use_password': "Koresha ijambo ry'ibanga", // review:
  'lock.use_pin': 'Koresha PIN', // review:
  'lock.unlock': 'Fungura', // review:
  'lock.not_you': 'Si wowe?', // review:
  'lock.sign_out': 'Sohoka', // review:
  'lock.wrong': 'Si byo. Nyuma yo kwibeshya inshuro 5, konti itegereza iminota 15.', // review:
  'lock.quick_exit': 'Sohoka vuba', // review:
  'lock.discreet_name': 'Inyandiko', // review:
  'lock.settings.title': "Gufunga n'ibanga kuri iyi telefoni", // review:
  'lock.settings.minutes': 'Funga porogaramu iyo maze igihe ntayikoresha kingana na', // review:
  'lock.minutes.one': 'umunota {n}', // review:
  'lock.minutes.other': 'iminota {n}', // review:
  'lock.settings.minutes_hint':
    "Nyuma yaho PIN yawe cyangwa ijambo ry'ibanga birongera bigasabwa, kabone n'iyo umuntu yongeye gufungura paji cyangwa agafungura indi tabu. Ntibishobora kuvanwaho: kuri telefoni musangiye, undi muntu yafungura ibyo wanditse.", // review:
  'lock.settings.saved': 'Byabitswe.', // review:
  'lock.settings.lock_now': 'Funga ubu', // review:
  'lock.settings.quick_exit_hint':
    'Buto «Sohoka vuba» iri hasi kuri buri paji ihita ijya kuri mashini ibara, igasiba ibiri kuri ecran kandi igafunga porogaramu. Gusubira inyuma ntibigarura ibyo wanditse.', // review:
  'lock.settings.discreet': 'Uburyo bwihishe kuri iyi telefoni', // review:
  'lock.settings.discreet_hint':
    "Tabu ya mushakisha, ikirango cyayo n'umutwe wa paji byandikaho «{name}» aho kuba izina rya porogaramu. Ni kuri iyi telefoni gusa: telefoni y'undi muntu ntihinduka.", // review:
  'access.action.session.lock': 'yafunze porogaramu', // review:
  'access.action.session.unlock': 'yafunguye porogaramu', // review:
  'error.session_locked':
    "Porogaramu irafunze. Andika PIN yawe cyangwa ijambo ry'ibanga kugira ngo wongere uyifungure.", // review:
};
