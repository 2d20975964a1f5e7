import type { cycleEn } from './cycle-messages.ts';

// review: written by machine, to be checked by a fluent speaker.
export const cycleFr: Record<keyof typeof cycleEn, string> = {
  'cycle.ended_today': "Mes règles se sont terminées aujourd'hui", // review:
  'cycle.ended_other_day': 'Elles se sont terminées un autre jour', // review:
  'cycle.open_since': 'Tes règles ont commencé le {date}.', // review:

  'cycle.change': 'Changer les dates', // review:
  'cycle.edit_title': 'Changer des règles', // review:
  'cycle.edit_intro': 'Tes règles du {start} au {end}.', // review:
  'cycle.edit_intro_open': 'Tes règles depuis le {start}, toujours en cours.', // review:
  'cycle.edit_intro_no_end': "Tes règles à partir du {start} ; leur fin n'a pas été notée.", // review:
  'cycle.end_not_logged': 'fin non notée', // review:
  'cycle.not_found': 'Ces règles ne sont plus dans ta liste.', // review:
  'cycle.back': 'Retour à mes règles', // review:
  'cycle.changed': 'Enregistré : tes règles du {start} au {end}.', // review:
  'cycle.changed_open': 'Enregistré : tes règles depuis le {start}.', // review:
  'cycle.manage': 'Changer ou supprimer des règles', // review:

  'cycle.delete': 'Supprimer', // review:
  'cycle.delete_period': 'Supprimer ces règles', // review:
  'cycle.delete_period_ask': 'Supprimer tes règles du {start} au {end} ?', // review:
  'cycle.delete_period_ask_open': 'Supprimer tes règles commencées le {start} ?', // review:
  'cycle.delete_day': "Supprimer ce que j'ai noté ce jour-là", // review:
  'cycle.delete_day_ask': 'Supprimer tout ce que tu as noté le {date} ?', // review:
  'cycle.delete_undo_hint': 'Tu pourras annuler juste après.', // review:
  'cycle.delete_yes': 'Oui, supprimer', // review:
  'cycle.keep': 'Non, garder', // review:
  'cycle.deleted_period': 'Supprimé : tes règles du {start}.', // review:
  'cycle.deleted_day': 'Supprimé : ta note du {date}.', // review:
  'cycle.undo': 'Annuler', // review:
  'cycle.undone': "C'est fait : c'est revenu.", // review:
  'cycle.close': 'Fermer', // review:

  'cycle.ring.label': "Ton cycle d'un coup d'œil", // review:
  'cycle.ring.day': 'jour', // review:
  'cycle.ring.period': 'Tes règles : du {start} au {end}', // review:
  'cycle.ring.period_open': 'Tes règles : depuis le {start}', // review:
  'cycle.ring.period_no_end': 'Tes règles : à partir du {start}, fin non notée', // review:
  'cycle.ring.fertile': 'Jours fertiles, un simple repère, pas une contraception : du {start} au {end}', // review:
  'cycle.ring.next':
    'Prochaines règles : probablement entre le {earliest} et le {latest}, pas un jour précis', // review:
  'cycle.ring.next_late': "Attendues entre le {earliest} et le {latest} : elles n'ont pas encore commencé", // review:
};
