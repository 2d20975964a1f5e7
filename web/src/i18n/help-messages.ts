/**
 * The Get help page (/help). Numbers are never written here: {emergency}, {isange}, {child} and
 * {number} come from web/src/help/contacts.ts, the one reviewed list.
 */
export const helpEn = {
  'help.nav': 'Get help',
  'help.home_link': 'Need help? What to do in an emergency, and whom to call',
  'help.title': 'Get help',
  'help.intro': 'You are not alone. Here is what to do, and whom to call.',
  'help.emergency_title': 'In an emergency',
  'help.emergency_body':
    'If you are in danger, badly hurt, bleeding very heavily or fainting, call {emergency} now or go to the nearest health centre or hospital. Ask an adult you trust to come with you.',
  'help.call': 'Call {number}',
  'help.contacts_title': 'Whom to call',
  'help.contact.emergency.name': 'Police and emergencies',
  'help.contact.emergency.what': 'Danger, violence, accidents: police and ambulance, day and night.',
  'help.contact.health.name': 'Health hotline (RBC)',
  'help.contact.health.what': 'Questions about your health, answered by health workers.',
  'help.contact.child.name': 'Child helpline',
  'help.contact.child.what': 'For children and young people who are hurt, afraid or need someone to talk to.',
  'help.contact.isange.name': 'Isange One Stop Centre',
  'help.contact.isange.what':
    'If someone hurts you or forces you into sex: free medical care, counselling and police help, in one place.',
  'help.see_title': 'See a health worker soon if',
  'help.see.1': 'your bleeding soaks a pad every hour for more than 2 hours;',
  'help.see.2': 'your period lasts more than 7 days;',
  'help.see.3': 'the pain keeps you from school, or painkillers do not help;',
  'help.see.4': 'you have had no period for 3 months, or you could be pregnant;',
  'help.see.5': 'you have a fever, pain low in your belly, or discharge that smells bad;',
  'help.see.6': 'you are 15 and your periods have not started yet.',
  'help.hurt_title': 'If someone hurts you',
  'help.hurt_body':
    'It is never your fault. An Isange One Stop Centre, in many district hospitals, gives free care and help. Call {isange}, or the child helpline {child}.',
  'help.talk_title': 'Someone to talk to',
  'help.talk_body':
    'A parent or guardian, a teacher, or the community health worker of your village can help you find care.',
  'help.shared_phone': 'On a shared phone, the numbers you call stay in the call list.',
} as const;

export type HelpKey = keyof typeof helpEn;
