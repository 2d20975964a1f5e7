import type { onboardingEn } from './onboarding-messages.ts';

/** French. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const onboardingFr: Record<keyof typeof onboardingEn, string> = {
  'onboarding.landing_title': 'Moins de {age} ans ? Un parent ou tuteur donne d’abord son accord', // review:
  'onboarding.landing_body':
    'Si tu as moins de {age} ans, un parent ou un tuteur doit donner son accord avant que ton journal garde quoi que ce soit. Cela prend quelques minutes :', // review:
  'onboarding.how_1':
    'Tu crées ton compte et tu vérifies ton propre numéro de téléphone avec un code que nous t’envoyons par SMS.', // review:
  'onboarding.how_2': 'Tu crées un code à 8 chiffres pour ton parent ou ton tuteur.', // review:
  'onboarding.how_3':
    'Sur son propre téléphone, ton parent ou tuteur crée un compte parent, vérifie son propre numéro et saisit ton code.', // review:
  'onboarding.no_sight':
    'Il ou elle ne voit pas ton journal : il ou elle accepte seulement que tu utilises le service.', // review:
  'onboarding.birth_year_hint':
    'Nous le demandons pour savoir si un parent ou un tuteur doit donner son accord (moins de {age} ans).', // review:
  'onboarding.birth_year_needed':
    'Indique ton année de naissance : avant {age} ans, un parent ou un tuteur doit d’abord donner son accord.', // review:
  'onboarding.birth_year_invalid': 'Écris ton année de naissance en 4 chiffres, par exemple 2010.', // review:
  'onboarding.under_age_note':
    'Tu as moins de {age} ans : un parent ou un tuteur doit donner son accord avant que ton journal garde quoi que ce soit. Donne ton propre numéro de téléphone : une fois ton compte créé, nous te montrons les étapes.', // review:

  'onboarding.title': 'L’accord de ton parent ou tuteur', // review:
  'onboarding.intro':
    'Tu as moins de {age} ans : avant que ton journal garde quoi que ce soit, un parent ou un tuteur doit donner son accord. Trois étapes :', // review:
  'onboarding.step1_title': '1. Vérifie ton numéro de téléphone', // review:
  'onboarding.step1_body':
    'Ton parent ou tuteur donne son accord depuis son propre téléphone : nous vérifions donc d’abord le tien avec un code envoyé par SMS.', // review:
  'onboarding.step1_done': 'C’est fait : ton numéro {phone} est vérifié.', // review:
  'onboarding.step2_title': '2. Crée un code pour ton parent ou tuteur', // review:
  'onboarding.step2_body':
    'Le code sert une seule fois, pendant 48 heures. Tu peux en créer un nouveau à tout moment.', // review:
  'onboarding.step2_wait': 'Vérifie d’abord ton numéro de téléphone (étape 1).', // review:
  'onboarding.make_code': 'Créer mon code', // review:
  'onboarding.make_new_code': 'Créer un nouveau code', // review:
  'onboarding.code_label': 'Ton code', // review:
  'onboarding.code_until': 'Il est valable jusqu’au {when}.', // review:
  'onboarding.step3_title': '3. Donne le code à ton parent ou tuteur', // review:
  'onboarding.step3_intro': 'Dis-lui le code. Ensuite, sur son propre téléphone, il ou elle :', // review:
  'onboarding.parent_1': 'ouvre ce site et crée un compte de parent ou de tuteur ;', // review:
  'onboarding.parent_2':
    'vérifie son propre numéro avec le code que nous lui envoyons (ce doit être un autre numéro que le tien) ;', // review:
  'onboarding.parent_3': 'saisit ton code sur sa page d’accueil, sous « {label} ».', // review:
  'onboarding.parent_ussd': 'Sur un téléphone sans internet, il ou elle peut composer {code} à la place.', // review:
  'onboarding.status_title': 'Mon parent ou tuteur a-t-il donné son accord ?', // review:
  'onboarding.status_waiting': 'Pas encore : nous attendons ton parent ou tuteur.', // review:
  'onboarding.status_check': 'Vérifier à nouveau', // review:
  'onboarding.status_given':
    'Ton parent ou tuteur a donné son accord le {date}. Tu peux maintenant noter tes règles.', // review:
  'onboarding.go_home': 'Aller à mon journal', // review:
  'onboarding.not_needed': 'Ton compte n’a pas besoin de l’accord d’un parent ou d’un tuteur.', // review:
  'onboarding.banner_title': 'Un parent ou un tuteur doit d’abord donner son accord', // review:
  'onboarding.banner_body':
    'En attendant, ton journal ne peut rien garder. Il suffit d’un code et de quelques minutes.', // review:
  'onboarding.banner_link': 'Obtenir l’accord de mon parent', // review:

  'onboarding.recover_how': 'Comment veux-tu retrouver l’accès ?', // review:
  'onboarding.recover_by_sms': 'M’envoyer un code par SMS', // review:
  'onboarding.recover_by_guardian': 'Demander à mon parent ou tuteur', // review:
  'onboarding.guardian_intro':
    'Le parent ou tuteur qui a donné son accord pour ton compte peut t’aider à y revenir. Fais-le sur le téléphone où tu t’es déjà connectée.', // review:
  'onboarding.guardian_identifier': 'Ton numéro de téléphone ou ton e-mail', // review:
  'onboarding.guardian_start': 'Créer un code de demande', // review:
  'onboarding.guardian_code_title': 'Dis ce code à ton parent ou tuteur', // review:
  'onboarding.guardian_code_body':
    'Il ou elle se connecte à son propre compte, ouvre « {label} » et le saisit. Garde cette page ouverte. Valable jusqu’au {when}.', // review:
  'onboarding.guardian_waiting': 'En attente de ton parent ou tuteur…', // review:
  'onboarding.guardian_approved':
    'Ton parent ou tuteur a dit oui. Choisis ton nouveau code PIN ou ton nouveau mot de passe.', // review:
  'onboarding.guardian_expired': 'Cette demande est terminée. Crées-en une nouvelle.', // review:
  'onboarding.guardian_note':
    'Cela ne marche que pour un compte auquel ton parent ou tuteur a donné son accord, et seulement sur un téléphone ou un navigateur où tu t’es déjà connectée. Sinon, son approbation n’aboutit pas.', // review:
  'onboarding.guardian_again': 'Recommencer', // review:
  'onboarding.parent_help_title': 'Ton enfant ne peut plus se connecter ?', // review:
  'onboarding.parent_help_body':
    'Si elle a oublié son code PIN ou son mot de passe, tu peux l’aider à revenir avec le code que son téléphone lui montre.', // review:
  'onboarding.parent_help_link': 'Aider mon enfant à revenir', // review:
  'onboarding.approve_intro':
    'Ton enfant t’a demandé de l’aide sur son propre téléphone. Saisis le code à 8 chiffres qu’elle te montre. Cela lui permet seulement de choisir un nouveau code PIN ou mot de passe sur son téléphone : tu ne vois pas son compte.', // review:
  'onboarding.approve_label': 'Le code affiché sur son écran', // review:
  'onboarding.approve_submit': 'Approuver', // review:
  'onboarding.approve_done':
    'C’est fait. Elle peut maintenant choisir un nouveau code PIN ou mot de passe sur son téléphone.', // review:
  'onboarding.approve_not_valid':
    'Ce code ne fonctionne pas : il est peut-être mal saisi, déjà utilisé ou créé il y a plus de 30 minutes. Seul le parent ou tuteur qui a donné son accord pour son compte peut l’approuver.', // review:

  'access.action.auth.guardian_recovery_start': 'a demandé l’aide d’un parent ou tuteur pour revenir', // review:
  'access.action.auth.guardian_recovery_approve': 'un parent ou tuteur a approuvé le retour au compte', // review:
  'access.action.auth.recovery.guardian':
    'a choisi un nouveau code PIN ou mot de passe avec l’aide d’un parent ou tuteur', // review:
  'access.action.auth.recovery.ussd': 'a choisi un nouveau code PIN par USSD', // review:
  'access.action.auth.recovery.sms': 'a choisi un nouveau code PIN ou mot de passe avec un code par SMS', // review:
};
