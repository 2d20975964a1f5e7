import type { helpEn } from './help-messages.ts';

// review: Kiswahili written by a developer; a fluent speaker and a health worker check it.
export const helpSw: Record<keyof typeof helpEn, string> = {
  'help.nav': 'Msaada',
  'help.home_link': 'Unahitaji msaada? Cha kufanya wakati wa dharura, na nani wa kumpigia',
  'help.title': 'Pata msaada',
  'help.intro': 'Hauko peke yako. Haya ndiyo ya kufanya, na nani wa kumpigia.',
  'help.emergency_title': 'Wakati wa dharura',
  'help.emergency_body':
    'Ukiwa hatarini, umeumia vibaya, unatokwa na damu nyingi sana au unahisi kuzimia, piga {emergency} sasa hivi au nenda kituo cha afya au hospitali iliyo karibu. Mwombe mtu mzima unayemwamini akusindikize.',
  'help.call': 'Piga {number}',
  'help.contacts_title': 'Nani wa kumpigia',
  'help.contact.emergency.name': 'Polisi na dharura',
  'help.contact.emergency.what': 'Hatari, ukatili, ajali: polisi na gari la wagonjwa, mchana na usiku.',
  'help.contact.health.name': 'Simu ya afya (RBC)',
  'help.contact.health.what': 'Maswali kuhusu afya yako, yanajibiwa na wahudumu wa afya.',
  'help.contact.child.name': 'Simu ya msaada kwa watoto',
  'help.contact.child.what':
    'Kwa watoto na vijana walioumizwa, wenye hofu au wanaohitaji mtu wa kuzungumza naye.',
  'help.contact.isange.name': 'Kituo cha Isange One Stop',
  'help.contact.isange.what':
    'Mtu akikuumiza au kukulazimisha kufanya ngono: matibabu, ushauri nasaha na msaada wa polisi bila malipo, mahali pamoja.',
  'help.see_title': 'Mwone mhudumu wa afya mapema kama',
  'help.see.1': 'damu inalowesha pedi kila saa kwa zaidi ya saa 2;',
  'help.see.2': 'hedhi yako inadumu zaidi ya siku 7;',
  'help.see.3': 'maumivu yanakuzuia kwenda shule, au dawa za maumivu hazisaidii;',
  'help.see.4': 'hujapata hedhi kwa miezi 3, au huenda una mimba;',
  'help.see.5': 'una homa, maumivu chini ya tumbo, au uchafu unaotoa harufu mbaya;',
  'help.see.6': 'una miaka 15 na bado hujaanza hedhi.',
  'help.hurt_title': 'Mtu akikuumiza',
  'help.hurt_body':
    'Si kosa lako kamwe. Kituo cha Isange One Stop, kilicho katika hospitali nyingi za wilaya, kinatoa matibabu na msaada bila malipo. Piga {isange}, au simu ya msaada kwa watoto {child}.',
  'help.talk_title': 'Mtu wa kuzungumza naye',
  'help.talk_body':
    'Mzazi au mlezi, mwalimu, au mhudumu wa afya wa jamii wa kijiji chako anaweza kukusaidia kupata huduma.',
  'help.shared_phone': 'Kwenye simu ya pamoja, namba ulizopiga hubaki kwenye orodha ya simu.',
};
