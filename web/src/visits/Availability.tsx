import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, get } from '../api.ts';
import { Loading, Notice, ProblemMessage } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import { DaysOff } from './DaysOff.tsx';
import { ProviderStatusCard, useOwnProfile } from './ProviderStatus.tsx';
import type { Availability } from './types.ts';
import './visits.css';

type Range = { opens: string; closes: string };
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const NEW_RANGE: Range = { opens: '08:00', closes: '12:00' };

/** Time zones to choose from: Africa's, and whatever was set before. */
function zones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const africa = all.filter((zone) => zone.startsWith('Africa/'));
  return [...new Set([current, 'Africa/Kigali', ...africa])].sort();
}

/** One weekday's opening times: none (closed), one or several ranges. */
function DayHours({
  weekday,
  ranges,
  onChange,
}: {
  weekday: number;
  ranges: Range[];
  onChange: (next: Range[]) => void;
}) {
  const { t } = useI18n();
  const day = t(`provider.weekday.${weekday}` as Key);
  const set = (i: number, part: Partial<Range>) =>
    onChange(ranges.map((range, j) => (j === i ? { ...range, ...part } : range)));
  return (
    <fieldset className="hours-day" data-weekday={weekday}>
      <legend>{day}</legend>
      {ranges.length === 0 && <p className="muted">{t('provider.closed')}</p>}
      {ranges.map((range, i) => {
        const id = `hours-${weekday}-${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no identity but their place.
          <div className="hours-range" key={i}>
            <div className="field">
              <label htmlFor={`${id}-opens`}>{t('provider.opens')}</label>
              <input
                id={`${id}-opens`}
                type="time"
                value={range.opens}
                required
                onChange={(event) => set(i, { opens: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-closes`}>{t('provider.closes')}</label>
              <input
                id={`${id}-closes`}
                type="time"
                value={range.closes}
                required
                onChange={(event) => set(i, { closes: event.target.value })}
              />
            </div>
            <button
              type="button"
              onClick={() => onChange(ranges.filter((_, j) => j !== i))}
              aria-label={t('provider.remove_hours', { from: range.opens, to: range.closes, day })}
            >
              ✕
            </button>
          </div>
        );
      })}
      <p>
        <button type="button" onClick={() => onChange([...ranges, NEW_RANGE])}>
          {t('provider.add_hours', { day })}
        </button>
      </p>
    </fieldset>
  );
}

function Editor({ initial }: { initial: Availability }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [weekly, setWeekly] = useState<Record<number, Range[]>>(() =>
    Object.fromEntries(
      WEEKDAYS.map((d) => [
        d,
        initial.weekly.filter((w) => w.weekday === d).map(({ opens, closes }) => ({ opens, closes })),
      ]),
    ),
  );
  const [daysOff, setDaysOff] = useState<string[]>(initial.daysOff);
  // The profile's zone (the same row as GET /providers/me): his days off are dates in it.
  const [zone, setZone] = useState(initial.timeZone);
  const [error, setError] = useState<unknown>(null);
  const [bad, setBad] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setSaved(false);
    const wrong = WEEKDAYS.find((d) => (weekly[d] ?? []).some((r) => !(r.opens < r.closes)));
    setBad(wrong ?? null);
    if (wrong) return;
    const body: Availability = {
      timeZone: String(form.get('timeZone') ?? initial.timeZone),
      slotMinutes: Number(form.get('slotMinutes') ?? initial.slotMinutes),
      weekly: WEEKDAYS.flatMap((weekday) => (weekly[weekday] ?? []).map((r) => ({ weekday, ...r }))),
      daysOff: [...daysOff].sort(),
    };
    try {
      queries.setQueryData(
        ['provider-hours'],
        await api<Availability>('PUT', '/providers/me/availability', body),
      );
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby="hours-title">
      <div className="field">
        <label htmlFor="hours-zone">{t('provider.time_zone')}</label>
        <select
          id="hours-zone"
          name="timeZone"
          value={zone}
          onChange={(event) => setZone(event.target.value)}
        >
          {zones(initial.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="hours-slot">{t('provider.slot_minutes')}</label>
        <input
          id="hours-slot"
          name="slotMinutes"
          type="number"
          inputMode="numeric"
          min={15}
          max={60}
          step={5}
          required
          defaultValue={initial.slotMinutes}
          aria-describedby="hours-slot-hint"
        />
        <p id="hours-slot-hint" className="hint">
          {t('provider.slot_hint')}
        </p>
      </div>
      <h2>{t('provider.weekly')}</h2>
      {WEEKDAYS.map((weekday) => (
        <DayHours
          key={weekday}
          weekday={weekday}
          ranges={weekly[weekday] ?? []}
          onChange={(next) => setWeekly({ ...weekly, [weekday]: next })}
        />
      ))}
      <DaysOff days={daysOff} onChange={setDaysOff} timeZone={zone} />
      {bad !== null && (
        <p className="problem" role="alert">
          {t('provider.hours_bad', { day: t(`provider.weekday.${bad}` as Key) })}
        </p>
      )}
      <ProblemMessage error={error} />
      {saved && <Notice>{t('provider.hours_saved')}</Notice>}
      <button type="submit" className="primary">
        {t('web.save')}
      </button>
    </form>
  );
}

/** /provider/availability — time zone, visit length, weekly hours (several a day) and days off. */
export function AvailabilityPage() {
  const { t } = useI18n();
  const profile = useOwnProfile();
  const hours = useQuery({
    queryKey: ['provider-hours'],
    queryFn: () => get<Availability>('/providers/me/availability'),
    staleTime: 0,
  });
  return (
    <>
      <h1 tabIndex={-1} id="hours-title">
        {t('provider.hours_title')}
      </h1>
      <ProviderStatusCard profile={profile.data} />
      {hours.isPending && <Loading />}
      <ProblemMessage error={hours.error} />
      {hours.data && <Editor initial={hours.data} />}
    </>
  );
}
