import type { HowKey } from './how-messages.ts';

// review: machine translation, needs a fluent speaker and a health worker
// ("tu" like the rest of the web French; "période probable" stands for the prediction window).
export const howFr = {
  'how.intro':
    "Nous devinons tes prochaines règles à partir des dates que tu notes. Plus tu notes de règles, meilleure est la prévision. C'est une estimation, jamais une promesse.",

  'how.show.title': 'Ce que nous te montrons',
  'how.show.window':
    "**Une date et une période probable**, par exemple « vers le 14 mai, probablement entre le 11 et le 17 mai ». Quand nous l'avons testé sur de vrais cycles, les règles ont commencé dans cette période environ **5 fois sur 6**.",
  'how.show.exact':
    "La date exacte est juste environ **1 fois sur 5**. Elle est juste à 3 jours près environ 4 fois sur 5. En moyenne, elle se trompe d'environ 2 jours.",
  'how.show.phase':
    "**Ta phase aujourd'hui** : règles, avant l'ovulation, jours fertiles, après l'ovulation ou retard. « En retard de N jours » commence le lendemain de la date prévue.",
  'how.show.fertile':
    "**Les jours fertiles et l'ovulation** sont un repère pour connaître ton corps, souvent décalés d'environ 2 jours. **Ce n'est pas un moyen d'éviter une grossesse.** Ne les utilise jamais comme des « jours sans risque ».",

  'how.method.title': 'Comment nous calculons',
  'how.method.cycle': 'Un cycle va du premier jour des règles au premier jour des règles suivantes.',
  'how.method.average':
    'Nous prenons la moyenne de tes 6 derniers cycles et nous la mélangeons avec un cycle typique de 28 jours. Au début, le cycle typique compte le plus ; après six cycles, ton propre historique compte pour trois quarts.',
  'how.method.window':
    "La période probable est aussi large que tes cycles l'exigent : 3 à 5 jours si tu es très régulière, environ 9 jours si tes cycles varient d'une semaine, plus large s'ils varient davantage. Elle se resserre quand tu notes des cycles réguliers.",
  'how.method.unusual':
    "Si un cycle ressemble à deux cycles (tu as peut-être oublié de noter des règles), ou s'il est très différent de tes cycles habituels, nous le mettons de côté — sauf si cela arrive souvent, car alors c'est ton rythme.",
  'how.method.signs':
    'Si tu notes ta température au réveil ou ta glaire cervicale, nous pouvons parfois voir quand tu as ovulé. Les prochaines règles sont alors plus faciles à prévoir et la période probable est environ moitié moins large.',
  'how.method.start':
    "Tant que tu n'as pas noté 3 cycles, nous disons « pas encore assez de données » et nous nous appuyons sur des cycles typiques, donc la période probable est plus large.",
  'how.method.teens':
    "**Pour les filles et les jeunes femmes jusqu'à 18 ans**, les cycles changent plus d'un mois à l'autre, donc nous rendons exprès la période probable 1,5 fois plus large.",

  'how.flags.title': 'Quand nous te conseillons de parler à un agent de santé',
  'how.flags.body':
    "Nous pouvons signaler des cycles très courts ou très longs, des cycles qui changent beaucoup, des règles longues ou abondantes, ou l'absence de règles pendant 90 jours. Ce n'est jamais un diagnostic — seulement une raison de demander à quelqu'un qui peut t'examiner.",

  'how.honest.title': 'Ces chiffres sont-ils fiables ?',
  'how.honest.tested':
    "Nous avons testé la méthode sur 1 665 vrais cycles de 159 femmes adultes (l'étude FedCycle). La moitié des femmes a été mise de côté et utilisée seulement pour le test final.",
  'how.honest.result':
    'Lors de ce test, la période probable contenait le vrai début des règles 83 fois sur 100. Nous avons manqué deux de nos propres objectifs (une erreur moyenne de 2,0 jours et 85 % à 3 jours près) : nous avons obtenu 2,2 jours et 81 %.',
  'how.honest.limits':
    "Les femmes de cette étude étaient des adultes qui notaient tout avec soin. Pour les adolescentes et pour les personnes qui oublient de noter, les prévisions seront moins justes. La période plus large pour les adolescentes est un choix de sécurité que nous n'avons pas encore pu tester sur de vraies données.",
  'how.honest.reported':
    'Les saignements, les règles « abondantes » et les dates de fin des règles sont ce que tu nous dis ; nous ne pouvons pas les mesurer.',
  'how.docs':
    'La méthode complète, avec tous les chiffres, est dans la documentation du projet (docs/predictions.md).',
} satisfies Record<HowKey, string>;
