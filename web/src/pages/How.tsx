import { Fragment } from 'react';
import { Link } from 'wouter';
import type { HowKey } from '../i18n/how-messages.ts';
import { useI18n } from '../i18n/index.tsx';

// A plain-language summary of docs/predictions.md; the text lives in i18n/how-messages.ts.
// review: the rw/fr/sw wording should be checked with a fluent speaker and a health worker.

const SHOW: HowKey[] = ['how.show.window', 'how.show.exact', 'how.show.phase', 'how.show.fertile'];
const METHOD: HowKey[] = [
  'how.method.cycle',
  'how.method.average',
  'how.method.window',
  'how.method.unusual',
  'how.method.signs',
  'how.method.start',
  'how.method.teens',
];
const HONEST: HowKey[] = [
  'how.honest.tested',
  'how.honest.result',
  'how.honest.limits',
  'how.honest.reported',
];

/**
 * Renders "It is **never a promise**." with the starred parts in <strong>. Only React text nodes are
 * made, so a catalogue string can never inject markup. An unmatched `**` simply stays plain.
 */
function Emphasis({ text }: { text: string }) {
  const parts = text.split('**');
  if (parts.length % 2 === 0) return <>{text}</>;
  let offset = 0;
  return (
    <>
      {parts.map((part, index) => {
        const key = offset;
        offset += part.length + 2;
        return index % 2 === 1 ? <strong key={key}>{part}</strong> : <Fragment key={key}>{part}</Fragment>;
      })}
    </>
  );
}

export function HowPage() {
  const { t } = useI18n();
  return (
    <article aria-labelledby="how-title">
      <h1 id="how-title" tabIndex={-1}>
        {t('how.title')}
      </h1>
      <p>{t('how.intro')}</p>

      <h2>{t('how.show.title')}</h2>
      <ul>
        {SHOW.map((key) => (
          <li key={key}>
            <Emphasis text={t(key)} />
          </li>
        ))}
      </ul>

      <h2>{t('how.method.title')}</h2>
      <ol>
        {METHOD.map((key) => (
          <li key={key}>
            <Emphasis text={t(key)} />
          </li>
        ))}
      </ol>

      <h2>{t('how.flags.title')}</h2>
      <p>{t('how.flags.body')}</p>

      <h2>{t('how.honest.title')}</h2>
      <ul>
        {HONEST.map((key) => (
          <li key={key}>
            <Emphasis text={t(key)} />
          </li>
        ))}
      </ul>
      <p>
        {t('how.docs')} <Link href="/">{t('web.nav.home')}</Link>
      </p>
    </article>
  );
}
