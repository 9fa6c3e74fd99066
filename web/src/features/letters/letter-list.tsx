import { useRef, useState } from 'react';
import { formatInstantDate } from '../../shared/format.ts';
import type { StoredLetter } from './api.ts';
import { letterTypeLabel, sendingStatus } from './labels.ts';
import { SentForm } from './sent-form.tsx';

/** The letters already written, oldest first: what was sent, how, and the PDF of each. */
export function LetterList({
  dossierId,
  letters,
  canSend,
}: {
  dossierId: string;
  letters: StoredLetter[];
  /** May this person note the sending of these letters (the API checks the side of each letter)? */
  canSend: (letter: StoredLetter) => boolean;
}) {
  const ordered = [...letters].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  return (
    <ul className="letter-list">
      {ordered.map((letter) => (
        <LetterItem key={letter.id} dossierId={dossierId} letter={letter} canSend={canSend(letter)} />
      ))}
    </ul>
  );
}

function LetterItem({
  dossierId,
  letter,
  canSend,
}: {
  dossierId: string;
  letter: StoredLetter;
  canSend: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const label = letterTypeLabel(letter.type);
  const written = formatInstantDate(letter.createdAt);
  const formId = `envoi-${letter.id}-formulaire`;
  const sent = letter.sentOn !== null;

  return (
    <li className="letter-item">
      <h4 className="letter-item__title">{label}</h4>
      <p className="letter-item__subject">
        <span className="muted">Objet&nbsp;:</span> {letter.subject}
      </p>
      <p className="letter-item__meta muted">
        Rédigé le <time dateTime={letter.createdAt}>{written}</time>
      </p>
      <p
        ref={statusRef}
        tabIndex={-1}
        className={sent ? 'letter-item__status letter-item__status--sent' : 'letter-item__status'}
      >
        <span aria-hidden="true">{sent ? '✓ ' : '○ '}</span>
        {sendingStatus(letter)}
      </p>
      <div aria-live="polite">{done ? <p className="notice notice--success">{done}</p> : null}</div>
      <div className="letter-item__actions">
        <a
          className="button button--secondary button--small"
          href={letter.pdfUrl}
          target="_blank"
          rel="noopener"
        >
          Télécharger le PDF
          <span className="sr-only">
            {' '}
            du courrier «&nbsp;{label}&nbsp;» du {written} (nouvel onglet)
          </span>
        </a>
        {canSend && !sent ? (
          <button
            ref={toggleRef}
            type="button"
            className="button button--tertiary button--small"
            aria-expanded={open}
            aria-controls={formId}
            onClick={() => setOpen((o) => !o)}
          >
            Noter l’envoi
            <span className="sr-only">
              {' '}
              du courrier «&nbsp;{label}&nbsp;» du {written}
            </span>
          </button>
        ) : null}
      </div>
      {canSend && !sent ? (
        <div id={formId} hidden={!open}>
          {open ? (
            <SentForm
              dossierId={dossierId}
              letter={letter}
              title={label}
              onCancel={() => {
                setOpen(false);
                toggleRef.current?.focus();
              }}
              onDone={(explanation) => {
                setOpen(false);
                setDone(explanation);
                // The button is gone once the letter is sent: focus goes to the new status line.
                requestAnimationFrame(() => statusRef.current?.focus());
              }}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
