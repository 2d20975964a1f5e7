/**
 * A young woman under the guardian-consent age, from before she registers to her parent's
 * agreement, and getting back into her account through that parent or guardian (issue 12,
 * items 1 and 4). `{age}` is the consent age the API gives (GET /policies).
 */
export const onboardingEn = {
  // Before she registers: the landing page and the form.
  'onboarding.landing_title': 'Under {age}? A parent or guardian agrees first',
  'onboarding.landing_body':
    'If you are under {age}, a parent or guardian must agree before your diary keeps anything. It takes a few minutes:',
  'onboarding.how_1': 'You create your account and check your own phone number with a code we text you.',
  'onboarding.how_2': 'You make an 8-digit code for your parent or guardian.',
  'onboarding.how_3':
    'On their own phone, your parent or guardian creates a parent account, checks their own number and enters your code.',
  'onboarding.no_sight': 'They do not see your diary: they only agree that you may use the service.',
  'onboarding.birth_year_hint': 'We ask so we know whether a parent or guardian must agree (under {age}).',
  'onboarding.birth_year_needed':
    'Give your year of birth: under {age}, a parent or guardian must agree first.',
  'onboarding.birth_year_invalid': 'Write your year of birth with 4 digits, for example 2010.',
  'onboarding.under_age_note':
    'You are under {age}, so a parent or guardian must agree before your diary keeps anything. Give your own phone number: once your account is made, we show you the steps.',

  // After she registers: the steps page (/parent-consent), and where she is sent to it.
  'onboarding.title': 'Your parent’s or guardian’s agreement',
  'onboarding.intro':
    'You are under {age}: before your diary keeps anything, a parent or guardian must agree. Three steps:',
  'onboarding.step1_title': '1. Check your phone number',
  'onboarding.step1_body':
    'Your parent or guardian agrees from their own phone, so first we check yours with a code we text you.',
  'onboarding.step1_done': 'Done: your number {phone} is checked.',
  'onboarding.step2_title': '2. Make a code for your parent or guardian',
  'onboarding.step2_body': 'The code works once, for 48 hours. You can make a new one at any time.',
  'onboarding.step2_wait': 'First check your phone number (step 1).',
  'onboarding.make_code': 'Make my code',
  'onboarding.make_new_code': 'Make a new code',
  'onboarding.code_label': 'Your code',
  'onboarding.code_until': 'It works until {when}.',
  'onboarding.step3_title': '3. Give the code to your parent or guardian',
  'onboarding.step3_intro': 'Tell them the code. Then, on their own phone, they:',
  'onboarding.parent_1': 'open this website and create an account as a parent or guardian;',
  'onboarding.parent_2':
    'check their own phone number with the code we text them (it must be a different number from yours);',
  'onboarding.parent_3': 'enter your code on their home page, under “{label}”.',
  'onboarding.parent_ussd': 'On a phone without internet, they can dial {code} instead.',
  'onboarding.status_title': 'Has my parent or guardian agreed?',
  'onboarding.status_waiting': 'Not yet: we are waiting for your parent or guardian.',
  'onboarding.status_check': 'Check again',
  'onboarding.status_given': 'Your parent or guardian agreed on {date}. You can log your period now.',
  'onboarding.go_home': 'Go to my diary',
  'onboarding.not_needed': 'Your account does not need a parent’s or guardian’s agreement.',
  'onboarding.banner_title': 'A parent or guardian must agree first',
  'onboarding.banner_body':
    'Until they do, your diary cannot keep anything. It takes a code and a few minutes.',
  'onboarding.banner_link': 'Get my parent’s agreement',

  // Getting back in through her parent or guardian (/recover), and the parent's side.
  'onboarding.recover_how': 'How do you want to get back in?',
  'onboarding.recover_by_sms': 'Text a code to my phone',
  'onboarding.recover_by_guardian': 'Ask my parent or guardian',
  'onboarding.guardian_intro':
    'The parent or guardian who agreed to your account can help you back in. Do this on the phone where you signed in before.',
  'onboarding.guardian_identifier': 'Your phone number or email',
  'onboarding.guardian_start': 'Make a request code',
  'onboarding.guardian_code_title': 'Tell this code to your parent or guardian',
  'onboarding.guardian_code_body':
    'They sign in to their own account, open “{label}” and enter it. Keep this page open. It works until {when}.',
  'onboarding.guardian_waiting': 'Waiting for your parent or guardian…',
  'onboarding.guardian_approved': 'Your parent or guardian said yes. Choose your new PIN or password.',
  'onboarding.guardian_expired': 'This request has ended. Make a new one.',
  'onboarding.guardian_note':
    'It works only for an account your parent or guardian agreed to, and only on a phone or browser where you signed in before. Otherwise their approval does not go through.',
  'onboarding.guardian_again': 'Start again',
  'onboarding.parent_help_title': 'Is your child locked out?',
  'onboarding.parent_help_body':
    'If she forgot her PIN or password, you can help her back in with the code her phone shows her.',
  'onboarding.parent_help_link': 'Help my child get back in',
  'onboarding.approve_intro':
    'Your child asked for your help on her own phone. Enter the 8-digit code she shows you. This only lets her choose a new PIN or password on her phone: you do not see her account.',
  'onboarding.approve_label': 'The code on her screen',
  'onboarding.approve_submit': 'Approve',
  'onboarding.approve_done': 'Done. She can now choose a new PIN or password on her phone.',
  'onboarding.approve_not_valid':
    'This code does not work: it may be mistyped, already used, or older than 30 minutes. Only the parent or guardian who agreed to her account can approve it.',

  // Her access log.
  'access.action.auth.guardian_recovery_start': 'asked a parent or guardian for help to get back in',
  'access.action.auth.guardian_recovery_approve': 'a parent or guardian approved getting back in',
  'access.action.auth.recovery.guardian': 'chose a new PIN or password with a parent’s or guardian’s help',
  'access.action.auth.recovery.ussd': 'chose a new PIN by USSD',
  'access.action.auth.recovery.sms': 'chose a new PIN or password with a code by SMS',
} as const;

export type OnboardingKey = keyof typeof onboardingEn;
