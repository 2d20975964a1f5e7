/**
 * English message catalogue: the source every other language translates. Used by USSD, SMS and
 * the web app alike. Keep USSD texts short (a screen is 182 characters with its options) and
 * within the GSM-7 alphabet (no emoji, no curly quotes). Placeholders look like {name}.
 */
export const en = {
  'app.name': "Lady's Essence",
  'lang.choose': "Welcome to Lady's Essence. Choose a language:",

  'nav.back': 'Back',
  'nav.home': 'Home',
  'nav.more': 'More',
  'nav.exit': 'Exit',
  'common.invalid_choice': 'Please choose one of the numbers shown.',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.busy': 'The service is busy. Please try again in a few minutes.',
  'common.goodbye': 'Goodbye. Dial again any time.',
  'sms.number_changed':
    'The phone number on your account was changed. If you did not do this, ask for help at a health centre.',
  'sms.code': 'Your code is {code}. It works for {minutes} minutes. Do not share it with anyone.',

  'reg.name': 'Welcome! Enter your first name:',
  'reg.name_invalid': 'Use 2 to 30 letters.',
  'reg.role': 'Who are you?',
  'reg.role_adolescent': 'A girl or young woman',
  'reg.role_parent': 'A parent or guardian',
  'reg.birth_year': 'Enter your year of birth, e.g. 2009:',
  'reg.birth_year_invalid': 'Enter a year of 4 digits, e.g. 2009.',
  'reg.pin': 'Choose a secret 5-digit PIN. Never share it:',
  'reg.pin_again': 'Enter the same PIN again:',
  'reg.pin_mismatch': 'The two PINs were different.',
  'reg.pin_weak': 'That PIN is easy to guess. Avoid 12345, 11111 and your birth year.',
  'reg.terms': 'Your data stays private and encrypted. Terms: see ladysessence.rw/terms',
  'reg.accept': 'I accept',
  'reg.decline': 'I do not accept',
  'reg.declined': 'No account was made. You can join any time by dialling again.',
  'reg.taken': 'This number already has an account. Dial again to sign in.',
  'reg.done': 'Welcome, {name}! Your account is ready.',

  'signin.pin': "Welcome back to Lady's Essence. Enter your PIN (forgot it? send 9):",
  'signin.wrong': 'Wrong PIN. {left} tries left.',
  'signin.locked': 'Too many wrong PINs. Try again in {minutes} minutes.',
  'recover.new_pin': "Forgot your PIN? This phone's number shows it is you. Choose a new 5-digit PIN:",
  'recover.done': 'Your PIN is changed and your other sessions were signed out. Enter your new PIN:',
  'signin.deactivated': 'This account is not active. Please contact support.',

  'resume.ask': 'Continue where you stopped?',
  'resume.start_again': 'No, start again',

  'menu.title': 'Main menu',
  'menu.log_start': 'Log period start',
  'menu.log_end': 'Log period end',
  'menu.log_today': 'Log today',
  'menu.next_period': 'My next period',
  'menu.summary': 'My cycle summary',
  'menu.tips': 'Health tips',
  'menu.settings': 'Settings',

  'period.start_when': 'When did your period start?',
  'period.end_when': 'When did your period end?',
  'period.today': 'Today',
  'period.yesterday': 'Yesterday',
  'period.other_day': 'Another day',
  'period.enter_date': 'Enter the day and month as DDMM, e.g. 0311 for 3 November:',
  'period.date_invalid': 'Enter 4 digits, e.g. 0311.',
  'period.saved_start': 'Saved: period started {date}.',
  'period.saved_end': 'Saved: period ended {date}.',
  'period.no_open': 'There is no period to end. Log its start first.',
  'period.future': 'That date is in the future.',
  'period.overlap': 'That overlaps a period you already logged.',
  'period.before_start': 'The end cannot be before the start ({date}).',
  'period.unusual': 'That looks unusual. Save it anyway?',

  'day.flow': 'Any bleeding today?',
  'day.symptoms': 'Any symptom? Choose one:',
  'day.symptoms_more': 'Chosen: {list}. Another?',
  'day.no_more': 'No more',
  'day.mood': 'How do you feel?',
  'day.pain': 'How much pain today?',
  'day.saved': 'Saved. Take care of yourself.',
  'pain.none': 'No pain',
  'pain.mild': 'Mild',
  'pain.moderate': 'Moderate',
  'pain.severe': 'Strong',
  'pain.worst': 'Very strong',

  'flow.none': 'None',
  'flow.spotting': 'Spotting',
  'flow.light': 'Light',
  'flow.medium': 'Medium',
  'flow.heavy': 'Heavy',

  'symptom.cramps': 'Cramps',
  'symptom.headache': 'Headache',
  'symptom.backache': 'Backache',
  'symptom.bloating': 'Bloating',
  'symptom.tender_breasts': 'Tender breasts',
  'symptom.acne': 'Acne',
  'symptom.nausea': 'Nausea',
  'symptom.fatigue': 'Tiredness',
  'symptom.dizziness': 'Dizziness',
  'symptom.cravings': 'Cravings',
  'symptom.insomnia': 'Poor sleep',
  'symptom.mood_swings': 'Mood swings',
  'symptom.diarrhea': 'Diarrhoea',
  'symptom.constipation': 'Constipation',

  'mood.happy': 'Happy',
  'mood.calm': 'Calm',
  'mood.sad': 'Sad',
  'mood.anxious': 'Worried',
  'mood.irritable': 'Irritable',
  'mood.sensitive': 'Sensitive',

  'pred.none': 'Log the start of your period first; then I can tell when the next one may come.',
  'pred.next': 'Next period: around {date}, between {earliest} and {latest}.',
  'pred.prior': 'Based on typical cycles until you log 3 periods.',
  'pred.today': 'Today is day {day} of your cycle: {phase}.',
  'pred.late':
    'Your period is {days} days late. This happens; if it goes on or you could be pregnant, see a health worker.',
  'pred.fertile': 'Fertile days: {start} to {end}.',

  'phase.menstrual': 'period',
  'phase.follicular': 'before ovulation',
  'phase.fertile': 'fertile days',
  'phase.luteal': 'after ovulation',
  'phase.late': 'period late',

  'sum.none': 'No full cycle logged yet. Log the start of each period.',
  'sum.cycle': 'Average cycle: {avg} days, varying by about {var}. Average period: {period} days.',
  'sum.flags': 'Worth talking about with a health worker: {list}.',
  'sum.fine': 'Nothing unusual in your logs.',

  'flag.possible_missed_log': 'maybe a period not logged',
  'flag.unusual_cycle': 'one unusual cycle',
  'flag.short_cycles': 'short cycles',
  'flag.long_cycles': 'long cycles',
  'flag.irregular': 'irregular cycles',
  'flag.long_periods': 'long periods',
  'flag.no_period_90_days': 'no period for 90 days',
  'flag.heavy_flow': 'heavy bleeding',

  'tips.title': 'Health tips:',
  'tip.1.title': 'Period pain',
  'tip.1.body':
    'Warmth on your belly, rest, water and gentle walking ease cramps. If pain stops you from school or daily life, see a health worker.',
  'tip.2.title': 'Pads and hygiene',
  'tip.2.body':
    'Change your pad every 4 to 6 hours. Wash your hands before and after. Wash reusable pads with soap and dry them in the sun.',
  'tip.3.title': 'Eating well',
  'tip.3.body':
    'Beans, dark green leaves, eggs and fish give iron, which you lose in your period. Drink plenty of clean water.',
  'tip.4.title': 'What is normal',
  'tip.4.body':
    'Cycles of 21 to 45 days are common in the first years. Periods last 2 to 7 days. Irregular cycles are common in teens.',
  'tip.5.title': 'When to see a health worker',
  'tip.5.body':
    'See a health worker if bleeding soaks a pad every hour, lasts over 7 days, if you faint, or have no period for 3 months.',
  'tip.6.title': 'Your feelings',
  'tip.6.body':
    'Mood changes before a period are normal. Sleep, exercise and talking to someone you trust help.',

  'policy.terms.summary':
    'Terms of use: the service gives health information, not medical care. Keep your PIN secret. You can delete your account at any time.',
  'policy.privacy.summary':
    'Privacy: your data is encrypted and never sold. Nobody sees it unless you choose to share it. You can download or delete it.',
  'policy.changed': 'Our terms or privacy notice changed. Read them at ladysessence.rw/terms',
  'policy.declined': 'You need to accept them to use the service. Dial again any time.',
  'guardian.required':
    'You are under {age}: a parent or guardian must agree before we keep your health data. Choose Code for my parent.',
  'guardian.code':
    'Give this code to your parent or guardian: {code}. They choose Consent for my child in their menu. It works for 2 days.',
  'guardian.enter_code': 'Enter the 8-digit code your child gave you:',
  'guardian.same_phone': "Consent must come from the parent's own phone, not the child's.",
  'guardian.code_invalid': 'That code is not valid, was used already or has expired.',
  'guardian.done':
    'Thank you, your consent is recorded. You will not see her health data unless she chooses to share it.',
  'menu.guardian_code': 'Code for my parent',
  'menu.child_consent': 'Consent for my child',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.change_pin': 'Change PIN',
  'settings.delete': 'Delete my account',
  'settings.language_saved': 'Language changed.',
  'pin.current': 'Enter your current PIN:',
  'pin.new': 'Enter your new 5-digit PIN:',
  'pin.new_again': 'Enter the new PIN again:',
  'pin.changed': 'Your PIN is changed.',
  'delete.warn':
    'This deletes your account and all your data for ever. Enter your PIN to confirm, or 0 to go back:',
  'delete.done': 'Your account and all your data are deleted. Goodbye.',

  'month.1': 'Jan',
  'month.2': 'Feb',
  'month.3': 'Mar',
  'month.4': 'Apr',
  'month.5': 'May',
  'month.6': 'Jun',
  'month.7': 'Jul',
  'month.8': 'Aug',
  'month.9': 'Sep',
  'month.10': 'Oct',
  'month.11': 'Nov',
  'month.12': 'Dec',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
