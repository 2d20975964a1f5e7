import type { Block, Inline } from './markdown.ts';

/** A run of text with its marks: what a reader's screen shows, as text (never HTML). */
export type Span = { text: string; bold?: true; italic?: true; href?: string };
export type ShownBlock =
  | { type: 'heading'; level: 2 | 3; spans: Span[] }
  | { type: 'paragraph'; spans: Span[] }
  | { type: 'list'; ordered: boolean; items: Span[][] };

type Marks = Omit<Span, 'text'>;

/** Nested inlines as flat runs: each run carries every mark around it (clients need no tree). */
function spansOf(inlines: readonly Inline[], marks: Marks = {}): Span[] {
  return inlines.flatMap((inline): Span[] => {
    if (inline.type === 'text') return inline.text ? [{ ...marks, text: inline.text }] : [];
    if (inline.type === 'strong') return spansOf(inline.children, { ...marks, bold: true });
    if (inline.type === 'em') return spansOf(inline.children, { ...marks, italic: true });
    return spansOf(inline.children, { ...marks, href: inline.href });
  });
}

/** The parsed article as the API shows it. */
export function shownBlocks(blocks: readonly Block[]): ShownBlock[] {
  return blocks.map((block): ShownBlock => {
    if (block.type === 'heading')
      return { type: 'heading', level: block.level, spans: spansOf(block.children) };
    if (block.type === 'paragraph') return { type: 'paragraph', spans: spansOf(block.children) };
    return { type: 'list', ordered: block.ordered, items: block.items.map((item) => spansOf(item)) };
  });
}
