/** The education library (web/src/library/): lists, search and the reader. */
export const libraryEn = {
  'library.nav': 'Learn',
  'library.title': 'Learn about your body',
  'library.intro': 'Short, trusted texts about periods, hygiene, pain, food and when to see a health worker.',
  'library.search': 'Search',
  'library.search_button': 'Find',
  'library.topic': 'Topic',
  'library.all_topics': 'All topics',
  'library.none': 'Nothing found. Try other words or another topic.',
  'library.for.10-14': 'For ages 10 to 14',
  'library.for.15-19': 'For ages 15 to 19',
  'library.for.all': 'For everyone',
  'library.for.parents': 'For parents',
  'library.cat.periods_basics': 'Periods and cycles',
  'library.cat.pads_hygiene': 'Pads and hygiene',
  'library.cat.pain_relief': 'Period pain',
  'library.cat.nutrition_iron': 'Food and iron',
  'library.cat.puberty_parents': 'For parents',
  'library.cat.see_health_worker': 'When to see a health worker',
  'library.cat.myths_facts': 'Myths and facts',
  'library.other_languages': 'Read it in another language:',
  'library.unreviewed':
    'This text has not yet been checked by a health professional. If you are worried, see a health worker.',
  'library.back': 'Back to all texts',
  'library.tips': 'Short tips',
};
export type LibraryKey = keyof typeof libraryEn;
