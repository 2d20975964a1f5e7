import type { HowKey } from './how-messages.ts';

// review: machine translation, needs a fluent speaker and a health worker
// ("iminsi ishoboka" — "the possible days" — stands for the prediction window; "umuganga" for a
// health worker, as in the server catalogue; numbers are written 1,665 / 2.0 like the English).
export const howRw = {
  'how.intro':
    'Tugereranya igihe imihango yawe itaha izazira, dushingiye ku matariki wanditse. Uko wandika imihango myinshi, ni ko kugereranya kurushaho kuba kwiza. Ni ukugereranya gusa, ntabwo ari isezerano.',

  'how.show.title': 'Ibyo tukwereka',
  'how.show.window':
    "**Itariki n'iminsi ishoboka**, urugero “ahagana 14 Gicurasi, birashoboka hagati ya 11 na 17 Gicurasi”. Igihe twabigeragezaga ku mizunguruko nyayo, imihango yatangiye muri iyo minsi hafi **inshuro 5 kuri 6**.",
  'how.show.exact':
    "Itariki nyayo iba ari yo hafi **inshuro 1 kuri 5**. Hafi inshuro 4 kuri 5 iba iri mu minsi 3 y'itariki nyayo. Ugereranyije, yibeshyaho hafi iminsi 2.",
  'how.show.phase':
    "**Igihe urimo uyu munsi**: imihango, mbere y'irekurwa ry'intanga, iminsi y'uburumbuke, nyuma y'irekurwa ry'intanga, cyangwa imihango yatinze. “Yatinze iminsi N” bitangira ku munsi ukurikira itariki twari twiteze.",
  'how.show.fertile':
    "**Iminsi y'uburumbuke n'irekurwa ry'intanga** ni icyerekezo kigufasha kumenya umubiri wawe, akenshi bitandukanaho hafi iminsi 2. **Si uburyo bwo kwirinda gutwita.** Ntuzigere uyifata nk'“iminsi itekanye”.",

  'how.method.title': 'Uko tubara',
  'how.method.cycle':
    "Umuzunguruko uhera ku munsi wa mbere w'imihango ukageza ku munsi wa mbere w'imihango ikurikiyeho.",
  'how.method.average':
    "Dufata impuzandengo y'imizunguruko yawe 6 iheruka, tukayivanga n'umuzunguruko usanzwe w'iminsi 28. Mu ntangiriro umuzunguruko usanzwe ni wo uhabwa agaciro kenshi; nyuma y'imizunguruko itandatu, amateka yawe bwite ahabwa agaciro ka bitatu bya kane.",
  'how.method.window':
    "Umubare w'iminsi ishoboka ungana n'uko imizunguruko yawe ibisaba: iminsi 3 kugeza kuri 5 niba imizunguruko yawe idahindagurika na gato, hafi iminsi 9 niba ihindagurika ku cyumweru kimwe, n'irenzeho niba ihindagurika kurushaho. Igenda igabanuka uko wandika imizunguruko idahindagurika.",
  'how.method.unusual':
    "Niba umuzunguruko umwe usa n'imizunguruko ibiri (ushobora kuba wibagiwe kwandika imihango), cyangwa utandukanye cyane n'iyo usanganywe, ntituwubara — keretse bibaye kenshi, kuko icyo gihe ni ko umubiri wawe umeze.",
  'how.method.signs':
    "Niba wandika ubushyuhe bw'umubiri wawe ukibyuka cyangwa ururenda rwo mu gitsina, rimwe na rimwe dushobora kubona igihe intanga yarekuriwe. Icyo gihe biroroha kugereranya imihango itaha, kandi iminsi ishoboka igabanuka hafi kimwe cya kabiri.",
  'how.method.start':
    'Kugeza igihe uzaba wanditse imizunguruko 3, tuvuga ngo “nta makuru ahagije arahaboneka” tukifashisha imizunguruko isanzwe, bityo iminsi ishoboka ikaba myinshi.',
  'how.method.teens':
    "**Ku bakobwa n'inkumi kugeza ku myaka 18**, imizunguruko ihindagurika cyane kuva ku kwezi kumwe kujya ku kundi, bityo tubigambiriye tugwiza iminsi ishoboka inshuro 1.5.",

  'how.flags.title': "Igihe tukugira inama yo kuvugana n'umuganga",
  'how.flags.body':
    "Dushobora kukwereka imizunguruko migufi cyane cyangwa miremire cyane, imizunguruko ihindagurika cyane, imihango irambye cyangwa iva amaraso menshi, cyangwa kumara iminsi 90 nta mihango. Ibi ntibiba na rimwe isuzuma ry'indwara — ni impamvu gusa yo kubaza umuntu ushobora kugusuzuma.",

  'how.honest.title': 'Iyi mibare yizewe ku kigero kingana iki?',
  'how.honest.tested':
    "Twagerageje ubu buryo ku mizunguruko nyayo 1,665 y'abagore bakuru 159 (ubushakashatsi bwitwa FedCycle). Kimwe cya kabiri cy'abo bagore cyashyizwe ku ruhande, gikoreshwa gusa mu igerageza rya nyuma.",
  'how.honest.result':
    "Muri iryo gerageza, iminsi ishoboka yarimo itangira nyaryo ry'imihango inshuro 83 kuri 100. Ntitwageze ku ntego ebyiri twari twihaye (kwibeshya ku mpuzandengo y'iminsi 2.0, na 85% biri mu minsi 3): twabonye iminsi 2.2 na 81%.",
  'how.honest.limits':
    'Abagore bo muri ubwo bushakashatsi bari abantu bakuru bandikaga neza kandi bitonze. Ku bangavu no ku bantu bibagirwa kwandika, ibyo duteganya ntibizaba ari ukuri cyane. Iminsi ishoboka myinshi ku bangavu ni icyemezo cyo kwirinda tutarabasha kugerageza ku makuru nyayo.',
  'how.honest.reported':
    'Kuva amaraso, amaraso “menshi” n’amatariki imihango irangiriraho ni ibyo utubwira; ntidushobora kubipima.',
  'how.docs': "Uburyo bwose, n'imibare yose, buri mu nyandiko zisobanura umushinga (docs/predictions.md).",
} satisfies Record<HowKey, string>;
