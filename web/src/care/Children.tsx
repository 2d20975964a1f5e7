import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { get } from '../api.ts';
import { Loading, ProblemMessage } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import type { Child } from './types.ts';
import './care.css';

/** A parent's home: each linked daughter, what she shares, and the way to her page. */
export default function Children() {
  const { t } = useI18n();
  const children = useQuery({
    queryKey: ['care-children'],
    queryFn: () => get<{ children: Child[] }>('/care/children'),
    // What she shares changes on her side: never show his list from before her last choice.
    staleTime: 0,
    gcTime: 0,
  });
  return (
    <section className="card" aria-labelledby="children-title">
      <h2 id="children-title">{t('care.children_title')}</h2>
      {children.isPending && <Loading />}
      <ProblemMessage error={children.error} />
      {children.data && children.data.children.length === 0 && <p>{t('care.children_none')}</p>}
      <ul className="child-list">
        {children.data?.children.map((child) => (
          <li key={child.id}>
            <Link href={`/children/${child.id}`} className="button">
              {t('care.child_open', { name: child.name })}
            </Link>
            <p className="hint">
              {child.scopes.length === 0
                ? t('care.you_see_nothing')
                : child.scopes.map((scope) => t(`care.her_scope.${scope}` as Key)).join(' · ')}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/people">{t('care.children_link')}</Link>
      </p>
    </section>
  );
}
