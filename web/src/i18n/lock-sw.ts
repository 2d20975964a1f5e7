import type { lockEn } from './lock-messages.ts';

export const lockSw: Record<keyof typeof lockEn, string> = {
  'lock.title': 'Imefungwa', // review:
  'lock.prompt_pin': 'Weka PIN yako ili kufungua tena.', // review:
  'lock.prompt_password': 'Weka nenosiri lako ili kufungua tena.', // review:
  'lock.pin': 'PIN', // review:
  'lock.password': 'Nenosiri', // review:
  'lock.use_password': 'Tumia nenosiri langu badala yake', // review:
  'lock.use_pin': 'Tumia PIN yangu badala yake', // review:
  'lock.unlock': 'Fungua', // review:
  'lock.not_you': 'Si wewe?', // review:
  'lock.sign_out': 'Toka', // review:
  'lock.wrong': 'Si sahihi. Baada ya majaribio 5 yasiyo sahihi, akaunti inasubiri dakika 15.', // review:
  'lock.quick_exit': 'Toka haraka', // review:
  'lock.discreet_name': 'Madokezo', // review:
  'lock.settings.title': 'Kufunga na faragha kwenye simu hii', // review:
  'lock.settings.minutes': 'Funga programu nisipoitumia kwa', // review:
  'lock.minutes.one': 'dakika {n}', // review:
  'lock.minutes.other': 'dakika {n}', // review:
  'lock.settings.minutes_hint':
    'Kisha PIN yako au nenosiri linaombwa tena, hata mtu akipakia ukurasa upya au akifungua kichupo kipya. Kufunga hakuwezi kuzimwa: kwenye simu mnayoshiriki, mtu yeyote angeweza kufungua shajara yako.', // review:
  'lock.settings.saved': 'Imehifadhiwa.', // review:
  'lock.settings.lock_now': 'Funga sasa', // review:
  'lock.settings.quick_exit_hint':
    'Kitufe cha «Toka haraka» chini ya kila ukurasa kinaenda mara moja kwenye kikokotoo, kinafuta skrini na kufunga programu. Kurudi nyuma hakuleti shajara yako tena.', // review:
  'lock.settings.discreet': 'Hali ya siri kwenye simu hii', // review:
  'lock.settings.discreet_hint':
    'Kichupo cha kivinjari, ikoni yake na juu ya ukurasa vinaonyesha «{name}» badala ya jina la programu. Kwenye simu hii tu: simu ya mtu mwingine haibadiliki.', // review:
  'access.action.session.lock': 'alifunga programu', // review:
  'access.action.session.unlock': 'alifungua programu', // review:
  'error.session_locked': 'Programu imefungwa. Weka PIN yako au nenosiri ili kuifungua tena.', // review:
};
