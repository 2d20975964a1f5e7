/**
 * Rwanda's 30 districts by province: the directory's districts, in a fixed order so that a phone
 * menu can page them ("98 more") and every channel numbers them alike. `code` is what the API
 * takes and stores; `name` is the district's own name, the same in every language.
 */
export const DISTRICTS = [
  { code: 'gasabo', name: 'Gasabo', province: 'kigali' },
  { code: 'kicukiro', name: 'Kicukiro', province: 'kigali' },
  { code: 'nyarugenge', name: 'Nyarugenge', province: 'kigali' },
  { code: 'bugesera', name: 'Bugesera', province: 'eastern' },
  { code: 'gatsibo', name: 'Gatsibo', province: 'eastern' },
  { code: 'kayonza', name: 'Kayonza', province: 'eastern' },
  { code: 'kirehe', name: 'Kirehe', province: 'eastern' },
  { code: 'ngoma', name: 'Ngoma', province: 'eastern' },
  { code: 'nyagatare', name: 'Nyagatare', province: 'eastern' },
  { code: 'rwamagana', name: 'Rwamagana', province: 'eastern' },
  { code: 'burera', name: 'Burera', province: 'northern' },
  { code: 'gakenke', name: 'Gakenke', province: 'northern' },
  { code: 'gicumbi', name: 'Gicumbi', province: 'northern' },
  { code: 'musanze', name: 'Musanze', province: 'northern' },
  { code: 'rulindo', name: 'Rulindo', province: 'northern' },
  { code: 'gisagara', name: 'Gisagara', province: 'southern' },
  { code: 'huye', name: 'Huye', province: 'southern' },
  { code: 'kamonyi', name: 'Kamonyi', province: 'southern' },
  { code: 'muhanga', name: 'Muhanga', province: 'southern' },
  { code: 'nyamagabe', name: 'Nyamagabe', province: 'southern' },
  { code: 'nyanza', name: 'Nyanza', province: 'southern' },
  { code: 'nyaruguru', name: 'Nyaruguru', province: 'southern' },
  { code: 'ruhango', name: 'Ruhango', province: 'southern' },
  { code: 'karongi', name: 'Karongi', province: 'western' },
  { code: 'ngororero', name: 'Ngororero', province: 'western' },
  { code: 'nyabihu', name: 'Nyabihu', province: 'western' },
  { code: 'nyamasheke', name: 'Nyamasheke', province: 'western' },
  { code: 'rubavu', name: 'Rubavu', province: 'western' },
  { code: 'rusizi', name: 'Rusizi', province: 'western' },
  { code: 'rutsiro', name: 'Rutsiro', province: 'western' },
] as const;

export type District = (typeof DISTRICTS)[number];
export type DistrictCode = District['code'];
export const DISTRICT_CODES: readonly DistrictCode[] = DISTRICTS.map((d) => d.code);

/** What a provider offers, as the directory filters it (clients translate the codes). */
export const PROVIDER_SERVICES = [
  'menstrual_health',
  'contraception',
  'sexual_health',
  'pregnancy',
  'nutrition',
  'mental_health',
  'general_medicine',
] as const;
export type ProviderService = (typeof PROVIDER_SERVICES)[number];
