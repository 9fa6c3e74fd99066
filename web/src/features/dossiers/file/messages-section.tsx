import { type FormEvent, useState } from 'react';
import { TEXT_LIMITS } from '../../../../../src/contracts/text-limits.ts';
import { ROLE_LABELS, type Role } from '../../../../../src/domain/access/roles.ts';
import { errorMessage } from '../../../shared/api-client.ts';
import { formatDate, formatInstantDateTime } from '../../../shared/format.ts';
import { ErrorSummary, errorsFromApi, Field, type SummaryItem } from '../../../shared/ui/form.tsx';
import { ErrorNotice, Loading } from '../../../shared/ui/page.tsx';
import { type Message, useLetters, useMarkMessage, useMessages, usePostMessage } from '../file-api.ts';
import { MedicalChoice, MedicalTag, WithheldNote } from './medical-choice.tsx';
import { ReadOnlyNote, Section, SectionLink, type SectionProps } from './section.tsx';
import { focusUploadForm } from './upload-form.tsx';

/** The conversation with the organisation's handler, when the organisation handles complaints on Recours. */
export function MessagesSection(props: SectionProps) {
  const onRecours = props.dossier.organisationId !== null;
  return (
    <Section id="messages" title="Messages">
      {onRecours ? <Conversation {...props} /> : <ByPost {...props} />}
    </Section>
  );
}

