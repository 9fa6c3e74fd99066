import { type FormEvent, useState } from 'react';
import { TEXT_LIMITS } from '../../../../../src/contracts/text-limits.ts';
import { errorMessage } from '../../../shared/api-client.ts';
import { formatInstantDateTime } from '../../../shared/format.ts';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../../shared/ui/form.tsx';
import { ErrorNotice, Loading } from '../../../shared/ui/page.tsx';
import { type Contact, type NewContactInput, useContacts, useLogContact } from '../file-api.ts';
import { instantOfDateTimeInput, nowForDateTimeInput } from './dates.ts';
import { MedicalChoice, MedicalTag, WithheldNote } from './medical-choice.tsx';
import { ReadOnlyNote, Section, type SectionProps } from './section.tsx';

const CHANNELS = [
  { id: 'phone', label: 'Téléphone' },
  { id: 'email', label: 'E-mail' },
  { id: 'letter', label: 'Courrier' },
  { id: 'visit', label: 'Agence' },
  { id: 'chat', label: 'Messagerie' },
  { id: 'other', label: 'Autre' },
] as const;

const channelLabel = (id: string) => CHANNELS.find((c) => c.id === id)?.label ?? id;

const IDS = {
  channel: 'contact-canal-phone',
  summary: 'contact-resume',
  occurredAt: 'contact-date',
  agentName: 'contact-interlocuteur',
  reference: 'contact-reference',
  promises: 'contact-promesses',
} as const;
const ORDER = Object.values(IDS);
const API_FIELDS: Record<string, string> = {
  channel: IDS.channel,
  summary: IDS.summary,
  occurredAt: IDS.occurredAt,
  agentName: IDS.agentName,
  reference: IDS.reference,
  promises: IDS.promises,
};

interface Values {
  channel: string;
  summary: string;
  occurredAt: string;
  agentName: string;
  reference: string;
  promises: string;
}

const fresh = (): Values => ({
  channel: 'phone',
  summary: '',
  occurredAt: nowForDateTimeInput(),
  agentName: '',
  reference: '',
  promises: '',
});

/** Every call, e-mail, letter or visit with the organisation: quick entry, then the log, newest first. */
export function ContactsSection({ dossier, canWrite }: SectionProps) {
  const contacts = useContacts(dossier.id);
  return (
    <Section
      id="contacts"
      title="Journal des contacts"
      lead="Notez chaque échange avec l’organisme&nbsp;: la date, le nom de votre interlocuteur et ce qui a été dit ou promis."
    >
      {canWrite ? (
        <ContactForm dossierId={dossier.id} />
      ) : (
        <ReadOnlyNote>
          Lecture seule&nbsp;: seuls l’adhérent et les conseillers de l’organisme notent un contact.
        </ReadOnlyNote>
      )}
      <h3>Contacts notés{contacts.data && contacts.data.length > 0 ? ` (${contacts.data.length})` : ''}</h3>
      {contacts.isPending ? (
        <Loading label="Chargement du journal…" />
      ) : contacts.isError ? (
        <ErrorNotice message={errorMessage(contacts.error)} onRetry={() => contacts.refetch()} />
      ) : contacts.data.length === 0 ? (
        <p className="muted">Aucun contact noté pour le moment.</p>
      ) : (
        <ContactLog contacts={contacts.data} />
      )}
    </Section>
  );
}

