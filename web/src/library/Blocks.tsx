import type { Block, Span } from './types.ts';

/**
 * A text's runs as elements. Every string goes in as a child (React escapes it); a link is kept
 * only when it is http(s), checked again here although the server allows nothing else — a page
 * must not trust an answer to be harmless.
 */
function Run({ span }: { span: Span }) {
  let node = <>{span.text}</>;
  if (span.italic) node = <em>{node}</em>;
  if (span.bold) node = <strong>{node}</strong>;
  if (span.href && /^https?:\/\//i.test(span.href))
    node = (
      <a href={span.href} rel="noopener noreferrer nofollow" target="_blank">
        {node}
      </a>
    );
  return node;
}

const Runs = ({ spans }: { spans: Span[] }) => (
  <>
    {spans.map((span, i) => (
      // Runs never move: their place is their identity.
      // biome-ignore lint/suspicious/noArrayIndexKey: static text
      <Run key={i} span={span} />
    ))}
  </>
);

/** An article's blocks, headings one level below the page's title. */
export function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        const key = i;
        if (block.type === 'heading')
          return block.level === 2 ? (
            <h2 key={key}>
              <Runs spans={block.spans} />
            </h2>
          ) : (
            <h3 key={key}>
              <Runs spans={block.spans} />
            </h3>
          );
        if (block.type === 'paragraph')
          return (
            <p key={key}>
              <Runs spans={block.spans} />
            </p>
          );
        const items = block.items.map((spans, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static text
          <li key={j}>
            <Runs spans={spans} />
          </li>
        ));
        return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
      })}
    </>
  );
}
