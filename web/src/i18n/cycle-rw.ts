import type { cycleEn } from './cycle-messages.ts';

// review: machine translation, needs a fluent speaker ("gusiba" for delete, "gusubizaho" for undo).
export const cycleRw: Record<keyof typeof cycleEn, string> = {
  'cycle.ended_today': 'Imihango yanjye yarangiye uyu munsi', // review:
  'cycle.ended_other_day': 'Yarangiye ku wundi munsi', // review:
  'cycle.open_since': 'Imihango yawe yatangiye ku wa {date}.', // review:

  'cycle.change': 'Hindura amatariki', // review:
  'cycle.edit_title': 'Hindura imihango', // review:
  'cycle.edit_intro': 'Imihango yawe kuva {start} kugeza {end}.', // review:
  'cycle.edit_intro_open': 'Imihango yawe kuva {start}, iracyakomeje.', // review:
  'cycle.edit_intro_no_end': 'Imihango yawe kuva {start}; igihe yarangiriye nticyanditswe.', // review:
  'cycle.end_not_logged': 'iherezo ntiryanditswe', // review:
  'cycle.not_found': 'Iyi mihango ntikiri ku rutonde rwawe.', // review:
  'cycle.back': 'Subira ku mihango yanjye', // review:
  'cycle.changed': 'Byabitswe: imihango yawe kuva {start} kugeza {end}.', // review:
  'cycle.changed_open': 'Byabitswe: imihango yawe kuva {start}.', // review:
  'cycle.manage': 'Hindura cyangwa usibe imihango', // review:

  'cycle.delete': 'Siba', // review:
  'cycle.delete_period': 'Siba iyi mihango', // review:
  'cycle.delete_period_ask': 'Usibe imihango yawe kuva {start} kugeza {end}?', // review:
  'cycle.delete_period_ask_open': 'Usibe imihango yawe yatangiye ku wa {start}?', // review:
  'cycle.delete_day': 'Siba ibyo nanditse kuri uyu munsi', // review:
  'cycle.delete_day_ask': 'Usibe ibyo wanditse byose ku wa {date}?', // review:
  'cycle.delete_undo_hint': 'Ushobora kubisubizaho ako kanya.', // review:
  'cycle.delete_yes': 'Yego, siba', // review:
  'cycle.keep': 'Oya, bigumeho', // review:
  'cycle.deleted_period': 'Byasibwe: imihango yawe yo ku wa {start}.', // review:
  'cycle.deleted_day': 'Byasibwe: ibyo wanditse ku wa {date}.', // review:
  'cycle.undo': 'Bisubizeho', // review:
  'cycle.undone': 'Byakozwe: byagarutse.', // review:
  'cycle.close': 'Funga', // review:

  'cycle.ring.label': 'Umuzunguruko wawe mu ncamake', // review:
  'cycle.ring.day': 'umunsi', // review:
  'cycle.ring.period': 'Imihango yawe: kuva {start} kugeza {end}', // review:
  'cycle.ring.period_open': 'Imihango yawe: kuva {start}', // review:
  'cycle.ring.period_no_end': 'Imihango yawe: kuva {start}, iherezo ntiryanditswe', // review:
  'cycle.ring.fertile':
    "Iminsi y'uburumbuke, ni icyerekezo gusa, si uburyo bwo kuboneza urubyaro: {start} kugeza {end}", // review:
  'cycle.ring.next': 'Imihango itaha: birashoboka hagati ya {earliest} na {latest}, si umunsi umwe uzwi neza', // review:
  'cycle.ring.next_late': 'Yari itegerejwe hagati ya {earliest} na {latest}: ntiratangira', // review:
};