function ContactLog({ contacts }: { contacts: Contact[] }) {
  const newestFirst = [...contacts].sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : -1));
  return (
    <ul className="contact-log">
      {newestFirst.map((c) => (
        <li key={c.id} className="contact-log__item">
          <p className="contact-log__head">
            <span className="tag tag--channel">{channelLabel(c.channel)}</span>{' '}
            <time dateTime={c.occurredAt}>{formatInstantDateTime(c.occurredAt)}</time>
            {c.agentName ? <> — avec {c.agentName}</> : null}
            {c.reference ? <span className="muted"> (réf.&nbsp;{c.reference})</span> : null}
            {c.medical && !c.withheld ? <MedicalTag /> : null}
          </p>
          {c.withheld ? (
            <WithheldNote>{c.summary}</WithheldNote>
          ) : (
            <p className="contact-log__summary">{c.summary}</p>
          )}
          {c.promises ? (
            <p className="contact-log__promises">
              <strong>Promesse&nbsp;:</strong> {c.promises}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function ContactForm({ dossierId }: { dossierId: string }) {
  const log = useLogContact(dossierId);
  const [values, setValues] = useState<Values>(fresh);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [done, setDone] = useState('');
  const [medical, setMedical] = useState(false);

  const set = (field: keyof Values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone('');
    const found: FieldErrors = {};
    const input: NewContactInput = { channel: values.channel, summary: values.summary.trim(), medical };
    if (input.summary.length < 3) found[IDS.summary] = 'Résumez ce qui a été dit (3 caractères au moins).';
    if (values.occurredAt) {
      const instant = instantOfDateTimeInput(values.occurredAt);
      if (!instant) found[IDS.occurredAt] = 'Date et heure invalides\u00a0: exemple 23/11/2026 14:05.';
      else if (new Date(instant).getTime() > Date.now() + 60_000) {
        found[IDS.occurredAt] =
          'La date du contact est dans le futur\u00a0: indiquez quand l’échange a eu lieu.';
      } else input.occurredAt = instant;
    }
    for (const field of ['agentName', 'reference', 'promises'] as const) {
      const text = values[field].trim();
      if (text) input[field] = text;
    }
    setErrors(found);
    setSummary(summaryOf(found, ORDER));
    if (Object.keys(found).length > 0) return;
    log.mutate(input, {
      onSuccess: (contact) => {
        setValues(fresh());
        setMedical(false);
        setDone(
          `Contact noté (${channelLabel(contact.channel)}, ${formatInstantDateTime(contact.occurredAt)}).`,
        );
      },
      onError: (error) => {
        const spread = errorsFromApi(error, API_FIELDS);
        setErrors(spread.fields);
        setSummary(summaryOf(spread.fields, ORDER, spread.general));
      },
    });
  }

  return (
    <>
      <ErrorSummary id="contact-erreurs" items={summary} title="Le contact n’a pas été noté" />
      <form noValidate onSubmit={onSubmit} className="form contact-form">
        <fieldset className="fieldset channel-picker">
          <legend>Canal</legend>
          <div className="channel-picker__options">
            {CHANNELS.map((channel) => (
              <label key={channel.id} className="channel-picker__option">
                <input
                  type="radio"
                  name="contact-canal"
                  id={`contact-canal-${channel.id}`}
                  value={channel.id}
                  checked={values.channel === channel.id}
                  onChange={set('channel')}
                />
                <span className="channel-picker__face">{channel.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          id={IDS.summary}
          label="Ce qui a été dit"
          hint="Exemple&nbsp;: le conseiller confirme le refus et conseille d’écrire au service réclamations."
          error={errors[IDS.summary]}
          count={{ length: values.summary.length, max: TEXT_LIMITS.contactSummary }}
        >
          {(aria) => <textarea {...aria} rows={3} value={values.summary} onChange={set('summary')} />}
        </Field>
        <div className="contact-form__grid">
          <Field
            id={IDS.occurredAt}
            label="Date et heure"
            hint="Maintenant par défaut."
            error={errors[IDS.occurredAt]}
          >
            {(aria) => (
              <input {...aria} type="datetime-local" value={values.occurredAt} onChange={set('occurredAt')} />
            )}
          </Field>
          <Field id={IDS.agentName} label="Nom de l’interlocuteur" optional error={errors[IDS.agentName]}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                maxLength={200}
                value={values.agentName}
                onChange={set('agentName')}
              />
            )}
          </Field>
          <Field id={IDS.reference} label="Référence donnée" optional error={errors[IDS.reference]}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                maxLength={200}
                value={values.reference}
                onChange={set('reference')}
              />
            )}
          </Field>
        </div>
        <Field
          id={IDS.promises}
          label="Promesses faites"
          optional
          hint="Ce qui a été promis, et pour quand."
          error={errors[IDS.promises]}
          count={{ length: values.promises.length, max: TEXT_LIMITS.contactPromises }}
        >
          {(aria) => <textarea {...aria} rows={2} value={values.promises} onChange={set('promises')} />}
        </Field>
        <MedicalChoice id="contact-medical" checked={medical} onChange={setMedical} what="cet échange" />
        <div className="form__actions">
          <button type="submit" className="button" disabled={log.isPending}>
            Noter ce contact
          </button>
          <span role="status" className="muted">
            {log.isPending ? 'Enregistrement…' : done}
          </span>
        </div>
      </form>
    </>
  );
}
