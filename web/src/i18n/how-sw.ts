import type { HowKey } from './how-messages.ts';

// review: machine translation, needs a fluent speaker and a health worker
// ("kipindi" stands for the prediction window, as on the home page).
export const howSw = {
  'how.intro':
    'Tunakisia hedhi yako ijayo kutokana na tarehe unazoandika. Kadiri unavyoandika hedhi nyingi, ndivyo makisio yanavyokuwa bora. Ni makisio tu, si ahadi kamwe.',

  'how.show.title': 'Tunachokuonyesha',
  'how.show.window':
    '**Tarehe na kipindi**, kama “karibu 14 Mei, huenda kati ya 11 na 17 Mei”. Tulipojaribu kwenye mizunguko halisi, hedhi ilianza ndani ya kipindi hicho takriban **mara 5 kati ya 6**.',
  'how.show.exact':
    'Tarehe kamili huwa sahihi takriban **mara 1 kati ya 5**. Huwa ndani ya siku 3 takriban mara 4 kati ya 5. Kwa wastani hukosea kwa takriban siku 2.',
  'how.show.phase':
    '**Awamu yako leo**: hedhi, kabla ya yai kutolewa, siku za rutuba, baada ya yai kutolewa, au imechelewa. “Imechelewa siku N” huanza siku inayofuata tarehe tuliyotarajia.',
  'how.show.fertile':
    '**Siku za rutuba na siku ya yai kutolewa** ni mwongozo wa kuujua mwili wako, na mara nyingi hukosea kwa takriban siku 2. **Si njia ya kuzuia mimba.** Usizitumie kamwe kama “siku salama”.',

  'how.method.title': 'Jinsi tunavyokokotoa',
  'how.method.cycle':
    'Mzunguko huanzia siku ya kwanza ya hedhi moja hadi siku ya kwanza ya hedhi inayofuata.',
  'how.method.average':
    'Tunachukua wastani wa mizunguko yako 6 ya mwisho na kuuchanganya na mzunguko wa kawaida wa siku 28. Mwanzoni mzunguko wa kawaida ndio una uzito zaidi; baada ya mizunguko sita, historia yako mwenyewe ina uzito wa robo tatu.',
  'how.method.window':
    'Upana wa kipindi hutegemea mizunguko yako mwenyewe: siku 3 hadi 5 kama mizunguko yako ina mpangilio sana, takriban siku 9 kama inatofautiana kwa wiki moja, na zaidi kama inatofautiana zaidi. Kinapungua kadiri unavyoandika mizunguko yenye mpangilio.',
  'how.method.unusual':
    'Kama mzunguko mmoja unaonekana kama miwili (huenda ulisahau kuandika hedhi), au ni tofauti sana na mizunguko yako ya kawaida, tunauacha nje — isipokuwa kama hutokea mara nyingi, kwa sababu hapo ndio mpangilio wako.',
  'how.method.signs':
    'Ukiandika joto la mwili wako unapoamka au ute wa ukeni, wakati mwingine tunaweza kuona lini yai lilitolewa. Hapo ni rahisi kukisia hedhi ijayo, na kipindi kinakuwa takriban nusu ya upana wake.',
  'how.method.start':
    'Mpaka uwe umeandika mizunguko 3, tunasema “bado hakuna data ya kutosha” na tunategemea mizunguko ya kawaida, kwa hiyo kipindi ni kipana zaidi.',
  'how.method.teens':
    '**Kwa wasichana na wanawake vijana hadi miaka 18**, mizunguko hubadilika zaidi kutoka mwezi hadi mwezi, kwa hiyo kwa makusudi tunafanya upana wa kipindi kuwa mara 1.5 ya kawaida.',

  'how.flags.title': 'Lini tunapendekeza uzungumze na mhudumu wa afya',
  'how.flags.body':
    'Tunaweza kukuonyesha mizunguko mifupi sana au mirefu sana, mizunguko inayobadilika sana, hedhi ndefu au nzito, au kukosa hedhi kwa siku 90. Huu si utambuzi wa ugonjwa kamwe — ni sababu tu ya kumuuliza mtu anayeweza kukuchunguza.',

  'how.honest.title': 'Namba hizi ni za kweli kiasi gani?',
  'how.honest.tested':
    'Tulijaribu njia hii kwenye mizunguko halisi 1,665 ya wanawake wazima 159 (utafiti wa FedCycle). Nusu ya wanawake hao waliwekwa kando na kutumika tu kwa jaribio la mwisho.',
  'how.honest.result':
    'Katika jaribio hilo, kipindi kilikuwa na mwanzo halisi wa hedhi mara 83 kati ya 100. Hatukufikia malengo yetu mawili (kukosea kwa wastani wa siku 2.0, na 85% kuwa ndani ya siku 3): tulipata siku 2.2 na 81%.',
  'how.honest.limits':
    'Wanawake wa utafiti huo walikuwa watu wazima walioandika kwa uangalifu. Kwa vijana na kwa watu wanaosahau kuandika, utabiri utakuwa na makosa zaidi. Kipindi kipana zaidi kwa vijana ni chaguo la usalama ambalo bado hatujaweza kulijaribu kwa data halisi.',
  'how.honest.reported':
    'Kutokwa na damu, damu “nyingi” na tarehe za mwisho wa hedhi ni kile unachotuambia; hatuwezi kuvipima.',
  'how.docs': 'Njia kamili, pamoja na namba zote, iko kwenye nyaraka za mradi (docs/predictions.md).',
} satisfies Record<HowKey, string>;
