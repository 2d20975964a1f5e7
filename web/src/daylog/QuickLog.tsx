import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type DayLog, ENERGY, FLOWS, type Flow, MOODS, MUCUS, SYMPTOMS } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { Notice, ProblemMessage } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import { AdvancedFields } from './AdvancedFields.tsx';
import { rememberAdvanced, rememberedAdvanced } from './advanced-choice.ts';
import { bodyOf, type DayDraft, type DraftProblem, draftOf, hasAdvanced } from './day-draft.ts';
import { FLOW_ICONS, MOOD_ICONS, PAIN_ICONS, SYMPTOM_ICONS } from './icons.tsx';
import { advancedByDefault, PAIN_FACES, painLevelOf, painValueOf } from './rules.ts';
import { ToggleGroup } from './ToggleGroup.tsx';
import './daylog.css';

/** The common symptoms, with an icon each, shown first; the rest are one tap away. */
const COMMON_SYMPTOMS = ['cramps', 'headache', 'fatigue', 'bloating', 'backache', 'nausea'] as const;
const OTHER_SYMPTOMS = SYMPTOMS.filter((s) => !(COMMON_SYMPTOMS as readonly string[]).includes(s));

const one = (value: string | undefined) => (value === undefined ? [] : [value]);
const fingerprint = (day: DayLog | undefined) => JSON.stringify(draftOf(day));

/**
 * Quick logging of one day on one screen: large toggle buttons for bleeding, pain (faces), mood
 * and common symptoms, an optional note, and "Advanced" (energy, sleep, temperature, discharge)
 * folded away for girls under 18 until she opens it. One Save, a PUT of the whole day by date.
 */
