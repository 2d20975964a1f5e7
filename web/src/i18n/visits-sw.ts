import type { visitsEn } from './visits-messages.ts';

/** Swahili. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const visitsSw: Record<keyof typeof visitsEn, string> = {
  'visit.nav': 'Wahudumu wa afya', // review:
  'visit.nav_mine': 'Miadi yangu', // review:
  'visit.dir_title': 'Tafuta mhudumu wa afya', // review:
  'visit.dir_intro':
    'Wahudumu wa afya waliokaguliwa na timu yetu. Chagua mmoja uone nyakati zake zilizo wazi na uweke miadi.', // review:
  'visit.district': 'Wilaya', // review:
  'visit.language': 'Lugha anayozungumza', // review:
  'visit.service': 'Anachosaidia', // review:
  'visit.any': 'Yoyote', // review:
  'visit.search': 'Onyesha wahudumu wa afya', // review:
  'visit.none_found': 'Hakuna mhudumu wa afya aliyepatikana. Jaribu wilaya au lugha nyingine.', // review:
  'visit.where': '{facility}, {district}', // review:
  'visit.speaks': 'Anazungumza: {list}', // review:
  'visit.offers': 'Anasaidia kuhusu: {list}', // review:
  'visit.choose': 'Ona nyakati zilizo wazi', // review:
  'visit.book_title': 'Weka miadi', // review:
  'visit.back': 'Rudi kwenye orodha', // review:
  'visit.free_times': 'Nyakati zilizo wazi', // review:
  'visit.no_slots': 'Hakuna nyakati zilizo wazi katika wiki mbili zijazo. Jaribu mhudumu mwingine wa afya.', // review:
  'visit.zone': 'Nyakati ni saa za kituo cha afya ({zone}).', // review:
  'visit.chosen': 'Muda wako: {when}', // review:
  'visit.reason': 'Kwa nini unataka kumwona?', // review:
  'visit.words': 'Unachotaka kumwambia', // review:
  'visit.words_hint': 'Mhudumu huyu wa afya pekee ndiye anayesoma.', // review:
  'visit.share': 'Shiriki muhtasari wa mzunguko wangu na mhudumu huyu wa afya kwa miadi hii', // review:
  'visit.share_hint':
    'Urefu wa mizunguko yako, hedhi yako ya mwisho ilipoanza, ijayo inatarajiwa lini, na dalili za kuangalia. Kamwe si maandishi yako.', // review:
  'visit.book': 'Chukua muda huu', // review:
  'visit.pick_time': 'Chagua muda kwanza.', // review:
  'visit.booked': 'Imewekwa. Mhudumu wa afya ataithibitisha.', // review:
  'visit.see_mine': 'Ona miadi yangu', // review:
  'visit.taken':
    'Mtu mwingine amechukua muda huo sasa hivi. Nyakati zilizo wazi zimesasishwa: tafadhali chagua mwingine.', // review:
  'visit.for_whom': 'Miadi ni ya nani?', // review:
  'visit.mine_title': 'Miadi yangu', // review:
  'visit.mine_none': 'Huna miadi yoyote.', // review:
  'visit.book_link': 'Weka miadi na mhudumu wa afya', // review:
  'visit.upcoming': 'Inayokuja', // review:
  'visit.past': 'Iliyopita', // review:
  'visit.with': '{provider}, {facility}', // review:
  'visit.reason_is': 'Sababu: {reason}', // review:
  'visit.your_words': 'Maneno yako: {words}', // review:
  'visit.declined_why': 'Mhudumu wa afya alisema: {reason}', // review:
  'visit.note': 'Ujumbe wa mhudumu wa afya', // review:
  'visit.summary_shared': 'Unashiriki muhtasari wa mzunguko wako na mhudumu huyu wa afya kwa miadi hii.', // review:
  'visit.cancel': 'Ghairi miadi hii', // review:
  'visit.cancel_ask': 'Ughairi miadi yako ya {when}?', // review:
  'visit.cancel_yes': 'Ndiyo, ighairi', // review:
  'visit.keep': 'Hapana, ibaki', // review:
  'visit.changes_closed_hours.one':
    'Miadi hii haiwezi tena kughairiwa au kuhamishwa hapa: mabadiliko hufungwa saa {n} kabla haijaanza.', // review:
  'visit.changes_closed_hours.other':
    'Miadi hii haiwezi tena kughairiwa au kuhamishwa hapa: mabadiliko hufungwa saa {n} kabla haijaanza.', // review:
  'visit.changes_closed_minutes.one':
    'Miadi hii haiwezi tena kughairiwa au kuhamishwa hapa: mabadiliko hufungwa dakika {n} kabla haijaanza.', // review:
  'visit.changes_closed_minutes.other':
    'Miadi hii haiwezi tena kughairiwa au kuhamishwa hapa: mabadiliko hufungwa dakika {n} kabla haijaanza.', // review:
  'visit.call_facility': 'Kama huwezi kuja, piga simu kituo cha afya.', // review:
  'visit.move': 'Badilisha muda', // review:
  'visit.move_title': 'Chagua muda mwingine', // review:
  'visit.move_now': 'Umehifadhiwa sasa: {when}', // review:
  'visit.move_send': 'Hamishia miadi kwenye muda huu', // review:
  'visit.moved': 'Miadi imehamishiwa {when}.', // review:
  'visit.moved_wait': 'Mhudumu wa afya atathibitisha muda mpya.', // review:
  'visit.move_closed': 'Miadi hii haiwezi kuhamishwa tena.', // review:
  'visit.move_back_day': 'Rudi kwenye siku yangu', // review:
  'visit.cancelled': 'Miadi imeghairiwa.', // review:
  'visit.for_whom_missing':
    'Hapa anaonekana tu binti anayekushirikisha miadi yake, au aliye chini ya miaka {age} ambaye uliidhinisha akaunti yake.', // review:
  'visit.status.requested': 'Inasubiri mhudumu wa afya aithibitishe', // review:
  'visit.status.confirmed': 'Imethibitishwa', // review:
  'visit.status.declined': 'Imekataliwa', // review:
  'visit.status.cancelled': 'Imeghairiwa', // review:
  'visit.status.completed': 'Imekamilika', // review:
  'visit.status.no_show': 'Haikuhudhuriwa', // review:
  'visit.reason_period_problem': 'Tatizo la hedhi yangu', // review:
  'visit.reason_pain': 'Maumivu', // review:
  'visit.reason_irregular_cycle': 'Hedhi yangu haiji kwa mpangilio', // review:
  'visit.reason_contraception_advice': 'Ushauri kuhusu uzazi wa mpango', // review:
  'visit.reason_nutrition': 'Chakula na lishe', // review:
  'visit.reason_general_checkup': 'Uchunguzi wa jumla', // review:
  'visit.reason_other': 'Kitu kingine', // review:
  'visit.service.menstrual_health': 'Hedhi', // review:
  'visit.service.contraception': 'Uzazi wa mpango', // review:
  'visit.service.sexual_health': 'Afya ya uzazi', // review:
  'visit.service.pregnancy': 'Ujauzito', // review:
  'visit.service.nutrition': 'Chakula na lishe', // review:
  'visit.service.mental_health': 'Hisia na msongo', // review:
  'visit.service.general_medicine': 'Huduma za jumla', // review:
  'access.action.appointment.book': 'aliweka miadi', // review:
  'access.action.appointment.read': 'aliangalia miadi', // review:
  'access.action.appointment.read.appointment_list': 'aliangalia orodha ya miadi ya siku', // review:
  'access.action.appointment.read.appointment_with_summary': 'aliangalia miadi na muhtasari wa mzunguko wako', // review:
  'access.action.appointment.cancel': 'aliighairi miadi', // review:
  'access.action.appointment.reschedule': 'alihamisha miadi', // review:
  'access.action.appointment.confirm': 'alithibitisha miadi', // review:
  'access.action.appointment.decline': 'alikataa miadi', // review:
  'access.action.appointment.complete': 'aliweka alama kuwa miadi imekamilika', // review:
  'access.action.appointment.no_show': 'aliweka alama kuwa miadi haikuhudhuriwa', // review:
  'access.action.appointment.note': 'aliandika ujumbe wa ziara', // review:
};
