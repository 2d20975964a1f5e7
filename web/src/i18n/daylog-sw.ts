import type { daylogEn } from './daylog-messages.ts';

// review: machine translation, needs a fluent speaker ("mzunguko" for a cycle, "ute" for
// discharge, as in the rest of the catalogue).
export const daylogSw: Record<keyof typeof daylogEn, string> = {
  'daylog.intro': 'Gusa kinachofaa. Kila kitu ni hiari.', // review:
  'daylog.flow': 'Kutoka damu', // review:
  'daylog.pain': 'Maumivu', // review:
  'daylog.mood': 'Hisia', // review:
  'daylog.symptoms': 'Mwili', // review:
  'daylog.more_symptoms': 'Dalili zaidi', // review:
  'daylog.note': 'Maelezo (si lazima)', // review:
  'daylog.advanced': 'Zaidi: nguvu, usingizi, joto, ute', // review:
  'daylog.advanced_hint': 'Onyesha au ficha: simu hii inakumbuka uchaguzi wako.', // review:
  'daylog.advanced_filled': 'Baadhi ya hivi vimejazwa kwa siku hii.', // review:
  'daylog.temp_invalid': 'Andika joto kati ya 34 na 42 °C, kwa mfano 36.5.', // review:
  'daylog.sleep_invalid': 'Andika saa ulizolala, kati ya 0 na 24.', // review:
  'daylog.saved': 'Imehifadhiwa. Unaweza kuibadilisha wakati wowote.', // review:

  'history.chart_label.one':
    'Chati ya urefu wa mzunguko wako, pamoja na kawaida yako. Jedwali hapa chini linatoa namba.', // review:
  'history.chart_label.other':
    'Chati ya urefu wa mizunguko yako {n} ya mwisho, pamoja na kawaida yako. Jedwali hapa chini linatoa kila namba.', // review:
  'history.usual.one': 'Kawaida yako: siku {low} hadi {n}.', // review:
  'history.usual.other': 'Kawaida yako: siku {low} hadi {n}.', // review:
  'history.unusual_legend': 'Tofauti na kawaida yako', // review:
  'history.days_axis': 'siku', // review:
  'history.recent_only.one': 'Chati inaonyesha mzunguko wako wa mwisho; jedwali linaorodhesha yote.', // review:
  'history.recent_only.other': 'Chati inaonyesha mizunguko yako {n} ya mwisho; jedwali linaorodhesha yote.', // review:
  'history.table_caption': 'Mizunguko yako, kuanzia ya zamani', // review:
  'history.col_start': 'Ilianza', // review:
  'history.col_length': 'Urefu', // review:
  'history.col_note': 'Ukilinganisha na kawaida yako', // review:
  'history.in_range': 'Kawaida', // review:
  'history.longer': 'Mrefu kuliko kawaida', // review:
  'history.shorter': 'Mfupi kuliko kawaida', // review:
  'history.symptoms_hint': 'Katika mizunguko uliyoandika siku zake, ni mingapi ulioandika kila dalili.', // review:
  'history.symptom_cycles.one': '{count} kati ya mzunguko {total}', // review:
  'history.symptom_cycles.other': '{count} kati ya mizunguko {total}', // review:
};
