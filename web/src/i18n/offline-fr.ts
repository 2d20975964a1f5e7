import type { offlineEn } from './offline-messages.ts';

// review: machine translation, needs a fluent speaker ("tu" like the rest of the web French).
export const offlineFr: Record<keyof typeof offlineEn, string> = {
  'offline.notice': 'Tu es hors ligne — dernière mise à jour le {date}.', // review:
  'offline.notice_none':
    'Tu es hors ligne. Ce que tu enregistres reste sur ce téléphone et sera envoyé plus tard.', // review:
  'offline.waiting.one': 'Enregistré sur ce téléphone — {n} en attente d’envoi.', // review:
  'offline.waiting.other': 'Enregistré sur ce téléphone — {n} en attente d’envoi.', // review:
  'offline.waiting_signin.one':
    'Enregistré sur ce téléphone — {n} en attente d’envoi. Connecte-toi pour l’envoyer.', // review:
  'offline.waiting_signin.other':
    'Enregistré sur ce téléphone — {n} en attente d’envoi. Connecte-toi pour les envoyer.', // review:
  'offline.sent': 'Envoyé. Ce que tu as enregistré sur ce téléphone est bien arrivé.', // review:
  'offline.failed_day': 'Non enregistré : ta saisie du {date}.', // review:
  'offline.failed_period': 'Non enregistré : règles commencées le {date}.', // review:
  'offline.dismiss': 'OK',
  'offline.locked':
    'Cette application est verrouillée. Connecte-toi à Internet, puis déverrouille-la avec ton code PIN ou ton mot de passe.', // review:
  'error.offline': 'Pas de connexion. Réessaie quand tu seras de nouveau en ligne.', // review:
};
