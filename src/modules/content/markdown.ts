import { fromMarkdown, type Options } from 'mdast-util-from-markdown';

/*
 * The education library's Markdown subset. The source is parsed once, on the server, into plain
 * data that the web app turns into React elements: nothing here is ever HTML, so a payload can at
 * worst show up as visible text. CommonMark parsing is left to micromark (through mdast); this file
 * keeps the few node types the library renders and turns every other one into its text or nothing.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };
export type Block =
  | { type: 'heading'; level: 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

const MAX_SOURCE_LENGTH = 20_000;
const MAX_BLOCKS = 200;

// Raw HTML, <autolinks> and reference definitions are never recognised, so they stay literal text.
// Turning them off in the parser (rather than after it) also removes micromark's slowest paths:
// every unclosed `<!--` scans to the end of its paragraph.
const PARSE_OPTIONS: Options = {
  extensions: [{ disable: { null: ['autolink', 'definition', 'htmlFlow', 'htmlText'] } }],
};

type MdNode = ReturnType<typeof fromMarkdown>['children'][number];
type Problem = { line: number; message: string };
type Walk = { source: string; firstLine: number; problems: Problem[] };
type Placed = { block: Block; line: number };
type Chunk = { text: string; firstLine: number };

/** The article as blocks, cut to its first 20 000 characters and 200 blocks. */
export function parseArticle(source: string): Block[] {
  return convertArticle(source).map((placed) => placed.block);
}

/** Problems a writer must fix before submitting (unsupported syntax, bad links, too long…), in plain English, each naming the line. */
export function checkArticle(source: string): string[] {
  const problems: Problem[] = [];
  convertArticle(source, problems);
  const messages = problems.sort((a, b) => a.line - b.line).map((p) => `Line ${p.line}: ${p.message}`);
  return [...new Set(messages)];
}

function convertArticle(source: string, problems: Problem[] = []): Placed[] {
  const normalised = source.replace(/\r\n?/g, '\n');
  const kept = keepWithinLength(normalised);
  if (kept.length < normalised.length) {
    const message = `the article has ${normalised.length.toLocaleString('en-US')} characters, over the limit of ${MAX_SOURCE_LENGTH.toLocaleString('en-US')}; the rest is cut.`;
    problems.push({ line: kept.split('\n').length, message });
  }
  noteUnsupportedLines(kept, problems);
  const placed: Placed[] = [];
  for (const chunk of chunksOf(capNesting(kept, problems))) {
    appendJoiningLists(placed, parseChunk(chunk, problems));
    if (placed.length > MAX_BLOCKS) break;
  }
  const firstCut = placed[MAX_BLOCKS];
  if (firstCut) {
    const message = `this is block ${MAX_BLOCKS + 1} (headings, paragraphs and lists), over the limit of ${MAX_BLOCKS}; the rest is cut.`;
    problems.push({ line: firstCut.line, message });
  }
  return placed.slice(0, MAX_BLOCKS);
}

function keepWithinLength(source: string): string {
  if (source.length <= MAX_SOURCE_LENGTH) return source;
  // Never split a surrogate pair: a lone half would reach the reader as a replacement character.
  const last = source.charCodeAt(MAX_SOURCE_LENGTH - 1);
  return source.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_SOURCE_LENGTH - 1 : MAX_SOURCE_LENGTH);
}

function parseChunk(chunk: Chunk, problems: Problem[]): Placed[] {
  if (isTangled(chunk.text)) {
    const message = 'this part has too much nested or unmatched markup; it shows as plain text.';
    problems.push({ line: chunk.firstLine, message });
    return plainParagraphs(chunk);
  }
  const walk: Walk = { source: chunk.text, firstLine: chunk.firstLine, problems };
  const blocks: Placed[] = [];
  try {
    for (const node of fromMarkdown(chunk.text, PARSE_OPTIONS).children) addBlocks(node, walk, blocks);
    return blocks;
  } catch {
    // Only a guard: no input is known to make the parser throw, and a reader must still get text.
    return plainParagraphs(chunk);
  }
}

/** The chunk's text with no markup at all, one paragraph per blank-line-separated part. */
function plainParagraphs(chunk: Chunk): Placed[] {
  const placed: Placed[] = [];
  let line = chunk.firstLine;
  for (const part of chunk.text.split(/(\n[ \t]*\n)/)) {
    const children = textInline(part.replace(/\s+/g, ' ').trim());
    if (hasText(children)) placed.push({ line, block: { type: 'paragraph', children } });
    line += part.split('\n').length - 1;
  }
  return placed;
}

