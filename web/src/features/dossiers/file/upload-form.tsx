import { type FormEvent, useRef, useState } from 'react';
import { readDateText } from '../../../shared/date-input.ts';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../../shared/ui/form.tsx';
import { type UploadInput, useUploadDocument } from '../file-api.ts';
import { todayInParis } from './dates.ts';
import { ACCEPT, documentKindOptions, MAX_UPLOAD_BYTES, TOO_LARGE } from './document-kinds.ts';
import { MedicalChoice } from './medical-choice.tsx';

/** The file input: a handler's document request leads here. */
export const UPLOAD_FILE_ID = 'piece-fichier';

const IDS = {
  file: UPLOAD_FILE_ID,
  kind: 'piece-nature',
  title: 'piece-titre',
  documentDate: 'piece-date',
} as const;
const ORDER = Object.values(IDS);
const API_FIELDS: Record<string, string> = {
  file: IDS.file,
  kind: IDS.kind,
  title: IDS.title,
  documentDate: IDS.documentDate,
};

interface Values {
  kind: string;
  title: string;
  documentDate: string;
}
const EMPTY: Values = { kind: '', title: '', documentDate: '' };

/** Scrolls to the upload form and focuses its file input (from a document request, from the checklist). */
export function focusUploadForm() {
  const input = document.getElementById(UPLOAD_FILE_ID);
  input?.scrollIntoView({ block: 'center' });
  input?.focus();
}

/** Upload one piece: the file, what it is, and optionally a title and the date written on it. */
export function UploadForm({ dossierId }: { dossierId: string }) {
  const upload = useUploadDocument(dossierId);
  const [file, setFile] = useState<File | null>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const [medical, setMedical] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (field: keyof Values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const found: FieldErrors = {};
    if (!file) found[IDS.file] = 'Choisissez le fichier à déposer (PDF, JPEG, PNG ou HEIC).';
    else if (file.size > MAX_UPLOAD_BYTES) found[IDS.file] = TOO_LARGE;
    else if (file.size === 0) found[IDS.file] = 'Le fichier est vide\u00a0: choisissez un autre fichier.';
    if (!values.kind) found[IDS.kind] = 'Choisissez la nature de la pièce.';
    const input: UploadInput = { file: file as File, kind: values.kind, medical };
    const title = values.title.trim();
    if (title.length > 200) found[IDS.title] = 'Le titre ne peut dépasser 200 caractères.';
    else if (title) input.title = title;
    if (values.documentDate.trim()) {
      const read = readDateText(values.documentDate, {
        notAfter: {
          date: todayInParis(),
          message: 'La date de la pièce ne peut pas être postérieure à aujourd’hui.',
        },
      });
      if ('error' in read) found[IDS.documentDate] = read.error;
      else input.documentDate = read.date;
    }
    setErrors(found);
    setSummary(summaryOf(found, ORDER));
    if (Object.keys(found).length > 0) return;
    upload.mutate(input, {
      onSuccess: (document) => {
        setAdded(
          `Pièce ajoutée\u00a0: ${document.kindLabel} — ${document.title}${document.medical ? ' (sous secret médical)' : ''}.`,
        );
        setValues(EMPTY);
        setMedical(false);
        setFile(null);
        formRef.current?.reset();
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
      <ErrorSummary id="piece-erreurs" items={summary} title="La pièce n’a pas été ajoutée" />
      <form ref={formRef} noValidate onSubmit={onSubmit} className="form upload-form">
        <Field
          id={IDS.file}
          label="Fichier"
          hint="PDF, JPEG, PNG ou HEIC (photo d’iPhone), 10 Mo au plus."
          error={errors[IDS.file]}
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept={ACCEPT}
              onChange={(event) => {
                const chosen = event.target.files?.[0] ?? null;
                setFile(chosen);
                setErrors((current) => ({
                  ...current,
                  [IDS.file]: chosen && chosen.size > MAX_UPLOAD_BYTES ? TOO_LARGE : undefined,
                }));
              }}
            />
          )}
        </Field>
        <div className="upload-form__grid">
          <Field id={IDS.kind} label="Nature de la pièce" error={errors[IDS.kind]}>
            {(aria) => (
              <select {...aria} value={values.kind} onChange={set('kind')}>
                <option value="">Choisissez</option>
                {documentKindOptions.map((kind) => (
                  <option key={kind.id} value={kind.id}>
                    {kind.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={IDS.title}
            label="Titre"
            optional
            hint="Par défaut, la nature de la pièce."
            error={errors[IDS.title]}
          >
            {(aria) => (
              <input {...aria} type="text" maxLength={200} value={values.title} onChange={set('title')} />
            )}
          </Field>
          <Field
            id={IDS.documentDate}
            label="Date portée sur la pièce"
            optional
            error={errors[IDS.documentDate]}
          >
            {(aria) => (
              <input
                {...aria}
                type="date"
                className="input--short"
                value={values.documentDate}
                onChange={set('documentDate')}
              />
            )}
          </Field>
        </div>
        <MedicalChoice id="piece-medicale" checked={medical} onChange={setMedical} what="cette pièce" />
        <div className="form__actions">
          <button type="submit" className="button" disabled={upload.isPending}>
            Ajouter la pièce
          </button>
          <span role="status" className={added ? 'upload-form__done' : 'muted'}>
            {upload.isPending ? 'Envoi en cours…' : (added ?? '')}
          </span>
        </div>
      </form>
    </>
  );
}
