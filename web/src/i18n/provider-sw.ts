import type { providerEn } from './provider-messages.ts';

/** Swahili. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const providerSw: Record<keyof typeof providerEn, string> = {
  'provider.nav.day': 'Siku yangu', // review:
  'provider.nav.hours': 'Saa za kazi', // review:
  'provider.nav.profile': 'Wasifu wangu', // review:
  'provider.home': 'Miadi yako, saa zako za kazi na wasifu wako viko hapa.', // review:
  'provider.register_title': 'Jisajili kama mhudumu wa afya', // review:
  'provider.register_intro':
    'Wahudumu wa afya waliothibitishwa na timu yetu wanaonekana kwenye orodha ambapo wasichana huweka miadi.', // review:
  'provider.register_link': 'Wewe ni mhudumu wa afya? Jisajili hapa', // review:
  'provider.display_name': 'Jina lako kama wagonjwa wanavyoliona', // review:
  'provider.licence': 'Namba ya leseni', // review:
  'provider.licence_hint': 'Timu yetu pekee ndiyo inaiona, ili kuikagua.', // review:
  'provider.facility': 'Kituo cha afya', // review:
  'provider.languages': 'Lugha unazozungumza', // review:
  'provider.services': 'Unachosaidia', // review:
  'provider.invitation': 'Msimbo wa mwaliko', // review:
  'provider.invitation_hint': 'Kutoka kwa timu yetu. Ukiwa nao, akaunti yako inathibitishwa mara moja.', // review:
  'provider.register_submit': 'Jisajili', // review:
  'provider.pick_one': 'Chagua angalau kimoja.', // review:
  'provider.status.pending': 'Inasubiri kuthibitishwa', // review:
  'provider.status.verified': 'Imethibitishwa', // review:
  'provider.status.rejected': 'Haikukubaliwa', // review:
  'provider.status.suspended': 'Imesimamishwa', // review:
  'provider.pending_body':
    'Timu yetu inakagua leseni yako kabla wasichana hawajakuona na kuweka miadi. Wakati huo unaweza kujaza wasifu wako na saa zako za kazi.', // review:
  'provider.rejected_body': 'Usajili wako haukukubaliwa. Tafadhali wasiliana na timu yetu.', // review:
  'provider.suspended_body': 'Akaunti yako imesimamishwa. Tafadhali wasiliana na timu yetu.', // review:
  'provider.review_note': 'Timu yetu ilisema: {note}', // review:
  'provider.day_title': 'Siku yangu', // review:
  'provider.day_label': 'Siku', // review:
  'provider.prev_day': 'Siku iliyotangulia', // review:
  'provider.next_day': 'Siku inayofuata', // review:
  'provider.day_none': 'Hakuna miadi siku hii.', // review:
  'provider.reason': 'Sababu: {reason}', // review:
  'provider.words': 'Maneno yake: {words}', // review:
  'provider.confirm': 'Thibitisha', // review:
  'provider.decline': 'Kataa', // review:
  'provider.decline_reason': 'Kwa nini unakataa (atasoma hili)', // review:
  'provider.decline_send': 'Kataa miadi', // review:
  'provider.complete': 'Weka alama imekamilika', // review:
  'provider.no_show': 'Hakufika', // review:
  'provider.cancel': 'Ghairi miadi', // review:
  'provider.cancel_ask': 'Ughairi miadi na {name} saa {time}?', // review:
  'provider.note': 'Ujumbe wa ziara', // review:
  'provider.note_hint': 'Atasoma ujumbe huu. Unahifadhiwa kwa usimbaji fiche.', // review:
  'provider.note_save': 'Hifadhi ujumbe', // review:
  'provider.summary_title': 'Muhtasari wa mzunguko wake (alichagua kuushiriki)', // review:
  'provider.summary_avg.one': 'Urefu wa wastani wa mzunguko: siku {n}', // review:
  'provider.summary_avg.other': 'Urefu wa wastani wa mzunguko: siku {n}', // review:
  'provider.summary_last': 'Hedhi ya mwisho ilianza: {date}', // review:
  'provider.summary_next': 'Hedhi ijayo inatarajiwa kati ya {earliest} na {latest}', // review:
  'provider.summary_flags': 'Dalili za kuangalia: {list}', // review:
  'provider.summary_none': 'Bado hakuna data ya kutosha kwa muhtasari.', // review:
  'provider.open': 'Fungua', // review:
  'provider.hours_title': 'Saa za kazi', // review:
  'provider.time_zone': 'Saa za eneo', // review:
  'provider.slot_minutes': 'Muda wa kila miadi (dakika)', // review:
  'provider.slot_hint': 'Kati ya dakika 15 na 60.', // review:
  'provider.weekly': 'Saa za kila wiki', // review:
  'provider.closed': 'Imefungwa', // review:
  'provider.opens': 'Kuanzia', // review:
  'provider.closes': 'Hadi', // review:
  'provider.add_hours': 'Ongeza saa siku ya {day}', // review:
  'provider.remove_hours': 'Ondoa {from}–{to} siku ya {day}', // review:
  'provider.days_off': 'Siku za mapumziko', // review:
  'provider.days_off_none': 'Hakuna siku za mapumziko.', // review:
  'provider.day_off': 'Siku ya mapumziko', // review:
  'provider.add_day_off': 'Ongeza siku ya mapumziko', // review:
  'provider.remove_day_off': 'Ondoa {date}', // review:
  'provider.hours_bad': 'Siku ya {day}, kila muda lazima uishe baada ya kuanza.', // review:
  'provider.hours_saved': 'Imehifadhiwa. Wasichana wanaona nyakati zilizo wazi kutoka saa hizi.', // review:
  'provider.weekday.1': 'Jumatatu', // review:
  'provider.weekday.2': 'Jumanne', // review:
  'provider.weekday.3': 'Jumatano', // review:
  'provider.weekday.4': 'Alhamisi', // review:
  'provider.weekday.5': 'Ijumaa', // review:
  'provider.weekday.6': 'Jumamosi', // review:
  'provider.weekday.7': 'Jumapili', // review:
  'provider.profile_title': 'Wasifu wangu', // review:
  'provider.profile_saved': 'Wasifu wako umehifadhiwa.', // review:
  'admin.nav.providers': 'Wahudumu wa afya', // review:
  'admin.providers_title': 'Wahudumu wa afya wa kuthibitisha', // review:
  'admin.show': 'Onyesha', // review:
  'admin.none': 'Hakuna mtu hapa.', // review:
  'admin.licence': 'Namba ya leseni: {licence}', // review:
  'admin.registered': 'Alijisajili tarehe {when}', // review:
  'admin.verify': 'Thibitisha', // review:
  'admin.reject': 'Kataa', // review:
  'admin.reject_reason': 'Kwa nini (mhudumu wa afya atasoma hili)', // review:
  'admin.reject_send': 'Kataa usajili', // review:
  'admin.suspend': 'Simamisha', // review:
  'admin.facts': 'Leseni {licence} · {facility}, {district}.', // review:
  'admin.verify_ask': 'Umthibitishe {name}?', // review:
  'admin.verify_yes': 'Ndiyo, thibitisha', // review:
  'admin.suspend_ask':
    'Umsimamishe {name}? Anaondolewa kwenye orodha ya wahudumu wa afya na hamwoni mtu yeyote hadi athibitishwe tena.', // review:
  'admin.suspend_yes': 'Ndiyo, simamisha', // review:
  'admin.reject_ask': 'Ukatae usajili wa {name}?', // review:
  'admin.go_back': 'Hapana, rudi', // review:
  'admin.done_verified': '{name} amethibitishwa.', // review:
  'admin.done_rejected': '{name} hakukubaliwa.', // review:
  'admin.done_suspended': '{name} amesimamishwa.', // review:
  'admin.invite_title': 'Alika mhudumu wa afya', // review:
  'admin.invite_body':
    'Tengeneza msimbo wa matumizi mara moja kwa mhudumu wa afya unayemjua. Akijisajili nao, anathibitishwa mara moja.', // review:
  'admin.invite_make': 'Tengeneza msimbo wa mwaliko', // review:
  'admin.invite_code': 'Msimbo wa mwaliko:', // review:
  'admin.invite_until': 'Unafanya kazi mara moja, hadi {when}.', // review:
};
