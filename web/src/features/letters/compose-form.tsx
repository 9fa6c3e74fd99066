import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { DecisionOutcome } from '../../../../src/contracts/decision-outcomes.ts';
import { TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import type { LetterSide, LetterType } from '../../../../src/domain/letters/schema.ts';
import { formatDate, parseEurosToCents } from '../../shared/format.ts';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import { type LetterChoices, type LetterPreview, useCreateLetter, useDraftPreview } from './api.ts';
import {
  DECISION_OUTCOMES,
  LETTER_PURPOSES,
  letterTypeLabel,
  TERMINATION_GROUNDS,
  unavailableNote,
  writableTypes,
} from './labels.ts';

const IDS = {
  type: 'courrier-type',
  terminationGround: 'courrier-motif',
  answerDays: 'courrier-delai',
  requestedDocument: 'courrier-piece',
  outcome: 'courrier-decision',
  reasons: 'courrier-motifs',
  amountGranted: 'courrier-montant',
  subject: 'courrier-objet',
  bodyText: 'courrier-texte',
} as const;
const PREPARE = 'Le brouillon n’a pas pu être préparé';
const PRODUCE = 'Le courrier n’a pas été enregistré (votre texte est conservé)';
const typeInputId = (type: string) => `${IDS.type}-${type}`;

/** The API's field names → the controls that fix them. */
function apiFieldsFor(firstType: string): Record<string, string> {
  return {
    type: typeInputId(firstType),
    'options.terminationGround': IDS.terminationGround,
    'options.answerDays': IDS.answerDays,
    'options.requestedDocuments': IDS.requestedDocument,
    'options.requestedDocuments.0': IDS.requestedDocument,
    'options.decision': IDS.outcome,
    'options.decision.outcome': IDS.outcome,
    'options.decision.reasons': IDS.reasons,
    'options.decision.amountGrantedCents': IDS.amountGranted,
    subject: IDS.subject,
    bodyText: IDS.bodyText,
  };
}

interface ChoiceValues {
  type: LetterType | '';
  terminationGround: string;
  answerDays: string;
  requestedDocument: string;
  outcome: string;
  reasons: string;
  amountGranted: string;
}

interface Draft {
  type: LetterType;
  choices: LetterChoices;
  subject: string;
  bodyText: string;
  edited: boolean;
  preview: LetterPreview['letter'];
}

interface Created {
  label: string;
  subject: string;
  pdfUrl: string;
}

/** The choices of the form, checked; the messages go next to their fields. */
function readChoices(values: ChoiceValues): { choices: LetterChoices; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const choices: LetterChoices = {};
  switch (values.type) {
    case 'resiliation':
      if (values.terminationGround) {
        choices.terminationGround = values.terminationGround as NonNullable<
          LetterChoices['terminationGround']
        >;
      }
      break;
    case 'mise_en_demeure': {
      const days = values.answerDays.trim();
      if (days) {
        const n = Number(days);
        if (!Number.isInteger(n) || n < 8 || n > 60) {
          errors[IDS.answerDays] = 'Délai invalide\u00a0: un nombre de jours entre 8 et 60 (15 par défaut).';
        } else choices.answerDays = n;
      }
      break;
    }
    case 'demande_piece': {
      const piece = values.requestedDocument.trim();
      if (piece.length < 2) errors[IDS.requestedDocument] = 'Indiquez la pièce à demander à l’adhérent.';
      else choices.requestedDocument = piece;
      break;
    }
    case 'reponse_motivee': {
      const reasons = values.reasons.trim();
      if (!values.outcome) errors[IDS.outcome] = 'Choisissez le sens de la décision.';
      if (reasons.length < 10) errors[IDS.reasons] = 'Motivez la décision (10 caractères au moins).';
      const amount = parseEurosToCents(values.amountGranted);
      if (!amount.ok) errors[IDS.amountGranted] = amount.message;
      if (values.outcome && reasons.length >= 10 && amount.ok) {
        choices.decision = {
          outcome: values.outcome as DecisionOutcome,
          reasons,
          ...(amount.cents !== null ? { amountGrantedCents: amount.cents } : {}),
        };
      }
      break;
    }
    default:
      break;
  }
  return { choices, errors };
}

/**
 * « Rédiger un courrier »: a type among those the signed-in side writes, the text drafted from the file loaded
 * into an editor, then stored and printed as a PDF. Nothing typed is lost when the API refuses: only the
 * messages change.
 */
export function ComposeLetter({
  dossierId,
  side,
  organisationKind,
}: {
  dossierId: string;
  side: LetterSide;
  organisationKind: string;
}) {
  const types = writableTypes(side, organisationKind);
  const note = unavailableNote(side, organisationKind);
  const preview = useDraftPreview(dossierId);
  const create = useCreateLetter(dossierId);
  const [values, setValues] = useState<ChoiceValues>({
    type: '',
    terminationGround: '',
    answerDays: '15',
    requestedDocument: '',
    outcome: '',
    reasons: '',
    amountGranted: '',
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [summaryTitle, setSummaryTitle] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const editorHeading = useRef<HTMLHeadingElement>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  const focusEditor = useRef(false);
  const apiFields = apiFieldsFor(types[0] ?? '');

  useEffect(() => {
    if (draft && focusEditor.current) {
      focusEditor.current = false;
      editorHeading.current?.focus();
    }
  }, [draft]);

  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  const set = (field: keyof ChoiceValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function showErrors(found: FieldErrors, general: string | null, title: string) {
    setErrors(found);
    setSummaryTitle(title);
    setSummary(summaryOf(found, [typeInputId(types[0] ?? ''), ...Object.values(IDS)], general));
  }

  function onPrepare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!values.type) {
      showErrors(
        { [typeInputId(types[0] ?? '')]: 'Choisissez le type de courrier à rédiger.' },
        null,
        PREPARE,
      );
      return;
    }
    const type = values.type;
    const { choices, errors: found } = readChoices(values);
    showErrors(found, null, PREPARE);
    if (Object.keys(found).length > 0) return;
    if (
      draft?.edited &&
      !window.confirm('Remplacer le texte que vous avez modifié par un nouveau brouillon\u00a0?')
    ) {
      return;
    }
    preview.mutate(
      { type, choices },
      {
        onSuccess: (answer) => {
          setCreated(null);
          focusEditor.current = true;
          setDraft({
            type,
            choices,
            subject: answer.text.subject,
            bodyText: answer.text.bodyText,
            edited: false,
            preview: answer.letter,
          });
        },
        onError: (error) => {
          const spread = errorsFromApi(error, apiFields);
          showErrors(spread.fields, spread.general, PREPARE);
        },
      },
    );
  }

  function onProduce(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft) return;
    const found: FieldErrors = {};
    const subject = draft.subject.trim();
    const bodyText = draft.bodyText.trim();
    if (subject.length < 3) found[IDS.subject] = 'L’objet doit faire 3 caractères au moins.';
    if (bodyText.length < 20) found[IDS.bodyText] = 'Le texte du courrier doit faire 20 caractères au moins.';
    showErrors(found, null, PRODUCE);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      { type: draft.type, choices: draft.choices, subject, bodyText },
      {
        onSuccess: ({ letter, pdfUrl }) => {
          setDraft(null);
          setCreated({ label: letterTypeLabel(letter.type), subject: letter.subject, pdfUrl });
        },
        // The draft stays as typed: only the messages change.
        onError: (error) => {
          const spread = errorsFromApi(error, apiFields);
          showErrors(spread.fields, spread.general, PRODUCE);
        },
      },
    );
  }

  const editDraft = (field: 'subject' | 'bodyText') => (event: { target: { value: string } }) =>
    setDraft((current) => (current ? { ...current, [field]: event.target.value, edited: true } : current));

  return (
    <div className="letter-compose">
      <ErrorSummary id="courrier-erreurs" items={summary} title={summaryTitle} />
      <form noValidate onSubmit={onPrepare} className="form letter-compose__choice">
        <fieldset
          className={
            errors[typeInputId(types[0] ?? '')]
              ? 'letter-choice letter-types field--error'
              : 'letter-choice letter-types'
          }
          aria-describedby={errors[typeInputId(types[0] ?? '')] ? `${IDS.type}-erreur` : undefined}
        >
          <legend>Type de courrier</legend>
          {errors[typeInputId(types[0] ?? '')] ? (
            <p className="field__error" id={`${IDS.type}-erreur`}>
              <span aria-hidden="true">⚠ </span>
              {errors[typeInputId(types[0] ?? '')]}
            </p>
          ) : null}
          {types.map((type) => (
            <div key={type} className="letter-type">
              <input
                type="radio"
                name={IDS.type}
                id={typeInputId(type)}
                value={type}
                checked={values.type === type}
                onChange={() => setValues((v) => ({ ...v, type }))}
                aria-describedby={`${typeInputId(type)}-aide`}
              />
              <label htmlFor={typeInputId(type)} className="letter-type__label">
                {letterTypeLabel(type)}
              </label>
              <p className="letter-type__purpose" id={`${typeInputId(type)}-aide`}>
                {LETTER_PURPOSES[type]}
              </p>
            </div>
          ))}
          {note ? <p className="field__hint">{note}</p> : null}
        </fieldset>

        <TypeOptions type={values.type} values={values} errors={errors} set={set} />

        <div className="form__actions">
          <button type="submit" className="button" disabled={preview.isPending}>
            {draft ? 'Préparer un nouveau brouillon' : 'Préparer le brouillon'}
          </button>
          <span role="status" className="muted">
            {preview.isPending ? 'Rédaction du brouillon à partir du dossier…' : ''}
          </span>
        </div>
      </form>

      <div aria-live="polite">
        {created ? (
          <div className="notice notice--success letter-created" ref={createdRef} tabIndex={-1}>
            <p>
              <strong>Courrier enregistré&nbsp;: {created.label}.</strong> Il figure dans la liste des
              courriers rédigés. Une fois envoyé, notez son envoi.
            </p>
            <p>
              <a href={created.pdfUrl} target="_blank" rel="noopener">
                Télécharger le PDF du courrier
                <span className="sr-only"> «&nbsp;{created.subject}&nbsp;» (nouvel onglet)</span>
              </a>
            </p>
          </div>
        ) : null}
      </div>

      {draft ? (
        <form noValidate onSubmit={onProduce} className="form letter-editor">
          <h4 ref={editorHeading} tabIndex={-1} className="letter-editor__title">
            Brouillon&nbsp;: {letterTypeLabel(draft.type)}
          </h4>
          <PreviewFacts preview={draft.preview} />
          <Field id={IDS.subject} label="Objet du courrier" hint="Modifiable." error={errors[IDS.subject]}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                maxLength={300}
                value={draft.subject}
                onChange={editDraft('subject')}
              />
            )}
          </Field>
          <Field
            id={IDS.bodyText}
            label="Texte du courrier"
            hint="Relisez et modifiez librement. Séparez les paragraphes par une ligne vide. Vos coordonnées, le destinataire, les références et la liste des pièces sont ajoutés au PDF."
            error={errors[IDS.bodyText]}
            count={{ length: draft.bodyText.length, max: TEXT_LIMITS.letterBody }}
          >
            {(aria) => (
              <textarea
                {...aria}
                className="letter-editor__text"
                rows={22}
                value={draft.bodyText}
                onChange={editDraft('bodyText')}
              />
            )}
          </Field>
          <div className="form__actions">
            <button type="submit" className="button" disabled={create.isPending}>
              Enregistrer et produire le PDF
            </button>
            <span role="status" className="muted">
              {create.isPending ? 'Enregistrement du courrier…' : ''}
            </span>
          </div>
        </form>
      ) : null}
    </div>
  );
}

