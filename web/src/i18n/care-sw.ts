import type { careEn } from './care-messages.ts';

/** Swahili. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const careSw: Record<keyof typeof careEn, string> = {
  'care.nav': 'Wanaoona data yangu', // review:
  'care.nav_adult': 'Unganisha na binti yangu', // review:
  'care.title': 'Watu wanaoweza kuona data yangu', // review:
  'care.intro':
    'Hakuna anayeona data yako usipochagua. Unganisha akaunti yako na mzazi au mlezi, kisha uchague anachoona. Unaweza kubadilisha au kusimamisha wakati wowote.', // review:
  'care.adult_title': 'Unganisha na binti yako', // review:
  'care.adult_intro':
    'Mkishaunganishwa, utaona tu kile binti yako anachochagua kukushirikisha. Anaweza kukibadilisha wakati wowote.', // review:
  'care.notes_never': 'Maandishi yako hayashirikiwi kamwe, hata uchague nini.', // review:
  'care.none': 'Bado hakuna aliyeunganishwa nawe.', // review:
  'care.linked_title': 'Walioungana nawe', // review:
  'care.person': '{name} ({role})', // review:
  'care.since': 'Mmeunganishwa tangu {when}', // review:
  'care.awaiting_title': 'Je, ni mtu sahihi?', // review:
  'care.awaiting_body': '{name} ({role}) ameandika msimbo wako. Kubali tu ikiwa ulimpa mtu huyu msimbo wako.', // review:
  'care.confirm': 'Ndiyo, tuunganishe', // review:
  'care.refuse': 'Hapana, si yeye', // review:
  'care.refused': 'Imekataliwa. Mtu huyu haoni chochote.', // review:
  'care.confirmed': 'Sasa umeunganishwa na {name}.', // review:
  'care.waiting_other':
    'Tunasubiri aliyetengeneza nambari athibitishe kuwa ni wewe. Utaona jina lake baadaye.', // review:
  'care.entered_title': 'Nambari imeingizwa', // review:
  'care.cancel_ask': 'Ghairi nambari uliyoingiza? Hakuna kitakachounganishwa.', // review:
  'care.cancel_code': 'Ghairi nambari hii', // review:
  'care.sees_title': 'Anachoona {name}', // review:
  'care.you_see': 'Anakushirikisha:', // review:
  'care.you_see_nothing': 'Hakushirikishi chochote kwa sasa.', // review:
  'care.scope.prediction': 'Hedhi yangu ijayo inatarajiwa lini', // review:
  'care.scope.periods': 'Tarehe za hedhi yangu', // review:
  'care.scope.symptoms': 'Ninavyojisikia kila siku (si maandishi yangu)', // review:
  'care.scope.flags': 'Ninapoweza kuhitaji kumwona mhudumu wa afya', // review:
  'care.scope.appointments': 'Miadi yangu', // review:
  'care.her_scope.prediction': 'Hedhi yake ijayo inatarajiwa lini', // review:
  'care.her_scope.periods': 'Tarehe za hedhi yake', // review:
  'care.her_scope.symptoms': 'Anavyojisikia kila siku', // review:
  'care.her_scope.flags': 'Anapoweza kuhitaji kumwona mhudumu wa afya', // review:
  'care.her_scope.appointments': 'Miadi yake', // review:
  'care.fixed': 'Imewashwa daima hadi utimize miaka {age}', // review:
  'care.fixed_reason':
    '{name} alikubali akaunti yako, kwa hiyo ataendelea kuona sehemu zilizoandikwa "imewashwa daima" hadi utimize miaka {age}. Unaweza kushiriki zaidi, si chini.', // review:
  'care.saved': 'Imehifadhiwa. {name} anaona hili kuanzia sasa.', // review:
  'care.remove': 'Ondoa muunganisho huu', // review:
  'care.remove_ask': 'Uondoe muunganisho na {name}? Hataona tena chochote chako.', // review:
  'care.remove_ask_adult': 'Uondoe muunganisho na {name}? Hutaona tena chochote anachoshiriki.', // review:
  'care.remove_yes': 'Ndiyo, uondoe', // review:
  'care.keep': 'Hapana, ubaki', // review:
  'care.removed': 'Muunganisho umeondolewa.', // review:
  'care.code_make_title': 'Toa msimbo', // review:
  'care.code_make_body':
    'Tengeneza msimbo na umsomee mzazi au mlezi wako. Anauandika kwenye simu yake. Kisha unasema kama ni yeye kweli.', // review:
  'care.code_make_body_adult':
    'Tengeneza msimbo na umsomee binti yako. Anauandika kwenye simu yake. Kisha unasema kama ni yeye kweli.', // review:
  'care.code_make': 'Tengeneza msimbo', // review:
  'care.code_make_new': 'Tengeneza msimbo mpya', // review:
  'care.code_is': 'Msimbo wako:', // review:
  'care.code_until': 'Unafanya kazi mara moja, hadi {when}.', // review:
  'care.code_private': 'Mpe msimbo mtu unayemjua tu, ana kwa ana au kwa simu.', // review:
  'care.code_enter_title': 'Andika msimbo', // review:
  'care.code_enter_body': 'Mzazi au mlezi wako amekupa msimbo? Uandike hapa.', // review:
  'care.code_enter_body_adult': 'Binti yako amekupa msimbo? Uandike hapa.', // review:
  'care.code_label': 'Msimbo (tarakimu 8)', // review:
  'care.code_submit': 'Unganisha', // review:
  'care.code_entered':
    'Msimbo umekubaliwa. Aliyeutengeneza lazima sasa athibitishe kuwa ni wewe. Kisha muunganisho unaanza.', // review:
  'care.code_digits': 'Msimbo una tarakimu 8.', // review:
  'care.children_title': 'Mabinti zako', // review:
  'care.children_none': 'Bado hakuna binti aliyeunganishwa nawe.', // review:
  'care.children_link': 'Unganisha na binti yako', // review:
  'care.child_open': 'Ona anachoshiriki {name}', // review:
  'care.child_title': 'Anachokushirikisha {name}', // review:
  'care.child_intro': 'Unaona tu kile anachochagua kushiriki. Anaweza kukibadilisha wakati wowote.', // review:
  'care.child_back': 'Rudi kwa mabinti zako', // review:
  'care.not_shared': 'Hajakushirikisha hili.', // review:
  'care.next': 'Inatarajiwa karibu {date} (kati ya {earliest} na {latest}).', // review:
  'care.phase_today': 'Leo: {phase}, siku ya {day} ya mzunguko wake.', // review:
  'care.late.one': 'Hedhi yake imechelewa siku {n}.', // review:
  'care.late.other': 'Hedhi yake imechelewa siku {n}.', // review:
  'care.no_prediction': 'Bado hakuna data ya kutosha kujua hedhi yake ijayo itakuja lini.', // review:
  'care.period_range': '{start} hadi {end}', // review:
  'care.period_from': 'Tangu {start}', // review:
  'care.no_periods': 'Bado hakuna hedhi iliyoandikwa.', // review:
  'care.no_days': 'Bado hakuna siku iliyoandikwa.', // review:
  'care.pain': 'maumivu {pain} kati ya 10', // review:
  'care.flags_none': 'Hakuna cha kuangalia kwa sasa.', // review:
  'care.flags_hint': 'Huenda ingekuwa vizuri aongee na mhudumu wa afya kuhusu hili. Si utambuzi wa ugonjwa.', // review:
  'care.no_appointments': 'Hakuna miadi.', // review:
  'access.action.care.code': 'alitengeneza msimbo wa kuunganisha', // review:
  'access.action.care.link': 'aliandika msimbo wa kuunganisha', // review:
  'access.action.care.link.guardian_consent': 'aliunganishwa kama mzazi aliyekubali akaunti', // review:
  'access.action.care.confirm': 'alithibitisha muunganisho', // review:
  'access.action.care.sharing': 'alibadilisha anachoona mtu aliyeunganishwa', // review:
  'access.action.care.unlink': 'aliondoa muunganisho', // review:
  'access.action.care.read': 'aliangalia unachoshiriki', // review:
};
