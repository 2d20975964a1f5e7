import { DISTRICTS, PROVIDER_SERVICES } from '../../../src/modules/providers/districts.ts';

// The server's dependency-free lists: one order and one set of codes on every channel.
export { DISTRICTS, PROVIDER_SERVICES };

/** A district's own name (the same in every language) from its code; the code if unknown. */
export function districtName(code: string): string {
  return DISTRICTS.find((district) => district.code === code)?.name ?? code;
}
