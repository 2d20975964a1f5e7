import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from 'wouter';
import { get, type Language } from '../api.ts';
import { Loading, ProblemMessage } from '../components.tsx';
import { type Key, LANGUAGE_NAMES, useI18n } from '../i18n/index.tsx';
import { Blocks } from './Blocks.tsx';
import type { LibraryItem } from './types.ts';

/** /library/:key — one text in her language (or the one she chose), with its other languages. */
export function ArticlePage({ slug }: { slug: string }) {
  const { t, language } = useI18n();
  // ?lang= from a "read in another language" link; else the language she reads the app in.
  const asked = new URLSearchParams(useSearch()).get('lang');
  const shown: Language = asked && asked in LANGUAGE_NAMES ? (asked as Language) : language;
  const article = useQuery({
    queryKey: ['library', 'one', slug, shown],
    queryFn: () => get<LibraryItem>(`/content/${encodeURIComponent(slug)}?lang=${shown}`),
  });
  const item = article.data;
  return (
    <>
      {article.isPending && <Loading />}
      {!item && !article.isPending && <h1 tabIndex={-1}>{t('library.title')}</h1>}
      <ProblemMessage error={article.error} />
      {item && (
        <article lang={item.lang} data-article={item.key}>
          <h1 tabIndex={-1}>{item.title}</h1>
          <p className="hint">
            {t(`library.cat.${item.category}` as Key)} · {t(`library.for.${item.ageBand}` as Key)}
          </p>
          {item.review === 'pending' && (
            <p className="hint" data-unreviewed="">
              {t('library.unreviewed')}
            </p>
          )}
          <Blocks blocks={item.blocks} />
        </article>
      )}
      {item && item.languages.length > 0 && (
        <p>
          {t('library.other_languages')}{' '}
          {item.languages.map((other, i) => (
            <span key={other}>
              {i > 0 && ' · '}
              <Link href={`/library/${item.key}?lang=${other}`} hrefLang={other}>
                {LANGUAGE_NAMES[other]}
              </Link>
            </span>
          ))}
        </p>
      )}
      <p>
        <Link href="/library">{t('library.back')}</Link>
      </p>
    </>
  );
}
