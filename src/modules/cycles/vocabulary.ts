/**
 * The fixed vocabularies of cycle logs, shared by the API schemas, the USSD menus and the web app
 * (this file imports nothing, so the browser bundle can use it as it is).
 */
export const SYMPTOMS = [
  'cramps',
  'headache',
  'backache',
  'bloating',
  'tender_breasts',
  'acne',
  'nausea',
  'fatigue',
  'dizziness',
  'cravings',
  'insomnia',
  'mood_swings',
  'diarrhea',
  'constipation',
] as const;
export const FLOWS = ['none', 'spotting', 'light', 'medium', 'heavy'] as const;
export const MOODS = ['happy', 'calm', 'sad', 'anxious', 'irritable', 'sensitive'] as const;
export const ENERGY = ['low', 'medium', 'high'] as const;
export const MUCUS = ['dry', 'sticky', 'creamy', 'watery', 'egg_white'] as const;
