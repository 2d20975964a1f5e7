import type { libraryEn } from './library-messages.ts';

/** Swahili. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const librarySw: Record<keyof typeof libraryEn, string> = {
  'library.nav': 'Jifunze', // review:
  'library.title': 'Jifunze kuhusu mwili wako', // review:
  'library.intro':
    'Maandishi mafupi na ya kuaminika kuhusu hedhi, usafi, maumivu, chakula na wakati wa kuona mhudumu wa afya.', // review:
  'library.search': 'Tafuta', // review:
  'library.search_button': 'Tafuta', // review:
  'library.topic': 'Mada', // review:
  'library.all_topics': 'Mada zote', // review:
  'library.none': 'Hakuna kilichopatikana. Jaribu maneno mengine au mada nyingine.', // review:
  'library.for.10-14': 'Kwa umri wa miaka 10 hadi 14', // review:
  'library.for.15-19': 'Kwa umri wa miaka 15 hadi 19', // review:
  'library.for.all': 'Kwa kila mtu', // review:
  'library.for.parents': 'Kwa wazazi', // review:
  'library.cat.periods_basics': 'Hedhi na mzunguko', // review:
  'library.cat.pads_hygiene': 'Pedi na usafi', // review:
  'library.cat.pain_relief': 'Maumivu ya hedhi', // review:
  'library.cat.nutrition_iron': 'Chakula na madini ya chuma', // review:
  'library.cat.puberty_parents': 'Kwa wazazi', // review:
  'library.cat.see_health_worker': 'Wakati wa kuona mhudumu wa afya', // review:
  'library.cat.myths_facts': 'Dhana potofu na ukweli', // review:
  'library.other_languages': 'Soma kwa lugha nyingine:', // review:
  'library.unreviewed':
    'Maandishi haya bado hayajakaguliwa na mtaalamu wa afya. Ukiwa na wasiwasi, muone mhudumu wa afya.', // review:
  'library.back': 'Rudi kwenye maandishi yote', // review:
  'library.tips': 'Ushauri mfupi', // review:
};
