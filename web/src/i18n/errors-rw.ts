import type { errorsEn } from './errors-messages.ts';

// review: Kinyarwanda written by a developer (machine-assisted); every line needs a native speaker.
export const errorsRw: Record<keyof typeof errorsEn, string> = {
  'error.validation_failed': 'Hari ibisubizo bitanditse uko twabyiteze. Bisuzume, wongere ugerageze.',
  'error.malformed_json':
    'Habaye ikibazo mu kohereza iyi fomu. Ongera ufungure urupapuro, wongere ugerageze.',
  'error.weak_password':
    "Iri jambo ry'ibanga riroroshye gukekwa. Hitamo rirerire kurushaho, ritari izina ryawe, nimero ya telefoni yawe cyangwa ijambo rimenyerewe.",
  'error.weak_pin':
    "Iyi PIN iroroshye gukekwa. Irinde imibare isubiramo (11111), ikurikirana (12345) n'umwaka wawe w'amavuko.",
  'error.invalid_phone': 'Iyi nimero ya telefoni ntisa neza. Yandike nka 078 123 4567.',
  'error.invalid_code':
    'Iyo kode si yo, yamaze gukoreshwa cyangwa yarataye agaciro. Reba SMS, cyangwa usabe kode nshya.',
  'error.unauthenticated': 'Ongera winjire.',
  'error.invalid_credentials': "Nimero ya telefoni cyangwa ijambo ry'ibanga si byo.",
  'error.invalid_credentials.pin': 'Nimero ya telefoni cyangwa PIN si byo.',
  'error.invalid_credentials.current': "Ijambo ry'ibanga cyangwa PIN ukoresha ubu si byo.",
  'error.invalid_token': 'Wasohowe. Ongera winjire.',
  'error.session_revoked': 'Uku kwinjira kwarangiye. Ongera winjire.',
  'error.forbidden': 'Konti yawe ntiyemerewe gukora ibi.',
  'error.consent_required': "Banza usome kandi wemere amabwiriza mashya yo gukoresha n'itangazo ry’ibanga.",
  'error.guardian_consent_required':
    "Umubyeyi cyangwa umurezi agomba kubyemera mbere y'uko tubika amakuru y'ubuzima bwawe. Bimusabe: bisaba kode n'umunota umwe.",
  'error.guardian_consent_required.action': 'Saba umubyeyi cyangwa umurezi wanjye',
  'error.guardian_phone_required':
    'Umubyeyi cyangwa umurezi atanga uruhushya akoresheje nimero ya telefoni ye bwite yemejwe. Banza wemeze nimero yawe.',
  'error.phone_required':
    'Banza wongereho kandi wemeze nimero ya telefoni yawe bwite. Umubyeyi cyangwa umurezi wawe azatanga uruhushya akoresheje indi nimero.',
  'error.phone_required.action': 'Emeza nimero ya telefoni yanjye',
  'error.not_found': 'Ntitwabibonye. Bishobora kuba byarasibwe.',
  'error.method_not_allowed': 'Ibi ntibishobora gukorerwa hano.',
  'error.conflict': 'Ibi bivuguruza ibyamaze kubikwa. Ongera ufungure urupapuro, wongere ugerageze.',
  'error.identifier_taken':
    "Hari konti isanzwe ikoresha iyi nimero ya telefoni cyangwa iyi imeyili. Ahubwo injira, cyangwa usabe kode niba wibagiwe PIN cyangwa ijambo ry'ibanga.",
  'error.phone_taken': 'Indi konti isanzwe yinjira ikoresheje iyi nimero ya telefoni.',
  'error.period_overlap': "Iyi mihango ihura n'iyo wamaze kwandika. Reba amatariki.",
  'error.period_overlap.dated':
    "Ibi bihura n'imihango yawe yatangiye ku wa {otherStart}. Reba amatariki, cyangwa uhindure iyo mihango.",
  'error.period_overlap.open':
    'Imihango yawe yatangiye ku wa {otherStart} ntirarangira. Banza wandike umunsi yarangiriyeho.',
  'error.confirmation_required': "Ibi bisa n'ibidasanzwe. Reba amatariki.",
  'error.confirmation_required.long_period.one': 'Iyi mihango yamara umunsi {n}. Ni byo koko?',
  'error.confirmation_required.long_period.other':
    'Iyi mihango yamara iminsi {n}, irenze uko bisanzwe. Ni byo koko?',
  'error.confirmation_required.short_cycle.one':
    "Ibi ni nyuma y'umunsi {n} gusa indi mihango itangiye, hakiri kare kurusha uko bisanzwe. Ni byo koko?",
  'error.confirmation_required.short_cycle.other':
    "Ibi ni nyuma y'iminsi {n} gusa indi mihango itangiye, hakiri kare kurusha uko bisanzwe. Ni byo koko?",
  'error.confirmation_required.short_cycle_from.one':
    "Ibi ni nyuma y'umunsi {n} gusa imihango yawe yo ku wa {otherStart} itangiye, hakiri kare kurusha uko bisanzwe. Ni byo koko?",
  'error.confirmation_required.short_cycle_from.other':
    "Ibi ni nyuma y'iminsi {n} gusa imihango yawe yo ku wa {otherStart} itangiye, hakiri kare kurusha uko bisanzwe. Ni byo koko?",
  'error.date_in_future': 'Iyo tariki ntiragera. Ushobora kwandika uyu munsi cyangwa umunsi wabanje.',
  'error.date_in_future.today':
    "Iyo tariki iri nyuma y'uyu munsi ({today}). Ushobora kwandika uyu munsi cyangwa umunsi wabanje.",
  'error.invalid_date_range': "Umunsi wa nyuma uri mbere y'uwa mbere. Reba amatariki.",
  'error.payload_too_large': 'Ibi ni birebire cyane ku buryo bitabikwa. Gabanya inyandiko.',
  'error.unsupported_media_type':
    'Habaye ikibazo mu kohereza iyi fomu. Ongera ufungure urupapuro, wongere ugerageze.',
  'error.too_many_requests': 'Wagerageje kenshi cyane. Tegereza iminota mike, hanyuma wongere ugerageze.',
  'error.too_many_requests.wait.one':
    'Wagerageje kenshi cyane. Tegereza umunota {n}, hanyuma wongere ugerageze.',
  'error.too_many_requests.wait.other':
    'Wagerageje kenshi cyane. Tegereza iminota {n}, hanyuma wongere ugerageze.',
  'error.internal_error': 'Habaye ikibazo iwacu. Ongera ugerageze mu kanya.',
  'error.service_unavailable': 'Serivisi ntiboneka ubu. Ongera ugerageze mu minota mike.',
  'error.not_shared': 'Ntabwo yabisangije nawe. Ni we wenyine ushobora guhitamo kubisangiza.',
  'error.already_linked': 'Musanzwe muhujwe.',
  'error.guardian_link_fixed':
    "Kugeza ugejeje ku myaka yo kwemera, umubyeyi wemeye konti yawe akomeza kubona imihango yawe itaha n'ibimenyetso byo kubona umuganga. Ushobora gusangiza byinshi, si bike.",
  'error.provider_unverified':
    "Konti yawe y'umuganga itegereje ko umuyobozi ayemeza. Ushobora guhindura umwirondoro wawe mu gihe utegereje.",
  'error.slot_taken': 'Hari umaze gufata iki gihe. Hitamo ikindi.',
  'error.slot_unavailable': 'Iki gihe ntigishobora gufatwa. Hitamo kimwe mu bihe bigaragara.',
  'error.change_too_late': 'Igihe cya gahunda kiri hafi cyane ku buryo utayihindura hano. Hamagara ivuriro.',
  'error.appointment_closed': 'Iyi gahunda ntishobora guhindurwa gutya.',
  'error.content_not_ready':
    'Inyandiko ifite ibibazo bigomba gukosorwa mbere yo koherezwa gusuzumwa. Buri kimwe kiragaragazwa.', // review:
  'error.content_state':
    'Iyi nyandiko yamaze gutera imbere (yoherejwe gusuzumwa, yafashweho icyemezo cyangwa yasohotse). Ongera ufungure urebe aho igeze.', // review:
  'error.own_content': "Inyandiko igomba gusuzumwa n'undi muntu utari uwayanditse.", // review:
  'error.sms_unavailable': 'Ntitwashoboye kohereza SMS ubu. Ongera ugerageze nyuma.',
  'error.field.required': '{field}: iki kirakenewe.',
  'error.field.invalid': '{field}: suzuma iki gisubizo.',
  'error.field.generic': 'Hari igisubizo kitanditse uko byari byitezwe.',
};