function ByPost({ dossier }: SectionProps) {
  const letters = useLetters(dossier.id, true);
  return (
    <>
      <p>
        {dossier.organisationName} ne traite pas ses réclamations sur Recours&nbsp;: la messagerie n’est pas
        disponible pour ce dossier. Vous correspondez avec l’organisme <strong>par courrier</strong> (de
        préférence en recommandé avec accusé de réception) ou par e-mail.
      </p>
      <p>
        Notez chaque échange dans le <SectionLink to="contacts">journal des contacts</SectionLink> et déposez
        une copie de vos courriers dans les <SectionLink to="pieces">pièces</SectionLink>
        &nbsp;: les délais de réponse partent de la date d’envoi.
      </p>
      {letters.data && letters.data.length > 0 ? (
        <>
          <h3>Vos courriers</h3>
          <ul className="letter-list">
            {letters.data.map((letter) => (
              <li key={letter.id}>
                <a href={letter.pdfUrl} target="_blank" rel="noopener">
                  {letter.subject}
                  <span className="sr-only"> (PDF, nouvel onglet)</span>
                </a>{' '}
                <span className="muted">
                  {letter.sentOn ? `envoyé le ${formatDate(letter.sentOn)}` : 'pas encore envoyé'}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">
          Recours prépare pour vous les courriers types (réclamation, relance, saisine du médiateur)&nbsp;:
          ils apparaîtront ici, prêts à imprimer.
        </p>
      )}
    </>
  );
}

function Conversation({ dossier, user, canWrite }: SectionProps) {
  const messages = useMessages(dossier.id, true);
  // The medical adviser writes to the member under medical secrecy only (docs/medical-secrecy.md).
  const adviser = user?.role === 'medical_adviser' && user.organisation?.id === dossier.organisationId;
  const member = user?.role === 'member';
  return (
    <>
      {messages.isPending ? (
        <Loading label="Chargement des messages…" />
      ) : messages.isError ? (
        <ErrorNotice message={errorMessage(messages.error)} onRetry={() => messages.refetch()} />
      ) : messages.data.length === 0 ? (
        <p className="muted">
          Aucun message pour le moment. Écrivez à votre conseiller chez {dossier.organisationName}&nbsp;: il
          vous répond ici.
        </p>
      ) : (
        <ol className="thread" aria-label="Conversation avec l’organisme">
          {messages.data.map((message) => (
            <MessageItem
              key={message.id}
              dossierId={dossier.id}
              message={message}
              mine={message.author.id === user?.id}
              canUpload={canWrite}
              canMark={canWrite || adviser}
              canUnmark={member || adviser}
            />
          ))}
        </ol>
      )}
      {canWrite || adviser ? (
        <MessageForm dossierId={dossier.id} medical={adviser ? 'always' : member ? 'choice' : 'never'} />
      ) : (
        <ReadOnlyNote>
          Lecture seule&nbsp;: seuls l’adhérent et les conseillers de l’organisme écrivent dans la messagerie.
        </ReadOnlyNote>
      )}
    </>
  );
}

function MessageItem({
  dossierId,
  message,
  mine,
  canUpload,
  canMark,
  canUnmark,
}: {
  dossierId: string;
  message: Message;
  mine: boolean;
  canUpload: boolean;
  canMark: boolean;
  canUnmark: boolean;
}) {
  const mark = useMarkMessage(dossierId);
  const request = message.kind === 'document_request';
  const who = mine
    ? 'Vous'
    : `${message.author.displayName} (${ROLE_LABELS[message.author.role as Role] ?? message.author.role})`;
  return (
    <li
      className={`thread__message${mine ? ' thread__message--mine' : ''}${request ? ' thread__message--request' : ''}${message.internal ? ' thread__message--internal' : ''}`}
    >
      <p className="thread__meta">
        <strong>{who}</strong> —{' '}
        <time dateTime={message.createdAt}>{formatInstantDateTime(message.createdAt)}</time>
        {message.internal ? <span className="tag tag--internal">Note interne</span> : null}
        {message.medical && !message.withheld ? <MedicalTag /> : null}
      </p>
      {request ? (
        <p className="thread__request-label">
          <span aria-hidden="true">📎 </span>
          <strong>Pièce demandée</strong>
        </p>
      ) : null}
      {message.withheld ? (
        <WithheldNote>{message.body}</WithheldNote>
      ) : (
        <p className="thread__body">{message.body}</p>
      )}
      {!message.internal && !message.medical && canMark ? (
        <button
          type="button"
          className="button button--tertiary button--small"
          disabled={mark.isPending}
          onClick={() => mark.mutate({ messageId: message.id, medical: true })}
        >
          Placer sous secret médical
        </button>
      ) : null}
      {message.medical && canUnmark ? (
        <button
          type="button"
          className="button button--tertiary button--small"
          disabled={mark.isPending}
          onClick={() => mark.mutate({ messageId: message.id, medical: false })}
        >
          Lever le secret médical
        </button>
      ) : null}
      {mark.isError ? <p className="field__error">{errorMessage(mark.error)}</p> : null}
      {request && canUpload && !mine ? (
        <button type="button" className="button button--small" onClick={focusUploadForm}>
          Déposer la pièce demandée
        </button>
      ) : null}
    </li>
  );
}

function MessageForm({
  dossierId,
  medical: mode,
}: {
  dossierId: string;
  medical: 'always' | 'choice' | 'never';
}) {
  const post = usePostMessage(dossierId);
  const [medical, setMedical] = useState(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [sent, setSent] = useState(false);
  const id = 'message-texte';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    const text = body.trim();
    if (!text) {
      const message = 'Écrivez votre message.';
      setError(message);
      setSummary([{ fieldId: id, message }]);
      return;
    }
    setError(undefined);
    setSummary([]);
    post.mutate(
      { body: text, medical: mode === 'always' || (mode === 'choice' && medical) },
      {
        onSuccess: () => {
          setBody('');
          setMedical(false);
          setSent(true);
        },
        onError: (failure) => {
          const spread = errorsFromApi(failure, { body: id });
          setError(spread.fields[id]);
          setSummary(
            spread.fields[id]
              ? [{ fieldId: id, message: spread.fields[id] }]
              : [{ message: spread.general ?? '' }],
          );
        },
      },
    );
  }

  return (
    <>
      <ErrorSummary id="message-erreurs" items={summary} title="Le message n’a pas été envoyé" />
      <form noValidate onSubmit={onSubmit} className="form message-form">
        <Field
          id={id}
          label={mode === 'always' ? 'Votre message à l’adhérent (sous secret médical)' : 'Votre message'}
          error={error}
          count={{ length: body.length, max: TEXT_LIMITS.message }}
        >
          {(aria) => <textarea {...aria} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        {mode === 'choice' ? (
          <MedicalChoice id="message-medical" checked={medical} onChange={setMedical} what="ce message" />
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={post.isPending}>
            Envoyer
          </button>
          <span role="status" className="muted">
            {post.isPending ? 'Envoi…' : sent ? 'Message envoyé.' : ''}
          </span>
        </div>
      </form>
    </>
  );
}
