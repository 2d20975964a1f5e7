import type { helpEn } from './help-messages.ts';

// review: Kinyarwanda written by a developer (machine-assisted); a native speaker and a health worker check it.
export const helpRw: Record<keyof typeof helpEn, string> = {
  'help.nav': 'Ubufasha',
  'help.home_link': "Ukeneye ubufasha? Icyo wakora mu gihe cy'ibyihutirwa, n'uwo wahamagara",
  'help.title': 'Gushaka ubufasha',
  'help.intro': "Nturi wenyine. Dore icyo wakora, n'uwo wahamagara.",
  'help.emergency_title': "Mu gihe cy'ibyihutirwa",
  'help.emergency_body':
    'Niba uri mu kaga, wakomeretse bikabije, uva amaraso menshi cyane cyangwa ugiye kugwa igihumure, hamagara {emergency} ubu cyangwa ujye ku kigo nderabuzima cyangwa ku bitaro biri hafi. Saba umuntu mukuru wizeye kujyana nawe.',
  'help.call': 'Hamagara {number}',
  'help.contacts_title': 'Uwo wahamagara',
  'help.contact.emergency.name': "Polisi n'ibyihutirwa",
  'help.contact.emergency.what':
    "Akaga, ihohoterwa, impanuka: polisi n'imbangukiragutabara, amanywa n'ijoro.",
  'help.contact.health.name': "Umurongo w'ubuzima (RBC)",
  'help.contact.health.what': "Ibibazo ku buzima bwawe, bisubizwa n'abakozi b'ubuzima.",
  'help.contact.child.name': 'Umurongo wo gufasha abana',
  'help.contact.child.what':
    "Ku bana n'urubyiruko bahohotewe, bafite ubwoba cyangwa bakeneye uwo baganiriza.",
  'help.contact.isange.name': 'Isange One Stop Centre',
  'help.contact.isange.what':
    "Niba hari uguhohotera cyangwa ugushyiraho agahato ko gukora imibonano mpuzabitsina: ubuvuzi, ubujyanama n'ubufasha bwa polisi ku buntu, ahantu hamwe.",
  'help.see_title': "Jya kureba umukozi w'ubuzima vuba niba",
  'help.see.1': "amaraso yuzuza igitambaro cy'isuku buri saha, mu gihe kirenze amasaha 2;",
  'help.see.2': 'imihango yawe imara iminsi irenze 7;',
  'help.see.3': 'ububabare bukubuza kujya ku ishuri, cyangwa imiti igabanya ububabare ntigufashe;',
  'help.see.4': 'umaze amezi 3 utabona imihango, cyangwa ushobora kuba utwite;',
  'help.see.5': 'ufite umuriro, ububabare mu nda yo hasi, cyangwa ibisohoka binuka nabi;',
  'help.see.6': 'ufite imyaka 15 ukaba utarajya mu mihango.',
  'help.hurt_title': 'Niba hari uguhohotera',
  'help.hurt_body':
    "Si amakosa yawe na rimwe. Isange One Stop Centre, iri mu bitaro byinshi by'uturere, iguha ubuvuzi n'ubufasha ku buntu. Hamagara {isange}, cyangwa umurongo wo gufasha abana {child}.",
  'help.talk_title': 'Uwo waganiriza',
  'help.talk_body':
    "Umubyeyi cyangwa umurezi, umwarimu, cyangwa umujyanama w'ubuzima wo mu mudugudu wawe bashobora kugufasha kubona ubuvuzi.",
  'help.shared_phone': "Kuri telefoni musangiye, nimero wahamagaye zigaragara mu rutonde rw'abo wahamagaye.",
};
