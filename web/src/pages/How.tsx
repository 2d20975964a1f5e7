import { Link } from 'wouter';
import { useI18n } from '../i18n/index.tsx';

// A plain-language summary of docs/predictions.md. English only for now.
// review: translate into rw/fr/sw (health-literacy wording should be checked with a health worker).
export function HowPage() {
  const { t, language } = useI18n();
  return (
    <article lang="en" aria-labelledby="how-title">
      <h1 id="how-title" tabIndex={-1} lang={language}>
        {t('how.title')}
      </h1>
      <p>
        We guess your next period from the dates you log. The more periods you log, the better the guess. It
        is a guess, never a promise.
      </p>

      <h2>What we show you</h2>
      <ul>
        <li>
          <strong>A date and a window</strong>, like “around 14 May, likely between 11 and 17 May”. Your
          period started inside the window about <strong>5 times in 6</strong> when we tested it on real
          cycles.
        </li>
        <li>
          The exact date is right about <strong>1 time in 5</strong>. It is within 3 days about 4 times in 5.
          On average it misses by about 2 days.
        </li>
        <li>
          <strong>Your phase today</strong>: period, before ovulation, fertile days, after ovulation, or late.
          “Late by N days” starts the day after the date we expected.
        </li>
        <li>
          <strong>Fertile days and ovulation</strong> are a guide to your body, usually off by about 2 days.{' '}
          <strong>They are not a way to avoid pregnancy.</strong> Never use them as “safe days”.
        </li>
      </ul>

      <h2>How we work it out</h2>
      <ol>
        <li>A cycle runs from the first day of one period to the first day of the next.</li>
        <li>
          We take the average of your last 6 cycles and mix in a typical 28-day cycle. At first the typical
          cycle counts most; after six cycles your own history counts for three quarters.
        </li>
        <li>
          The window is as wide as your own cycles need: 3 to 5 days if you are very regular, about 9 days if
          your cycles vary by a week, wider if they vary more. It gets narrower as you log regular cycles.
        </li>
        <li>
          If one cycle looks like two (you may have forgotten to log a period), or is very different from your
          usual ones, we leave it out — unless it happens often, because then it is your pattern.
        </li>
        <li>
          If you log your temperature on waking or your cervical mucus, we can sometimes see when you
          ovulated. Then the next period is easier to guess and the window is about half as wide.
        </li>
        <li>
          Until you have logged 3 cycles, we say “not enough data yet” and lean on typical cycles, so the
          window is wider.
        </li>
        <li>
          <strong>For girls and young women up to 18</strong>, cycles change more from month to month, so we
          make the window 1.5 times wider on purpose.
        </li>
      </ol>

      <h2>When we suggest talking to a health worker</h2>
      <p>
        We may point out very short or very long cycles, cycles that change a lot, long or heavy periods, or
        no period for 90 days. This is never a diagnosis — only a reason to ask someone who can examine you.
      </p>

      <h2>How honest are these numbers?</h2>
      <ul>
        <li>
          We tested the method on 1,665 real cycles from 159 adult women (the FedCycle study). Half of the
          women were kept aside and used only for the final test.
        </li>
        <li>
          On that test the window held the real start 83 times in 100. We missed two of our own targets there
          (an average miss of 2.0 days and 85% within 3 days): we got 2.2 days and 81%.
        </li>
        <li>
          The women in that study were careful adult loggers. For teenagers and for people who forget to log,
          predictions will be less accurate. The wider window for teenagers is a safety choice we could not
          yet test on real data.
        </li>
        <li>Bleeding, “heavy” and period end dates are what you tell us; we cannot measure them.</li>
      </ul>
      <p>
        The full method, with all numbers, is in the project’s documentation (docs/predictions.md).{' '}
        <Link href="/">{t('web.nav.home')}</Link>
      </p>
    </article>
  );
}