// ---- Chunks ----
// micromark slows down with the square of a document's container count (5 000 one-line quotes take
// seconds), so the source is parsed in pieces that CommonMark would not join anyway.

const CHUNK_LINES = 100;
const BLANK_LINE = /^[ \t]*$/;
// After a blank line, a line at the margin that is no list item starts a new top-level block.
const FRESH_START = /^(?![-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))\S/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function chunksOf(source: string): Chunk[] {
  const lines = source.split('\n');
  const chunks: Chunk[] = [];
  let current: string[] = [];
  let fence = '';
  lines.forEach((line, i) => {
    const fresh = fence === '' && BLANK_LINE.test(current.at(-1) ?? 'x') && FRESH_START.test(line);
    // So many lines without a fresh start are no prose: cutting them only splits a list or paragraph.
    if (fresh || current.length >= CHUNK_LINES) {
      chunks.push({ text: current.join('\n'), firstLine: i + 1 - current.length });
      current = [];
    }
    current.push(line);
    const marker = FENCE.exec(line)?.[1];
    if (marker && fence === '') fence = marker;
    else if (marker?.startsWith(fence) && line.trim() === marker) fence = '';
  });
  chunks.push({ text: current.join('\n'), firstLine: lines.length + 1 - current.length });
  return chunks;
}

/** A list cut in two by a chunk boundary is joined again; CommonMark never sets two lists of a kind side by side. */
function appendJoiningLists(placed: Placed[], blocks: readonly Placed[]): void {
  const last = placed.at(-1)?.block;
  const next = blocks[0]?.block;
  if (last?.type === 'list' && next?.type === 'list' && last.ordered === next.ordered) {
    last.items.push(...next.items);
    placed.push(...blocks.slice(1));
  } else {
    placed.push(...blocks);
  }
}

// ---- Checks on the lines: what the parser is told not to see, or cannot see without extensions ----

