import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { Loading, Notice, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { LinkCard } from './LinkCard.tsx';
import { EnterCode, MakeCode } from './LinkCodes.tsx';
import type { CareLink } from './types.ts';
import './care.css';

/** While the page is open, a code typed in by the other person shows within seconds. */
const LINKS_REFRESH_MS = 10_000;

function useCareLinks() {
  return useQuery({
    queryKey: ['care-links'],
    queryFn: () => get<{ links: CareLink[] }>('/care/links'),
    // Her choice holds on the very next request: never show scopes from before it.
    staleTime: 0,
    gcTime: 0,
    refetchInterval: LINKS_REFRESH_MS,
  });
}

/**
 * /people. Hers: "People who can see my data", each linked adult with what they see as switches.
 * A parent's: his links with his daughters, read only. Both make and type in link codes; a link
 * starts once the person who made the code has said the one who typed it in is really them.
 */
export function PeoplePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const links = useCareLinks();
  // Numbered: the same sentence twice (two links removed) is still a new notice to focus.
  const [notice, setNotice] = useState({ text: '', n: 0 });
  const notify = (text: string) => setNotice((last) => ({ text, n: last.n + 1 }));
  if (!user) return null;
  const child = user.role === 'adolescent';
  const all = links.data?.links ?? [];
  // Someone waiting for her answer comes first.
  const ordered = [...all].sort((a, b) => Number(b.awaitingYou) - Number(a.awaitingYou));
  return (
    <>
      <h1 tabIndex={-1}>{child ? t('care.title') : t('care.adult_title')}</h1>
      <p>{child ? t('care.intro') : t('care.adult_intro')}</p>
      <section aria-labelledby="linked-title">
        <h2 id="linked-title">{t('care.linked_title')}</h2>
        {links.isPending && <Loading />}
        <ProblemMessage error={links.error} />
        {notice.text && (
          <Notice key={notice.n} takeFocus>
            {notice.text}
          </Notice>
        )}
        {links.data && all.length === 0 && <p>{t('care.none')}</p>}
        {ordered.map((link) => (
          <LinkCard key={link.id} link={link} child={child} onNotice={notify} />
        ))}
      </section>
      <MakeCode adult={!child} />
      <EnterCode adult={!child} />
    </>
  );
}
