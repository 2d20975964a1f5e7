import type { Catalogue } from './en.ts';

/** French message catalogue (translation of en.ts). GSM-7 only: no ê, â, î, ô, û, ç; plain ' apostrophe. */
export const fr: Catalogue = {
  'app.name': "Lady's Essence",
  'lang.choose': "Bienvenue sur Lady's Essence. Choisissez une langue:",

  'nav.back': 'Retour',
  'nav.home': 'Accueil',
  'nav.more': 'Plus',
  'nav.exit': 'Quitter',
  'common.invalid_choice': 'Choisissez un des numéros affichés.',
  'common.yes': 'Oui',
  'common.no': 'Non',
  'common.busy': 'Le service est occupé. Réessayez dans quelques minutes.',
  // review: machine-written
  'common.refused': "Désolé, cela n'a pas pu se faire.",
  'common.goodbye': 'Au revoir. Rappelez quand vous voulez.',
  'sms.number_changed':
    "Le numéro de téléphone de votre compte a été changé. Si ce n'est pas vous, demandez de l'aide dans un centre de santé.",
  // review: machine-written
  'sms.code.one': 'Votre code est {code}. Il est valable {n} minute. Ne le donnez a personne.',
  'sms.code.other': 'Votre code est {code}. Il est valable {n} minutes. Ne le donnez a personne.',

  'reg.name': 'Bienvenue! Entrez votre prénom:',
  'reg.name_invalid': 'Utilisez 2 à 30 lettres.',
  'reg.role': 'Qui etes-vous?',
  'reg.role_adolescent': 'Fille ou jeune femme',
  'reg.role_parent': 'Parent ou tuteur',
  'reg.birth_year': 'Entrez votre année de naissance, ex. 2009:',
  'reg.birth_year_invalid': 'Entrez une année à 4 chiffres, ex. 2009.',
  'reg.pin': 'Créez un PIN secret à 5 chiffres. Ne le donnez jamais:',
  'reg.pin_again': 'Entrez à nouveau ce PIN:',
  'reg.pin_mismatch': 'Les deux PIN sont différents.',
  'reg.pin_weak': 'Ce PIN est facile à deviner. Évitez 12345, 11111 et votre année de naissance.',
  'reg.terms': 'Vos données restent privées et chiffrées. Conditions: ladysessence.rw/terms',
  'reg.accept': "J'accepte",
  'reg.decline': "Je n'accepte pas",
  'reg.declined': 'Aucun compte créé. Vous pouvez vous inscrire à tout moment en rappelant.',
  'reg.taken': 'Ce numéro a déjà un compte. Rappelez pour vous connecter.',
  'reg.done': 'Bienvenue, {name}! Votre compte est créé.',

  'signin.pin': "Bon retour sur Lady's Essence. Entrez votre PIN (oublié ? envoyez 9):",
  // review: machine-written
  'signin.wrong.one': 'PIN incorrect. {n} essai restant.',
  'signin.wrong.other': 'PIN incorrect. {n} essais restants.',
  // review: machine-written
  'signin.locked.one': 'Trop de PIN erronés. Réessayez dans {n} minute.',
  'signin.locked.other': 'Trop de PIN erronés. Réessayez dans {n} minutes.',
  'recover.new_pin':
    "PIN oublié ? Le numéro de ce téléphone prouve que c'est vous. Choisissez un nouveau PIN de 5 chiffres:",
  'recover.done': 'Votre PIN est changé et vos autres sessions sont fermées. Entrez votre nouveau PIN:',
  'signin.deactivated': "Ce compte n'est pas actif. Contactez l'assistance.",

  'resume.ask': 'Reprendre là où vous étiez?',
  'resume.start_again': 'Non, recommencer',

  'menu.title': 'Menu principal',
  'menu.log_start': 'Noter début des règles',
  'menu.log_end': 'Noter fin des règles',
  'menu.log_today': "Noter aujourd'hui",
  'menu.next_period': 'Mes prochaines règles',
  'menu.summary': 'Résumé de mon cycle',
  'menu.tips': 'Conseils santé',
  'menu.settings': 'Paramètres',

  'period.start_when': 'Quand vos règles ont-elles commencé?',
  'period.end_when': 'Quand vos règles ont-elles fini?',
  'period.today': "Aujourd'hui",
  'period.yesterday': 'Hier',
  'period.other_day': 'Un autre jour',
  'period.enter_date': 'Entrez jour et mois en JJMM, ex. 0311 pour le 3 novembre:',
  'period.date_invalid': 'Entrez 4 chiffres, ex. 0311.',
  'period.saved_start': 'Enregistré: début des règles le {date}.',
  'period.saved_end': 'Enregistré: fin des règles le {date}.',
  'period.no_open': "Pas de règles en cours. Notez d'abord leur début.",
  'period.future': 'Cette date est dans le futur.',
  // review: machine-written
  'period.overlap': 'Cela chevauche vos règles commencées le {date}.',
  'period.overlap_open': "Cela chevauche vos règles commencées le {date}, dont la fin n'est pas notée.",
  'period.before_start': 'La fin ne peut pas précéder le début ({date}).',
  // review: machine-written
  'period.unusual_long.one': "Des règles de {n} jour, c'est long.",
  'period.unusual_long.other': "Des règles de {n} jours, c'est long.",
  'period.unusual_after.one': "C'est seulement {n} jour après vos règles commencées le {date}.",
  'period.unusual_after.other': "C'est seulement {n} jours après vos règles commencées le {date}.",
  'period.unusual_before.one': "C'est seulement {n} jour avant vos règles commencées le {date}.",
  'period.unusual_before.other': "C'est seulement {n} jours avant vos règles commencées le {date}.",
  'period.save_anyway': 'Enregistrer malgré tout?',

  'day.flow': "Des saignements aujourd'hui?",
  'day.symptoms': 'Un symptome? Choisissez-en un:',
  'day.symptoms_more': 'Choisi: {list}. Un autre?',
  'day.no_more': "C'est tout",
  'day.mood': 'Comment vous sentez-vous?',
  'day.pain': "Votre douleur aujourd'hui?",
  'day.saved': 'Enregistré. Prenez soin de vous.',
  'pain.none': 'Aucune douleur',
  'pain.mild': 'Légère',
  'pain.moderate': 'Moyenne',
  'pain.severe': 'Forte',
  'pain.worst': 'Très forte',

  'flow.none': 'Aucun',
  'flow.spotting': 'Quelques gouttes',
  'flow.light': 'Léger',
  'flow.medium': 'Moyen',
  'flow.heavy': 'Abondant',

  'symptom.cramps': 'Crampes',
  'symptom.headache': 'Mal de tete',
  'symptom.backache': 'Mal de dos',
  'symptom.bloating': 'Ballonnements',
  'symptom.tender_breasts': 'Seins sensibles',
  'symptom.acne': 'Acné',
  'symptom.nausea': 'Nausées',
  'symptom.fatigue': 'Fatigue',
  'symptom.dizziness': 'Vertiges',
  'symptom.cravings': 'Fringales',
  'symptom.insomnia': 'Mauvais sommeil',
  'symptom.mood_swings': "Sautes d'humeur",
  'symptom.diarrhea': 'Diarrhée',
  'symptom.constipation': 'Constipation',

  'mood.happy': 'Heureuse',
  'mood.calm': 'Calme',
  'mood.sad': 'Triste',
  'mood.anxious': 'Inquiète',
  'mood.irritable': 'Irritable',
  'mood.sensitive': 'Sensible',

  'pred.none':
    "Notez d'abord le début de vos règles; je pourrai ensuite dire quand viendront les prochaines.",
  'pred.next': 'Prochaines règles: vers le {date}, entre le {earliest} et le {latest}.',
  'pred.prior': "Basé sur des cycles typiques, jusqu'à 3 règles notées.",
  'pred.today': "Aujourd'hui, jour {day} de votre cycle: {phase}.",
  // review: machine-written
  'pred.late.one':
    'Vos règles ont {n} jour de retard. Cela arrive; si cela dure ou si une grossesse est possible, voyez un agent de santé.',
  'pred.late.other':
    'Vos règles ont {n} jours de retard. Cela arrive; si cela dure ou si une grossesse est possible, voyez un agent de santé.',
  // review: machine-written
  'pred.fertile': "Jours fertiles: du {start} au {end}. Ce n'est pas une contraception.",

  'phase.menstrual': 'règles',
  'phase.follicular': "avant l'ovulation",
  'phase.fertile': 'jours fertiles',
  'phase.luteal': "après l'ovulation",
  'phase.late': 'règles en retard',

  'sum.none': 'Aucun cycle complet noté. Notez le début de vos règles chaque fois.',
  // review: machine-written
  'sum.cycle.one': "Cycle moyen: {n} jour, variant d'environ {var}.",
  'sum.cycle.other': "Cycle moyen: {n} jours, variant d'environ {var}.",
  'sum.period.one': 'Règles moyennes: {n} jour.',
  'sum.period.other': 'Règles moyennes: {n} jours.',
  'sum.flags': 'Parlez-en à un agent de santé: {list}.',
  'sum.fine': "Rien d'inhabituel dans vos notes.",

  'flag.possible_missed_log': 'possibles règles non notées',
  'flag.unusual_cycle': 'un cycle inhabituel',
  'flag.short_cycles': 'cycles courts',
  'flag.long_cycles': 'cycles longs',
  'flag.irregular': 'cycles irréguliers',
  'flag.long_periods': 'règles longues',
  'flag.no_period_90_days': 'pas de règles depuis 90 jours',
  'flag.heavy_flow': 'saignements abondants',

  'tips.title': 'Conseils santé:',
  'tip.1.title': 'Douleurs de règles',
  'tip.1.body':
    "Chaleur sur le ventre, repos, eau et marche douce calment les crampes. Si la douleur vous bloque pour l'école ou la vie quotidienne, voyez un agent de santé.",
  'tip.2.title': 'Serviettes et hygiène',
  'tip.2.body':
    'Changez de serviette toutes les 4 à 6 heures. Lavez-vous les mains avant et après. Lavez les serviettes lavables au savon et séchez-les au soleil.',
  'tip.3.title': 'Bien manger',
  'tip.3.body':
    "Haricots, légumes à feuilles vert foncé, oeufs et poisson apportent du fer, perdu pendant les règles. Buvez beaucoup d'eau potable.",
  'tip.4.title': 'Ce qui est normal',
  'tip.4.body':
    'Des cycles de 21 à 45 jours sont courants les premières années. Les règles durent 2 à 7 jours. Les cycles irréguliers sont fréquents chez les ados.',
  'tip.5.title': 'Quand consulter',
  'tip.5.body':
    "Voyez un agent de santé si le sang trempe une serviette par heure ou dure plus de 7 jours, en cas d'évanouissement ou sans règles depuis 3 mois.",
  'tip.6.title': 'Vos émotions',
  'tip.6.body':
    "Les sautes d'humeur avant les règles sont normales. Le sommeil, le sport et parler à quelqu'un de confiance aident.",

  'policy.terms.summary':
    "Conditions d'utilisation: le service informe sur la santé, il ne soigne pas. Gardez votre PIN secret. Vous pouvez supprimer votre compte à tout moment.",
  'policy.privacy.summary':
    'Confidentialité: vos données sont chiffrées et jamais vendues. Personne ne les voit sauf si vous les partagez. Vous pouvez les télécharger ou les supprimer.',
  'policy.changed':
    'Nos conditions ou la politique de confidentialité ont changé. Voir ladysessence.rw/terms',
  'policy.declined': 'Vous devez les accepter pour utiliser le service. Rappelez quand vous voulez.',
  'guardian.required':
    'Vous avez moins de {age} ans: un parent ou tuteur doit accepter que nous gardions vos données de santé. Choisissez Code pour mon parent.',
  'guardian.code':
    'Donnez ce code à votre parent ou tuteur: {code}. Dans son menu, il faut choisir Accord pour mon enfant. Valable 2 jours.',
  'guardian.enter_code': 'Entrez le code à 8 chiffres donné par votre enfant:',
  'guardian.same_phone': "Le consentement doit venir du téléphone du parent, pas de celui de l'enfant.",
  'guardian.code_invalid': "Ce code n'est pas valide, a déjà servi ou a expiré.",
  'guardian.done':
    'Merci, votre accord est enregistré. Vous ne verrez pas ses données de santé sauf si elle choisit de les partager.',
  'menu.guardian_code': 'Code pour mon parent',
  'menu.child_consent': 'Accord pour mon enfant',

  'settings.title': 'Paramètres',
  'settings.language': 'Langue',
  'settings.change_pin': 'Changer le PIN',
  'settings.delete': 'Supprimer mon compte',
  'settings.language_saved': 'Langue modifiée.',
  'pin.current': 'Entrez votre PIN actuel:',
  'pin.new': 'Entrez un nouveau PIN à 5 chiffres:',
  'pin.new_again': 'Entrez encore le nouveau PIN:',
  'pin.changed': 'Votre PIN a été modifié.',
  'delete.warn':
    'Cela supprime votre compte et toutes vos données pour toujours. Entrez votre PIN pour confirmer, ou 0 pour revenir:',
  'delete.done': 'Votre compte et toutes vos données sont supprimés. Au revoir.',

  // review: machine-written (care network: her people, a parent's children, booking, her visits)
  'menu.book': 'Prendre rendez-vous',
  'menu.visits': 'Mes rendez-vous',
  'menu.people': 'Mes proches',
  'menu.children': 'Mes enfants',

  // review: machine-written
  'people.title': 'Qui voit vos données:',
  'people.none': 'Personne ne voit vos données.',
  'people.add': 'Lier un parent',
  'people.add_title': 'Lier un parent ou tuteur:',
  'people.add_enter': "Entrer un code qu'on m'a donné",
  'people.add_get': 'Obtenir un code à donner',
  'people.code_prompt': "Entrez le code à 8 chiffres qu'on vous a donné:",
  'people.code_entered': 'Fait. Le lien commence quand la personne qui a donné le code le confirme.',
  'people.already_linked': 'Ce lien existe déjà.',
  'people.too_many.one': 'Trop de codes erronés. Réessayez dans {n} minute.',
  'people.too_many.other': 'Trop de codes erronés. Réessayez dans {n} minutes.',
  'people.code.one':
    'Donnez ce code à votre parent ou tuteur: {code}. Valable {n} heure. Confirmez ensuite le lien ici, dans Mes proches.',
  'people.code.other':
    'Donnez ce code à votre parent ou tuteur: {code}. Valable {n} heures. Confirmez ensuite le lien ici, dans Mes proches.',
  'people.item': '{name}: {what}',
  'people.nothing': 'rien',
  'people.waiting_you': '{name}: attend votre accord',
  'people.waiting_them': 'Code saisi: en attente de confirmation',
  'people.sees': '{name} voit: {what}.',
  'people.pending_them': 'En attente: la personne qui vous a donné le code doit confirmer le lien.',
  'people.confirm_ask': '{name} a entré votre code. Accepter le lien?',
  'people.remove': 'Retirer ce lien',
  'people.cancel_ask': 'Annuler le code saisi? Rien ne sera lié.',
  'people.remove_ask': 'Retirer {name}? Cette personne ne verra plus rien de vous.',
  'people.removed': 'Fait. Le lien est retiré.',
  'people.linked': 'Fait. Le lien est actif.',
  'people.fixed': "{name} a donné l'accord nécessaire avant {age} ans: ce lien reste jusqu'à vos {age} ans.",
  'people.gone': "Ce lien n'existe plus.",
  'scope.prediction': 'prochaines règles',
  'scope.periods': 'dates des règles',
  'scope.symptoms': 'symptomes',
  'scope.flags': 'alertes santé',
  'scope.appointments': 'rendez-vous',

  // review: machine-written
  'child.title': 'Mes enfants:',
  'child.none': "Aucun enfant n'est encore lié à vous.",
  'child.add': 'Lier un enfant',
  'child.add_title': 'Lier votre enfant:',
  'child.code.one':
    'Donnez ce code à votre enfant: {code}. Valable {n} heure. Elle le saisit dans son menu, puis vous confirmez ici.',
  'child.code.other':
    'Donnez ce code à votre enfant: {code}. Valable {n} heures. Elle le saisit dans son menu, puis vous confirmez ici.',
  'child.heading': '{name}, prochaines règles:',
  'child.not_shared': "Elle n'a pas partagé cela.",
  'child.pred_next': 'Vers le {date} (entre le {earliest} et le {latest}).',
  'child.pred_late.one': 'Ses règles ont {n} jour de retard.',
  'child.pred_late.other': 'Ses règles ont {n} jours de retard.',
  'child.pred_today': "Aujourd'hui: {phase}.",
  'child.pred_none': 'Pas encore assez de notes pour le dire.',
  'child.not_linked': "Elle n'est plus liée à vous.",
  'child.remove_ask': 'Retirer le lien avec {name}? Vous ne verrez plus rien de ses données.',

  // review: machine-written
  'book.district': 'Prendre rendez-vous. Votre district:',
  'book.no_providers':
    'Aucun agent de santé à {district} ne prend de rendez-vous. Choisissez un autre district.',
  'book.provider': '{district}: choisissez un agent de santé:',
  'book.no_days': 'Pas de place libre dans les 14 prochains jours. Choisissez un autre agent.',
  'book.gone': 'Cet agent de santé ne prend pas de rendez-vous en ce moment.',
  'book.day': 'Choisissez un jour:',
  'book.day_item.one': '{date}: {n} place libre',
  'book.day_item.other': '{date}: {n} places libres',
  'book.day_full': 'Ce jour est complet. Choisissez-en un autre.',
  'book.slot': '{date}: choisissez une heure:',
  'book.reason': 'Le rendez-vous est pour:',
  'book.confirm': 'Rendez-vous le {date} à {time} avec {provider}, {facility}, pour: {reason}?',
  'book.done': "Réservé: le {date} à {time}. L'agent de santé va le confirmer. Voir Mes rendez-vous.",
  'book.taken': "Cette heure vient d'etre prise. Choisissez-en une autre.",
  'reason.period_problem': 'Problème de règles',
  'reason.pain': 'Douleur',
  'reason.irregular_cycle': 'Règles irrégulières',
  'reason.contraception_advice': 'Conseil contraception',
  'reason.nutrition': 'Bien manger',
  'reason.general_checkup': 'Bilan de santé',
  'reason.something_else': 'Autre chose',

  // review: machine-written
  'appt.title': 'Mes rendez-vous:',
  'appt.none': 'Aucun rendez-vous. Choisissez Prendre rendez-vous dans le menu.',
  'appt.item': '{date} {time} {provider}',
  'appt.detail': 'Le {date} à {time}\n{provider}, {facility}\n{status}',
  'appt.status.requested': "En attente de confirmation par l'agent de santé.",
  'appt.status.confirmed': 'Confirmé.',
  'appt.status.declined': "L'agent de santé l'a refusé.",
  'appt.status.cancelled': 'Annulé.',
  'appt.status.completed': 'Terminé.',
  'appt.status.no_show': 'Manqué.',
  'appt.cancel': 'Annuler ce rendez-vous',
  'appt.cancel_ask': 'Annuler votre rendez-vous du {date} à {time}?',
  'appt.cancelled': 'Votre rendez-vous est annulé.',
  'appt.too_late_hours.one':
    "Trop tard pour annuler ici: un rendez-vous se change jusqu'à {n} heure avant. Appelez le centre de santé.",
  'appt.too_late_hours.other':
    "Trop tard pour annuler ici: un rendez-vous se change jusqu'à {n} heures avant. Appelez le centre de santé.",
  'appt.too_late_minutes.one':
    "Trop tard pour annuler ici: un rendez-vous se change jusqu'à {n} minute avant. Appelez le centre de santé.",
  'appt.too_late_minutes.other':
    "Trop tard pour annuler ici: un rendez-vous se change jusqu'à {n} minutes avant. Appelez le centre de santé.",
  'appt.closed': 'Ce rendez-vous ne peut plus etre changé.',

  'month.1': 'janv',
  'month.2': 'févr',
  'month.3': 'mars',
  'month.4': 'avr',
  'month.5': 'mai',
  'month.6': 'juin',
  'month.7': 'juil',
  'month.8': 'aout',
  'month.9': 'sept',
  'month.10': 'oct',
  'month.11': 'nov',
  'month.12': 'déc',
};
