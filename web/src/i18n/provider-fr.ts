import type { providerEn } from './provider-messages.ts';

/** French. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const providerFr: Record<keyof typeof providerEn, string> = {
  'provider.nav.day': 'Ma journée', // review:
  'provider.nav.hours': 'Heures d’ouverture', // review:
  'provider.nav.profile': 'Mon profil', // review:
  'provider.home': 'Tes rendez-vous, tes heures d’ouverture et ton profil sont ici.', // review:
  'provider.register_title': 'S’inscrire comme agent de santé', // review:
  'provider.register_intro':
    'Les agents de santé vérifiés par notre équipe apparaissent dans la liste où les jeunes femmes prennent rendez-vous.', // review:
  'provider.register_link': 'Tu es agent de santé ? Inscris-toi ici', // review:
  'provider.display_name': 'Ton nom tel que les patientes le voient', // review:
  'provider.licence': 'Numéro de licence', // review:
  'provider.licence_hint': 'Seule notre équipe le voit, pour le vérifier.', // review:
  'provider.facility': 'Centre de santé', // review:
  'provider.languages': 'Langues que tu parles', // review:
  'provider.services': 'Ce que tu fais', // review:
  'provider.invitation': 'Code d’invitation', // review:
  'provider.invitation_hint': 'Donné par notre équipe. Avec lui, ton compte est vérifié tout de suite.', // review:
  'provider.register_submit': 'M’inscrire', // review:
  'provider.pick_one': 'Choisis-en au moins un.', // review:
  'provider.status.pending': 'En attente de vérification', // review:
  'provider.status.verified': 'Vérifié', // review:
  'provider.status.rejected': 'Non accepté', // review:
  'provider.status.suspended': 'Suspendu', // review:
  'provider.pending_body':
    'Notre équipe vérifie ta licence avant que les jeunes femmes puissent te voir et réserver. En attendant, tu peux remplir ton profil et tes heures d’ouverture.', // review:
  'provider.rejected_body': 'Ton inscription n’a pas été acceptée. Contacte notre équipe.', // review:
  'provider.suspended_body': 'Ton compte est suspendu. Contacte notre équipe.', // review:
  'provider.review_note': 'Notre équipe a dit : {note}', // review:
  'provider.day_title': 'Ma journée', // review:
  'provider.day_label': 'Jour', // review:
  'provider.prev_day': 'Jour précédent', // review:
  'provider.next_day': 'Jour suivant', // review:
  'provider.day_none': 'Aucun rendez-vous ce jour-là.', // review:
  'provider.reason': 'Motif : {reason}', // review:
  'provider.words': 'Ses mots : {words}', // review:
  'provider.confirm': 'Confirmer', // review:
  'provider.decline': 'Refuser', // review:
  'provider.decline_reason': 'Pourquoi tu refuses (elle le lira)', // review:
  'provider.decline_send': 'Refuser le rendez-vous', // review:
  'provider.complete': 'Marquer comme terminé', // review:
  'provider.no_show': 'Elle n’est pas venue', // review:
  'provider.cancel': 'Annuler le rendez-vous', // review:
  'provider.cancel_ask': 'Annuler le rendez-vous avec {name} à {time} ?', // review:
  'provider.note': 'Note de visite', // review:
  'provider.note_hint': 'Elle lit cette note. Elle est gardée chiffrée.', // review:
  'provider.note_save': 'Enregistrer la note', // review:
  'provider.summary_title': 'Le résumé de son cycle (elle a choisi de le partager)', // review:
  'provider.summary_avg.one': 'Durée moyenne du cycle : {n} jour', // review:
  'provider.summary_avg.other': 'Durée moyenne du cycle : {n} jours', // review:
  'provider.summary_last': 'Début des dernières règles : {date}', // review:
  'provider.summary_next': 'Prochaines règles attendues entre le {earliest} et le {latest}', // review:
  'provider.summary_flags': 'Signes à surveiller : {list}', // review:
  'provider.summary_none': 'Pas encore assez de données pour un résumé.', // review:
  'provider.open': 'Ouvrir', // review:
  'provider.hours_title': 'Heures d’ouverture', // review:
  'provider.time_zone': 'Fuseau horaire', // review:
  'provider.slot_minutes': 'Durée de chaque rendez-vous (minutes)', // review:
  'provider.slot_hint': 'Entre 15 et 60 minutes.', // review:
  'provider.weekly': 'Heures de la semaine', // review:
  'provider.closed': 'Fermé', // review:
  'provider.opens': 'De', // review:
  'provider.closes': 'À', // review:
  'provider.add_hours': 'Ajouter des heures le {day}', // review:
  'provider.remove_hours': 'Supprimer {from}–{to} le {day}', // review:
  'provider.days_off': 'Jours de congé', // review:
  'provider.days_off_none': 'Aucun jour de congé.', // review:
  'provider.day_off': 'Jour de congé', // review:
  'provider.add_day_off': 'Ajouter le jour de congé', // review:
  'provider.remove_day_off': 'Supprimer le {date}', // review:
  'provider.hours_bad': 'Le {day}, chaque plage doit finir après son début.', // review:
  'provider.hours_saved': 'Enregistré. Les jeunes femmes voient les heures libres selon ces horaires.', // review:
  'provider.weekday.1': 'Lundi', // review:
  'provider.weekday.2': 'Mardi', // review:
  'provider.weekday.3': 'Mercredi', // review:
  'provider.weekday.4': 'Jeudi', // review:
  'provider.weekday.5': 'Vendredi', // review:
  'provider.weekday.6': 'Samedi', // review:
  'provider.weekday.7': 'Dimanche', // review:
  'provider.profile_title': 'Mon profil', // review:
  'provider.profile_saved': 'Ton profil est enregistré.', // review:
  'admin.nav.providers': 'Agents de santé', // review:
  'admin.providers_title': 'Agents de santé à vérifier', // review:
  'admin.show': 'Afficher', // review:
  'admin.none': 'Personne ici.', // review:
  'admin.licence': 'Numéro de licence : {licence}', // review:
  'admin.registered': 'Inscrit le {when}', // review:
  'admin.verify': 'Vérifier', // review:
  'admin.reject': 'Refuser', // review:
  'admin.reject_reason': 'Pourquoi (l’agent de santé le lira)', // review:
  'admin.reject_send': 'Refuser l’inscription', // review:
  'admin.suspend': 'Suspendre', // review:
  'admin.facts': 'Licence {licence} · {facility}, {district}.', // review:
  'admin.verify_ask': 'Vérifier {name} ?', // review:
  'admin.verify_yes': 'Oui, vérifier', // review:
  'admin.suspend_ask':
    'Suspendre {name} ? Il ou elle quitte la liste des agents de santé et ne voit plus personne jusqu’à une nouvelle vérification.', // review:
  'admin.suspend_yes': 'Oui, suspendre', // review:
  'admin.reject_ask': 'Refuser l’inscription de {name} ?', // review:
  'admin.go_back': 'Non, revenir', // review:
  'admin.done_verified': '{name} est vérifié.', // review:
  'admin.done_rejected': '{name} n’est pas accepté.', // review:
  'admin.done_suspended': '{name} est suspendu.', // review:
  'admin.invite_title': 'Inviter un agent de santé', // review:
  'admin.invite_body':
    'Crée un code à usage unique pour un agent de santé que tu connais. S’il s’inscrit avec, il est vérifié tout de suite.', // review:
  'admin.invite_make': 'Créer un code d’invitation', // review:
  'admin.invite_code': 'Code d’invitation :', // review:
  'admin.invite_until': 'Il marche une fois, jusqu’au {when}.', // review:
};
