import { HELP_CONTACTS, helpNumber } from '../help/contacts.ts';
import { type Key, useI18n } from '../i18n/index.tsx';

/**
 * Get help: what to do in an emergency, whom to call (numbers from help/contacts.ts, the one
 * reviewed list), when to see a health worker. Open to everyone, signed in or not.
 */
export function HelpPage() {
  const { t } = useI18n();
  const numbers = {
    emergency: helpNumber('emergency'),
    isange: helpNumber('isange'),
    child: helpNumber('child'),
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('help.title')}</h1>
      <p>{t('help.intro')}</p>

      <section className="card danger" aria-labelledby="help-emergency">
        <h2 id="help-emergency">{t('help.emergency_title')}</h2>
        <p>{t('help.emergency_body', numbers)}</p>
        <p>
          <a className="button primary" href={`tel:${numbers.emergency}`}>
            {t('help.call', { number: numbers.emergency })}
          </a>
        </p>
      </section>

      <section aria-labelledby="help-contacts">
        <h2 id="help-contacts">{t('help.contacts_title')}</h2>
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {HELP_CONTACTS.map((contact) => (
            <li key={contact.id} className="card">
              <h3>{t(`help.contact.${contact.id}.name` as Key)}</h3>
              <p>{t(`help.contact.${contact.id}.what` as Key)}</p>
              <a className="button" href={`tel:${contact.number}`}>
                {t('help.call', { number: contact.number })}
              </a>
            </li>
          ))}
        </ul>
        <p className="hint">{t('help.shared_phone')}</p>
      </section>

      <section className="card" aria-labelledby="help-see">
        <h2 id="help-see">{t('help.see_title')}</h2>
        <ul>
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <li key={n}>{t(`help.see.${n}` as Key)}</li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="help-hurt">
        <h2 id="help-hurt">{t('help.hurt_title')}</h2>
        <p>{t('help.hurt_body', numbers)}</p>
      </section>

      <section className="card" aria-labelledby="help-talk">
        <h2 id="help-talk">{t('help.talk_title')}</h2>
        <p>{t('help.talk_body')}</p>
      </section>
    </>
  );
}
