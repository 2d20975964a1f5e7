import type { Catalogue } from './en.ts';

/** Kinyarwanda message catalogue (translation of en.ts). GSM-7 only: these texts go to USSD screens. */
export const rw: Catalogue = {
  'app.name': "Lady's Essence",
  'lang.choose': "Murakaza neza kuri Lady's Essence. Hitamo ururimi:",

  'nav.back': 'Subira inyuma',
  'nav.home': 'Ahabanza',
  'nav.more': 'Ibindi',
  'nav.exit': 'Sohoka',
  'common.invalid_choice': 'Hitamo umwe mu mibare yerekanwe.',
  'common.yes': 'Yego',
  'common.no': 'Oya',
  'common.busy': 'Serivisi irahuze. Ongera ugerageze mu minota mike.',
  // review: machine-written
  'common.refused': 'Ihangane, ntibyashobotse.',
  'common.goodbye': 'Murabeho. Ongera uhamagare igihe cyose.',
  // review: machine-written
  // review: machine-written
  'sms.number_changed':
    'Nimero ya telefoni ya konti yawe yahinduwe. Niba atari wowe, saba ubufasha ku kigo nderabuzima.',
  // review: machine-written
  'sms.code.one': 'Kode yawe ni {code}. Imara umunota {n}. Ntuyihe undi muntu.',
  'sms.code.other': 'Kode yawe ni {code}. Imara iminota {n}. Ntuyihe undi muntu.',

  'reg.name': 'Murakaza neza! Andika izina ryawe bwite:',
  'reg.name_invalid': 'Koresha inyuguti 2 kugeza 30.',
  'reg.role': 'Uri nde muri aba?',
  'reg.role_adolescent': 'Umukobwa cyangwa inkumi',
  'reg.role_parent': 'Umubyeyi cyangwa umurezi',
  'reg.birth_year': 'Andika umwaka wavukiyemo, nka 2009:',
  'reg.birth_year_invalid': "Andika umwaka w'imibare 4, nka 2009.",
  'reg.pin': "Hitamo PIN y'ibanga y'imibare 5. Ntuzayibwire undi muntu:",
  'reg.pin_again': 'Ongera wandike iyo PIN:',
  'reg.pin_mismatch': 'PIN zombi ntizihuye.',
  'reg.pin_weak': "Iyo PIN yakekwa byoroshye. Irinde 12345, 11111 n'umwaka wavukiyemo.",
  'reg.terms': 'Amakuru yawe ni ibanga kandi arinzwe. Amabwiriza: reba ladysessence.rw/terms',
  'reg.accept': 'Ndemera',
  'reg.decline': 'Sinemera',
  'reg.declined': 'Nta konti yafunguwe. Wakwiyandikisha igihe cyose wongeye guhamagara.',
  'reg.taken': 'Iyi nimero isanganywe konti. Ongera uhamagare kugira ngo winjire.',
  'reg.done': 'Murakaza neza, {name}! Konti yawe iriteguye.',

  'signin.pin': "Murakaza neza nanone kuri Lady's Essence. Andika PIN yawe (wayibagiwe? ohereza 9):",
  // review: machine-written
  'signin.wrong.one': 'PIN si yo. Usigaje ihirwe rimwe.',
  'signin.wrong.other': 'PIN si yo. Usigaje amahirwe {n}.',
  // review: machine-written
  'signin.locked.one': 'Wibeshye PIN kenshi. Ongera ugerageze mu munota {n}.',
  'signin.locked.other': 'Wibeshye PIN kenshi. Ongera ugerageze mu minota {n}.',
  // review: machine-written
  'recover.new_pin':
    'Wibagiwe PIN? Nimero y iyi telefoni yerekana ko ari wowe. Hitamo PIN nshya y imibare 5:',
  'recover.done': 'PIN yawe yahinduwe kandi izindi nshuro wari winjiyemo zafunzwe. Andika PIN nshya:',
  'signin.deactivated': 'Iyi konti ntikora. Hamagara abashinzwe ubufasha.',

  'resume.ask': 'Ukomereze aho wari ugeze?',
  'resume.start_again': 'Oya, ongera utangire',

  'menu.title': 'Menu ibanza',
  'menu.log_start': 'Imihango yatangiye',
  'menu.log_end': 'Imihango yarangiye',
  'menu.log_today': "Andika iby'uyu munsi",
  'menu.next_period': 'Imihango yanjye itaha',
  'menu.summary': "Incamake y'umuzunguruko",
  'menu.tips': "Inama z'ubuzima",
  'menu.settings': 'Igenamiterere',

  'period.start_when': 'Imihango yawe yatangiye ryari?',
  'period.end_when': 'Imihango yawe yarangiye ryari?',
  'period.today': 'Uyu munsi',
  'period.yesterday': 'Ejo hashize',
  'period.other_day': 'Undi munsi',
  'period.enter_date': "Andika umunsi n'ukwezi nka DDMM, urugero 0311 ni 3 Ugushyingo:",
  'period.date_invalid': 'Andika imibare 4, urugero 0311.',
  'period.saved_start': 'Byabitswe: imihango yatangiye {date}.',
  'period.saved_end': 'Byabitswe: imihango yarangiye {date}.',
  'period.no_open': 'Nta mihango yo gusoza ihari. Banza wandike itangira ryayo.',
  'period.future': 'Iyo tariki ntiragera.',
  // review: machine-written
  'period.overlap': "Ihura n'imihango yawe yatangiye {date}.",
  'period.overlap_open': "Ihura n'imihango yawe yatangiye {date}; ntiwanditse igihe yarangiriye.",
  'period.before_start': "Imihango ntiyarangira mbere y'uko itangira ({date}).",
  // review: machine-written
  'period.unusual_long.one': 'Imihango imara umunsi {n} ni miremire.',
  'period.unusual_long.other': 'Imihango imara iminsi {n} ni miremire.',
  'period.unusual_after.one': "Ni umunsi {n} gusa nyuma y'imihango yawe yatangiye {date}.",
  'period.unusual_after.other': "Ni iminsi {n} gusa nyuma y'imihango yawe yatangiye {date}.",
  'period.unusual_before.one': "Ni umunsi {n} gusa mbere y'imihango yawe yatangiye {date}.",
  'period.unusual_before.other': "Ni iminsi {n} gusa mbere y'imihango yawe yatangiye {date}.",
  'period.save_anyway': 'Ubibike uko biri?',

  'day.flow': 'Wavuye amaraso uyu munsi?',
  'day.symptoms': 'Hari ikimenyetso? Hitamo kimwe:',
  'day.symptoms_more': 'Wahisemo: {list}. Hari ikindi?',
  'day.no_more': 'Nta kindi',
  'day.mood': 'Wumva umeze ute?',
  'day.pain': 'Ububabare bwawe uyu munsi?',
  'day.saved': 'Byabitswe. Wiyiteho.',
  'pain.none': 'Nta bubabare',
  'pain.mild': 'Buke',
  'pain.moderate': 'Buringaniye',
  'pain.severe': 'Bukomeye',
  'pain.worst': 'Bukabije cyane',

  'flow.none': 'Nta maraso',
  'flow.spotting': 'Ibitonyanga bike',
  'flow.light': 'Make',
  'flow.medium': 'Aringaniye',
  'flow.heavy': 'Menshi',

  'symptom.cramps': 'Kuribwa mu nda',
  'symptom.headache': 'Kuribwa umutwe',
  'symptom.backache': 'Kuribwa umugongo',
  'symptom.bloating': 'Kubyimba inda',
  'symptom.tender_breasts': 'Kuribwa amabere',
  'symptom.acne': 'Ibiheri',
  'symptom.nausea': 'Iseseme',
  'symptom.fatigue': 'Umunaniro',
  'symptom.dizziness': 'Isereri',
  'symptom.cravings': 'Kwifuza ibiryo',
  'symptom.insomnia': 'Kudasinzira neza',
  'symptom.mood_swings': 'Amarangamutima ahinduka',
  'symptom.diarrhea': 'Impiswi',
  'symptom.constipation': 'Kwituma impatwe',

  'mood.happy': 'Nishimye',
  'mood.calm': 'Ntuje',
  'mood.sad': 'Mbabaye',
  'mood.anxious': 'Mpangayitse',
  'mood.irritable': 'Ndarakara vuba',
  'mood.sensitive': 'Numva nkomereka vuba',

  'pred.none': "Banza wandike itangira ry'imihango yawe; nyuma nzakubwira igihe itaha ishobora kuza.",
  'pred.next': 'Imihango itaha: ahagana {date}, hagati ya {earliest} na {latest}.',
  'pred.prior': 'Bishingiye ku mizunguruko isanzwe kugeza wanditse imihango 3.',
  'pred.today': "Uyu munsi ni umunsi wa {day} w'umuzunguruko: {phase}.",
  // review: machine-written
  'pred.late.one':
    'Imihango yawe yatinze umunsi {n}. Birabaho; niba bikomeje cyangwa ushobora kuba utwite, jya kwa muganga.',
  'pred.late.other':
    'Imihango yawe yatinze iminsi {n}. Birabaho; niba bikomeje cyangwa ushobora kuba utwite, jya kwa muganga.',
  // review: machine-written
  'pred.fertile': "Iminsi y'uburumbuke: {start} kugeza {end}. Si uburyo bwo kuboneza urubyaro.",

  'phase.menstrual': 'imihango',
  'phase.follicular': "mbere y'irekurwa ry'intanga",
  'phase.fertile': "iminsi y'uburumbuke",
  'phase.luteal': "nyuma y'irekurwa ry'intanga",
  'phase.late': 'imihango yatinze',

  'sum.none': 'Nta muzunguruko wuzuye wanditswe. Andika buri gihe imihango itangiye.',
  // review: machine-written
  'sum.cycle.one': 'Umuzunguruko ugereranyije: umunsi {n}, uhindagurika nka {var}.',
  'sum.cycle.other': 'Umuzunguruko ugereranyije: iminsi {n}, uhindagurika nka {var}.',
  'sum.period.one': 'Imihango igereranyije: umunsi {n}.',
  'sum.period.other': 'Imihango igereranyije: iminsi {n}.',
  'sum.flags': "Byaba byiza kubiganiraho n'umuganga: {list}.",
  'sum.fine': 'Nta kidasanzwe kiri mu byo wanditse.',

  'flag.possible_missed_log': 'ahari imihango utanditse',
  'flag.unusual_cycle': 'umuzunguruko umwe udasanzwe',
  'flag.short_cycles': 'imizunguruko migufi',
  'flag.long_cycles': 'imizunguruko miremire',
  'flag.irregular': 'imizunguruko ihindagurika',
  'flag.long_periods': 'imihango irambye',
  'flag.no_period_90_days': 'nta mihango mu minsi 90',
  'flag.heavy_flow': 'kuva amaraso menshi',

  'tips.title': "Inama z'ubuzima:",
  'tip.1.title': "Ububabare bw'imihango",
  'tip.1.body':
    'Ubushyuhe ku nda, kuruhuka, kunywa amazi no kugenda gahoro bigabanya kuribwa mu nda. Niba ububabare bukubuza ishuri cyangwa imirimo ya buri munsi, jya kwa muganga.',
  'tip.2.title': "Kotegisi n'isuku",
  'tip.2.body':
    "Hindura kotegisi buri masaha 4 kugeza kuri 6. Karaba intoki mbere na nyuma. Mesa kotegisi zimeswa n'isabune, uzanike ku zuba.",
  'tip.3.title': 'Kurya neza',
  'tip.3.body':
    "Ibishyimbo, imboga rwatsi zijimye, amagi n'amafi bitanga ubutare utakaza mu gihe cy'imihango. Nywa amazi meza ahagije.",
  'tip.4.title': 'Ibisanzwe ni ibihe?',
  'tip.4.body':
    "Imizunguruko y'iminsi 21 kugeza 45 irasanzwe mu myaka ya mbere. Imihango imara iminsi 2 kugeza 7. Imizunguruko ihindagurika irasanzwe ku bangavu.",
  'tip.5.title': 'Igihe wajya kwa muganga',
  'tip.5.body':
    'Jya kwa muganga niba amaraso yuzuza kotegisi buri saha, niba amara iminsi irenga 7, niba uguye igihumure, cyangwa umaze amezi 3 nta mihango.',
  'tip.6.title': 'Amarangamutima yawe',
  'tip.6.body':
    "Guhinduka kw'amarangamutima mbere y'imihango birasanzwe. Gusinzira, gukora siporo no kuganira n'uwo wizera bifasha.",

  'policy.terms.summary':
    "Amabwiriza y'imikoreshereze: serivisi itanga amakuru ku buzima, si ubuvuzi. Bika PIN yawe mu ibanga. Ushobora gusiba konti yawe igihe cyose.",
  'policy.privacy.summary':
    'Ibanga: amakuru yawe arinzwe kandi ntagurishwa. Nta wundi uyabona keretse uhisemo kuyasangiza. Ushobora kuyamanura cyangwa kuyasiba.',
  'policy.changed': 'Amabwiriza yacu cyangwa ayerekeye ibanga yahindutse. Yasome kuri ladysessence.rw/terms',
  'policy.declined': 'Ugomba kubyemera kugira ngo ukoreshe serivisi. Ongera uhamagare igihe cyose.',
  'guardian.required':
    "Ufite munsi y'imyaka {age}: umubyeyi cyangwa umurezi agomba kwemera mbere yo kubika amakuru y'ubuzima bwawe. Hitamo Kode y'umubyeyi wanjye.",
  'guardian.code':
    'Ha iyi kode umubyeyi cyangwa umurezi wawe: {code}. Azahitamo Nemerera umwana wanjye muri menu ye. Imara iminsi 2.',
  'guardian.enter_code': "Andika kode y'imibare 8 umwana wawe yaguhaye:",
  'guardian.same_phone': 'Uruhushya rugomba guturuka kuri telefoni y umubyeyi, si iy umwana.',
  'guardian.code_invalid': 'Iyo kode ntiyemewe, yamaze gukoreshwa cyangwa yarengeje igihe.',
  'guardian.done':
    "Murakoze, uruhushya rwawe rwabitswe. Ntuzabona amakuru y'ubuzima bwe keretse we ubwe ahisemo kuyakwereka.",
  'menu.guardian_code': "Kode y'umubyeyi wanjye",
  'menu.child_consent': 'Nemerera umwana wanjye',

  'settings.title': 'Igenamiterere',
  'settings.language': 'Ururimi',
  'settings.change_pin': 'Hindura PIN',
  'settings.delete': 'Siba konti yanjye',
  'settings.language_saved': 'Ururimi rwahinduwe.',
  'pin.current': 'Andika PIN yawe isanzwe:',
  'pin.new': "Andika PIN nshya y'imibare 5:",
  'pin.new_again': 'Ongera wandike PIN nshya:',
  'pin.changed': 'PIN yawe yahinduwe.',
  'delete.warn':
    "Ibi bisiba burundu konti yawe n'amakuru yawe yose. Andika PIN yawe wemeze, cyangwa 0 usubire inyuma:",
  'delete.done': "Konti yawe n'amakuru yawe yose byasibwe. Murabeho.",

  // review: machine-written (care network: her people, a parent's children, booking, her visits)
  'menu.book': 'Fata gahunda kwa muganga',
  'menu.visits': 'Gahunda zanjye',
  'menu.people': 'Abantu banjye',
  'menu.children': 'Abana banjye',

  // review: machine-written
  'people.title': 'Ababona amakuru yawe:',
  'people.none': 'Nta muntu ubona amakuru yawe.',
  'people.add': "Huza n'umubyeyi",
  'people.add_title': "Guhuza n'umubyeyi cyangwa umurezi:",
  'people.add_enter': 'Andika kode nahawe',
  'people.add_get': 'Saba kode yo gutanga',
  'people.code_prompt': "Andika kode y'imibare 8 wahawe:",
  'people.code_entered': 'Byakozwe. Muzahuzwa uwaguhaye kode namara kubyemeza.',
  'people.already_linked': 'Musanzwe muhujwe.',
  'people.too_many.one': 'Wibeshye kode kenshi. Ongera ugerageze mu munota {n}.',
  'people.too_many.other': 'Wibeshye kode kenshi. Ongera ugerageze mu minota {n}.',
  'people.code.one':
    'Ha iyi kode umubyeyi cyangwa umurezi wawe: {code}. Imara isaha {n}. Hanyuma wemeze guhuzwa hano muri Abantu banjye.',
  'people.code.other':
    'Ha iyi kode umubyeyi cyangwa umurezi wawe: {code}. Imara amasaha {n}. Hanyuma wemeze guhuzwa hano muri Abantu banjye.',
  'people.item': '{name}: {what}',
  'people.nothing': 'nta na kimwe',
  'people.waiting_you': '{name}: bitegereje ko wemeza',
  'people.waiting_them': 'Kode yinjijwe: bitegereje kwemezwa',
  'people.sees': '{name} abona: {what}.',
  'people.pending_them': 'Bitegereje ko uwaguhaye kode yemeza guhuzwa.',
  'people.confirm_ask': '{name} yanditse kode yawe. Wemeye guhuzwa na we?',
  'people.remove': 'Hagarika guhuzwa',
  'people.cancel_ask': 'Guhagarika kode winjije? Nta guhuzwa bizabaho.',
  'people.remove_ask': 'Hagarika guhuzwa na {name}? Ntazongera kubona ibyawe.',
  'people.removed': 'Byakozwe. Guhuzwa kwahagaritswe.',
  'people.linked': 'Byakozwe. Ubu murahujwe.',
  'people.fixed':
    '{name} yatanze uruhushya ukeneye utarageza ku myaka {age}: uku guhuzwa kuzagumaho kugeza ugize imyaka {age}.',
  'people.gone': 'Uku guhuzwa ntikukiriho.',
  'scope.prediction': 'imihango itaha',
  'scope.periods': "amatariki y'imihango",
  'scope.symptoms': 'ibimenyetso',
  'scope.flags': "impuruza z'ubuzima",
  'scope.appointments': 'gahunda kwa muganga',

  // review: machine-written
  'child.title': 'Abana banjye:',
  'child.none': 'Nta mwana urahuzwa nawe.',
  'child.add': "Huza n'umwana",
  'child.add_title': "Guhuza n'umwana wawe:",
  'child.code.one':
    'Ha iyi kode umwana wawe: {code}. Imara isaha {n}. Ayandika muri menu ye, hanyuma ukemeza hano.',
  'child.code.other':
    'Ha iyi kode umwana wawe: {code}. Imara amasaha {n}. Ayandika muri menu ye, hanyuma ukemeza hano.',
  'child.heading': '{name}, imihango itaha:',
  'child.not_shared': 'Ntiyabisangije.',
  'child.pred_next': 'Ahagana {date} (hagati ya {earliest} na {latest}).',
  'child.pred_late.one': 'Imihango ye yatinze umunsi {n}.',
  'child.pred_late.other': 'Imihango ye yatinze iminsi {n}.',
  'child.pred_today': 'Uyu munsi: {phase}.',
  'child.pred_none': 'Ibyanditswe ntibirahagije ngo bimenyekane.',
  'child.not_linked': 'Guhuzwa kwanyu kwarahagaritswe.',
  'child.remove_ask': 'Hagarika guhuzwa na {name}? Ntuzongera kubona amakuru ye.',

  // review: machine-written
  'book.district': 'Fata gahunda. Akarere kawe:',
  'book.no_providers': 'Nta muganga wo mu karere ka {district} urakira gahunda. Hitamo akandi karere.',
  'book.provider': '{district}: hitamo muganga:',
  'book.no_days': 'Nta mwanya uhari mu minsi 14 iri imbere. Hitamo undi muganga.',
  'book.gone': 'Uyu muganga ntashobora kwakira gahunda ubu.',
  'book.day': 'Hitamo umunsi:',
  'book.day_item.one': '{date}: umwanya {n}',
  'book.day_item.other': '{date}: imyanya {n}',
  'book.day_full': 'Uwo munsi wuzuye. Hitamo undi.',
  'book.slot': '{date}: hitamo isaha:',
  'book.reason': 'Ugiye kwa muganga kubera iki?',
  'book.confirm': 'Fata gahunda ku {date} saa {time} kwa {provider}, {facility}, kubera: {reason}?',
  'book.done': 'Byakozwe: {date} saa {time}. Muganga azayemeza. Reba Gahunda zanjye.',
  'book.taken': 'Iyo saha imaze gufatwa. Hitamo indi.',
  'reason.period_problem': "Ikibazo cy'imihango",
  'reason.pain': 'Ububabare',
  'reason.irregular_cycle': 'Imihango ihindagurika',
  'reason.contraception_advice': 'Inama ku kuboneza urubyaro',
  'reason.nutrition': 'Kurya neza',
  'reason.general_checkup': 'Kwisuzumisha muri rusange',
  'reason.something_else': 'Ikindi',

  // review: machine-written
  'appt.title': 'Gahunda zanjye:',
  'appt.none': 'Nta gahunda ufite. Hitamo Fata gahunda kwa muganga muri menu.',
  'appt.item': '{date} {time} {provider}',
  'appt.detail': '{date} saa {time}\n{provider}, {facility}\n{status}',
  'appt.status.requested': 'Bitegereje ko muganga ayemeza.',
  'appt.status.confirmed': 'Yemejwe.',
  'appt.status.declined': 'Muganga yayanze.',
  'appt.status.cancelled': 'Yahagaritswe.',
  'appt.status.completed': 'Yarangiye.',
  'appt.status.no_show': 'Ntiwaje.',
  'appt.cancel': 'Hagarika iyi gahunda',
  'appt.cancel_ask': 'Hagarika gahunda yawe yo ku {date} saa {time}?',
  'appt.cancelled': 'Gahunda yawe yahagaritswe.',
  'appt.too_late_hours.one':
    "Birakererewe kuyihagarikira hano: gahunda ihindurwa mbere y'isaha {n}. Hamagara ikigo nderabuzima.",
  'appt.too_late_hours.other':
    "Birakererewe kuyihagarikira hano: gahunda ihindurwa mbere y'amasaha {n}. Hamagara ikigo nderabuzima.",
  'appt.too_late_minutes.one':
    "Birakererewe kuyihagarikira hano: gahunda ihindurwa mbere y'umunota {n}. Hamagara ikigo nderabuzima.",
  'appt.too_late_minutes.other':
    "Birakererewe kuyihagarikira hano: gahunda ihindurwa mbere y'iminota {n}. Hamagara ikigo nderabuzima.",
  'appt.closed': 'Iyi gahunda ntikigishobora guhindurwa.',

  'month.1': 'Mut',
  'month.2': 'Gas',
  'month.3': 'Wer',
  'month.4': 'Mat',
  'month.5': 'Gic',
  'month.6': 'Kam',
  'month.7': 'Nya',
  'month.8': 'Kan',
  'month.9': 'Nze',
  'month.10': 'Ukw',
  'month.11': 'Ugu',
  'month.12': 'Uku',
};
