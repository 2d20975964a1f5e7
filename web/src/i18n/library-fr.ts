import type { libraryEn } from './library-messages.ts';

/** French. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const libraryFr: Record<keyof typeof libraryEn, string> = {
  'library.nav': 'Apprendre', // review:
  'library.title': 'Apprendre sur ton corps', // review:
  'library.intro':
    'Des textes courts et sûrs sur les règles, l’hygiène, la douleur, l’alimentation et quand voir un agent de santé.', // review:
  'library.search': 'Rechercher', // review:
  'library.search_button': 'Trouver', // review:
  'library.topic': 'Sujet', // review:
  'library.all_topics': 'Tous les sujets', // review:
  'library.none': 'Rien trouvé. Essaie d’autres mots ou un autre sujet.', // review:
  'library.for.10-14': 'Pour les 10 à 14 ans', // review:
  'library.for.15-19': 'Pour les 15 à 19 ans', // review:
  'library.for.all': 'Pour tout le monde', // review:
  'library.for.parents': 'Pour les parents', // review:
  'library.cat.periods_basics': 'Règles et cycle', // review:
  'library.cat.pads_hygiene': 'Serviettes et hygiène', // review:
  'library.cat.pain_relief': 'Douleurs de règles', // review:
  'library.cat.nutrition_iron': 'Alimentation et fer', // review:
  'library.cat.puberty_parents': 'Pour les parents', // review:
  'library.cat.see_health_worker': 'Quand voir un agent de santé', // review:
  'library.cat.myths_facts': 'Mythes et réalités', // review:
  'library.other_languages': 'Lire dans une autre langue :', // review:
  'library.unreviewed':
    'Ce texte n’a pas encore été vérifié par un professionnel de santé. Si tu es inquiète, va voir un agent de santé.', // review:
  'library.back': 'Retour à tous les textes', // review:
  'library.tips': 'Conseils courts', // review:
};