// Character classes only (no nested quantifiers), so a long line of spaces costs no backtracking.
const TABLE_DELIMITER_ROW = /^[|:\- \t]+$/;
const LINE_CHECKS: { pattern: RegExp; message: (found: string) => string }[] = [
  {
    pattern: /<[A-Za-z][\w+.-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>/,
    message: (found) =>
      `links in angle brackets (${quote(found)}) are not supported; write [text](https://…).`,
  },
  {
    pattern: /<\/?[A-Za-z][\w-]*(?:[\s/][^<>]*)?>|<!--|<!\[CDATA\[|<\?/,
    message: (found) => `HTML (${quote(found)}) is not supported; it shows as plain text.`,
  },
  {
    pattern: /^ {0,3}\[[^\][]+\]:|\[[^\][]*\]\[[^\][]*\]/,
    message: (found) => `reference links (${quote(found)}) are not supported; write [text](https://…).`,
  },
  { pattern: /\[\^[^\][\s]+\]/, message: () => 'footnotes ("[^1]") are not supported.' },
];

function noteUnsupportedLines(source: string, problems: Problem[]): void {
  let inTable = false;
  source.split('\n').forEach((text, i) => {
    const row = text.trim();
    const tableLine =
      (row.length > 1 && row.startsWith('|') && row.endsWith('|')) ||
      (TABLE_DELIMITER_ROW.test(row) && row.includes('|') && row.includes('-'));
    if (tableLine && !inTable) problems.push({ line: i + 1, message: 'tables are not supported.' });
    inTable = tableLine;
    for (const check of LINE_CHECKS) {
      const found = check.pattern.exec(text)?.[0];
      if (found !== undefined) problems.push({ line: i + 1, message: check.message(found) });
    }
  });
}

// ---- The nesting guard ----
// micromark's cost also grows with the square of nesting depth (a 20 000-character `+ + + …` line
// takes seconds), of unmatched closing `*` and of unmatched backtick runs. Lists and quotes deeper
// than any article needs are cut with a backslash; a part with such inline markup is never parsed.

const MAX_CONTAINER_DEPTH = 6;
const MAX_INLINE_DEPTH = 32;
const MAX_CODE_RUNS = 32;
// About 0.1 s of micromark's time on this project's machines.
const MAX_LOOK_BACKS = 2_000_000;
const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function capNesting(source: string, problems: Problem[]): string {
  const lines = source.split('\n').map((line, i) => {
    const capped = capContainers(line);
    if (capped !== line) problems.push({ line: i + 1, message: 'lists or quotes nest too deeply.' });
    return capped;
  });
  return lines.join('\n');
}

function isTangled(text: string): boolean {
  return text.split(/\n[ \t]*\n/).some((part) => {
    const load = inlineLoad(part);
    return load.depth > MAX_INLINE_DEPTH || load.lookBacks > MAX_LOOK_BACKS || load.codeRuns > MAX_CODE_RUNS;
  });
}

function capContainers(line: string): string {
  if (THEMATIC_BREAK.test(line)) return line;
  CONTAINER_MARKER.lastIndex = 0;
  for (let depth = 1; CONTAINER_MARKER.exec(line); depth++) {
    const markerEnd = CONTAINER_MARKER.lastIndex;
    // A backslash before the marker's last character (`\>`, `\-`, `1\.`) makes it plain text.
    if (depth > MAX_CONTAINER_DEPTH) return `${line.slice(0, markerEnd - 1)}\\${line.slice(markerEnd - 1)}`;
  }
  return line;
}

const BRACKET_STEP: Record<string, number> = { '[': 1, ']': -1 };

/**
 * Upper bounds on what micromark will do with a paragraph, after CommonMark's flanking rules: how
 * deeply emphasis and brackets nest, and how far closing `*`, `_` and `]` look back over earlier
 * markup for their opener (unmatched closers make that quadratic).
 */
function inlineLoad(text: string): { depth: number; lookBacks: number; codeRuns: number } {
  let brackets = 0;
  let emphasis = 0;
  let marks = 0;
  const load = { depth: 0, lookBacks: 0, codeRuns: 0 };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '*' || char === '_') {
      const run = delimiterRun(text, i);
      if (run.closes) load.lookBacks += marks;
      emphasis = Math.max(0, emphasis + run.nesting);
      marks += run.length;
      i += run.length - 1;
      load.depth = Math.max(load.depth, brackets + emphasis);
      continue;
    }
    if (char === ']') load.lookBacks += marks;
    if (char === '`' && text[i + 1] !== '`') load.codeRuns++;
    if ('\\[]!&<`\n'.includes(char)) marks++;
    if (char === '\\') i++;
    brackets = Math.max(0, brackets + (BRACKET_STEP[char] ?? 0));
    load.depth = Math.max(load.depth, brackets + emphasis);
  }
  return load;
}

/** A run of `*` or `_` at `start`: its length, whether it may close, and how it changes nesting. */
function delimiterRun(text: string, start: number): { length: number; closes: boolean; nesting: number } {
  let end = start;
  while (text[end] === text[start]) end++;
  const before = text[start - 1];
  const after = text[end];
  const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
  const isPunctuation = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);
  const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
  const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
  const length = end - start;
  // A run that may both open and close counts as an opener: the estimate must not undercount.
  return { length, closes: right, nesting: left ? length : right ? -length : 0 };
}

// ---- Blocks ----

function lineOf(walk: Walk, node: MdNode): number {
  return walk.firstLine + (node.position?.start.line ?? 1) - 1;
}

function note(walk: Walk, node: MdNode, message: string): void {
  walk.problems.push({ line: lineOf(walk, node), message });
}

function sourceOf(walk: Walk, node: MdNode): string {
  return walk.source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine}"`;
}

function addBlocks(node: MdNode, walk: Walk, out: Placed[]): void {
  if (node.type === 'blockquote') {
    note(walk, node, 'quotes ("> ") are not supported; the text shows as ordinary paragraphs.');
    for (const child of node.children) addBlocks(child, walk, out);
    return;
  }
  const block = blockOf(node, walk);
  const visible = block?.type === 'list' ? block.items.length > 0 : block && hasText(block.children);
  if (block && visible) out.push({ block, line: lineOf(walk, node) });
}

