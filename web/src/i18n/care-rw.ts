import type { careEn } from './care-messages.ts';

/** Kinyarwanda. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const careRw: Record<keyof typeof careEn, string> = {
  'care.nav': 'Ababona amakuru yanjye', // review:
  'care.nav_adult': "Guhuza n'umukobwa wanjye", // review:
  'care.title': 'Abantu bashobora kubona amakuru yanjye', // review:
  'care.intro':
    "Nta muntu ubona amakuru yawe utabihisemo. Huza konti yawe n'umubyeyi cyangwa umurezi, hanyuma uhitemo ibyo abona. Ushobora kubihindura cyangwa kubihagarika igihe cyose.", // review:
  'care.adult_title': "Guhuza n'umukobwa wawe", // review:
  'care.adult_intro':
    'Nimumara guhuzwa, uzabona gusa ibyo umukobwa wawe ahisemo kugusangiza. Ashobora kubihindura igihe cyose.', // review:
  'care.notes_never': 'Ibyo wanditse ubwawe ntibisangizwa na rimwe, uko wahitamo kose.', // review:
  'care.none': 'Nta muntu urahuzwa nawe.', // review:
  'care.linked_title': 'Abahujwe nawe', // review:
  'care.person': '{name} ({role})', // review:
  'care.since': 'Muhujwe kuva {when}', // review:
  'care.awaiting_title': 'Ni we koko?', // review:
  'care.awaiting_body': '{name} ({role}) yanditse kode yawe. Emeza gusa niba ari wowe wamuhaye iyo kode.', // review:
  'care.confirm': 'Yego, duhuze', // review:
  'care.refuse': 'Oya, si we', // review:
  'care.refused': 'Byanze. Uyu muntu nta cyo abona.', // review:
  'care.confirmed': 'Ubu uhujwe na {name}.', // review:
  'care.waiting_other': 'Dutegereje ko uwakoze kode yemeza ko ari wowe. Uzabona izina rye nyuma.', // review:
  'care.entered_title': 'Kode yinjijwe', // review:
  'care.cancel_ask': 'Guhagarika kode winjije? Nta guhuzwa bizabaho.', // review:
  'care.cancel_code': 'Hagarika iyi kode', // review:
  'care.sees_title': 'Ibyo {name} abona', // review:
  'care.you_see': 'Agusangiza:', // review:
  'care.you_see_nothing': 'Nta cyo agusangiza ubu.', // review:
  'care.scope.prediction': 'Igihe imihango yanjye itaha iteganyijwe', // review:
  'care.scope.periods': "Amatariki y'imihango yanjye", // review:
  'care.scope.symptoms': 'Uko niyumva buri munsi (si ibyo nanditse)', // review:
  'care.scope.flags': "Igihe nshobora gukenera kubona umukozi w'ubuzima", // review:
  'care.scope.appointments': 'Gahunda zanjye kwa muganga', // review:
  'care.her_scope.prediction': 'Igihe imihango ye itaha iteganyijwe', // review:
  'care.her_scope.periods': "Amatariki y'imihango ye", // review:
  'care.her_scope.symptoms': 'Uko yiyumva buri munsi', // review:
  'care.her_scope.flags': "Igihe ashobora gukenera kubona umukozi w'ubuzima", // review:
  'care.her_scope.appointments': 'Gahunda ze kwa muganga', // review:
  'care.fixed': 'Bihoraho kugeza ugize imyaka {age}', // review:
  'care.fixed_reason':
    '{name} yemeye konti yawe, bityo akomeza kubona ibyanditseho "bihoraho" kugeza ugize imyaka {age}. Ushobora gusangiza byinshi, si bike.', // review:
  'care.saved': 'Byabitswe. Guhera ubu {name} arabibona.', // review:
  'care.remove': 'Kuraho uku guhuzwa', // review:
  'care.remove_ask': 'Ukuraho guhuzwa na {name}? Ntazongera kubona na kimwe mu byawe.', // review:
  'care.remove_ask_adult': 'Ukuraho guhuzwa na {name}? Ntuzongera kubona ibyo agusangiza.', // review:
  'care.remove_yes': 'Yego, bikureho', // review:
  'care.keep': 'Oya, bigumeho', // review:
  'care.removed': 'Guhuzwa kwavanyweho.', // review:
  'care.code_make_title': 'Tanga kode', // review:
  'care.code_make_body':
    'Kora kode maze uyisomere umubyeyi cyangwa umurezi wawe. Ayandika kuri telefoni ye. Hanyuma wowe wemeza niba ari we koko.', // review:
  'care.code_make_body_adult':
    'Kora kode maze uyisomere umukobwa wawe. Ayandika kuri telefoni ye. Hanyuma wowe wemeza niba ari we koko.', // review:
  'care.code_make': 'Kora kode', // review:
  'care.code_make_new': 'Kora kode nshya', // review:
  'care.code_is': 'Kode yawe:', // review:
  'care.code_until': 'Ikora inshuro imwe, kugeza {when}.', // review:
  'care.code_private': 'Tanga kode gusa ku muntu uzi, muri kumwe cyangwa kuri telefoni.', // review:
  'care.code_enter_title': 'Andika kode', // review:
  'care.code_enter_body': 'Umubyeyi cyangwa umurezi wawe yaguhaye kode? Yandike hano.', // review:
  'care.code_enter_body_adult': 'Umukobwa wawe yaguhaye kode? Yandike hano.', // review:
  'care.code_label': 'Kode (imibare 8)', // review:
  'care.code_submit': 'Huza', // review:
  'care.code_entered': 'Kode yakiriwe. Uwayikoze agomba noneho kwemeza ko ari wowe. Hanyuma muzaba muhujwe.', // review:
  'care.code_digits': 'Kode igira imibare 8.', // review:
  'care.children_title': 'Abakobwa bawe', // review:
  'care.children_none': 'Nta mukobwa wawe urahuzwa nawe.', // review:
  'care.children_link': "Huza n'umukobwa wawe", // review:
  'care.child_open': 'Reba ibyo {name} agusangiza', // review:
  'care.child_title': 'Ibyo {name} agusangiza', // review:
  'care.child_intro': 'Ubona gusa ibyo ahisemo gusangiza. Ashobora kubihindura igihe cyose.', // review:
  'care.child_back': 'Subira ku bakobwa bawe', // review:
  'care.not_shared': 'Ntabwo yabigusangije.', // review:
  'care.next': 'Iteganyijwe ahagana ku wa {date} (hagati ya {earliest} na {latest}).', // review:
  'care.phase_today': "Uyu munsi: {phase}, umunsi wa {day} w'umuzunguruko we.", // review:
  'care.late.one': 'Imihango ye yatinze umunsi {n}.', // review:
  'care.late.other': 'Imihango ye yatinze iminsi {n}.', // review:
  'care.no_prediction': 'Nta makuru ahagije araboneka yo kumenya igihe imihango ye itaha izazira.', // review:
  'care.period_range': 'Kuva {start} kugeza {end}', // review:
  'care.period_from': 'Kuva {start}', // review:
  'care.no_periods': 'Nta mihango irandikwa.', // review:
  'care.no_days': 'Nta munsi urandikwa.', // review:
  'care.pain': 'ububabare {pain} kuri 10', // review:
  'care.flags_none': 'Nta cyo kwitaho ubu.', // review:
  'care.flags_hint': "Byaba byiza avuganye n'umukozi w'ubuzima kuri ibi. Ibi si isuzuma.", // review:
  'care.no_appointments': 'Nta gahunda kwa muganga.', // review:
  'access.action.care.code': 'yakoze kode yo guhuza', // review:
  'access.action.care.link': 'yanditse kode yo guhuza', // review:
  'access.action.care.link.guardian_consent': "yahujwe nk'umubyeyi wemeye konti", // review:
  'access.action.care.confirm': 'yemeje guhuzwa', // review:
  'access.action.care.sharing': 'yahinduye ibyo umuntu muhujwe abona', // review:
  'access.action.care.unlink': 'yakuyeho guhuzwa', // review:
  'access.action.care.read': 'yarebye ibyo usangiza', // review:
};
