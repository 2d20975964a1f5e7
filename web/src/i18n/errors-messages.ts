/**
 * What the web app says for each API error code (problem+json `code`), in her language: every
 * code in ERROR_CATALOGUE (src/platform/http/errors.ts) has `error.<code>` here and in
 * errors-rw/fr/sw.ts (test/api/error-codes.test.ts checks it against the OpenAPI document).
 * Variants use the problem's `params` (`{otherStart}` comes already formatted as a date);
 * the server's English `detail` is shown only for a code the web does not know yet.
 */
export const errorsEn = {
  'error.validation_failed': 'Some answers are not in the form we expected. Check them and try again.',
  'error.malformed_json': 'Something went wrong sending this form. Reload the page and try again.',
  'error.weak_password':
    'This password is too easy to guess. Choose a longer one that is not your name, your phone number or a common word.',
  'error.weak_pin':
    'This PIN is too easy to guess. Avoid repeated digits (11111), runs (12345) and your year of birth.',
  'error.invalid_phone': 'This phone number does not look right. Write it like 078 123 4567.',
  'error.invalid_code':
    'That code is not right, was already used or has expired. Check the SMS, or ask for a new code.',
  'error.unauthenticated': 'Please sign in again.',
  'error.invalid_credentials': 'Phone number or password is wrong.',
  'error.invalid_credentials.pin': 'Phone number or PIN is wrong.',
  'error.invalid_credentials.current': 'Your current password or PIN is not right.',
  'error.invalid_token': 'You were signed out. Please sign in again.',
  'error.session_revoked': 'This sign-in has ended. Please sign in again.',
  'error.forbidden': 'Your account cannot do this.',
  'error.consent_required': 'Please read and accept the new terms of use and privacy notice first.',
  'error.guardian_consent_required':
    'A parent or guardian must agree before we can keep your health data. Ask them: it takes a code and a minute.',
  'error.guardian_consent_required.action': 'Ask my parent or guardian',
  'error.guardian_phone_required':
    'A parent or guardian gives consent from a verified phone number of their own. Verify your number first.',
  'error.phone_required':
    'First add and verify a phone number of your own. Your parent or guardian then gives consent from a different number.',
  'error.phone_required.action': 'Verify my phone number',
  'error.not_found': 'We could not find this. It may have been deleted.',
  'error.method_not_allowed': 'This cannot be done here.',
  'error.conflict': 'This clashes with something already saved. Reload the page and try again.',
  'error.identifier_taken':
    'An account already uses this phone number or email. Sign in instead, or ask for a code if you forgot your PIN or password.',
  'error.phone_taken': 'Another account already signs in with this phone number.',
  'error.period_overlap': 'This period overlaps one you already logged. Check the dates.',
  'error.period_overlap.dated':
    'This overlaps your period that started on {otherStart}. Check the dates, or change that period.',
  'error.period_overlap.open':
    'Your period that started on {otherStart} has not ended yet. Mark the day it ended first.',
  'error.confirmation_required': 'This looks unusual. Check the dates.',
  'error.confirmation_required.long_period.one': 'This period would last {n} day. Is that right?',
  'error.confirmation_required.long_period.other':
    'This period would last {n} days, longer than periods usually last. Is that right?',
  'error.confirmation_required.short_cycle.one':
    'This is only {n} day after another period started, sooner than usual. Is that right?',
  'error.confirmation_required.short_cycle.other':
    'This is only {n} days after another period started, sooner than usual. Is that right?',
  'error.confirmation_required.short_cycle_from.one':
    'This is only {n} day after your period of {otherStart} started, sooner than usual. Is that right?',
  'error.confirmation_required.short_cycle_from.other':
    'This is only {n} days after your period of {otherStart} started, sooner than usual. Is that right?',
  'error.date_in_future': 'That date is in the future. You can log today or an earlier day.',
  'error.date_in_future.today': 'That date is after today ({today}). You can log today or an earlier day.',
  'error.invalid_date_range': 'The last day is before the first day. Check the dates.',
  'error.payload_too_large': 'This is too long to save. Make the text shorter.',
  'error.unsupported_media_type': 'Something went wrong sending this form. Reload the page and try again.',
  'error.too_many_requests': 'Too many tries. Wait a few minutes, then try again.',
  'error.too_many_requests.wait.one': 'Too many tries. Wait {n} minute, then try again.',
  'error.too_many_requests.wait.other': 'Too many tries. Wait {n} minutes, then try again.',
  'error.internal_error': 'Something went wrong on our side. Try again in a moment.',
  'error.service_unavailable': 'The service is not available just now. Try again in a few minutes.',
  'error.not_shared': 'She has not shared this with you. Only she can choose to share it.',
  'error.already_linked': 'You are already linked with this person.',
  'error.guardian_link_fixed':
    'Until you reach the age of consent, the parent who agreed to your account keeps seeing your next period and health-worker flags. You can share more, not less.',
  'error.provider_unverified':
    'Your provider account is waiting for an administrator to verify it. You can edit your profile meanwhile.',
  'error.slot_taken': 'Someone has just booked this time. Please choose another one.',
  'error.slot_unavailable': 'This time is not open for booking. Choose one of the times shown.',
  'error.change_too_late':
    'It is too close to the appointment to change it here. Please call the health facility.',
  'error.appointment_closed': 'This appointment can no longer be changed this way.',
  'error.content_not_ready':
    'The text has problems to fix before it can be sent for review. Each one is listed.',
  'error.content_state':
    'This text has already moved on (sent for review, decided or published). Reload to see where it is.',
  'error.own_content': 'Someone other than its writer must review a text.',
  'error.sms_unavailable': 'We could not send the SMS just now. Please try again later.',
  // One line per wrong answer of a validation_failed problem (its `errors`), never the server's English.
  'error.field.required': '{field}: this is needed.',
  'error.field.invalid': '{field}: check this answer.',
  'error.field.generic': 'One answer is not in the expected form.',
} as const;

export type ErrorsKey = keyof typeof errorsEn;
