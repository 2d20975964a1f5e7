import type { daylogEn } from './daylog-messages.ts';

// review: machine translation, needs a fluent speaker ("umuzunguruko" for a cycle and "ururenda"
// for discharge, as in the rest of the catalogue).
export const daylogRw: Record<keyof typeof daylogEn, string> = {
  'daylog.intro': 'Kanda ibihuye n’uko umeze. Nta na kimwe ari itegeko.', // review:
  'daylog.flow': 'Kuva amaraso', // review:
  'daylog.pain': 'Ububabare', // review:
  'daylog.mood': 'Uko wiyumva', // review:
  'daylog.symptoms': 'Umubiri', // review:
  'daylog.more_symptoms': 'Ibindi bimenyetso', // review:
  'daylog.note': 'Icyo wandika (si ngombwa)', // review:
  'daylog.advanced': 'Ibindi birambuye: imbaraga, ibitotsi, ubushyuhe, ururenda', // review:
  'daylog.advanced_hint': 'Bigaragaze cyangwa ubihishe: iyi telefoni izibuka uko wahisemo.', // review:
  'daylog.advanced_filled': 'Bimwe muri ibi byujujwe kuri uyu munsi.', // review:
  'daylog.temp_invalid': 'Andika ubushyuhe buri hagati ya 34 na 42 °C, urugero 36.5.', // review:
  'daylog.sleep_invalid': 'Andika amasaha waryamye, hagati ya 0 na 24.', // review:
  'daylog.saved': 'Byabitswe. Ushobora kubihindura igihe cyose.', // review:

  'history.chart_label.one':
    'Igishushanyo cy’uburebure bw’umuzunguruko wawe, n’ibisanzwe kuri wowe. Imbonerahamwe iri munsi itanga umubare.', // review:
  'history.chart_label.other':
    'Igishushanyo cy’uburebure bw’imizunguruko yawe {n} iheruka, n’ibisanzwe kuri wowe. Imbonerahamwe iri munsi itanga buri mubare.', // review:
  'history.usual.one': 'Ibisanzwe kuri wowe: kuva ku munsi {low} kugeza ku wa {n}.', // review:
  'history.usual.other': 'Ibisanzwe kuri wowe: kuva ku minsi {low} kugeza kuri {n}.', // review:
  'history.unusual_legend': 'Bitandukanye n’ibisanzwe kuri wowe', // review:
  'history.days_axis': 'iminsi', // review:
  'history.recent_only.one': 'Igishushanyo cyerekana umuzunguruko uheruka; imbonerahamwe irayerekana yose.', // review:
  'history.recent_only.other':
    'Igishushanyo cyerekana imizunguruko {n} iheruka; imbonerahamwe irayerekana yose.', // review:
  'history.table_caption': 'Imizunguruko yawe, uhereye ku ya kera', // review:
  'history.col_start': 'Yatangiye', // review:
  'history.col_length': 'Uburebure', // review:
  'history.col_note': 'Ugereranyije n’ibisanzwe', // review:
  'history.in_range': 'Bisanzwe', // review:
  'history.longer': 'Ndende kurusha ibisanzwe', // review:
  'history.shorter': 'Ngufi kurusha ibisanzwe', // review:
  'history.symptoms_hint': 'Mu mizunguruko wanditsemo iminsi, ni ingahe wanditsemo buri kimenyetso.', // review:
  'history.symptom_cycles.one': '{count} mu muzunguruko {total}', // review:
  'history.symptom_cycles.other': '{count} mu mizunguruko {total}', // review:
};
