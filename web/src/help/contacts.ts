/**
 * Whom she can call, shown on the Get help page (/help): the ONE place these numbers live.
 *
 * Every entry stays `verified: false` until someone has checked it against its source AND called
 * it from a phone in Rwanda; then set `verified: true` with `checkedOn` (the day) and who checked
 * it in the commit. TO BE VERIFIED BEFORE LAUNCH: a wrong number given to a girl in danger is
 * worse than none. test/web-help.test.ts lists the unverified entries on every run.
 * Names and descriptions are in the catalogues: `help.contact.<id>.name` / `.what`.
 */
export type HelpContact = {
  id: 'emergency' | 'health' | 'child' | 'isange';
  /** What she dials (short codes, free of charge as far as the sources say). */
  number: string;
  verified: boolean;
  /** YYYY-MM-DD of the last check, null while unverified. */
  checkedOn: string | null;
  /** Where the number comes from, for the reviewer. */
  source: string;
};

export const HELP_CONTACTS = [
  {
    id: 'emergency',
    number: '112',
    verified: false,
    checkedOn: null,
    source: 'Rwanda National Police emergency line (police, ambulance): 112',
  },
  {
    id: 'health',
    number: '114',
    verified: false,
    checkedOn: null,
    source: 'Rwanda Biomedical Centre (RBC) free health hotline: 114',
  },
  {
    id: 'child',
    number: '116',
    verified: false,
    checkedOn: null,
    source: 'Child helpline 116 (National Child Development Agency, Ministry of Gender and Family Promotion)',
  },
  {
    id: 'isange',
    number: '3029',
    verified: false,
    checkedOn: null,
    source:
      'Isange One Stop Centre (gender-based violence and child abuse; Rwanda National Police) toll-free: 3029',
  },
] as const satisfies readonly HelpContact[];

/** The number of one contact, for texts that name it ("call {emergency}"). */
export function helpNumber(id: HelpContact['id']): string {
  return HELP_CONTACTS.find((contact) => contact.id === id)?.number ?? '';
}
