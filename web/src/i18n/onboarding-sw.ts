import type { onboardingEn } from './onboarding-messages.ts';

/** Swahili. Machine-written lines carry `// review:` until a fluent speaker checks them. */
export const onboardingSw: Record<keyof typeof onboardingEn, string> = {
  'onboarding.landing_title': 'Uko chini ya miaka {age}? Mzazi au mlezi hukubali kwanza', // review:
  'onboarding.landing_body':
    'Ikiwa uko chini ya miaka {age}, mzazi au mlezi lazima akubali kabla shajara yako haijahifadhi chochote. Inachukua dakika chache:', // review:
  'onboarding.how_1':
    'Unafungua akaunti yako na kuthibitisha namba yako ya simu kwa msimbo tunaokutumia kwa SMS.', // review:
  'onboarding.how_2': 'Unatengeneza msimbo wa tarakimu 8 kwa ajili ya mzazi au mlezi wako.', // review:
  'onboarding.how_3':
    'Kwenye simu yake mwenyewe, mzazi au mlezi wako anafungua akaunti ya mzazi, anathibitisha namba yake mwenyewe na kuandika msimbo wako.', // review:
  'onboarding.no_sight': 'Haoni shajara yako: anakubali tu kwamba unaweza kutumia huduma.', // review:
  'onboarding.birth_year_hint':
    'Tunauliza ili tujue kama mzazi au mlezi lazima akubali (chini ya miaka {age}).', // review:
  'onboarding.birth_year_needed':
    'Andika mwaka wako wa kuzaliwa: chini ya miaka {age}, mzazi au mlezi lazima akubali kwanza.', // review:
  'onboarding.birth_year_invalid': 'Andika mwaka wako wa kuzaliwa kwa tarakimu 4, kwa mfano 2010.', // review:
  'onboarding.under_age_note':
    'Uko chini ya miaka {age}, kwa hiyo mzazi au mlezi lazima akubali kabla shajara yako haijahifadhi chochote. Toa namba yako mwenyewe ya simu: akaunti yako ikishafunguliwa, tutakuonyesha hatua.', // review:

  'onboarding.title': 'Idhini ya mzazi au mlezi wako', // review:
  'onboarding.intro':
    'Uko chini ya miaka {age}: kabla shajara yako haijahifadhi chochote, mzazi au mlezi lazima akubali. Hatua tatu:', // review:
  'onboarding.step1_title': '1. Thibitisha namba yako ya simu', // review:
  'onboarding.step1_body':
    'Mzazi au mlezi wako anakubali kutoka kwenye simu yake mwenyewe, kwa hiyo kwanza tunathibitisha yako kwa msimbo tunaokutumia.', // review:
  'onboarding.step1_done': 'Imekamilika: namba yako {phone} imethibitishwa.', // review:
  'onboarding.step2_title': '2. Tengeneza msimbo kwa ajili ya mzazi au mlezi wako', // review:
  'onboarding.step2_body':
    'Msimbo unafanya kazi mara moja, kwa saa 48. Unaweza kutengeneza mpya wakati wowote.', // review:
  'onboarding.step2_wait': 'Kwanza thibitisha namba yako ya simu (hatua ya 1).', // review:
  'onboarding.make_code': 'Tengeneza msimbo wangu', // review:
  'onboarding.make_new_code': 'Tengeneza msimbo mpya', // review:
  'onboarding.code_label': 'Msimbo wako', // review:
  'onboarding.code_until': 'Unafanya kazi hadi {when}.', // review:
  'onboarding.step3_title': '3. Mpe mzazi au mlezi wako msimbo', // review:
  'onboarding.step3_intro': 'Mwambie msimbo. Kisha, kwenye simu yake mwenyewe, yeye:', // review:
  'onboarding.parent_1': 'anafungua tovuti hii na kufungua akaunti kama mzazi au mlezi;', // review:
  'onboarding.parent_2':
    'anathibitisha namba yake mwenyewe kwa msimbo tunaomtumia (lazima iwe namba tofauti na yako);', // review:
  'onboarding.parent_3': 'anaandika msimbo wako kwenye ukurasa wake wa mwanzo, chini ya “{label}”.', // review:
  'onboarding.parent_ussd': 'Kwenye simu isiyo na intaneti, anaweza kupiga {code} badala yake.', // review:
  'onboarding.status_title': 'Je, mzazi au mlezi wangu amekubali?', // review:
  'onboarding.status_waiting': 'Bado: tunamsubiri mzazi au mlezi wako.', // review:
  'onboarding.status_check': 'Angalia tena', // review:
  'onboarding.status_given': 'Mzazi au mlezi wako alikubali tarehe {date}. Sasa unaweza kuandika hedhi yako.', // review:
  'onboarding.go_home': 'Nenda kwenye shajara yangu', // review:
  'onboarding.not_needed': 'Akaunti yako haihitaji idhini ya mzazi au mlezi.', // review:
  'onboarding.banner_title': 'Mzazi au mlezi lazima akubali kwanza', // review:
  'onboarding.banner_body':
    'Hadi atakapokubali, shajara yako haiwezi kuhifadhi chochote. Inahitaji msimbo na dakika chache.', // review:
  'onboarding.banner_link': 'Pata idhini ya mzazi wangu', // review:

  'onboarding.recover_how': 'Unataka kuingia tena vipi?', // review:
  'onboarding.recover_by_sms': 'Nitumie msimbo kwenye simu yangu', // review:
  'onboarding.recover_by_guardian': 'Muombe mzazi au mlezi wangu', // review:
  'onboarding.guardian_intro':
    'Mzazi au mlezi aliyeikubali akaunti yako anaweza kukusaidia kuingia tena. Fanya hivi kwenye simu uliyoingia nayo hapo awali.', // review:
  'onboarding.guardian_identifier': 'Namba yako ya simu au barua pepe', // review:
  'onboarding.guardian_start': 'Tengeneza msimbo wa ombi', // review:
  'onboarding.guardian_code_title': 'Mwambie mzazi au mlezi wako msimbo huu', // review:
  'onboarding.guardian_code_body':
    'Anaingia kwenye akaunti yake mwenyewe, anafungua “{label}” na kuuandika. Usifunge ukurasa huu. Unafanya kazi hadi {when}.', // review:
  'onboarding.guardian_waiting': 'Tunamsubiri mzazi au mlezi wako…', // review:
  'onboarding.guardian_approved': 'Mzazi au mlezi wako amekubali. Chagua PIN mpya au nenosiri jipya.', // review:
  'onboarding.guardian_expired': 'Ombi hili limeisha. Tengeneza jipya.', // review:
  'onboarding.guardian_note':
    'Inafanya kazi tu kwa akaunti ambayo mzazi au mlezi wako aliikubali, na tu kwenye simu au kivinjari ulichoingia nacho hapo awali. Vinginevyo idhini yake haitafanya kazi.', // review:
  'onboarding.guardian_again': 'Anza upya', // review:
  'onboarding.parent_help_title': 'Mtoto wako hawezi kuingia?', // review:
  'onboarding.parent_help_body':
    'Ikiwa amesahau PIN au nenosiri lake, unaweza kumsaidia kuingia tena kwa msimbo ambao simu yake inamwonyesha.', // review:
  'onboarding.parent_help_link': 'Msaidie mtoto wangu kuingia tena', // review:
  'onboarding.approve_intro':
    'Mtoto wako ameomba msaada wako kwenye simu yake mwenyewe. Andika msimbo wa tarakimu 8 anaokuonyesha. Hii inamruhusu tu kuchagua PIN mpya au nenosiri jipya kwenye simu yake: huoni akaunti yake.', // review:
  'onboarding.approve_label': 'Msimbo ulio kwenye skrini yake', // review:
  'onboarding.approve_submit': 'Kubali', // review:
  'onboarding.approve_done':
    'Imekamilika. Sasa anaweza kuchagua PIN mpya au nenosiri jipya kwenye simu yake.', // review:
  'onboarding.approve_not_valid':
    'Msimbo huu haufanyi kazi: huenda umeandikwa vibaya, umeshatumika, au una zaidi ya dakika 30. Ni mzazi au mlezi aliyekubali akaunti yake pekee anayeweza kuuidhinisha.', // review:

  'access.action.auth.guardian_recovery_start': 'aliomba msaada wa mzazi au mlezi kuingia tena', // review:
  'access.action.auth.guardian_recovery_approve': 'mzazi au mlezi aliidhinisha kuingia tena', // review:
  'access.action.auth.recovery.guardian': 'alichagua PIN mpya au nenosiri jipya kwa msaada wa mzazi au mlezi', // review:
  'access.action.auth.recovery.ussd': 'alichagua PIN mpya kwa USSD', // review:
  'access.action.auth.recovery.sms': 'alichagua PIN mpya au nenosiri jipya kwa msimbo wa SMS', // review:
};
