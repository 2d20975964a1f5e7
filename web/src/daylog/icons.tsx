import type { ReactNode } from 'react';

/*
 * The day log's icons, drawn here as inline SVG (no icon font, no image request, no CDN). Each is
 * decoration beside a text label, so it is hidden from screen readers; it draws in currentColor.
 */

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

const DROP = 'M0 -9 C0 -9 -6 -1 -6 3 A6 6 0 0 0 6 3 C6 -1 0 -9 0 -9 Z';

function Drop({
  x,
  y,
  scale = 1,
  filled = true,
}: {
  x: number;
  y: number;
  scale?: number;
  filled?: boolean;
}) {
  return (
    <path
      d={DROP}
      transform={`translate(${x} ${y}) scale(${scale})`}
      fill={filled ? 'currentColor' : 'none'}
      strokeWidth={2 / scale}
    />
  );
}

/** Bleeding: an empty crossed-out drop, a few dots, then one, two and three drops. */
export const FLOW_ICONS: Record<string, ReactNode> = {
  none: (
    <Icon>
      <Drop x={16} y={15} filled={false} />
      <path d="M7 26 L25 6" />
    </Icon>
  ),
  spotting: (
    <Icon>
      <circle cx="11" cy="13" r="2" fill="currentColor" />
      <circle cx="20" cy="10" r="1.6" fill="currentColor" />
      <circle cx="17" cy="21" r="2.2" fill="currentColor" />
    </Icon>
  ),
  light: (
    <Icon>
      <Drop x={16} y={15} scale={0.85} />
    </Icon>
  ),
  medium: (
    <Icon>
      <Drop x={10} y={15} scale={0.75} />
      <Drop x={22} y={15} scale={0.75} />
    </Icon>
  ),
  heavy: (
    <Icon>
      <Drop x={8} y={20} scale={0.62} />
      <Drop x={16} y={11} scale={0.62} />
      <Drop x={24} y={20} scale={0.62} />
    </Icon>
  ),
};

/** A round face; `mouth` and `eyes` are path data on the 32-unit grid. */
function Face({ mouth, eyes, extra }: { mouth: string; eyes?: ReactNode; extra?: ReactNode }) {
  return (
    <Icon>
      <circle cx="16" cy="16" r="13" />
      {eyes ?? (
        <>
          <circle cx="11.5" cy="13" r="1.6" fill="currentColor" stroke="none" />
          <circle cx="20.5" cy="13" r="1.6" fill="currentColor" stroke="none" />
        </>
      )}
      <path d={mouth} />
      {extra}
    </Icon>
  );
}

const SQUEEZED_EYES = <path d="M9 11 L13 13 L9 15 M23 11 L19 13 L23 15" />;
const CLOSED_EYES = <path d="M9 13 Q11.5 15 14 13 M18 13 Q20.5 15 23 13" />;
const TEAR = <path d="M23 17 C23 17 21.5 19.5 21.5 20.5 A1.5 1.5 0 0 0 24.5 20.5 C24.5 19.5 23 17 23 17 Z" />;

/** Pain, from no pain to very strong: the smile turns into a grimace. */
export const PAIN_ICONS: Record<string, ReactNode> = {
  none: <Face mouth="M10 19 Q16 25 22 19" />,
  mild: <Face mouth="M11 20 Q16 23 21 20" />,
  moderate: <Face mouth="M11 21 L21 21" />,
  severe: <Face mouth="M11 23 Q16 18 21 23" eyes={SQUEEZED_EYES} />,
  worst: <Face mouth="M10 24 Q16 16 22 24 Z" eyes={SQUEEZED_EYES} extra={TEAR} />,
};

/** Moods: faces told apart by eyes, brows and mouth, not by colour. */
export const MOOD_ICONS: Record<string, ReactNode> = {
  happy: <Face mouth="M10 18 Q16 25 22 18" />,
  calm: <Face mouth="M11 20 Q16 23 21 20" eyes={CLOSED_EYES} />,
  sad: <Face mouth="M11 23 Q16 18 21 23" />,
  anxious: (
    <Face mouth="M10 22 Q12 20 14 22 Q16 24 18 22 Q20 20 22 22" extra={<path d="M8 9 L13 8 M19 8 L24 9" />} />
  ),
  irritable: <Face mouth="M11 22 L21 22" extra={<path d="M8 8 L14 11 M24 8 L18 11" />} />,
  sensitive: <Face mouth="M12 22 Q16 20 20 22" extra={TEAR} />,
};

/** The six common symptoms shown first. */
export const SYMPTOM_ICONS: Record<string, ReactNode> = {
  cramps: (
    <Icon>
      <ellipse cx="16" cy="17" rx="11" ry="10" />
      <path d="M9 17 L13 13 L16 19 L19 13 L23 17" />
    </Icon>
  ),
  headache: (
    <Icon>
      <circle cx="14" cy="18" r="10" />
      <path d="M24 3 L20 10 L25 10 L21 17" />
    </Icon>
  ),
  fatigue: (
    <Icon>
      <rect x="4" y="10" width="22" height="12" rx="2" />
      <path d="M28 14 L28 18" />
      <rect x="7" y="13" width="4" height="6" fill="currentColor" stroke="none" />
    </Icon>
  ),
  bloating: (
    <Icon>
      <circle cx="16" cy="16" r="8" />
      <path d="M3 16 L6 16 M26 16 L29 16 M6 7 L8 9 M26 7 L24 9 M6 25 L8 23 M26 25 L24 23" />
    </Icon>
  ),
  backache: (
    <Icon>
      <rect x="12" y="3" width="8" height="5" rx="2" />
      <rect x="12" y="10" width="8" height="5" rx="2" />
      <rect x="12" y="17" width="8" height="5" rx="2" />
      <rect x="12" y="24" width="8" height="5" rx="2" />
      <path d="M24 10 L27 14 L24 18" />
    </Icon>
  ),
  nausea: (
    <Icon>
      <path d="M16 16 m0 0 a2 2 0 1 1 2 2 a5 5 0 1 1 -5 -5 a8 8 0 1 1 8 8" />
    </Icon>
  ),
};

/** Energy: a battery, low to full. */
export const ENERGY_ICONS: Record<string, ReactNode> = Object.fromEntries(
  [
    ['low', 1],
    ['medium', 2],
    ['high', 3],
  ].map(([name, bars]) => [
    name,
    <Icon key={String(name)}>
      <rect x="4" y="10" width="22" height="12" rx="2" />
      <path d="M28 14 L28 18" />
      {Array.from({ length: Number(bars) }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the bars are fixed and never reorder.
        <rect key={i} x={7 + i * 6} y="13" width="4" height="6" fill="currentColor" stroke="none" />
      ))}
    </Icon>,
  ]),
);

/** The mark on a pressed button, so "chosen" never rests on colour alone. */
export function CheckMark() {
  return (
    <svg className="check" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="8" fill="currentColor" />
      <path d="M4 8.5 L7 11 L12 5.5" fill="none" stroke="#ffffff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
