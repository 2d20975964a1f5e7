import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, type DayLog, ENERGY, FLOWS, get, MOODS, MUCUS, SYMPTOMS } from '../api.ts';
import { ConfirmBox, Loading, Notice, ProblemMessage, useConfirmingSubmit } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import { DayPeriod } from './DayPeriod.tsx';

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** One choice from a fixed list, "not set" first; the labels come from `${labelPrefix}.${option}`. */
function RadioChips(props: {
  legend: string;
  name: string;
  options: readonly string[];
  labelPrefix: string;
  current: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className="chips">
        {['', ...props.options].map((option) => (
          <label className="choice" key={option || 'not-set'}>
            <input
              type="radio"
              name={props.name}
              value={option}
              defaultChecked={(props.current ?? '') === option}
            />{' '}
            {option ? t(`${props.labelPrefix}.${option}` as Key) : t('day.not_set')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A labelled number input; whole-number steps get the phone's digit keypad. */
function NumberField(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  min: number;
  max: number;
  step: number;
  value: number | null | undefined;
}) {
  const hintId = `${props.id}-hint`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type="number"
        inputMode={Number.isInteger(props.step) ? 'numeric' : 'decimal'}
        min={props.min}
        max={props.max}
        step={props.step}
        defaultValue={props.value ?? ''}
        aria-describedby={props.hint ? hintId : undefined}
      />
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

function DayForm({ date, existing }: { date: string; existing: DayLog | undefined }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const body = useRef<Record<string, unknown>>({});

  // A day log has no "confirm" field (the API never answers confirmation_required here); the shared
  // hook still shows any problem+json detail next to the form.
  const save = useConfirmingSubmit(
    () => api<DayLog>('PUT', `/cycles/days/${date}`, body.current),
    () => {
      setSaved(true);
      void queries.invalidateQueries({ queryKey: ['day', date] });
      void queries.invalidateQueries({ queryKey: ['calendar'] });
      void queries.invalidateQueries({ queryKey: ['prediction'] });
      void queries.invalidateQueries({ queryKey: ['stats'] });
    },
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, unknown> = {};
    const pick = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const flow = pick('flow');
    if (flow) next.flow = flow;
    const symptoms = form.getAll('symptoms').filter((value): value is string => typeof value === 'string');
    if (symptoms.length > 0) next.symptoms = symptoms;
    const mood = pick('mood');
    if (mood) next.mood = mood;
    const pain = pick('pain');
    if (pain !== undefined) next.pain = Number(pain);
    const energy = pick('energy');
    if (energy) next.energy = energy;
    const sleep = pick('sleepHours');
    if (sleep !== undefined) next.sleepHours = Number(sleep);
    const notes = pick('notes');
    if (notes) next.notes = notes;
    const temperature = pick('basalTemperature');
    if (temperature !== undefined) next.basalTemperature = Number(temperature.replace(',', '.'));
    const mucus = pick('cervicalMucus');
    if (mucus) next.cervicalMucus = mucus;
    // Keep what only other channels set (free-text symptoms from USSD).
    if (existing?.otherSymptoms.length) next.otherSymptoms = existing.otherSymptoms;
    setSaved(false);
    body.current = next;
    void save.submit();
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="day-title" noValidate>
      <RadioChips
        legend={t('day.flow_label')}
        name="flow"
        options={FLOWS}
        labelPrefix="flow"
        current={existing?.flow ?? undefined}
      />
      <fieldset>
        <legend>{t('day.symptoms_label')}</legend>
        <div className="chips">
          {SYMPTOMS.map((symptom) => (
            <label className="choice" key={symptom}>
              <input
                type="checkbox"
                name="symptoms"
                value={symptom}
                defaultChecked={existing?.symptoms.includes(symptom)}
              />{' '}
              {t(`symptom.${symptom}` as Key)}
            </label>
          ))}
        </div>
      </fieldset>
      <RadioChips
        legend={t('day.mood_label')}
        name="mood"
        options={MOODS}
        labelPrefix="mood"
        current={existing?.mood ?? undefined}
      />
      <NumberField
        id="day-pain"
        name="pain"
        label={t('day.pain_label')}
        min={0}
        max={10}
        step={1}
        value={existing?.pain}
      />
      <RadioChips
        legend={t('day.energy_label')}
        name="energy"
        options={ENERGY}
        labelPrefix="energy"
        current={existing?.energy ?? undefined}
      />
      <NumberField
        id="day-sleep"
        name="sleepHours"
        label={t('day.sleep_label')}
        min={0}
        max={24}
        step={0.5}
        value={existing?.sleepHours}
      />
      <NumberField
        id="day-temperature"
        name="basalTemperature"
        label={t('day.temp_label')}
        hint={t('day.temp_hint')}
        min={34}
        max={42}
        step={0.01}
        value={existing?.basalTemperature}
      />
      <RadioChips
        legend={t('day.mucus_label')}
        name="cervicalMucus"
        options={MUCUS}
        labelPrefix="mucus"
        current={existing?.cervicalMucus ?? undefined}
      />
      <div className="field">
        <label htmlFor="day-notes">{t('day.notes_label')}</label>
        <textarea
          id="day-notes"
          name="notes"
          rows={3}
          maxLength={1000}
          defaultValue={existing?.notes ?? ''}
          aria-describedby="day-notes-hint"
        />
        <p id="day-notes-hint" className="hint">
          {t('day.notes_hint')}
        </p>
      </div>
      {save.needsConfirm && (
        <ConfirmBox
          detail={save.needsConfirm}
          onConfirm={() => void save.confirm()}
          onCancel={save.cancel}
          pending={save.pending}
        />
      )}
      <ProblemMessage error={save.error} />
      {saved && <Notice>{t('day.saved')}</Notice>}
      <button type="submit" className="primary" disabled={save.pending}>
        {save.pending ? t('web.saving') : t('web.save')}
      </button>
    </form>
  );
}

export function DayLogPage({ date }: { date: string }) {
  const { t, date: format } = useI18n();
  const valid = ISO_DATE.test(date);
  const day = useQuery({
    queryKey: ['day', date],
    queryFn: () => get<{ days: DayLog[] }>(`/cycles/days?from=${date}&to=${date}`),
    enabled: valid,
  });
  return (
    <>
      <h1 id="day-title" tabIndex={-1}>
        {t('day.title', { date: valid ? `${format(date)} ${date.slice(0, 4)}` : date })}
      </h1>
      <p>
        <Link href={`/calendar/${date.slice(0, 7)}`}>{t('web.nav.calendar')}</Link>
      </p>
      {day.isPending && valid && <Loading />}
      <ProblemMessage error={day.error} />
      {valid && <DayPeriod date={date} />}
      {day.data && <DayForm key={date} date={date} existing={day.data.days[0]} />}
    </>
  );
}
