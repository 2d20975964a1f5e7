import { type Key, useI18n } from '../i18n/index.tsx';
import type { DayDraft, DraftProblem } from './day-draft.ts';
import { ENERGY_ICONS } from './icons.tsx';
import { ToggleGroup } from './ToggleGroup.tsx';

const one = (value: string | undefined) => (value === undefined ? [] : [value]);

/** A number typed on the phone's keypad, with its hint and, when it is wrong, what to write. */
function NumberField(props: {
  id: string;
  label: string;
  hint?: string;
  problem?: string | undefined;
  decimal: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.problem ? `${props.id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode={props.decimal ? 'decimal' : 'numeric'}
        autoComplete="off"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={described || undefined}
      />
      {props.hint && (
        <p id={`${props.id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      {props.problem && (
        <p id={`${props.id}-problem`} className="field-problem">
          {props.problem}
        </p>
      )}
    </div>
  );
}

/** Energy, sleep, waking temperature and cervical mucus: what "Advanced" opens. */
export function AdvancedFields(props: {
  draft: DayDraft;
  problems: readonly DraftProblem[];
  onChange: (next: Partial<DayDraft>) => void;
  energies: readonly string[];
  mucus: readonly string[];
}) {
  const { t } = useI18n();
  const { draft, onChange } = props;
  return (
    <div className="advanced-fields">
      <ToggleGroup
        id="day-energy"
        legend={t('day.energy_label')}
        options={props.energies.map((energy) => ({
          value: energy,
          label: t(`energy.${energy}` as Key),
          icon: ENERGY_ICONS[energy],
        }))}
        chosen={one(draft.energy)}
        onChange={(next) => onChange({ energy: next[0] })}
      />
      <NumberField
        id="day-sleepHours"
        label={t('day.sleep_label')}
        decimal
        value={draft.sleepHours}
        problem={props.problems.includes('sleepHours') ? t('daylog.sleep_invalid') : undefined}
        onChange={(sleepHours) => onChange({ sleepHours })}
      />
      <NumberField
        id="day-basalTemperature"
        label={t('day.temp_label')}
        hint={t('day.temp_hint')}
        decimal
        value={draft.basalTemperature}
        problem={props.problems.includes('basalTemperature') ? t('daylog.temp_invalid') : undefined}
        onChange={(basalTemperature) => onChange({ basalTemperature })}
      />
      <ToggleGroup
        id="day-mucus"
        legend={t('day.mucus_label')}
        compact
        options={props.mucus.map((kind) => ({ value: kind, label: t(`mucus.${kind}` as Key) }))}
        chosen={one(draft.cervicalMucus)}
        onChange={(next) => onChange({ cervicalMucus: next[0] })}
      />
    </div>
  );
}
