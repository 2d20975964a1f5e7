import { useQuery } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, api, get, type Prediction, type User } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { daysBetween, Loading, localToday, Notice, ProblemMessage } from '../components.tsx';
import { usePeriods } from '../cycle/hooks.ts';
import { useCycleRing } from '../cycle/LazyRing.tsx';
import { MainAction } from '../cycle/MainAction.tsx';
import { GuardianNotice } from '../GuardianNotice.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import type { LibraryEntry } from '../library/types.ts';
import { PhoneNumberForm, VerifyPhoneCard } from '../PhoneVerification.tsx';

// A parent's daughters and a health worker's status come with their own code, not in the first screen's.
const Children = lazy(() => import('../care/Children.tsx'));
const ProviderHome = lazy(() => import('../visits/ProviderHome.tsx'));

/**
 * A guardian consents from a verified phone number of their own (the API's
 * guardian_phone_required): say which step is missing, since the card or the form for it is on
 * this page.
 */
function guardianPhoneStep(user: User, t: (key: Key) => string): { message: string; addPhone: boolean } {
  // A verified number that is still refused is the child's own number.
  if (user.phone !== undefined) return { message: t('guardian.same_phone'), addPhone: false };
  if (user.pendingPhone !== undefined) return { message: t('guardian.verify_first'), addPhone: false };
  return { message: t('guardian.add_phone'), addPhone: true };
}

function ParentHome({ user }: { user: User }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  // Once her number changes (added, then verified), the old advice no longer applies.
  // biome-ignore lint/correctness/useExhaustiveDependencies: clears on a change of her numbers only.
  useEffect(() => setError(null), [user.phone, user.pendingPhone]);
  const phoneStep =
    error instanceof ApiError && error.code === 'guardian_phone_required' ? guardianPhoneStep(user, t) : null;
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    setError(null);
    try {
      await api('POST', '/guardian/consent', { code });
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <>
      <Suspense fallback={<Loading />}>
        <Children />
      </Suspense>
      <section className="card" aria-labelledby="guardian-title">
        <h2 id="guardian-title">{t('guardian.title')}</h2>
        <form className="form" onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor="guardian-code">{t('guardian.code_label')}</label>
            <input
              id="guardian-code"
              name="code"
              inputMode="numeric"
              pattern="[0-9]{8}"
              maxLength={8}
              required
            />
          </div>
          <ProblemMessage error={error} message={phoneStep?.message} />
          {done && <Notice>{t('guardian.done')}</Notice>}
          <button type="submit" className="primary">
            {t('guardian.submit')}
          </button>
        </form>
        {phoneStep?.addPhone && <PhoneNumberForm />}
      </section>
      <Tips />
    </>
  );
}

/** Three published tips of the library in her language, another three each day. */
function Tips() {
  const { t, language } = useI18n();
  const tips = useQuery({
    queryKey: ['library', 'tips', language],
    queryFn: () => get<{ items: LibraryEntry[] }>(`/content?lang=${language}&kind=tip`),
    staleTime: 3_600_000,
  });
  const all = tips.data?.items ?? [];
  const day = Math.floor(Date.now() / 86_400_000);
  const shown = all.length <= 3 ? all : [0, 1, 2].map((i) => all[(day * 3 + i) % all.length] as LibraryEntry);
  return (
    <section aria-labelledby="tips-title">
      <h2 id="tips-title">{t('menu.tips')}</h2>
      {shown.map((tip) => (
        <p key={tip.key} className="card" data-tip={tip.key}>
          {tip.summary}
        </p>
      ))}
      <p>
        <Link href="/library">{t('library.title')}</Link>
      </p>
    </section>
  );
}

