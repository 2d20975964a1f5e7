import type { errorsEn } from './errors-messages.ts';

// review: Kiswahili written by a developer; a fluent (Rwandan/East African) speaker checks it.
export const errorsSw: Record<keyof typeof errorsEn, string> = {
  'error.validation_failed':
    'Baadhi ya majibu hayako katika muundo tuliotarajia. Yaangalie kisha ujaribu tena.',
  'error.malformed_json': 'Kuna tatizo katika kutuma fomu hii. Pakia ukurasa upya kisha ujaribu tena.',
  'error.weak_password':
    'Nenosiri hili ni rahisi mno kukisia. Chagua refu zaidi ambalo si jina lako, namba yako ya simu wala neno la kawaida.',
  'error.weak_pin':
    'PIN hii ni rahisi mno kukisia. Epuka tarakimu zinazojirudia (11111), zinazofuatana (12345) na mwaka wako wa kuzaliwa.',
  'error.invalid_phone': 'Namba hii ya simu haionekani sahihi. Iandike kama 078 123 4567.',
  'error.invalid_code':
    'Nambari hiyo si sahihi, imeshatumika au muda wake umekwisha. Angalia SMS, au omba nambari mpya.',
  'error.unauthenticated': 'Tafadhali ingia tena.',
  'error.invalid_credentials': 'Namba ya simu au nenosiri si sahihi.',
  'error.invalid_credentials.pin': 'Namba ya simu au PIN si sahihi.',
  'error.invalid_credentials.current': 'Nenosiri au PIN yako ya sasa si sahihi.',
  'error.invalid_token': 'Umetolewa nje. Tafadhali ingia tena.',
  'error.session_revoked': 'Kuingia huku kumekwisha. Tafadhali ingia tena.',
  'error.forbidden': 'Akaunti yako haiwezi kufanya hivi.',
  'error.consent_required':
    'Tafadhali soma na ukubali kwanza masharti mapya ya matumizi na taarifa ya faragha.',
  'error.guardian_consent_required':
    'Mzazi au mlezi lazima akubali kabla hatujahifadhi data yako ya afya. Mwombe: inachukua nambari moja na dakika moja.',
  'error.guardian_consent_required.action': 'Omba ruhusa kwa mzazi au mlezi wangu',
  'error.guardian_phone_required':
    'Mzazi au mlezi hutoa idhini kutoka namba ya simu yake mwenyewe iliyothibitishwa. Thibitisha namba yako kwanza.',
  'error.phone_required':
    'Kwanza ongeza na uthibitishe namba yako mwenyewe ya simu. Kisha mzazi au mlezi wako atatoa idhini kutoka namba nyingine.',
  'error.phone_required.action': 'Thibitisha namba yangu ya simu',
  'error.not_found': 'Hatukuweza kupata hiki. Huenda kimefutwa.',
  'error.method_not_allowed': 'Hili haliwezi kufanyika hapa.',
  'error.conflict':
    'Hili linagongana na kitu kilichohifadhiwa tayari. Pakia ukurasa upya kisha ujaribu tena.',
  'error.identifier_taken':
    'Akaunti nyingine tayari inatumia namba hii ya simu au barua pepe. Ingia badala yake, au omba nambari kama umesahau PIN au nenosiri lako.',
  'error.phone_taken': 'Akaunti nyingine tayari inaingia kwa namba hii ya simu.',
  'error.period_overlap': 'Hedhi hii inaingiliana na hedhi uliyokwisha kuandika. Angalia tarehe.',
  'error.period_overlap.dated':
    'Hii inaingiliana na hedhi yako iliyoanza tarehe {otherStart}. Angalia tarehe, au badilisha hedhi hiyo.',
  'error.period_overlap.open':
    'Hedhi yako iliyoanza tarehe {otherStart} bado haijaisha. Kwanza andika siku ilipoisha.',
  'error.confirmation_required': 'Hili linaonekana si la kawaida. Angalia tarehe.',
  'error.confirmation_required.long_period.one': 'Hedhi hii ingedumu siku {n}. Je, ni sahihi?',
  'error.confirmation_required.long_period.other':
    'Hedhi hii ingedumu siku {n}, zaidi ya kawaida. Je, ni sahihi?',
  'error.confirmation_required.short_cycle.one':
    'Hii ni siku {n} tu baada ya hedhi nyingine kuanza, mapema kuliko kawaida. Je, ni sahihi?',
  'error.confirmation_required.short_cycle.other':
    'Hii ni siku {n} tu baada ya hedhi nyingine kuanza, mapema kuliko kawaida. Je, ni sahihi?',
  'error.confirmation_required.short_cycle_from.one':
    'Hii ni siku {n} tu baada ya hedhi yako ya {otherStart} kuanza, mapema kuliko kawaida. Je, ni sahihi?',
  'error.confirmation_required.short_cycle_from.other':
    'Hii ni siku {n} tu baada ya hedhi yako ya {otherStart} kuanza, mapema kuliko kawaida. Je, ni sahihi?',
  'error.date_in_future': 'Tarehe hiyo bado haijafika. Unaweza kuandika leo au siku iliyopita.',
  'error.date_in_future.today':
    'Tarehe hiyo ni baada ya leo ({today}). Unaweza kuandika leo au siku iliyopita.',
  'error.invalid_date_range': 'Siku ya mwisho iko kabla ya siku ya kwanza. Angalia tarehe.',
  'error.payload_too_large': 'Hii ni ndefu mno kuhifadhiwa. Fupisha maandishi.',
  'error.unsupported_media_type':
    'Kuna tatizo katika kutuma fomu hii. Pakia ukurasa upya kisha ujaribu tena.',
  'error.too_many_requests': 'Majaribio mengi mno. Subiri dakika chache, kisha ujaribu tena.',
  'error.too_many_requests.wait.one': 'Majaribio mengi mno. Subiri dakika {n}, kisha ujaribu tena.',
  'error.too_many_requests.wait.other': 'Majaribio mengi mno. Subiri dakika {n}, kisha ujaribu tena.',
  'error.internal_error': 'Kuna tatizo upande wetu. Jaribu tena baada ya muda mfupi.',
  'error.service_unavailable': 'Huduma haipatikani kwa sasa. Jaribu tena baada ya dakika chache.',
  'error.not_shared': 'Hajashiriki hili nawe. Ni yeye pekee anayeweza kuchagua kulishiriki.',
  'error.already_linked': 'Tayari mmeunganishwa.',
  'error.guardian_link_fixed':
    'Hadi ufikie umri wa ridhaa, mzazi aliyekubali akaunti yako ataendelea kuona hedhi yako ijayo na tahadhari za afya. Unaweza kushiriki zaidi, si chini.',
  'error.provider_unverified':
    'Akaunti yako ya mtoa huduma inasubiri kuthibitishwa na msimamizi. Unaweza kuhariri wasifu wako wakati huo.',
  'error.slot_taken': 'Mtu amechukua muda huu sasa hivi. Tafadhali chagua mwingine.',
  'error.slot_unavailable': 'Muda huu haupatikani kwa miadi. Chagua mmoja wa nyakati zilizoonyeshwa.',
  'error.change_too_late': 'Miadi iko karibu sana kuibadilisha hapa. Tafadhali piga simu kituo cha afya.',
  'error.appointment_closed': 'Miadi hii haiwezi tena kubadilishwa kwa njia hii.',
  'error.content_not_ready':
    'Maandishi yana matatizo ya kurekebisha kabla ya kutumwa kukaguliwa. Kila moja limeorodheshwa.', // review:
  'error.content_state':
    'Maandishi haya yameshasonga mbele (yametumwa kukaguliwa, yameamuliwa au yamechapishwa). Pakia upya kuona yalipo.', // review:
  'error.own_content': 'Mtu mwingine, si mwandishi wake, lazima akague maandishi.', // review:
  'error.sms_unavailable': 'Hatukuweza kutuma SMS sasa hivi. Jaribu tena baadaye.',
  'error.field.required': '{field}: hili linahitajika.',
  'error.field.invalid': '{field}: angalia jibu hili.',
  'error.field.generic': 'Jibu moja haliko katika muundo unaotarajiwa.',
};
