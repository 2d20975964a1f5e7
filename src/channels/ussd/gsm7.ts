// The GSM 03.38 basic character set: what every handset can show on a USSD screen.
const GSM7 = new Set([
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
]);

export function isGsm7(text: string): boolean {
  for (const char of text) if (!GSM7.has(char)) return false;
  return true;
}

/**
 * Makes any text safe for a USSD screen: letters outside GSM-7 lose their accents (ê → e),
 * typographic punctuation becomes plain, anything else becomes '?'. Catalogues are written in
 * GSM-7 already; this guards user-typed names and future texts.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const char of text
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')) {
    if (GSM7.has(char)) {
      out += char;
      continue;
    }
    const plain = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += plain.length > 0 && [...plain].every((c) => GSM7.has(c)) ? plain : '?';
  }
  return out;
}
