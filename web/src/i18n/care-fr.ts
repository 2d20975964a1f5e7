import type { careEn } from './care-messages.ts';

/** French. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const careFr: Record<keyof typeof careEn, string> = {
  'care.nav': 'Qui voit mes données', // review:
  'care.nav_adult': 'Me lier à ma fille', // review:
  'care.title': 'Les personnes qui peuvent voir mes données', // review:
  'care.intro':
    'Personne ne voit tes données sans ton choix. Lie-toi à un parent ou un tuteur, puis choisis ce qu’il voit. Tu peux le changer ou arrêter à tout moment.', // review:
  'care.adult_title': 'Te lier à ta fille', // review:
  'care.adult_intro':
    'Une fois lié, tu vois seulement ce que ta fille choisit de partager avec toi. Elle peut le changer à tout moment.', // review:
  'care.notes_never': 'Tes notes ne sont jamais partagées, quoi que tu choisisses.', // review:
  'care.none': 'Personne n’est encore lié à toi.', // review:
  'care.linked_title': 'Liés à toi', // review:
  'care.person': '{name} ({role})', // review:
  'care.since': 'Lié depuis le {when}', // review:
  'care.awaiting_title': 'Est-ce la bonne personne ?', // review:
  'care.awaiting_body':
    '{name} ({role}) a saisi ton code. Dis oui seulement si tu as donné ton code à cette personne.', // review:
  'care.confirm': 'Oui, lie-nous', // review:
  'care.refuse': 'Non, ce n’est pas elle', // review:
  'care.refused': 'Refusé. Cette personne ne voit rien.', // review:
  'care.confirmed': 'Tu es maintenant lié à {name}.', // review:
  'care.waiting_other':
    'On attend que la personne qui a créé le code confirme que c’est bien toi. Tu verras son nom ensuite.', // review:
  'care.entered_title': 'Code saisi', // review:
  'care.cancel_ask': 'Annuler le code saisi ? Rien ne sera lié.', // review:
  'care.cancel_code': 'Annuler ce code', // review:
  'care.sees_title': 'Ce que {name} voit', // review:
  'care.you_see': 'Elle partage avec toi :', // review:
  'care.you_see_nothing': 'Elle ne partage rien avec toi pour l’instant.', // review:
  'care.scope.prediction': 'Quand mes prochaines règles sont attendues', // review:
  'care.scope.periods': 'Les dates de mes règles', // review:
  'care.scope.symptoms': 'Comment je me sens chaque jour (jamais mes notes)', // review:
  'care.scope.flags': 'Quand je devrais peut-être voir un agent de santé', // review:
  'care.scope.appointments': 'Mes rendez-vous', // review:
  'care.her_scope.prediction': 'Quand ses prochaines règles sont attendues', // review:
  'care.her_scope.periods': 'Les dates de ses règles', // review:
  'care.her_scope.symptoms': 'Comment elle se sent chaque jour', // review:
  'care.her_scope.flags': 'Quand elle devrait peut-être voir un agent de santé', // review:
  'care.her_scope.appointments': 'Ses rendez-vous', // review:
  'care.fixed': 'Toujours activé jusqu’à tes {age} ans', // review:
  'care.fixed_reason':
    '{name} a donné son accord pour ton compte : il voit donc les parties « toujours activé » jusqu’à tes {age} ans. Tu peux partager plus, pas moins.', // review:
  'care.saved': 'Enregistré. {name} voit cela dès maintenant.', // review:
  'care.remove': 'Supprimer ce lien', // review:
  'care.remove_ask': 'Supprimer le lien avec {name} ? Cette personne ne verra plus rien de toi.', // review:
  'care.remove_ask_adult': 'Supprimer le lien avec {name} ? Tu ne verras plus rien de ce qu’elle partage.', // review:
  'care.remove_yes': 'Oui, supprimer', // review:
  'care.keep': 'Non, le garder', // review:
  'care.removed': 'Le lien est supprimé.', // review:
  'care.code_make_title': 'Donner un code', // review:
  'care.code_make_body':
    'Crée un code et lis-le à ton parent ou tuteur. Il le saisit sur son téléphone. Ensuite, tu dis si c’est vraiment lui.', // review:
  'care.code_make_body_adult':
    'Crée un code et lis-le à ta fille. Elle le saisit sur son téléphone. Ensuite, tu dis si c’est vraiment elle.', // review:
  'care.code_make': 'Créer un code', // review:
  'care.code_make_new': 'Créer un nouveau code', // review:
  'care.code_is': 'Ton code :', // review:
  'care.code_until': 'Il marche une fois, jusqu’au {when}.', // review:
  'care.code_private': 'Ne donne un code qu’à une personne que tu connais, en face à face ou au téléphone.', // review:
  'care.code_enter_title': 'Saisir un code', // review:
  'care.code_enter_body': 'Ton parent ou tuteur t’a donné un code ? Saisis-le ici.', // review:
  'care.code_enter_body_adult': 'Ta fille t’a donné un code ? Saisis-le ici.', // review:
  'care.code_label': 'Code (8 chiffres)', // review:
  'care.code_submit': 'Lier', // review:
  'care.code_entered':
    'Code accepté. La personne qui l’a créé doit maintenant confirmer que c’est toi. Ensuite, le lien commence.', // review:
  'care.code_digits': 'Le code a 8 chiffres.', // review:
  'care.children_title': 'Tes filles', // review:
  'care.children_none': 'Aucune fille n’est encore liée à toi.', // review:
  'care.children_link': 'Me lier à ma fille', // review:
  'care.child_open': 'Voir ce que {name} partage', // review:
  'care.child_title': 'Ce que {name} partage avec toi', // review:
  'care.child_intro': 'Tu vois seulement ce qu’elle choisit de partager. Elle peut le changer à tout moment.', // review:
  'care.child_back': 'Retour à tes filles', // review:
  'care.not_shared': 'Elle n’a pas partagé cela avec toi.', // review:
  'care.next': 'Attendues vers le {date} (entre le {earliest} et le {latest}).', // review:
  'care.phase_today': 'Aujourd’hui : {phase}, jour {day} de son cycle.', // review:
  'care.late.one': 'Ses règles ont {n} jour de retard.', // review:
  'care.late.other': 'Ses règles ont {n} jours de retard.', // review:
  'care.no_prediction': 'Pas encore assez de données pour dire quand viendront ses prochaines règles.', // review:
  'care.period_range': 'Du {start} au {end}', // review:
  'care.period_from': 'Depuis le {start}', // review:
  'care.no_periods': 'Aucunes règles notées pour l’instant.', // review:
  'care.no_days': 'Aucun jour noté pour l’instant.', // review:
  'care.pain': 'douleur {pain} sur 10', // review:
  'care.flags_none': 'Rien à surveiller pour l’instant.', // review:
  'care.flags_hint':
    'Il serait peut-être bon qu’elle en parle à un agent de santé. Ce n’est pas un diagnostic.', // review:
  'care.no_appointments': 'Aucun rendez-vous.', // review:
  'access.action.care.code': 'a créé un code de lien', // review:
  'access.action.care.link': 'a saisi un code de lien', // review:
  'access.action.care.link.guardian_consent': 'a été lié comme le parent qui a accepté le compte', // review:
  'access.action.care.confirm': 'a confirmé un lien', // review:
  'access.action.care.sharing': 'a changé ce qu’une personne liée voit', // review:
  'access.action.care.unlink': 'a supprimé un lien', // review:
  'access.action.care.read': 'a regardé ce que tu partages', // review:
};