function PreviewFacts({ preview }: { preview: LetterPreview['letter'] }) {
  return (
    <dl className="letter-editor__facts">
      <div>
        <dt>Destinataire</dt>
        <dd>{preview.recipient.join(', ')}</dd>
      </div>
      {preview.sendingNote ? (
        <div>
          <dt>Envoi conseillé</dt>
          <dd>{preview.sendingNote}</dd>
        </div>
      ) : null}
      {preview.answerBy ? (
        <div>
          <dt>Date limite citée dans le courrier</dt>
          <dd>{formatDate(preview.answerBy.date)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function TypeOptions({
  type,
  values,
  errors,
  set,
}: {
  type: LetterType | '';
  values: ChoiceValues;
  errors: FieldErrors;
  set: (field: keyof ChoiceValues) => (event: { target: { value: string } }) => void;
}) {
  switch (type) {
    case 'resiliation':
      return (
        <Field
          id={IDS.terminationGround}
          label="Motif de la résiliation"
          optional
          hint="À défaut, celui noté dans le dossier, sinon l’échéance annuelle."
          error={errors[IDS.terminationGround]}
        >
          {(aria) => (
            <select {...aria} value={values.terminationGround} onChange={set('terminationGround')}>
              <option value="">Celui du dossier</option>
              {TERMINATION_GROUNDS.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    case 'mise_en_demeure':
      return (
        <Field
          id={IDS.answerDays}
          label="Délai laissé pour répondre, en jours"
          hint="Entre 8 et 60 jours calendaires (15 par défaut)."
          error={errors[IDS.answerDays]}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              className="input--short"
              value={values.answerDays}
              onChange={set('answerDays')}
            />
          )}
        </Field>
      );
    case 'demande_piece':
      return (
        <Field
          id={IDS.requestedDocument}
          label="Pièce demandée"
          hint="Exemple&nbsp;: la facture détaillée du chirurgien-dentiste."
          error={errors[IDS.requestedDocument]}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              maxLength={300}
              value={values.requestedDocument}
              onChange={set('requestedDocument')}
            />
          )}
        </Field>
      );
    case 'reponse_motivee':
      return (
        <>
          <Field id={IDS.outcome} label="Sens de la décision" error={errors[IDS.outcome]}>
            {(aria) => (
              <select {...aria} className="input--short" value={values.outcome} onChange={set('outcome')}>
                <option value="">Choisir…</option>
                {DECISION_OUTCOMES.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={IDS.reasons}
            label="Motifs de la décision"
            hint="Les raisons précises, avec les clauses du contrat appliquées."
            error={errors[IDS.reasons]}
            count={{ length: values.reasons.length, max: TEXT_LIMITS.letterDecisionReasons }}
          >
            {(aria) => <textarea {...aria} rows={4} value={values.reasons} onChange={set('reasons')} />}
          </Field>
          <Field
            id={IDS.amountGranted}
            label="Montant accordé, en euros"
            optional
            hint="Exemple&nbsp;: 111,00"
            error={errors[IDS.amountGranted]}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="decimal"
                className="input--short"
                value={values.amountGranted}
                onChange={set('amountGranted')}
              />
            )}
          </Field>
        </>
      );
    default:
      return null;
  }
}
