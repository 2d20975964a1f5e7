import type { cycleEn } from './cycle-messages.ts';

// review: machine translation, needs a fluent speaker.
export const cycleSw: Record<keyof typeof cycleEn, string> = {
  'cycle.ended_today': 'Hedhi yangu imeisha leo', // review:
  'cycle.ended_other_day': 'Iliisha siku nyingine', // review:
  'cycle.open_since': 'Hedhi yako ilianza tarehe {date}.', // review:

  'cycle.change': 'Badilisha tarehe', // review:
  'cycle.edit_title': 'Badilisha hedhi', // review:
  'cycle.edit_intro': 'Hedhi yako kuanzia {start} hadi {end}.', // review:
  'cycle.edit_intro_open': 'Hedhi yako tangu {start}, bado inaendelea.', // review:
  'cycle.edit_intro_no_end': 'Hedhi yako kuanzia {start}; mwisho wake haukuandikwa.', // review:
  'cycle.end_not_logged': 'mwisho haukuandikwa', // review:
  'cycle.not_found': 'Hedhi hii haipo tena kwenye orodha yako.', // review:
  'cycle.back': 'Rudi kwenye hedhi zangu', // review:
  'cycle.changed': 'Imehifadhiwa: hedhi yako kuanzia {start} hadi {end}.', // review:
  'cycle.changed_open': 'Imehifadhiwa: hedhi yako tangu {start}.', // review:
  'cycle.manage': 'Badilisha au futa hedhi', // review:

  'cycle.delete': 'Futa', // review:
  'cycle.delete_period': 'Futa hedhi hii', // review:
  'cycle.delete_period_ask': 'Ufute hedhi yako ya kuanzia {start} hadi {end}?', // review:
  'cycle.delete_period_ask_open': 'Ufute hedhi yako iliyoanza tarehe {start}?', // review:
  'cycle.delete_day': 'Futa nilichoandika siku hii', // review:
  'cycle.delete_day_ask': 'Ufute kila ulichoandika tarehe {date}?', // review:
  'cycle.delete_undo_hint': 'Unaweza kutendua mara moja baadaye.', // review:
  'cycle.delete_yes': 'Ndiyo, futa', // review:
  'cycle.keep': 'Hapana, iache', // review:
  'cycle.deleted_period': 'Imefutwa: hedhi yako ya tarehe {start}.', // review:
  'cycle.deleted_day': 'Imefutwa: ulichoandika tarehe {date}.', // review:
  'cycle.undo': 'Tendua', // review:
  'cycle.undone': 'Imefanyika: imerudi.', // review:
  'cycle.close': 'Funga', // review:

  'cycle.ring.label': 'Mzunguko wako kwa muhtasari', // review:
  'cycle.ring.day': 'siku', // review:
  'cycle.ring.period': 'Hedhi yako: {start} hadi {end}', // review:
  'cycle.ring.period_open': 'Hedhi yako: tangu {start}', // review:
  'cycle.ring.period_no_end': 'Hedhi yako: kuanzia {start}, mwisho haukuandikwa', // review:
  'cycle.ring.fertile': 'Siku za rutuba, mwongozo tu, si njia ya kuzuia mimba: {start} hadi {end}', // review:
  'cycle.ring.next': 'Hedhi ijayo: huenda kati ya {earliest} na {latest}, si siku moja kamili', // review:
  'cycle.ring.next_late': 'Ilitarajiwa kati ya {earliest} na {latest}: bado haijaanza', // review:
};
