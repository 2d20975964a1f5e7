import type { providerEn } from './provider-messages.ts';

/** Kinyarwanda. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const providerRw: Record<keyof typeof providerEn, string> = {
  'provider.nav.day': 'Umunsi wanjye', // review:
  'provider.nav.hours': 'Amasaha yo kwakira', // review:
  'provider.nav.profile': 'Umwirondoro wanjye', // review:
  'provider.home': "Gahunda zawe, amasaha yo kwakira n'umwirondoro wawe biri hano.", // review:
  'provider.register_title': "Iyandikishe nk'umukozi w'ubuzima", // review:
  'provider.register_intro':
    "Abakozi b'ubuzima bagenzuwe n'itsinda ryacu bagaragara ku rutonde abakobwa bafatiraho gahunda.", // review:
  'provider.register_link': "Uri umukozi w'ubuzima? Iyandikishe hano", // review:
  'provider.display_name': 'Izina ryawe uko abarwayi baribona', // review:
  'provider.licence': "Nimero y'uruhushya rwo gukora", // review:
  'provider.licence_hint': 'Ni itsinda ryacu ryonyine riyibona, kugira ngo riyigenzure.', // review:
  'provider.facility': 'Ivuriro', // review:
  'provider.languages': 'Indimi uvuga', // review:
  'provider.services': 'Ibyo ufashamo', // review:
  'provider.invitation': "Kode y'ubutumire", // review:
  'provider.invitation_hint': 'Iva mu itsinda ryacu. Uyifite, konti yawe yemezwa ako kanya.', // review:
  'provider.register_submit': 'Iyandikishe', // review:
  'provider.pick_one': 'Hitamo nibura kimwe.', // review:
  'provider.status.pending': 'Itegereje kugenzurwa', // review:
  'provider.status.verified': 'Yagenzuwe', // review:
  'provider.status.rejected': 'Ntiyemewe', // review:
  'provider.status.suspended': 'Yahagaritswe', // review:
  'provider.pending_body':
    "Itsinda ryacu rigenzura uruhushya rwawe mbere y'uko abakobwa bakubona bagafata gahunda. Hagati aho, ushobora kuzuza umwirondoro wawe n'amasaha yo kwakira.", // review:
  'provider.rejected_body': "Kwiyandikisha kwawe ntikwemewe. Vugana n'itsinda ryacu.", // review:
  'provider.suspended_body': "Konti yawe yahagaritswe. Vugana n'itsinda ryacu.", // review:
  'provider.review_note': 'Itsinda ryacu ryavuze riti: {note}', // review:
  'provider.day_title': 'Umunsi wanjye', // review:
  'provider.day_label': 'Umunsi', // review:
  'provider.prev_day': 'Umunsi ubanziriza', // review:
  'provider.next_day': 'Umunsi ukurikira', // review:
  'provider.day_none': 'Nta gahunda kuri uyu munsi.', // review:
  'provider.reason': 'Impamvu: {reason}', // review:
  'provider.words': 'Amagambo ye: {words}', // review:
  'provider.confirm': 'Emeza', // review:
  'provider.decline': 'Yanga', // review:
  'provider.decline_reason': 'Impamvu uyanze (arabisoma)', // review:
  'provider.decline_send': 'Yanga iyi gahunda', // review:
  'provider.complete': 'Shyiraho ko yarangiye', // review:
  'provider.no_show': 'Ntiyaje', // review:
  'provider.cancel': 'Hagarika gahunda', // review:
  'provider.cancel_ask': 'Uhagarika gahunda na {name} saa {time}?', // review:
  'provider.note': "Inyandiko y'isuzuma", // review:
  'provider.note_hint': 'Arasoma iyi nyandiko. Ibikwa mu ibanga.', // review:
  'provider.note_save': 'Bika inyandiko', // review:
  'provider.summary_title': "Incamake y'umuzunguruko we (yahisemo kuyisangiza)", // review:
  'provider.summary_avg.one': "Uburebure bw'umuzunguruko ugereranyije: umunsi {n}", // review:
  'provider.summary_avg.other': "Uburebure bw'umuzunguruko ugereranyije: iminsi {n}", // review:
  'provider.summary_last': 'Imihango iheruka yatangiye: {date}', // review:
  'provider.summary_next': 'Imihango itaha iteganyijwe hagati ya {earliest} na {latest}', // review:
  'provider.summary_flags': 'Ibimenyetso byo kwitaho: {list}', // review:
  'provider.summary_none': 'Nta makuru ahagije araboneka yo gukora incamake.', // review:
  'provider.open': 'Fungura', // review:
  'provider.hours_title': 'Amasaha yo kwakira', // review:
  'provider.time_zone': 'Isaha ngenderwaho', // review:
  'provider.slot_minutes': 'Igihe cya buri gahunda (iminota)', // review:
  'provider.slot_hint': "Hagati y'iminota 15 na 60.", // review:
  'provider.weekly': "Amasaha y'icyumweru", // review:
  'provider.closed': 'Hafunze', // review:
  'provider.opens': 'Kuva', // review:
  'provider.closes': 'Kugeza', // review:
  'provider.add_hours': 'Ongeraho amasaha: {day}', // review:
  'provider.remove_hours': 'Kuraho {from}–{to}: {day}', // review:
  'provider.days_off': "Iminsi y'ikiruhuko", // review:
  'provider.days_off_none': "Nta minsi y'ikiruhuko.", // review:
  'provider.day_off': "Umunsi w'ikiruhuko", // review:
  'provider.add_day_off': "Ongeraho umunsi w'ikiruhuko", // review:
  'provider.remove_day_off': 'Kuraho {date}', // review:
  'provider.hours_bad': "{day}: buri gihe kigomba kurangira nyuma y'uko gitangiye.", // review:
  'provider.hours_saved': 'Byabitswe. Abakobwa babona amasaha ari ubusa ashingiye kuri aya masaha.', // review:
  'provider.weekday.1': 'Ku wa mbere', // review:
  'provider.weekday.2': 'Ku wa kabiri', // review:
  'provider.weekday.3': 'Ku wa gatatu', // review:
  'provider.weekday.4': 'Ku wa kane', // review:
  'provider.weekday.5': 'Ku wa gatanu', // review:
  'provider.weekday.6': 'Ku wa gatandatu', // review:
  'provider.weekday.7': 'Ku cyumweru', // review:
  'provider.profile_title': 'Umwirondoro wanjye', // review:
  'provider.profile_saved': 'Umwirondoro wawe wabitswe.', // review:
  'admin.nav.providers': "Abakozi b'ubuzima", // review:
  'admin.providers_title': "Abakozi b'ubuzima bo kugenzura", // review:
  'admin.show': 'Erekana', // review:
  'admin.none': 'Nta muntu uhari.', // review:
  'admin.licence': "Nimero y'uruhushya: {licence}", // review:
  'admin.registered': 'Yiyandikishije ku wa {when}', // review:
  'admin.verify': 'Emeza', // review:
  'admin.reject': 'Yanga', // review:
  'admin.reject_reason': "Impamvu (umukozi w'ubuzima arabisoma)", // review:
  'admin.reject_send': 'Yanga uku kwiyandikisha', // review:
  'admin.suspend': 'Hagarika', // review:
  'admin.facts': 'Uruhushya {licence} · {facility}, {district}.', // review:
  'admin.verify_ask': 'Wemeza {name}?', // review:
  'admin.verify_yes': 'Yego, emeza', // review:
  'admin.suspend_ask':
    "Uhagarika {name}? Avanwa ku rutonde rw'abakozi b'ubuzima kandi ntabona umuntu n'umwe kugeza yongeye kwemezwa.", // review:
  'admin.suspend_yes': 'Yego, hagarika', // review:
  'admin.reject_ask': 'Wanga kwiyandikisha kwa {name}?', // review:
  'admin.go_back': 'Oya, subira inyuma', // review:
  'admin.done_verified': '{name} yagenzuwe.', // review:
  'admin.done_rejected': '{name} ntiyemewe.', // review:
  'admin.done_suspended': '{name} yahagaritswe.', // review:
  'admin.invite_title': "Tumira umukozi w'ubuzima", // review:
  'admin.invite_body':
    "Kora kode ikoreshwa rimwe y'umukozi w'ubuzima uzi. Niyiyandikisha ayikoresheje, yemezwa ako kanya.", // review:
  'admin.invite_make': "Kora kode y'ubutumire", // review:
  'admin.invite_code': "Kode y'ubutumire:", // review:
  'admin.invite_until': 'Ikora inshuro imwe, kugeza {when}.', // review:
};
