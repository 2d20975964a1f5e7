import type { ReactNode } from 'react';
import { CheckMark } from './icons.tsx';

export type ToggleOption = { value: string; label: string; icon?: ReactNode };

/**
 * A labelled group of large toggle buttons (aria-pressed). `chosen` holds the pressed values: with
 * `multiple` any number, otherwise at most one, and tapping the pressed one again clears it.
 */
export function ToggleGroup(props: {
  id: string;
  legend: string;
  options: readonly ToggleOption[];
  chosen: readonly string[];
  onChange: (next: string[]) => void;
  multiple?: boolean;
  compact?: boolean;
}) {
  const { chosen, multiple = false } = props;
  function toggle(value: string) {
    const pressed = chosen.includes(value);
    if (multiple) props.onChange(pressed ? chosen.filter((v) => v !== value) : [...chosen, value]);
    else props.onChange(pressed ? [] : [value]);
  }
  return (
    <fieldset className="toggle-group" id={props.id}>
      <legend>{props.legend}</legend>
      <div className={props.compact ? 'toggles compact' : 'toggles'}>
        {props.options.map((option) => {
          const pressed = chosen.includes(option.value);
          return (
            <button
              key={option.value}
              type="button"
              className="toggle"
              aria-pressed={pressed}
              data-value={option.value}
              onClick={() => toggle(option.value)}
            >
              {option.icon}
              <span className="toggle-label">{option.label}</span>
              {pressed && <CheckMark />}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
