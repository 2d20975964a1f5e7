import type { libraryEn } from './library-messages.ts';

/** Kinyarwanda. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const libraryRw: Record<keyof typeof libraryEn, string> = {
  'library.nav': 'Iga', // review:
  'library.title': 'Menya byinshi ku mubiri wawe', // review:
  'library.intro':
    "Inyandiko ngufi kandi zizewe ku mihango, isuku, ububabare, ibiryo n'igihe cyo kujya kwa muganga.", // review:
  'library.search': 'Shakisha', // review:
  'library.search_button': 'Shaka', // review:
  'library.topic': 'Ingingo', // review:
  'library.all_topics': 'Ingingo zose', // review:
  'library.none': 'Nta cyabonetse. Gerageza andi magambo cyangwa indi ngingo.', // review:
  'library.for.10-14': 'Ku bafite imyaka 10 kugeza 14', // review:
  'library.for.15-19': 'Ku bafite imyaka 15 kugeza 19', // review:
  'library.for.all': 'Kuri bose', // review:
  'library.for.parents': 'Ku babyeyi', // review:
  'library.cat.periods_basics': "Imihango n'ukwezi", // review:
  'library.cat.pads_hygiene': "Ibitambaro n'isuku", // review:
  'library.cat.pain_relief': "Ububabare bw'imihango", // review:
  'library.cat.nutrition_iron': "Ibiryo n'ubutare", // review:
  'library.cat.puberty_parents': 'Ku babyeyi', // review:
  'library.cat.see_health_worker': 'Igihe cyo kujya kwa muganga', // review:
  'library.cat.myths_facts': "Ibihuha n'ukuri", // review:
  'library.other_languages': 'Soma mu rundi rurimi:', // review:
  'library.unreviewed': "Iyi nyandiko ntiragenzurwa n'umuganga. Niba uhangayitse, jya kwa muganga.", // review:
  'library.back': 'Subira ku nyandiko zose', // review:
  'library.tips': 'Inama ngufi', // review:
};
