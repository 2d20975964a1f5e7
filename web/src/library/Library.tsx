import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { get } from '../api.ts';
import { Loading, ProblemMessage } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import { CATEGORIES, type LibraryEntry } from './types.ts';

/** /library — the published texts in her language, by topic, or found by words. */
export function LibraryPage() {
  const { t, language } = useI18n();
  const [category, setCategory] = useState('');
  const [words, setWords] = useState('');
  const query = new URLSearchParams({ lang: language, kind: 'article' });
  if (category) query.set('category', category);
  if (words) query.set('q', words);
  const list = useQuery({
    queryKey: ['library', query.toString()],
    queryFn: () => get<{ items: LibraryEntry[] }>(`/content?${query}`),
  });
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setWords(String(form.get('q') ?? '').trim());
    setCategory(String(form.get('category') ?? ''));
  }
  const items = list.data?.items ?? [];
  return (
    <>
      <h1 tabIndex={-1}>{t('library.title')}</h1>
      <p>{t('library.intro')}</p>
      <search>
        <form className="form" onSubmit={search}>
          <div className="field">
            <label htmlFor="library-q">{t('library.search')}</label>
            <input id="library-q" name="q" type="search" maxLength={100} defaultValue={words} />
          </div>
          <div className="field">
            <label htmlFor="library-category">{t('library.topic')}</label>
            <select id="library-category" name="category" defaultValue={category}>
              <option value="">{t('library.all_topics')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`library.cat.${c}` as Key)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('library.search_button')}</button>
        </form>
      </search>
      {list.isPending && <Loading />}
      <ProblemMessage error={list.error} />
      {list.data && items.length === 0 && <p role="status">{t('library.none')}</p>}
      <ul className="list library-list">
        {items.map((item) => (
          <li key={item.key} className="card" data-article={item.key}>
            <h2>
              <Link href={`/library/${item.key}`}>{item.title}</Link>
            </h2>
            <p className="hint">
              {t(`library.cat.${item.category}` as Key)} · {t(`library.for.${item.ageBand}` as Key)}
            </p>
            {item.summary && <p>{item.summary}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
