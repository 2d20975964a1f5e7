/** A USSD answer, "CON …" or "END …", must fit 182 characters, prefix included. */
export const MAX_SCREEN = 182;
const PREFIX = 4; // "CON " or "END "

export type Page = { text: string; hasMore: boolean };

/**
 * Splits a screen into pages that each fit: the text first (cut at word boundaries when too
 * long), then the numbered choices. Every page ends with the navigation lines; "98 More" appears
 * while something is left. Numbers stay the same on every page, so any shown number works.
 */
export function paginate(text: string, choiceLines: string[], navLines: string[], moreLine: string): Page[] {
  const room = MAX_SCREEN - PREFIX;
  const fits = (lines: string[], more: boolean) =>
    [...lines, ...(more ? [moreLine] : []), ...navLines].join('\n').length <= room;

  const pages: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    pages.push(current);
    current = [];
  };
  for (const piece of splitText(text, room - [moreLine, ...navLines].join('\n').length - 1)) {
    if (current.length > 0 && !fits([...current, piece], true)) flush();
    current.push(piece);
  }
  choiceLines.forEach((line, i) => {
    const last = i === choiceLines.length - 1;
    if (!fits([...current, line], !last) && current.length > 0) flush();
    current.push(line);
  });
  flush();
  return pages
    .filter((lines, i) => lines.length > 0 || i === 0)
    .map((lines, i, all) => {
      const hasMore = i < all.length - 1;
      return { text: [...lines, ...(hasMore ? [moreLine] : []), ...navLines].join('\n'), hasMore };
    });
}

/** Cuts text at spaces into pieces of at most `width` characters (newlines are kept as breaks). */
export function splitText(text: string, width: number): string[] {
  if (text.length === 0) return [];
  const pieces: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (candidate.length <= width) {
        line = candidate;
      } else {
        if (line) pieces.push(line);
        line = word.slice(0, width);
      }
    }
    if (line) pieces.push(line);
  }
  return pieces;
}
