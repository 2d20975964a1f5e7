import type { onboardingEn } from './onboarding-messages.ts';

/** Kinyarwanda. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const onboardingRw: Record<keyof typeof onboardingEn, string> = {
  'onboarding.landing_title': 'Uri munsi y’imyaka {age}? Umubyeyi cyangwa umurezi abanza kubyemera', // review:
  'onboarding.landing_body':
    'Niba uri munsi y’imyaka {age}, umubyeyi cyangwa umurezi agomba kubyemera mbere y’uko ikayi yawe ibika ikintu na kimwe. Bifata iminota mike:', // review:
  'onboarding.how_1':
    'Ufungura konti yawe kandi ukemeza nimero ya telefoni yawe ukoresheje kode tukoherereza.', // review:
  'onboarding.how_2': 'Ukora kode y’imibare 8 y’umubyeyi cyangwa umurezi wawe.', // review:
  'onboarding.how_3':
    'Kuri telefoni ye bwite, umubyeyi cyangwa umurezi afungura konti y’umubyeyi, akemeza nimero ye bwite, maze akandika kode yawe.', // review:
  'onboarding.no_sight': 'Ntabona ikayi yawe: yemera gusa ko ukoresha serivisi.', // review:
  'onboarding.birth_year_hint':
    'Turabibaza kugira ngo tumenye niba umubyeyi cyangwa umurezi agomba kubyemera (munsi y’imyaka {age}).', // review:
  'onboarding.birth_year_needed':
    'Andika umwaka wavukiyemo: munsi y’imyaka {age}, umubyeyi cyangwa umurezi abanza kubyemera.', // review:
  'onboarding.birth_year_invalid': 'Andika umwaka wavukiyemo mu mibare 4, urugero 2010.', // review:
  'onboarding.under_age_note':
    'Uri munsi y’imyaka {age}, bityo umubyeyi cyangwa umurezi agomba kubyemera mbere y’uko ikayi yawe ibika ikintu. Tanga nimero ya telefoni yawe bwite: konti yawe nimara gufunguka, tuzakwereka intambwe zikurikira.', // review:

  'onboarding.title': 'Uruhushya rw’umubyeyi cyangwa umurezi wawe', // review:
  'onboarding.intro':
    'Uri munsi y’imyaka {age}: mbere y’uko ikayi yawe ibika ikintu, umubyeyi cyangwa umurezi agomba kubyemera. Intambwe eshatu:', // review:
  'onboarding.step1_title': '1. Emeza nimero ya telefoni yawe', // review:
  'onboarding.step1_body':
    'Umubyeyi cyangwa umurezi yemera akoresheje telefoni ye bwite, bityo tubanza kwemeza iyawe dukoresheje kode tukoherereza.', // review:
  'onboarding.step1_done': 'Byarangiye: nimero yawe {phone} yemejwe.', // review:
  'onboarding.step2_title': '2. Kora kode y’umubyeyi cyangwa umurezi wawe', // review:
  'onboarding.step2_body': 'Kode ikora inshuro imwe, mu masaha 48. Ushobora gukora indi igihe cyose.', // review:
  'onboarding.step2_wait': 'Banza wemeze nimero ya telefoni yawe (intambwe ya 1).', // review:
  'onboarding.make_code': 'Kora kode yanjye', // review:
  'onboarding.make_new_code': 'Kora kode nshya', // review:
  'onboarding.code_label': 'Kode yawe', // review:
  'onboarding.code_until': 'Ikora kugeza {when}.', // review:
  'onboarding.step3_title': '3. Ha kode umubyeyi cyangwa umurezi wawe', // review:
  'onboarding.step3_intro': 'Mubwire kode. Hanyuma, kuri telefoni ye bwite:', // review:
  'onboarding.parent_1': 'afungura uru rubuga maze agafungura konti nk’umubyeyi cyangwa umurezi;', // review:
  'onboarding.parent_2':
    'yemeza nimero ye bwite akoresheje kode tumwoherereza (igomba kuba itandukanye n’iyawe);', // review:
  'onboarding.parent_3': 'yandika kode yawe ku ipaji ye ibanza, ahanditse “{label}”.', // review:
  'onboarding.parent_ussd': 'Kuri telefoni idafite interineti, ashobora ahubwo gukanda {code}.', // review:
  'onboarding.status_title': 'Umubyeyi cyangwa umurezi wanjye yarabyemeye?', // review:
  'onboarding.status_waiting': 'Ntarabyemera: turategereje umubyeyi cyangwa umurezi wawe.', // review:
  'onboarding.status_check': 'Ongera urebe', // review:
  'onboarding.status_given':
    'Umubyeyi cyangwa umurezi wawe yabyemeye ku wa {date}. Ubu ushobora kwandika imihango yawe.', // review:
  'onboarding.go_home': 'Jya ku ikayi yanjye', // review:
  'onboarding.not_needed': 'Konti yawe ntikeneye uruhushya rw’umubyeyi cyangwa umurezi.', // review:
  'onboarding.banner_title': 'Umubyeyi cyangwa umurezi agomba kubanza kubyemera', // review:
  'onboarding.banner_body':
    'Kugeza abyemeye, ikayi yawe ntishobora kubika ikintu. Bifata kode n’iminota mike.', // review:
  'onboarding.banner_link': 'Saba uruhushya rw’umubyeyi wanjye', // review:

  'onboarding.recover_how': 'Urashaka kongera kwinjira ute?', // review:
  'onboarding.recover_by_sms': 'Nyoherereza kode kuri telefoni yanjye', // review:
  'onboarding.recover_by_guardian': 'Saba umubyeyi cyangwa umurezi wanjye', // review:
  'onboarding.guardian_intro':
    'Umubyeyi cyangwa umurezi wemeye konti yawe ashobora kugufasha kongera kwinjira. Bikorere kuri telefoni wari usanzwe winjiriramo.', // review:
  'onboarding.guardian_identifier': 'Nimero ya telefoni yawe cyangwa imeri', // review:
  'onboarding.guardian_start': 'Kora kode y’ubusabe', // review:
  'onboarding.guardian_code_title': 'Bwira iyi kode umubyeyi cyangwa umurezi wawe', // review:
  'onboarding.guardian_code_body':
    'Yinjira muri konti ye bwite, agafungura “{label}” maze akayandika. Ntufunge iyi paji. Ikora kugeza {when}.', // review:
  'onboarding.guardian_waiting': 'Turategereje umubyeyi cyangwa umurezi wawe…', // review:
  'onboarding.guardian_approved':
    'Umubyeyi cyangwa umurezi wawe yabyemeye. Hitamo PIN nshya cyangwa ijambo ry’ibanga rishya.', // review:
  'onboarding.guardian_expired': 'Ubu busabe bwarangiye. Kora ubundi bushya.', // review:
  'onboarding.guardian_note':
    'Bikora gusa kuri konti umubyeyi cyangwa umurezi wawe yemeye, kandi gusa kuri telefoni cyangwa mudasobwa wigeze kwinjiriraho. Bitabaye ibyo, ibyo yemeje ntibigira icyo bikora.', // review:
  'onboarding.guardian_again': 'Ongera utangire', // review:
  'onboarding.parent_help_title': 'Umwana wawe ntashobora kwinjira?', // review:
  'onboarding.parent_help_body':
    'Niba yibagiwe PIN cyangwa ijambo ry’ibanga, ushobora kumufasha kongera kwinjira ukoresheje kode telefoni ye imwereka.', // review:
  'onboarding.parent_help_link': 'Fasha umwana wanjye kongera kwinjira', // review:
  'onboarding.approve_intro':
    'Umwana wawe yagusabye ubufasha kuri telefoni ye bwite. Andika kode y’imibare 8 akwereka. Ibi bimwemerera gusa guhitamo PIN nshya cyangwa ijambo ry’ibanga rishya kuri telefoni ye: ntubona konti ye.', // review:
  'onboarding.approve_label': 'Kode iri kuri telefoni ye', // review:
  'onboarding.approve_submit': 'Emeza', // review:
  'onboarding.approve_done':
    'Byarangiye. Ubu ashobora guhitamo PIN nshya cyangwa ijambo ry’ibanga rishya kuri telefoni ye.', // review:
  'onboarding.approve_not_valid':
    'Iyi kode ntikora: ishobora kuba yanditswe nabi, yarakoreshejwe, cyangwa imaze iminota irenga 30. Umubyeyi cyangwa umurezi wemeye konti ye wenyine ni we ushobora kuyemeza.', // review:

  'access.action.auth.guardian_recovery_start':
    'yasabye umubyeyi cyangwa umurezi ubufasha bwo kongera kwinjira', // review:
  'access.action.auth.guardian_recovery_approve': 'umubyeyi cyangwa umurezi yemeje kongera kwinjira', // review:
  'access.action.auth.recovery.guardian':
    'hahiswemo PIN cyangwa ijambo ry’ibanga rishya ku bufasha bw’umubyeyi cyangwa umurezi', // review:
  'access.action.auth.recovery.ussd': 'hahiswemo PIN nshya hakoreshejwe USSD', // review:
  'access.action.auth.recovery.sms': "hahiswemo PIN cyangwa ijambo ry'ibanga rishya hakoreshejwe kode ya SMS",
};