export function QuickLog({ date, existing }: { date: string; existing: DayLog | undefined }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const queries = useQueryClient();
  const [draft, setDraft] = useState<DayDraft>(() => draftOf(existing));
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [moreSymptoms, setMoreSymptoms] = useState(() =>
    draft.symptoms.some((s) => OTHER_SYMPTOMS.includes(s as (typeof OTHER_SYMPTOMS)[number])),
  );
  const [advanced, setAdvanced] = useState(
    () => rememberedAdvanced() ?? advancedByDefault(user?.birthYear, new Date().getFullYear()),
  );
  const busy = useRef(false);

  // The day changed elsewhere (deleted, put back by undo, saved from another tab): show it. What
  // this form has just saved comes back as it is and leaves her choices alone.
  const known = useRef(fingerprint(existing));
  useEffect(() => {
    const incoming = fingerprint(existing);
    if (incoming === known.current) return;
    known.current = incoming;
    setDraft(draftOf(existing));
    setSaved(false);
  }, [existing]);

  function change(next: Partial<DayDraft>) {
    setDraft((current) => ({ ...current, ...next }));
    setSaved(false);
  }

  function toggleAdvanced() {
    const open = !advanced;
    setAdvanced(open);
    rememberAdvanced(open);
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A second tap before React has disabled the button sends nothing more.
    if (busy.current) return;
    const { body, problems: found } = bodyOf(draft, existing);
    setProblems(found);
    if (found.length > 0) {
      if (!advanced) setAdvanced(true);
      setTimeout(() => document.getElementById(`day-${found[0]}`)?.focus(), 0);
      return;
    }
    busy.current = true;
    setPending(true);
    setError(null);
    setSaved(false);
    try {
      const stored = await api<DayLog>('PUT', `/cycles/days/${date}`, body);
      known.current = fingerprint(stored);
      queries.setQueryData(['day', date], { days: [stored] });
      setSaved(true);
      for (const key of ['calendar', 'prediction', 'stats'])
        void queries.invalidateQueries({ queryKey: [key] });
    } catch (caught) {
      setError(caught);
    } finally {
      busy.current = false;
      setPending(false);
    }
  }

  const painLevel = painLevelOf(draft.pain);
  return (
    <form className="quick-log" onSubmit={(event) => void save(event)} aria-labelledby="day-title" noValidate>
      <p className="muted">{t('daylog.intro')}</p>
      <ToggleGroup
        id="day-flow"
        legend={t('daylog.flow')}
        options={FLOWS.map((flow) => ({
          value: flow,
          label: t(`flow.${flow}` as Key),
          icon: FLOW_ICONS[flow],
        }))}
        chosen={one(draft.flow)}
        onChange={(next) => change({ flow: next[0] as Flow | undefined })}
      />
      <ToggleGroup
        id="day-pain"
        legend={t('daylog.pain')}
        options={PAIN_FACES.map((face) => ({
          value: face.level,
          label: t(`pain.${face.level}` as Key),
          icon: PAIN_ICONS[face.level],
        }))}
        chosen={one(painLevel)}
        onChange={(next) => change({ pain: next[0] === undefined ? undefined : painValueOf(next[0]) })}
      />
      <ToggleGroup
        id="day-mood"
        legend={t('daylog.mood')}
        options={MOODS.map((mood) => ({
          value: mood,
          label: t(`mood.${mood}` as Key),
          icon: MOOD_ICONS[mood],
        }))}
        chosen={one(draft.mood)}
        onChange={(next) => change({ mood: next[0] })}
      />
      <ToggleGroup
        id="day-symptoms"
        legend={t('daylog.symptoms')}
        multiple
        options={COMMON_SYMPTOMS.map((symptom) => ({
          value: symptom,
          label: t(`symptom.${symptom}` as Key),
          icon: SYMPTOM_ICONS[symptom],
        }))}
        chosen={draft.symptoms}
        onChange={(next) => change({ symptoms: next })}
      />
      <button
        type="button"
        className="disclosure"
        aria-expanded={moreSymptoms}
        aria-controls="day-more-symptoms"
        onClick={() => setMoreSymptoms(!moreSymptoms)}
      >
        {t('daylog.more_symptoms')}
      </button>
      <div id="day-more-symptoms" hidden={!moreSymptoms}>
        {moreSymptoms && (
          <ToggleGroup
            id="day-symptoms-more"
            legend={t('daylog.more_symptoms')}
            multiple
            compact
            options={OTHER_SYMPTOMS.map((symptom) => ({
              value: symptom,
              label: t(`symptom.${symptom}` as Key),
            }))}
            chosen={draft.symptoms}
            onChange={(next) => change({ symptoms: next })}
          />
        )}
      </div>
      <div className="field">
        <label htmlFor="day-notes">{t('daylog.note')}</label>
        <textarea
          id="day-notes"
          rows={2}
          maxLength={1000}
          value={draft.notes}
          onChange={(event) => change({ notes: event.target.value })}
          aria-describedby="day-notes-hint"
        />
        <p id="day-notes-hint" className="hint">
          {t('day.notes_hint')}
        </p>
      </div>
      <div className="advanced">
        <button
          type="button"
          className="disclosure"
          aria-expanded={advanced}
          aria-controls="day-advanced"
          aria-describedby="day-advanced-hint"
          onClick={toggleAdvanced}
        >
          {t('daylog.advanced')}
        </button>
        <p id="day-advanced-hint" className="hint">
          {t('daylog.advanced_hint')}
          {!advanced && hasAdvanced(draft) && <> {t('daylog.advanced_filled')}</>}
        </p>
        <div id="day-advanced" hidden={!advanced}>
          {advanced && (
            <AdvancedFields
              draft={draft}
              problems={problems}
              onChange={change}
              energies={ENERGY}
              mucus={MUCUS}
            />
          )}
        </div>
      </div>
      <ProblemMessage error={error} />
      {saved && <Notice>{t('daylog.saved')}</Notice>}
      <button type="submit" className="primary big-button" disabled={pending}>
        {pending ? t('web.saving') : t('web.save')}
      </button>
    </form>
  );
}
