import { type FormEvent, useState } from 'react';
import { readDateText } from '../../../shared/date-input.ts';
import { formatBytes, formatDate } from '../../../shared/format.ts';
import { errorsFromApi, Field, type FieldErrors } from '../../../shared/ui/form.tsx';
import { type DocumentPatch, type DossierDocument, useUpdateDocument } from '../file-api.ts';
import { todayInParis } from './dates.ts';
import { documentKindOptions } from './document-kinds.ts';
import { MedicalTag, WithheldNote } from './medical-choice.tsx';

/** One piece: what it is, its date and size, a link to see it, and (for a writer) reclassify / re-date. */
export function DocumentItem({
  dossierId,
  document,
  canWrite,
}: {
  dossierId: string;
  document: DossierDocument;
  canWrite: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const titleId = `piece-${document.id}`;
  if (document.withheld) {
    // Medical secrecy: the piece exists, its date and who holds it; nothing to open or rename.
    return (
      <li className="document-item">
        <div className="document-item__main">
          <h4 className="document-item__title" id={titleId}>
            {document.title}
          </h4>
          <WithheldNote>
            {document.documentDate ? `Datée du ${formatDate(document.documentDate)}. ` : 'Non datée. '}
            Détenue par {document.heldBy ?? 'le médecin-conseil de l’organisme'}&nbsp;: son contenu n’est pas
            accessible aux conseillers.
          </WithheldNote>
        </div>
      </li>
    );
  }
  return (
    <li className="document-item">
      <div className="document-item__main">
        <p className="document-item__kind">{document.kindLabel}</p>
        <h4 className="document-item__title" id={titleId}>
          {document.title}
          {document.medical ? <MedicalTag /> : null}
        </h4>
        <p className="document-item__meta">
          <span>{document.documentDate ? `Datée du ${formatDate(document.documentDate)}` : 'Non datée'}</span>
          <span aria-hidden="true"> · </span>
          <span>{formatBytes(document.sizeBytes)}</span>
        </p>
      </div>
      <div className="document-item__actions">
        <a
          className="button button--secondary button--small"
          href={document.contentUrl}
          target="_blank"
          rel="noopener"
        >
          Voir<span className="sr-only"> «&nbsp;{document.title}&nbsp;» (nouvel onglet)</span>
        </a>
        {canWrite ? (
          <button
            type="button"
            className="button button--tertiary button--small"
            aria-expanded={editing}
            aria-controls={`${titleId}-modifier`}
            onClick={() => setEditing((v) => !v)}
          >
            Modifier<span className="sr-only"> «&nbsp;{document.title}&nbsp;»</span>
          </button>
        ) : null}
      </div>
      {editing ? (
        <EditDocument
          dossierId={dossierId}
          document={document}
          formId={`${titleId}-modifier`}
          onDone={() => setEditing(false)}
        />
      ) : null}
    </li>
  );
}

function EditDocument({
  dossierId,
  document,
  formId,
  onDone,
}: {
  dossierId: string;
  document: DossierDocument;
  formId: string;
  onDone: () => void;
}) {
  const update = useUpdateDocument(dossierId);
  const [kind, setKind] = useState<string>(document.kind);
  const [title, setTitle] = useState(document.title);
  const [date, setDate] = useState(document.documentDate ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const ids = { kind: `${formId}-nature`, title: `${formId}-titre`, date: `${formId}-date` };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    const patch: DocumentPatch = {};
    if (kind !== document.kind) patch.kind = kind;
    const trimmed = title.trim();
    if (!trimmed) found[ids.title] = 'Donnez un titre à la pièce.';
    else if (trimmed !== document.title) patch.title = trimmed;
    const typed = date.trim();
    if (typed === '') {
      if (document.documentDate) patch.documentDate = null;
    } else {
      const read = readDateText(typed, {
        notAfter: {
          date: todayInParis(),
          message: 'La date de la pièce ne peut pas être postérieure à aujourd’hui.',
        },
      });
      if ('error' in read) found[ids.date] = read.error;
      else if (read.date !== document.documentDate) patch.documentDate = read.date;
    }
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { docId: document.id, patch },
      {
        onSuccess: onDone,
        onError: (error) => {
          const spread = errorsFromApi(error, { kind: ids.kind, title: ids.title, documentDate: ids.date });
          setErrors(spread.fields);
          setGeneral(spread.general);
        },
      },
    );
  }

  return (
    <form id={formId} noValidate onSubmit={onSubmit} className="document-edit">
      {general ? (
        <p className="notice notice--error" role="alert">
          {general}
        </p>
      ) : null}
      <div className="upload-form__grid">
        <Field id={ids.kind} label="Nature" error={errors[ids.kind]}>
          {(aria) => (
            <select {...aria} value={kind} onChange={(e) => setKind(e.target.value)}>
              {documentKindOptions.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={ids.title} label="Titre" error={errors[ids.title]}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <Field id={ids.date} label="Date portée sur la pièce" optional error={errors[ids.date]}>
          {(aria) => (
            <input
              {...aria}
              type="date"
              className="input--short"
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={update.isPending}>
          Enregistrer
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onDone}>
          Annuler
        </button>
        {errors[ids.title] || errors[ids.date] ? (
          <span role="alert" className="sr-only">
            {[errors[ids.title], errors[ids.date]].filter(Boolean).join(' ')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
