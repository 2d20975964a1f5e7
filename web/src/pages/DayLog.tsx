import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, type DayLog, ENERGY, FLOWS, get, MOODS, SYMPTOMS } from '../api.ts';
import { ConfirmBox, Loading, Notice, ProblemMessage, useConfirmingSubmit } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

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
    // Keep what only other channels or fields not on this form set.
    if (existing?.otherSymptoms.length) next.otherSymptoms = existing.otherSymptoms;
    if (existing?.basalTemperature !== undefined) next.basalTemperature = existing.basalTemperature;
    if (existing?.cervicalMucus !== undefined) next.cervicalMucus = existing.cervicalMucus;
    setSaved(false);
    body.current = next;
    void save.submit();
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="day-title" noValidate>
      <fieldset>
        <legend>{t('day.flow_label')}</legend>
        <div className="chips">
          <label className="choice">
            <input type="radio" name="flow" value="" defaultChecked={!existing?.flow} /> {t('day.not_set')}
          </label>
          {FLOWS.map((flow) => (
            <label className="choice" key={flow}>
              <input type="radio" name="flow" value={flow} defaultChecked={existing?.flow === flow} />{' '}
              {t(`flow.${flow}` as Key)}
            </label>
          ))}
        </div>
      </fieldset>
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
      <fieldset>
        <legend>{t('day.mood_label')}</legend>
        <div className="chips">
          <label className="choice">
            <input type="radio" name="mood" value="" defaultChecked={!existing?.mood} /> {t('day.not_set')}
          </label>
          {MOODS.map((mood) => (
            <label className="choice" key={mood}>
              <input type="radio" name="mood" value={mood} defaultChecked={existing?.mood === mood} />{' '}
              {t(`mood.${mood}` as Key)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="day-pain">{t('day.pain_label')}</label>
        <input
          id="day-pain"
          name="pain"
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          step={1}
          defaultValue={existing?.pain ?? ''}
        />
      </div>
      <fieldset>
        <legend>{t('day.energy_label')}</legend>
        <div className="chips">
          <label className="choice">
            <input type="radio" name="energy" value="" defaultChecked={!existing?.energy} />{' '}
            {t('day.not_set')}
          </label>
          {ENERGY.map((energy) => (
            <label className="choice" key={energy}>
              <input type="radio" name="energy" value={energy} defaultChecked={existing?.energy === energy} />{' '}
              {t(`energy.${energy}` as Key)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="day-sleep">{t('day.sleep_label')}</label>
        <input
          id="day-sleep"
          name="sleepHours"
          type="number"
          inputMode="decimal"
          min={0}
          max={24}
          step={0.5}
          defaultValue={existing?.sleepHours ?? ''}
        />
      </div>
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
      {day.data && <DayForm key={date} date={date} existing={day.data.days[0]} />}
    </>
  );
}