function PredictionCard({
  prediction,
  Ring,
}: {
  prediction: Prediction;
  Ring: ReturnType<typeof useCycleRing>;
}) {
  const { t, tn, date } = useI18n();
  const { phase, nextPeriod, fertileWindow } = prediction;
  const periods = usePeriods();
  if (!phase || !nextPeriod) return <p>{t('pred.none')}</p>;
  // The ring's legend says the fertile days (and "not contraception") when the ring is there.
  const ring = Ring && periods.data ? <Ring prediction={prediction} periods={periods.data.periods} /> : null;
  const daysUntil = daysBetween(prediction.today, nextPeriod.start);
  let headline: string;
  if (phase.name === 'late' && phase.lateByDays !== undefined) headline = tn('home.late', phase.lateByDays);
  else if (daysUntil <= 0) headline = t('home.next_today');
  else headline = tn('home.next_in', daysUntil);
  return (
    <section className="card prediction" aria-labelledby="prediction-title">
      <h2 id="prediction-title">{headline}</h2>
      {ring}
      {!ring && <p className="big">{t('home.cycle_day', { day: phase.cycleDay })}</p>}
      <p>{t('home.phase', { phase: t(`phase.${phase.name}` as Key) })}</p>
      {phase.name === 'late' ? (
        <p>{tn('pred.late', phase.lateByDays ?? 0)}</p>
      ) : (
        <p>
          {t('home.window', {
            date: date(nextPeriod.start),
            earliest: date(nextPeriod.earliest),
            latest: date(nextPeriod.latest),
          })}
        </p>
      )}
      {prediction.status === 'insufficient_data' && <p className="muted">{t('pred.prior')}</p>}
      {fertileWindow && phase.name !== 'late' && !ring && (
        <p className="muted">
          {t('home.fertile', { start: date(fertileWindow.start), end: date(fertileWindow.end) })}
        </p>
      )}
      {prediction.flags.length > 0 && (
        <p>
          {t('sum.flags', { list: prediction.flags.map((flag) => t(`flag.${flag}` as Key)).join(', ') })}{' '}
          <Link href="/stats">{t('web.nav.stats')}</Link>
        </p>
      )}
      <p>
        <Link href="/how-predictions-work">{t('web.nav.how')}</Link>
      </p>
    </section>
  );
}

/** A content writer's home: what the account is for, and the pages to read as she reads them. */
function WriterHome() {
  const { t } = useI18n();
  return (
    <>
      <p>{t('home.writer')}</p>
      <ul className="list">
        <li>
          <Link href="/how-predictions-work">{t('web.nav.how')}</Link>
        </li>
        <li>
          <Link href="/policies">{t('policies.title')}</Link>
        </li>
        <li>
          <Link href="/settings">{t('web.nav.settings')}</Link>
        </li>
      </ul>
      <Tips />
    </>
  );
}

function AdolescentHome() {
  const { t } = useI18n();
  const prediction = useQuery({
    queryKey: ['prediction'],
    queryFn: () => get<Prediction>('/cycles/prediction'),
  });
  // Its code starts coming now, beside the prediction, not after it.
  const Ring = useCycleRing();
  const today = prediction.data?.today ?? localToday();

  return (
    <>
      {prediction.isPending && <Loading />}
      <ProblemMessage error={prediction.error} />
      {prediction.data && <PredictionCard prediction={prediction.data} Ring={Ring} />}
      <section className="actions" aria-label={t('menu.title')}>
        <MainAction today={today} />
        <Link href={`/day/${today}`} className="button">
          {t('home.log_today')}
        </Link>
        <Link href="/period" className="button">
          {t('home.log_period')}
        </Link>
        <Link href="/calendar" className="button">
          {t('web.nav.calendar')}
        </Link>
      </section>
      <Tips />
    </>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  if (!user) return null;
  return (
    <>
      <h1 tabIndex={-1}>{t('home.hello', { name: user.name })}</h1>
      <VerifyPhoneCard />
      <GuardianNotice />
      {user.role === 'adolescent' && <AdolescentHome />}
      {user.role === 'parent' && <ParentHome user={user} />}
      {user.role === 'writer' && <WriterHome />}
      {(user.role === 'provider' || user.role === 'admin') && (
        <Suspense fallback={<Loading />}>
          <ProviderHome />
        </Suspense>
      )}
      <p>
        <Link href="/help">{t('help.home_link')}</Link>
      </p>
    </>
  );
}
