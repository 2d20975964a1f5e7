import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { AskFirst } from '../AskFirst.tsx';
import { api } from '../api.ts';
import { Notice, ProblemMessage } from '../components.tsx';
import { useConsentAge } from '../consent-age.ts';
import { type Key, useI18n } from '../i18n/index.tsx';
import { type CareLink, SCOPES, type Scope } from './types.ts';

/** A sentence for the page to say once the card has changed or gone. */
type Notify = (text: string) => void;

const refreshLinks = (queries: ReturnType<typeof useQueryClient>) =>
  queries.invalidateQueries({ queryKey: ['care-links'] });

/** The person who entered her code: she says whether it is really them, or refuses. */
function Awaiting({ link, who, onNotice }: { link: NamedLink; who: string; onNotice: Notify }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  async function answer(yes: boolean) {
    setPending(true);
    setError(null);
    try {
      if (yes) await api('POST', `/care/links/${link.id}/confirm`);
      else await api('DELETE', `/care/links/${link.id}`);
      onNotice(yes ? t('care.confirmed', { name: link.person.name }) : t('care.refused'));
      await refreshLinks(queries);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <p>
        <strong>{t('care.awaiting_title')}</strong>
      </p>
      <p>{t('care.awaiting_body', { name: link.person.name, role: who })}</p>
      <div className="row">
        <button type="button" className="primary" disabled={pending} onClick={() => void answer(true)}>
          {t('care.confirm')}
        </button>
        <button type="button" disabled={pending} onClick={() => void answer(false)}>
          {t('care.refuse')}
        </button>
      </div>
      <ProblemMessage error={error} />
    </>
  );
}

/** Her switches: one per scope, in plain words; the consenting guardian's fixed ones stay on. */
function Sharing({ link }: { link: NamedLink }) {
  const { t } = useI18n();
  const age = useConsentAge();
  const queries = useQueryClient();
  const [scopes, setScopes] = useState<Scope[]>(link.scopes);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const saving = useRef(0);
  // The list is read again every few seconds (and after each save): what the server holds wins,
  // except while one of her changes is on its way, whose answer is the newer one.
  const fromServer = link.scopes.join(',');
  useEffect(() => {
    if (saving.current === 0) setScopes(SCOPES.filter((scope) => fromServer.split(',').includes(scope)));
  }, [fromServer]);

  async function toggle(scope: Scope, on: boolean) {
    const next = SCOPES.filter((s) => (s === scope ? on : scopes.includes(s)));
    const before = scopes;
    setScopes(next);
    setError(null);
    setSaved(false);
    saving.current += 1;
    try {
      const answer = await api<CareLink>('PUT', `/care/links/${link.id}/sharing`, { scopes: next });
      setScopes(answer.scopes);
      setSaved(true);
    } catch (caught) {
      setScopes(before);
      setError(caught);
    } finally {
      saving.current -= 1;
    }
    await refreshLinks(queries);
  }

  const legend = `care-sees-${link.id}`;
  return (
    <fieldset className="switches" aria-labelledby={legend}>
      <legend id={legend}>{t('care.sees_title', { name: link.person.name })}</legend>
      {SCOPES.map((scope) => {
        const fixed = link.fixedScopes.includes(scope);
        const id = `scope-${link.id}-${scope}`;
        return (
          <div className="switch-row" key={scope}>
            <input
              id={id}
              type="checkbox"
              role="switch"
              aria-checked={fixed || scopes.includes(scope)}
              data-scope={scope}
              checked={fixed || scopes.includes(scope)}
              disabled={fixed}
              aria-describedby={fixed ? `${id}-fixed` : undefined}
              onChange={(event) => void toggle(scope, event.target.checked)}
            />
            <div className="switch-text">
              <label htmlFor={id}>{t(`care.scope.${scope}` as Key)}</label>
              {/* Beside the label, not in it: read once, as the switch's description. */}
              {fixed && (
                <span id={`${id}-fixed`} className="hint fixed-hint">
                  {t('care.fixed', { age })}
                </span>
              )}
            </div>
          </div>
        );
      })}
      {link.fixedScopes.length > 0 && (
        <p className="hint">{t('care.fixed_reason', { name: link.person.name, age })}</p>
      )}
      <p className="hint">{t('care.notes_never')}</p>
      {saved && <Notice>{t('care.saved', { name: link.person.name })}</Notice>}
      <ProblemMessage error={error} />
    </fieldset>
  );
}

/** What a daughter shares with this adult, read only: she alone changes it. */
function Shared({ link }: { link: NamedLink }) {
  const { t } = useI18n();
  if (link.scopes.length === 0) return <p>{t('care.you_see_nothing')}</p>;
  return (
    <>
      <p>{t('care.you_see')}</p>
      <ul className="list">
        {link.scopes.map((scope) => (
          <li key={scope}>{t(`care.her_scope.${scope}` as Key)}</li>
        ))}
      </ul>
      <p>
        <Link href={`/children/${link.person.id}`}>{t('care.child_open', { name: link.person.name })}</Link>
      </p>
    </>
  );
}

/** Ends a link (or cancels an entered code) once the viewer has said yes to `question`. */
function RemoveLink({
  link,
  label,
  question,
  onNotice,
}: {
  link: CareLink;
  label: string;
  question: string;
  onNotice: Notify;
}) {
  const { t } = useI18n();
  const queries = useQueryClient();
  return (
    <AskFirst
      label={label}
      question={question}
      yes={t('care.remove_yes')}
      no={t('care.keep')}
      onYes={async () => {
        await api('DELETE', `/care/links/${link.id}`);
        onNotice(t('care.removed'));
        await refreshLinks(queries);
      }}
    />
  );
}

/** A code the viewer entered: nobody is named until its maker confirms; the viewer may cancel. */
function Entered({ link, onNotice }: { link: CareLink; onNotice: Notify }) {
  const { t } = useI18n();
  const title = `link-${link.id}`;
  return (
    <section className="card link-card" aria-labelledby={title} data-link={link.status}>
      <h3 id={title}>{t('care.entered_title')}</h3>
      <p>{t('care.waiting_other')}</p>
      <RemoveLink
        link={link}
        label={t('care.cancel_code')}
        question={t('care.cancel_ask')}
        onNotice={onNotice}
      />
    </section>
  );
}

/** One linked (or about to be linked) person, as she or the adult sees the link. */
export function LinkCard({ link, child, onNotice }: { link: CareLink; child: boolean; onNotice: Notify }) {
  if (!link.person) return <Entered link={link} onNotice={onNotice} />;
  return <PersonCard link={{ ...link, person: link.person }} child={child} onNotice={onNotice} />;
}

type NamedLink = CareLink & { person: NonNullable<CareLink['person']> };

function PersonCard({ link, child, onNotice }: { link: NamedLink; child: boolean; onNotice: Notify }) {
  const { t, dateTime } = useI18n();
  const who = t(`role.${link.person.role}` as Key);
  const title = `link-${link.id}`;
  const active = link.status === 'active';
  // Under the consent age, she cannot remove the guardian who agreed to her account.
  const removable = !(child && link.fixedScopes.length > 0);
  return (
    <section className="card link-card" aria-labelledby={title} data-link={link.status}>
      <h3 id={title}>{t('care.person', { name: link.person.name, role: who })}</h3>
      {!active && link.awaitingYou && <Awaiting link={link} who={who} onNotice={onNotice} />}
      {active && link.confirmedAt && (
        <p className="hint">{t('care.since', { when: dateTime(link.confirmedAt) })}</p>
      )}
      {active && (child ? <Sharing link={link} /> : <Shared link={link} />)}
      {active && removable && (
        <RemoveLink
          link={link}
          label={t('care.remove')}
          question={t(child ? 'care.remove_ask' : 'care.remove_ask_adult', { name: link.person.name })}
          onNotice={onNotice}
        />
      )}
    </section>
  );
}
