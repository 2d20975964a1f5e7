import type { lockEn } from './lock-messages.ts';

export const lockFr: Record<keyof typeof lockEn, string> = {
  'lock.title': 'Verrouillé', // review:
  'lock.prompt_pin': 'Saisis ton code PIN pour rouvrir.', // review:
  'lock.prompt_password': 'Saisis ton mot de passe pour rouvrir.', // review:
  'lock.pin': 'Code PIN', // review:
  'lock.password': 'Mot de passe', // review:
  'lock.use_password': 'Utiliser mon mot de passe', // review:
  'lock.use_pin': 'Utiliser mon code PIN', // review:
  'lock.unlock': 'Déverrouiller', // review:
  'lock.not_you': "Ce n'est pas toi ?", // review:
  'lock.sign_out': 'Se déconnecter', // review:
  'lock.wrong': "Ce n'est pas le bon. Après 5 essais faux, le compte attend 15 minutes.", // review:
  'lock.quick_exit': 'Sortie rapide', // review:
  'lock.discreet_name': 'Notes', // review:
  'lock.settings.title': 'Verrouillage et discrétion sur ce téléphone', // review:
  'lock.settings.minutes': "Verrouiller l'application quand je ne l'ai pas utilisée depuis", // review:
  'lock.minutes.one': '{n} minute', // review:
  'lock.minutes.other': '{n} minutes', // review:
  'lock.settings.minutes_hint':
    "Ton code PIN ou ton mot de passe est alors demandé à nouveau, même si quelqu'un recharge la page ou ouvre un nouvel onglet. Le verrouillage ne peut pas être désactivé : sur un téléphone partagé, n'importe qui pourrait sinon ouvrir ton journal.", // review:
  'lock.settings.saved': 'Enregistré.', // review:
  'lock.settings.lock_now': 'Verrouiller maintenant', // review:
  'lock.settings.quick_exit_hint':
    "Le bouton « Sortie rapide » en bas de chaque page part aussitôt vers une calculatrice, efface l'écran et verrouille l'application. Le bouton Retour ne fait pas revenir ton journal.", // review:
  'lock.settings.discreet': 'Mode discret sur ce téléphone', // review:
  'lock.settings.discreet_hint':
    "L'onglet du navigateur, son icône et le haut de la page affichent « {name} » au lieu du nom de l'application. Seulement sur ce téléphone : celui de quelqu'un d'autre ne change pas.", // review:
  'access.action.session.lock': "a verrouillé l'application", // review:
  'access.action.session.unlock': "a déverrouillé l'application", // review:
  'error.session_locked':
    "L'application est verrouillée. Saisis ton code PIN ou ton mot de passe pour la rouvrir.", // review:
};
