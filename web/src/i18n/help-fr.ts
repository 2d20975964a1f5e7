import type { helpEn } from './help-messages.ts';

// review: French written by a developer; a fluent speaker and a health worker check it.
export const helpFr: Record<keyof typeof helpEn, string> = {
  'help.nav': 'Aide',
  'help.home_link': "Besoin d'aide ? Quoi faire en cas d'urgence, et qui appeler",
  'help.title': "Obtenir de l'aide",
  'help.intro': "Tu n'es pas seule. Voici quoi faire, et qui appeler.",
  'help.emergency_title': "En cas d'urgence",
  'help.emergency_body':
    "Si tu es en danger, gravement blessée, si tu saignes énormément ou si tu te sens défaillir, appelle le {emergency} tout de suite ou va au centre de santé ou à l'hôpital le plus proche. Demande à un adulte de confiance de t'accompagner.",
  'help.call': 'Appeler le {number}',
  'help.contacts_title': 'Qui appeler',
  'help.contact.emergency.name': 'Police et urgences',
  'help.contact.emergency.what': 'Danger, violences, accidents : police et ambulance, jour et nuit.',
  'help.contact.health.name': 'Ligne santé (RBC)',
  'help.contact.health.what': 'Tes questions de santé, avec les réponses de professionnels de santé.',
  'help.contact.child.name': "Ligne d'écoute pour les enfants",
  'help.contact.child.what':
    'Pour les enfants et les jeunes qui sont maltraités, qui ont peur ou qui ont besoin de parler.',
  'help.contact.isange.name': 'Centre Isange One Stop',
  'help.contact.isange.what':
    "Si quelqu'un te fait du mal ou te force à avoir des rapports sexuels : soins, soutien psychologique et aide de la police, gratuits et au même endroit.",
  'help.see_title': 'Va voir rapidement un agent de santé si',
  'help.see.1': 'tu remplis une serviette hygiénique chaque heure pendant plus de 2 heures ;',
  'help.see.2': 'tes règles durent plus de 7 jours ;',
  'help.see.3': "la douleur t'empêche d'aller à l'école, ou les antidouleurs ne la calment pas ;",
  'help.see.4': "tu n'as pas eu de règles depuis 3 mois, ou tu pourrais être enceinte ;",
  'help.see.5': 'tu as de la fièvre, mal au bas du ventre, ou des pertes qui sentent mauvais ;',
  'help.see.6': "tu as 15 ans et tes règles n'ont pas encore commencé.",
  'help.hurt_title': "Si quelqu'un te fait du mal",
  'help.hurt_body':
    "Ce n'est jamais ta faute. Un centre Isange One Stop, dans de nombreux hôpitaux de district, t'offre des soins et de l'aide gratuitement. Appelle le {isange}, ou la ligne pour les enfants, le {child}.",
  'help.talk_title': 'Quelqu’un à qui parler',
  'help.talk_body':
    "Un parent ou un tuteur, un enseignant ou l'agent de santé communautaire de ton village peut t'aider à trouver des soins.",
  'help.shared_phone': "Sur un téléphone partagé, les numéros appelés restent dans le journal d'appels.",
};
