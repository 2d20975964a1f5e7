import type { visitsEn } from './visits-messages.ts';

/** Kinyarwanda. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const visitsRw: Record<keyof typeof visitsEn, string> = {
  'visit.nav': "Abakozi b'ubuzima", // review:
  'visit.nav_mine': 'Gahunda zanjye', // review:
  'visit.dir_title': "Shaka umukozi w'ubuzima", // review:
  'visit.dir_intro':
    "Abakozi b'ubuzima bagenzuwe n'itsinda ryacu. Hitamo umwe urebe amasaha afite yo kwakira abantu, maze ufate gahunda.", // review:
  'visit.district': 'Akarere', // review:
  'visit.language': 'Ururimi avuga', // review:
  'visit.service': 'Ibyo afashamo', // review:
  'visit.any': 'Byose', // review:
  'visit.search': "Erekana abakozi b'ubuzima", // review:
  'visit.none_found': "Nta mukozi w'ubuzima wabonetse. Gerageza akandi karere cyangwa urundi rurimi.", // review:
  'visit.where': '{facility}, {district}', // review:
  'visit.speaks': 'Avuga: {list}', // review:
  'visit.offers': 'Afasha kuri: {list}', // review:
  'visit.choose': 'Reba amasaha ari ubusa', // review:
  'visit.book_title': 'Fata gahunda', // review:
  'visit.back': 'Subira ku rutonde', // review:
  'visit.free_times': 'Amasaha ari ubusa', // review:
  'visit.no_slots': "Nta masaha ari ubusa mu byumweru bibiri biri imbere. Gerageza undi mukozi w'ubuzima.", // review:
  'visit.zone': "Amasaha ni ay'aho ivuriro riri ({zone}).", // review:
  'visit.chosen': 'Isaha yawe: {when}', // review:
  'visit.reason': 'Kuki ushaka kumubona?', // review:
  'visit.words': 'Icyo wifuza kumubwira', // review:
  'visit.words_hint': "Ni uyu mukozi w'ubuzima wenyine ubisoma.", // review:
  'visit.share': "Sangiza uyu mukozi w'ubuzima incamake y'umuzunguruko wanjye kuri iyi gahunda", // review:
  'visit.share_hint':
    "Uburebure bw'imizunguruko yawe, igihe imihango yawe iheruka yatangiriye, igihe itaha iteganyijwe, n'ibimenyetso byo kwitaho. Si ibyo wanditse ubwawe.", // review:
  'visit.book': 'Fata iyi saha', // review:
  'visit.pick_time': 'Banza uhitemo isaha.', // review:
  'visit.booked': "Byafashwe. Umukozi w'ubuzima azabyemeza.", // review:
  'visit.see_mine': 'Reba gahunda zanjye', // review:
  'visit.taken': 'Undi muntu amaze gufata iyo saha. Amasaha ari ubusa yavuguruwe: hitamo indi.', // review:
  'visit.for_whom': 'Iyi gahunda ni iya nde?', // review:
  'visit.mine_title': 'Gahunda zanjye', // review:
  'visit.mine_none': 'Nta gahunda ufite.', // review:
  'visit.book_link': "Fata gahunda n'umukozi w'ubuzima", // review:
  'visit.upcoming': 'Izitaha', // review:
  'visit.past': 'Izashize', // review:
  'visit.with': '{provider}, {facility}', // review:
  'visit.reason_is': 'Impamvu: {reason}', // review:
  'visit.your_words': 'Amagambo yawe: {words}', // review:
  'visit.declined_why': "Umukozi w'ubuzima yavuze ati: {reason}", // review:
  'visit.note': "Icyo umukozi w'ubuzima yanditse", // review:
  'visit.summary_shared': "Usangiza uyu mukozi w'ubuzima incamake y'umuzunguruko wawe kuri iyi gahunda.", // review:
  'visit.cancel': 'Hagarika iyi gahunda', // review:
  'visit.cancel_ask': 'Uhagarika gahunda yawe yo ku wa {when}?', // review:
  'visit.cancel_yes': 'Yego, yihagarike', // review:
  'visit.keep': 'Oya, igumeho', // review:
  'visit.changes_closed_hours.one':
    'Iyi gahunda ntikigishobora guhagarikwa cyangwa kwimurwa hano: impinduka zirangira hasigaye isaha {n} ngo itangire.', // review:
  'visit.changes_closed_hours.other':
    'Iyi gahunda ntikigishobora guhagarikwa cyangwa kwimurwa hano: impinduka zirangira hasigaye amasaha {n} ngo itangire.', // review:
  'visit.changes_closed_minutes.one':
    'Iyi gahunda ntikigishobora guhagarikwa cyangwa kwimurwa hano: impinduka zirangira hasigaye umunota {n} ngo itangire.', // review:
  'visit.changes_closed_minutes.other':
    'Iyi gahunda ntikigishobora guhagarikwa cyangwa kwimurwa hano: impinduka zirangira hasigaye iminota {n} ngo itangire.', // review:
  'visit.call_facility': 'Niba utazashobora kuza, hamagara ikigo nderabuzima.', // review:
  'visit.move': 'Hindura isaha', // review:
  'visit.move_title': 'Hitamo indi saha', // review:
  'visit.move_now': 'Isaha yafashwe ubu: {when}', // review:
  'visit.move_send': 'Imurira gahunda kuri iyi saha', // review:
  'visit.moved': 'Gahunda yimuriwe ku wa {when}.', // review:
  'visit.moved_wait': 'Umukozi w’ubuzima azemeza isaha nshya.', // review:
  'visit.move_closed': 'Iyi gahunda ntishobora kwimurwa.', // review:
  'visit.move_back_day': 'Subira ku munsi wanjye', // review:
  'visit.cancelled': 'Gahunda yahagaritswe.', // review:
  'visit.for_whom_missing':
    'Hano hagaragara gusa umukobwa ugusangiza gahunda ze, cyangwa utarageza ku myaka {age} wemereye konti.', // review:
  'visit.status.requested': "Itegereje kwemezwa n'umukozi w'ubuzima", // review:
  'visit.status.confirmed': 'Yemejwe', // review:
  'visit.status.declined': 'Yanzwe', // review:
  'visit.status.cancelled': 'Yahagaritswe', // review:
  'visit.status.completed': 'Yarangiye', // review:
  'visit.status.no_show': 'Ntiyitabiriwe', // review:
  'visit.reason_period_problem': 'Ikibazo ku mihango yanjye', // review:
  'visit.reason_pain': 'Ububabare', // review:
  'visit.reason_irregular_cycle': 'Imihango yanjye ntiza ku gihe kimwe', // review:
  'visit.reason_contraception_advice': 'Inama ku kuboneza urubyaro', // review:
  'visit.reason_nutrition': 'Imirire', // review:
  'visit.reason_general_checkup': 'Isuzuma rusange', // review:
  'visit.reason_other': 'Ikindi', // review:
  'visit.service.menstrual_health': 'Imihango', // review:
  'visit.service.contraception': 'Kuboneza urubyaro', // review:
  'visit.service.sexual_health': "Ubuzima bw'imyororokere", // review:
  'visit.service.pregnancy': 'Gutwita', // review:
  'visit.service.nutrition': 'Imirire', // review:
  'visit.service.mental_health': "Amarangamutima n'umunaniro", // review:
  'visit.service.general_medicine': 'Ubuvuzi rusange', // review:
  'access.action.appointment.book': 'yafashe gahunda', // review:
  'access.action.appointment.read': 'yarebye gahunda', // review:
  'access.action.appointment.read.appointment_list': "yarebye urutonde rwa gahunda z'umunsi", // review:
  'access.action.appointment.read.appointment_with_summary': "yarebye gahunda n'incamake y'umuzunguruko wawe", // review:
  'access.action.appointment.cancel': 'yahagaritse gahunda', // review:
  'access.action.appointment.reschedule': 'yimuye gahunda', // review:
  'access.action.appointment.confirm': 'yemeje gahunda', // review:
  'access.action.appointment.decline': 'yanze gahunda', // review:
  'access.action.appointment.complete': 'yashyizeho ko gahunda yarangiye', // review:
  'access.action.appointment.no_show': 'yashyizeho ko gahunda ititabiriwe', // review:
  'access.action.appointment.note': "yanditse inyandiko y'isuzuma", // review:
};
