import type { visitsEn } from './visits-messages.ts';

/** French. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const visitsFr: Record<keyof typeof visitsEn, string> = {
  'visit.nav': 'Agents de santé', // review:
  'visit.nav_mine': 'Mes rendez-vous', // review:
  'visit.dir_title': 'Trouver un agent de santé', // review:
  'visit.dir_intro':
    'Des agents de santé vérifiés par notre équipe. Choisis-en un pour voir ses heures libres et prendre rendez-vous.', // review:
  'visit.district': 'District', // review:
  'visit.language': 'Langue parlée', // review:
  'visit.service': 'Ce qu’il ou elle fait', // review:
  'visit.any': 'Tous', // review:
  'visit.search': 'Voir les agents de santé', // review:
  'visit.none_found': 'Aucun agent de santé trouvé. Essaie un autre district ou une autre langue.', // review:
  'visit.where': '{facility}, {district}', // review:
  'visit.speaks': 'Parle : {list}', // review:
  'visit.offers': 'Aide pour : {list}', // review:
  'visit.choose': 'Voir les heures libres', // review:
  'visit.book_title': 'Prendre rendez-vous', // review:
  'visit.back': 'Retour à la liste', // review:
  'visit.free_times': 'Heures libres', // review:
  'visit.no_slots': 'Aucune heure libre dans les deux prochaines semaines. Essaie un autre agent de santé.', // review:
  'visit.zone': 'Les heures sont celles du centre de santé ({zone}).', // review:
  'visit.chosen': 'Ton heure : {when}', // review:
  'visit.reason': 'Pourquoi veux-tu le ou la voir ?', // review:
  'visit.words': 'Ce que tu veux lui dire', // review:
  'visit.words_hint': 'Seul cet agent de santé le lit.', // review:
  'visit.share': 'Partager le résumé de mon cycle avec cet agent de santé pour ce rendez-vous', // review:
  'visit.share_hint':
    'La durée de tes cycles, le début de tes dernières règles, quand les prochaines sont attendues, et les signes à surveiller. Jamais tes notes.', // review:
  'visit.book': 'Réserver cette heure', // review:
  'visit.pick_time': 'Choisis d’abord une heure.', // review:
  'visit.booked': 'C’est réservé. L’agent de santé va le confirmer.', // review:
  'visit.see_mine': 'Voir mes rendez-vous', // review:
  'visit.taken':
    'Quelqu’un d’autre vient de réserver cette heure. Les heures libres sont à jour : choisis-en une autre.', // review:
  'visit.for_whom': 'Pour qui est le rendez-vous ?', // review:
  'visit.mine_title': 'Mes rendez-vous', // review:
  'visit.mine_none': 'Tu n’as aucun rendez-vous.', // review:
  'visit.book_link': 'Prendre rendez-vous avec un agent de santé', // review:
  'visit.upcoming': 'À venir', // review:
  'visit.past': 'Passés', // review:
  'visit.with': '{provider}, {facility}', // review:
  'visit.reason_is': 'Motif : {reason}', // review:
  'visit.your_words': 'Tes mots : {words}', // review:
  'visit.declined_why': 'L’agent de santé a dit : {reason}', // review:
  'visit.note': 'Note de l’agent de santé', // review:
  'visit.summary_shared': 'Tu partages le résumé de ton cycle avec cet agent de santé pour ce rendez-vous.', // review:
  'visit.cancel': 'Annuler ce rendez-vous', // review:
  'visit.cancel_ask': 'Annuler ton rendez-vous du {when} ?', // review:
  'visit.cancel_yes': 'Oui, l’annuler', // review:
  'visit.keep': 'Non, le garder', // review:
  'visit.changes_closed_hours.one':
    'Ce rendez-vous ne peut plus être annulé ni déplacé ici : les changements ferment {n} heure avant le début.', // review:
  'visit.changes_closed_hours.other':
    'Ce rendez-vous ne peut plus être annulé ni déplacé ici : les changements ferment {n} heures avant le début.', // review:
  'visit.changes_closed_minutes.one':
    'Ce rendez-vous ne peut plus être annulé ni déplacé ici : les changements ferment {n} minute avant le début.', // review:
  'visit.changes_closed_minutes.other':
    'Ce rendez-vous ne peut plus être annulé ni déplacé ici : les changements ferment {n} minutes avant le début.', // review:
  'visit.call_facility': 'Si tu ne peux pas venir, appelle le centre de santé.', // review:
  'visit.move': 'Changer l’heure', // review:
  'visit.move_title': 'Choisir une autre heure', // review:
  'visit.move_now': 'Réservé pour l’instant : {when}', // review:
  'visit.move_send': 'Déplacer le rendez-vous à cette heure', // review:
  'visit.moved': 'Le rendez-vous est déplacé au {when}.', // review:
  'visit.moved_wait': 'L’agent de santé confirmera la nouvelle heure.', // review:
  'visit.move_closed': 'Ce rendez-vous ne peut plus être déplacé.', // review:
  'visit.move_back_day': 'Retour à ma journée', // review:
  'visit.cancelled': 'Le rendez-vous est annulé.', // review:
  'visit.for_whom_missing':
    'Seule une fille qui partage ses rendez-vous avec toi est listée ici, ou une fille de moins de {age} ans dont tu as accepté le compte.', // review:
  'visit.status.requested': 'En attente de confirmation', // review:
  'visit.status.confirmed': 'Confirmé', // review:
  'visit.status.declined': 'Refusé', // review:
  'visit.status.cancelled': 'Annulé', // review:
  'visit.status.completed': 'Terminé', // review:
  'visit.status.no_show': 'Manqué', // review:
  'visit.reason_period_problem': 'Un problème avec mes règles', // review:
  'visit.reason_pain': 'Des douleurs', // review:
  'visit.reason_irregular_cycle': 'Mes règles ne viennent pas régulièrement', // review:
  'visit.reason_contraception_advice': 'Des conseils sur la contraception', // review:
  'visit.reason_nutrition': 'L’alimentation', // review:
  'visit.reason_general_checkup': 'Un contrôle général', // review:
  'visit.reason_other': 'Autre chose', // review:
  'visit.service.menstrual_health': 'Les règles', // review:
  'visit.service.contraception': 'La contraception', // review:
  'visit.service.sexual_health': 'La santé sexuelle', // review:
  'visit.service.pregnancy': 'La grossesse', // review:
  'visit.service.nutrition': 'L’alimentation', // review:
  'visit.service.mental_health': 'Les émotions et le stress', // review:
  'visit.service.general_medicine': 'Soins généraux', // review:
  'access.action.appointment.book': 'a réservé un rendez-vous', // review:
  'access.action.appointment.read': 'a regardé un rendez-vous', // review:
  'access.action.appointment.read.appointment_list': 'a regardé la liste des rendez-vous d’un jour', // review:
  'access.action.appointment.read.appointment_with_summary':
    'a regardé un rendez-vous et le résumé de ton cycle', // review:
  'access.action.appointment.cancel': 'a annulé un rendez-vous', // review:
  'access.action.appointment.reschedule': 'a déplacé un rendez-vous', // review:
  'access.action.appointment.confirm': 'a confirmé un rendez-vous', // review:
  'access.action.appointment.decline': 'a refusé un rendez-vous', // review:
  'access.action.appointment.complete': 'a marqué un rendez-vous comme terminé', // review:
  'access.action.appointment.no_show': 'a marqué un rendez-vous comme manqué', // review:
  'access.action.appointment.note': 'a écrit une note de visite', // review:
};
