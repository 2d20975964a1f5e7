import type { errorsEn } from './errors-messages.ts';

// review: French written by a developer (tutoiement, as in web-fr.ts); a fluent speaker checks it.
export const errorsFr: Record<keyof typeof errorsEn, string> = {
  'error.validation_failed':
    'Certaines réponses ne sont pas dans la forme attendue. Vérifie-les et réessaie.',
  'error.malformed_json': "Un problème est survenu à l'envoi du formulaire. Recharge la page et réessaie.",
  'error.weak_password':
    'Ce mot de passe est trop facile à deviner. Choisis-en un plus long, qui ne soit ni ton nom, ni ton numéro de téléphone, ni un mot courant.',
  'error.weak_pin':
    'Ce code PIN est trop facile à deviner. Évite les chiffres répétés (11111), les suites (12345) et ton année de naissance.',
  'error.invalid_phone': 'Ce numéro de téléphone ne semble pas correct. Écris-le comme 078 123 4567.',
  'error.invalid_code':
    "Ce code n'est pas bon, a déjà servi ou a expiré. Vérifie le SMS, ou demande un nouveau code.",
  'error.unauthenticated': 'Reconnecte-toi, s’il te plaît.',
  'error.invalid_credentials': 'Le numéro de téléphone ou le mot de passe est incorrect.',
  'error.invalid_credentials.pin': 'Le numéro de téléphone ou le code PIN est incorrect.',
  'error.invalid_credentials.current': 'Ton mot de passe ou ton code PIN actuel est incorrect.',
  'error.invalid_token': 'Ta session a expiré. Reconnecte-toi.',
  'error.session_revoked': 'Cette connexion est terminée. Reconnecte-toi.',
  'error.forbidden': 'Ton compte ne permet pas de faire cela.',
  'error.consent_required':
    "Lis et accepte d'abord les nouvelles conditions d’utilisation et la politique de confidentialité.",
  'error.guardian_consent_required':
    "Un parent ou un tuteur doit donner son accord avant que nous puissions garder tes données de santé. Demande-le-lui : il suffit d'un code et d'une minute.",
  'error.guardian_consent_required.action': 'Demander à mon parent ou tuteur',
  'error.guardian_phone_required':
    "Un parent ou un tuteur donne son accord depuis un numéro de téléphone vérifié qui est le sien. Vérifie d'abord ton numéro.",
  'error.phone_required':
    "Ajoute et vérifie d'abord un numéro de téléphone à toi. Ton parent ou tuteur donne ensuite son accord depuis un autre numéro.",
  'error.phone_required.action': 'Vérifier mon numéro de téléphone',
  'error.not_found': "Nous ne l'avons pas trouvé. Il a peut-être été supprimé.",
  'error.method_not_allowed': 'Cette action est impossible ici.',
  'error.conflict':
    'Cela entre en conflit avec quelque chose de déjà enregistré. Recharge la page et réessaie.',
  'error.identifier_taken':
    'Un compte utilise déjà ce numéro de téléphone ou cet e-mail. Connecte-toi plutôt, ou demande un code si tu as oublié ton code PIN ou ton mot de passe.',
  'error.phone_taken': 'Un autre compte se connecte déjà avec ce numéro de téléphone.',
  'error.period_overlap': 'Ces règles chevauchent des règles déjà notées. Vérifie les dates.',
  'error.period_overlap.dated':
    'Cela chevauche tes règles commencées le {otherStart}. Vérifie les dates, ou modifie ces règles-là.',
  'error.period_overlap.open':
    "Tes règles commencées le {otherStart} ne sont pas encore terminées. Indique d'abord le jour où elles ont fini.",
  'error.confirmation_required': 'Cela semble inhabituel. Vérifie les dates.',
  'error.confirmation_required.long_period.one': 'Ces règles dureraient {n} jour. Est-ce bien ça ?',
  'error.confirmation_required.long_period.other':
    'Ces règles dureraient {n} jours, plus longtemps que d’habitude. Est-ce bien ça ?',
  'error.confirmation_required.short_cycle.one':
    "C'est seulement {n} jour après le début d'autres règles, plus tôt que d'habitude. Est-ce bien ça ?",
  'error.confirmation_required.short_cycle.other':
    "C'est seulement {n} jours après le début d'autres règles, plus tôt que d'habitude. Est-ce bien ça ?",
  'error.confirmation_required.short_cycle_from.one':
    "C'est seulement {n} jour après le début de tes règles du {otherStart}, plus tôt que d'habitude. Est-ce bien ça ?",
  'error.confirmation_required.short_cycle_from.other':
    "C'est seulement {n} jours après le début de tes règles du {otherStart}, plus tôt que d'habitude. Est-ce bien ça ?",
  'error.date_in_future': "Cette date est dans le futur. Tu peux noter aujourd'hui ou un jour passé.",
  'error.date_in_future.today':
    "Cette date est après aujourd'hui ({today}). Tu peux noter aujourd'hui ou un jour passé.",
  'error.invalid_date_range': 'Le dernier jour est avant le premier. Vérifie les dates.',
  'error.payload_too_large': 'C’est trop long pour être enregistré. Raccourcis le texte.',
  'error.unsupported_media_type':
    "Un problème est survenu à l'envoi du formulaire. Recharge la page et réessaie.",
  'error.too_many_requests': 'Trop d’essais. Attends quelques minutes, puis réessaie.',
  'error.too_many_requests.wait.one': 'Trop d’essais. Attends {n} minute, puis réessaie.',
  'error.too_many_requests.wait.other': 'Trop d’essais. Attends {n} minutes, puis réessaie.',
  'error.internal_error': 'Un problème est survenu de notre côté. Réessaie dans un instant.',
  'error.service_unavailable':
    'Le service n’est pas disponible pour le moment. Réessaie dans quelques minutes.',
  'error.not_shared':
    "Elle n'a pas partagé cette information avec toi. Elle seule peut choisir de la partager.",
  'error.already_linked': 'Vous êtes déjà reliés.',
  'error.guardian_link_fixed':
    "Jusqu'à l'âge du consentement, le parent qui a accepté ton compte continue de voir tes prochaines règles et les alertes santé. Tu peux partager plus, pas moins.",
  'error.provider_unverified':
    "Ton compte de soignant attend la vérification d'un administrateur. Tu peux modifier ton profil en attendant.",
  'error.slot_taken': "Quelqu'un vient de réserver cette heure. Choisis-en une autre.",
  'error.slot_unavailable':
    "Cette heure n'est pas ouverte à la réservation. Choisis une des heures proposées.",
  'error.change_too_late': 'Le rendez-vous est trop proche pour le modifier ici. Appelle le centre de santé.',
  'error.appointment_closed': 'Ce rendez-vous ne peut plus être modifié de cette façon.',
  'error.content_not_ready':
    'Le texte a des problèmes à corriger avant de pouvoir être envoyé en relecture. Chacun est indiqué.', // review:
  'error.content_state':
    'Ce texte a déjà avancé (envoyé en relecture, décidé ou publié). Rechargez pour voir où il en est.', // review:
  'error.own_content': 'Une autre personne que son auteur doit relire un texte.', // review:
  'error.sms_unavailable': "Le SMS n'a pas pu être envoyé pour l'instant. Réessaie plus tard.",
  'error.field.required': '{field} : cette réponse est nécessaire.',
  'error.field.invalid': '{field} : vérifie cette réponse.',
  'error.field.generic': 'Une réponse n’est pas dans la forme attendue.',
};