function blockOf(node: MdNode, walk: Walk): Block | undefined {
  switch (node.type) {
    case 'paragraph':
      return { type: 'paragraph', children: inlinesOf(node.children, walk) };
    case 'heading': {
      if (node.depth > 3)
        note(walk, node, `"${'#'.repeat(node.depth)}" headings are not supported; use ## or ###.`);
      if (!sourceOf(walk, node).trimStart().startsWith('#'))
        note(walk, node, 'a line of = or - under text makes it a heading; start a heading with ## instead.');
      return { type: 'heading', level: node.depth <= 2 ? 2 : 3, children: inlinesOf(node.children, walk) };
    }
    case 'list': {
      const items = node.children.map((item) => flattenToInlines(item.children, walk)).filter(hasText);
      return { type: 'list', ordered: node.ordered === true, items };
    }
    case 'code':
      note(walk, node, 'code blocks (``` or 4-space indents) are not supported; they show as plain text.');
      return { type: 'paragraph', children: textInline(node.value) };
    case 'thematicBreak':
      note(walk, node, 'horizontal rules (---) are not supported; they are left out.');
      return undefined;
    default:
      return { type: 'paragraph', children: inlinesOf([node], walk) };
  }
}

/** Everything in a list item as one run of inlines: its paragraphs and nested lists joined by spaces. */
function flattenToInlines(nodes: readonly MdNode[], walk: Walk): Inline[] {
  const inner: Placed[] = [];
  for (const node of nodes) addBlocks(node, walk, inner);
  const parts = inner.flatMap(({ block }) => (block.type === 'list' ? block.items : [block.children]));
  return tidy(parts.flatMap((part, i) => (i === 0 ? part : [{ type: 'text', text: ' ' }, ...part])));
}

// ---- Inlines ----

function inlinesOf(nodes: readonly MdNode[], walk: Walk): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) addInline(node, walk, out);
  return tidy(out);
}

function addInline(node: MdNode, walk: Walk, out: Inline[]): void {
  switch (node.type) {
    case 'strong':
    case 'emphasis': {
      const children = inlinesOf(node.children, walk);
      if (hasText(children)) out.push({ type: node.type === 'strong' ? 'strong' : 'em', children });
      return;
    }
    case 'link':
      addLink(node, inlinesOf(node.children, walk), walk, out);
      return;
    case 'image':
      note(
        walk,
        node,
        `images (${quote(sourceOf(walk, node))}) are not supported; only their description shows.`,
      );
      out.push(...textInline(node.alt ?? ''));
      return;
    case 'inlineCode':
      note(walk, node, `code (${quote(sourceOf(walk, node))}) is not supported; it shows as plain text.`);
      out.push(...textInline(node.value));
      return;
    case 'break':
      out.push({ type: 'text', text: ' ' });
      return;
    default:
      // Text, and any node this subset has no use for, as the text it holds.
      if ('children' in node) for (const child of node.children) addInline(child, walk, out);
      else if ('value' in node) out.push(...textInline(node.value));
  }
}

function addLink(node: MdNode & { type: 'link' }, children: Inline[], walk: Walk, out: Inline[]): void {
  const href = safeHref(node.url);
  if (href === undefined) {
    note(walk, node, `the link ${quote(sourceOf(walk, node))} needs a full http:// or https:// address.`);
    out.push(...children);
  } else if (hasText(children)) {
    out.push({ type: 'link', href, children });
  } else {
    note(walk, node, `the link to ${quote(href)} has no text to click; it is left out.`);
  }
}

/** The address as a browser will read it, if it is an absolute http(s) URL without credentials. */
function safeHref(raw: string): string | undefined {
  // Checked on the raw text too: the URL parser silently drops tabs and newlines (`java\tscript:`).
  if (raw.length > 2048 || /[\p{Cc}\p{Cf}\s\\]/u.test(raw) || !/^https?:\/\/[^/]/i.test(raw))
    return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  return web && url.hostname !== '' && url.username === '' && url.password === '' ? url.href : undefined;
}

function textInline(value: string): Inline[] {
  return value === '' ? [] : [{ type: 'text', text: value.replace(/\n/g, ' ') }];
}

function hasText(inlines: readonly Inline[]): boolean {
  return inlines.some((inline) =>
    inline.type === 'text' ? inline.text.trim() !== '' : hasText(inline.children),
  );
}

/** Adjacent text joined into one node, and the run's outer whitespace trimmed. */
function tidy(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const previous = out.at(-1);
    if (inline.type === 'text' && previous?.type === 'text') previous.text += inline.text;
    else out.push(inline.type === 'text' ? { ...inline } : inline);
  }
  const first = out[0];
  if (first?.type === 'text') first.text = first.text.trimStart();
  const last = out.at(-1);
  if (last?.type === 'text') last.text = last.text.trimEnd();
  return out.filter((inline) => inline.type !== 'text' || inline.text !== '');
}
