import type { Catalogue } from './en.ts';

/** Swahili message catalogue (translation of en.ts), East African usage. GSM-7 only. */
export const sw: Catalogue = {
  'app.name': "Lady's Essence",
  'lang.choose': "Karibu Lady's Essence. Chagua lugha:",

  'nav.back': 'Rudi',
  'nav.home': 'Mwanzo',
  'nav.more': 'Zaidi',
  'nav.exit': 'Toka',
  'common.invalid_choice': 'Tafadhali chagua moja ya namba zilizoonyeshwa.',
  'common.yes': 'Ndiyo',
  'common.no': 'Hapana',
  'common.busy': 'Huduma imezidiwa. Tafadhali jaribu tena baada ya dakika chache.',
  'common.goodbye': 'Kwaheri. Piga tena wakati wowote.',
  'sms.number_changed':
    'Namba ya simu ya akaunti yako imebadilishwa. Kama si wewe, omba msaada kwenye kituo cha afya.',
  // review: machine-written
  'sms.code.one': 'Nambari yako ni {code}. Inafanya kazi kwa dakika {n}. Usimpe mtu yeyote.',
  'sms.code.other': 'Nambari yako ni {code}. Inafanya kazi kwa dakika {n}. Usimpe mtu yeyote.',

  'reg.name': 'Karibu! Andika jina lako la kwanza:',
  'reg.name_invalid': 'Tumia herufi 2 hadi 30.',
  'reg.role': 'Wewe ni nani?',
  'reg.role_adolescent': 'Msichana au mwanamke kijana',
  'reg.role_parent': 'Mzazi au mlezi',
  'reg.birth_year': 'Andika mwaka wako wa kuzaliwa, mfano 2009:',
  'reg.birth_year_invalid': 'Andika mwaka wa tarakimu 4, mfano 2009.',
  'reg.pin': 'Chagua PIN ya siri ya tarakimu 5. Usimpe mtu yeyote:',
  'reg.pin_again': 'Andika PIN hiyo tena:',
  'reg.pin_mismatch': 'PIN mbili hazifanani.',
  'reg.pin_weak': 'PIN hiyo ni rahisi kukisia. Epuka 12345, 11111 na mwaka wako wa kuzaliwa.',
  'reg.terms': 'Taarifa zako ni siri na zimesimbwa. Masharti: tazama ladysessence.rw/terms',
  'reg.accept': 'Nakubali',
  'reg.decline': 'Sikubali',
  'reg.declined': 'Hakuna akaunti iliyofunguliwa. Unaweza kujiunga wakati wowote kwa kupiga tena.',
  'reg.taken': 'Namba hii tayari ina akaunti. Piga tena ili kuingia.',
  'reg.done': 'Karibu, {name}! Akaunti yako iko tayari.',

  'signin.pin': "Karibu tena Lady's Essence. Andika PIN yako (umeisahau? tuma 9):",
  // review: machine-written
  'signin.wrong.one': 'PIN si sahihi. Imebaki nafasi {n}.',
  'signin.wrong.other': 'PIN si sahihi. Zimebaki nafasi {n}.',
  // review: machine-written
  'signin.locked.one': 'Umekosea PIN mara nyingi. Jaribu tena baada ya dakika {n}.',
  'signin.locked.other': 'Umekosea PIN mara nyingi. Jaribu tena baada ya dakika {n}.',
  'recover.new_pin': 'Umesahau PIN? Namba ya simu hii inaonyesha ni wewe. Chagua PIN mpya ya tarakimu 5:',
  'recover.done': 'PIN yako imebadilishwa na vipindi vyako vingine vimefungwa. Andika PIN mpya:',
  'signin.deactivated': 'Akaunti hii haitumiki. Tafadhali wasiliana na huduma kwa wateja.',

  'resume.ask': 'Uendelee ulipoishia?',
  'resume.start_again': 'Hapana, anza upya',

  'menu.title': 'Menyu kuu',
  'menu.log_start': 'Hedhi imeanza',
  'menu.log_end': 'Hedhi imeisha',
  'menu.log_today': 'Andika ya leo',
  'menu.next_period': 'Hedhi yangu ijayo',
  'menu.summary': 'Muhtasari wa mzunguko',
  'menu.tips': 'Ushauri wa afya',
  'menu.settings': 'Mipangilio',

  'period.start_when': 'Hedhi yako ilianza lini?',
  'period.end_when': 'Hedhi yako iliisha lini?',
  'period.today': 'Leo',
  'period.yesterday': 'Jana',
  'period.other_day': 'Siku nyingine',
  'period.enter_date': 'Andika siku na mwezi kama DDMM, mfano 0311 kwa 3 Novemba:',
  'period.date_invalid': 'Andika tarakimu 4, mfano 0311.',
  'period.saved_start': 'Imehifadhiwa: hedhi ilianza {date}.',
  'period.saved_end': 'Imehifadhiwa: hedhi iliisha {date}.',
  'period.no_open': 'Hakuna hedhi ya kumaliza. Andika mwanzo wake kwanza.',
  'period.future': 'Tarehe hiyo bado haijafika.',
  // review: machine-written
  'period.overlap': 'Hiyo inaingiliana na hedhi yako iliyoanza {date}.',
  'period.overlap_open': 'Hiyo inaingiliana na hedhi yako iliyoanza {date}, ambayo mwisho wake haujaandikwa.',
  'period.before_start': 'Mwisho hauwezi kuwa kabla ya mwanzo ({date}).',
  // review: machine-written
  'period.unusual_long.one': 'Hedhi ya siku {n} ni ndefu.',
  'period.unusual_long.other': 'Hedhi ya siku {n} ni ndefu.',
  'period.unusual_after.one': 'Ni siku {n} tu baada ya hedhi yako iliyoanza {date}.',
  'period.unusual_after.other': 'Ni siku {n} tu baada ya hedhi yako iliyoanza {date}.',
  'period.unusual_before.one': 'Ni siku {n} tu kabla ya hedhi yako iliyoanza {date}.',
  'period.unusual_before.other': 'Ni siku {n} tu kabla ya hedhi yako iliyoanza {date}.',
  'period.save_anyway': 'Hifadhi hata hivyo?',

  'day.flow': 'Unatokwa na damu leo?',
  'day.symptoms': 'Una dalili yoyote? Chagua moja:',
  'day.symptoms_more': 'Umechagua: {list}. Nyingine?',
  'day.no_more': 'Hakuna zaidi',
  'day.mood': 'Unajisikiaje?',
  'day.pain': 'Maumivu kiasi gani leo?',
  'day.saved': 'Imehifadhiwa. Jitunze.',
  'pain.none': 'Hakuna maumivu',
  'pain.mild': 'Kidogo',
  'pain.moderate': 'Wastani',
  'pain.severe': 'Makali',
  'pain.worst': 'Makali sana',

  'flow.none': 'Hakuna',
  'flow.spotting': 'Matone tu',
  'flow.light': 'Kidogo',
  'flow.medium': 'Wastani',
  'flow.heavy': 'Nyingi',

  'symptom.cramps': 'Kuumwa tumbo',
  'symptom.headache': 'Kuumwa kichwa',
  'symptom.backache': 'Kuumwa mgongo',
  'symptom.bloating': 'Tumbo kujaa gesi',
  'symptom.tender_breasts': 'Matiti kuuma',
  'symptom.acne': 'Chunusi',
  'symptom.nausea': 'Kichefuchefu',
  'symptom.fatigue': 'Uchovu',
  'symptom.dizziness': 'Kizunguzungu',
  'symptom.cravings': 'Hamu ya vyakula',
  'symptom.insomnia': 'Kukosa usingizi',
  'symptom.mood_swings': 'Hisia kubadilika',
  'symptom.diarrhea': 'Kuhara',
  'symptom.constipation': 'Choo kigumu',

  'mood.happy': 'Nina furaha',
  'mood.calm': 'Nimetulia',
  'mood.sad': 'Nina huzuni',
  'mood.anxious': 'Nina wasiwasi',
  'mood.irritable': 'Nakasirika upesi',
  'mood.sensitive': 'Naguswa upesi',

  'pred.none': 'Andika mwanzo wa hedhi yako kwanza; kisha nitakuambia lini inayofuata inaweza kuja.',
  'pred.next': 'Hedhi ijayo: karibu {date}, kati ya {earliest} na {latest}.',
  'pred.prior': 'Kulingana na mizunguko ya kawaida hadi uandike hedhi 3.',
  'pred.today': 'Leo ni siku ya {day} ya mzunguko wako: {phase}.',
  // review: machine-written
  'pred.late.one':
    'Hedhi yako imechelewa siku {n}. Hutokea; ikiendelea au kama huenda una mimba, mwone mhudumu wa afya.',
  'pred.late.other':
    'Hedhi yako imechelewa siku {n}. Hutokea; ikiendelea au kama huenda una mimba, mwone mhudumu wa afya.',
  // review: machine-written
  'pred.fertile': 'Siku za rutuba: {start} hadi {end}. Si njia ya kuzuia mimba.',

  'phase.menstrual': 'hedhi',
  'phase.follicular': 'kabla ya yai kutolewa',
  'phase.fertile': 'siku za rutuba',
  'phase.luteal': 'baada ya yai kutolewa',
  'phase.late': 'hedhi imechelewa',

  'sum.none': 'Bado hakuna mzunguko kamili. Andika mwanzo wa kila hedhi.',
  // review: machine-written
  'sum.cycle.one': 'Mzunguko wa wastani: siku {n}, hubadilika kwa takriban {var}.',
  'sum.cycle.other': 'Mzunguko wa wastani: siku {n}, hubadilika kwa takriban {var}.',
  'sum.period.one': 'Hedhi ya wastani: siku {n}.',
  'sum.period.other': 'Hedhi ya wastani: siku {n}.',
  'sum.flags': 'Inafaa kuzungumza na mhudumu wa afya kuhusu: {list}.',
  'sum.fine': 'Hakuna lisilo la kawaida katika rekodi.',

  'flag.possible_missed_log': 'huenda hedhi haikuandikwa',
  'flag.unusual_cycle': 'mzunguko 1 usio wa kawaida',
  'flag.short_cycles': 'mizunguko mifupi',
  'flag.long_cycles': 'mizunguko mirefu',
  'flag.irregular': 'mizunguko isiyo na mpangilio',
  'flag.long_periods': 'hedhi ndefu',
  'flag.no_period_90_days': 'hakuna hedhi kwa siku 90',
  'flag.heavy_flow': 'kutokwa na damu nyingi',

  'tips.title': 'Ushauri wa afya:',
  'tip.1.title': 'Maumivu ya hedhi',
  'tip.1.body':
    'Joto tumboni, kupumzika, maji na kutembea taratibu hupunguza maumivu ya tumbo. Maumivu yakikuzuia kwenda shule au shughuli za kila siku, mwone mhudumu wa afya.',
  'tip.2.title': 'Pedi na usafi',
  'tip.2.body':
    'Badilisha pedi kila saa 4 hadi 6. Nawa mikono kabla na baada. Fua pedi za kutumia tena kwa sabuni na uzikaushe juani.',
  'tip.3.title': 'Kula vizuri',
  'tip.3.body':
    'Maharage, mboga za majani za kijani kilichokolea, mayai na samaki hutoa madini ya chuma, unayopoteza wakati wa hedhi. Kunywa maji safi ya kutosha.',
  'tip.4.title': 'Kilicho kawaida',
  'tip.4.body':
    'Mizunguko ya siku 21 hadi 45 ni ya kawaida katika miaka ya kwanza. Hedhi hudumu siku 2 hadi 7. Mizunguko isiyo na mpangilio ni kawaida kwa vijana.',
  'tip.5.title': 'Lini umwone mhudumu wa afya',
  'tip.5.body':
    'Mwone mhudumu wa afya kama damu inalowesha pedi kila saa, inadumu zaidi ya siku 7, ukizimia, au hujapata hedhi kwa miezi 3.',
  'tip.6.title': 'Hisia zako',
  'tip.6.body':
    'Mabadiliko ya hisia kabla ya hedhi ni kawaida. Usingizi, mazoezi na kuzungumza na mtu unayemwamini husaidia.',

  'policy.terms.summary':
    'Masharti ya matumizi: huduma hii inatoa taarifa za afya, si matibabu. Weka PIN yako siri. Unaweza kufuta akaunti yako wakati wowote.',
  'policy.privacy.summary':
    'Faragha: taarifa zako zimesimbwa na haziuzwi kamwe. Hakuna anayeziona isipokuwa ukichagua kuzishiriki. Unaweza kuzipakua au kuzifuta.',
  'policy.changed': 'Kuna mabadiliko kwenye masharti au sera yetu ya faragha. Soma ladysessence.rw/terms',
  'policy.declined': 'Unahitaji kuyakubali ili kutumia huduma. Piga tena wakati wowote.',
  'guardian.required':
    'Uko chini ya miaka {age}: mzazi au mlezi lazima akubali kabla hatujahifadhi taarifa zako za afya. Chagua Msimbo wa mzazi wangu.',
  'guardian.code':
    'Mpe mzazi au mlezi wako msimbo huu: {code}. Atachagua Idhini kwa mtoto wangu kwenye menyu yake. Unadumu siku 2.',
  'guardian.enter_code': 'Andika msimbo wa tarakimu 8 uliopewa na mtoto wako:',
  'guardian.same_phone': 'Idhini lazima itoke kwenye simu ya mzazi mwenyewe, si ya mtoto.',
  'guardian.code_invalid': 'Msimbo huo si sahihi, umeshatumika au muda wake umekwisha.',
  'guardian.done':
    'Asante, idhini yako imehifadhiwa. Hutaona taarifa zake za afya isipokuwa akichagua kukushirikisha.',
  'menu.guardian_code': 'Msimbo wa mzazi wangu',
  'menu.child_consent': 'Idhini kwa mtoto wangu',

  'settings.title': 'Mipangilio',
  'settings.language': 'Lugha',
  'settings.change_pin': 'Badilisha PIN',
  'settings.delete': 'Futa akaunti yangu',
  'settings.language_saved': 'Lugha imebadilishwa.',
  'pin.current': 'Andika PIN yako ya sasa:',
  'pin.new': 'Andika PIN mpya ya tarakimu 5:',
  'pin.new_again': 'Andika PIN mpya tena:',
  'pin.changed': 'PIN yako imebadilishwa.',
  'delete.warn':
    'Hii inafuta akaunti yako na taarifa zako zote milele. Andika PIN yako kuthibitisha, au 0 kurudi:',
  'delete.done': 'Akaunti yako na taarifa zako zote zimefutwa. Kwaheri.',

  'month.1': 'Jan',
  'month.2': 'Feb',
  'month.3': 'Mac',
  'month.4': 'Apr',
  'month.5': 'Mei',
  'month.6': 'Jun',
  'month.7': 'Jul',
  'month.8': 'Ago',
  'month.9': 'Sep',
  'month.10': 'Okt',
  'month.11': 'Nov',
  'month.12': 'Des',
};
