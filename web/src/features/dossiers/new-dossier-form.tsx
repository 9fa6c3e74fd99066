import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import { newIdempotencyKey } from '../../shared/api-client.ts';
import { readDateText } from '../../shared/date-input.ts';
import { parseEurosToCents } from '../../shared/format.ts';
import { categoryOptions, organisationKindLabel, organisationKindOptions } from '../../shared/labels.ts';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import { MedicalSecrecyNote } from '../../shared/ui/medical-secrecy-note.tsx';
import { type NewDossierInput, useCreateDossier, useOrganisations } from './api.ts';
import { todayInParis } from './file/dates.ts';

const OTHER = 'autre';

const IDS = {
  organisation: 'nd-organisme',
  organisationName: 'nd-organisme-nom',
  organisationKind: 'nd-organisme-type',
  category: 'nd-categorie',
  title: 'nd-objet',
  description: 'nd-description',
  amount: 'nd-montant',
  complaintSentOn: 'nd-reclamation',
} as const;
const ORDER = Object.values(IDS);

const API_FIELDS: Record<string, string> = {
  organisationId: IDS.organisation,
  organisationName: IDS.organisationName,
  organisationKind: IDS.organisationKind,
  category: IDS.category,
  title: IDS.title,
  description: IDS.description,
  amountCents: IDS.amount,
  complaintSentOn: IDS.complaintSentOn,
};

interface FormValues {
  organisation: string;
  organisationName: string;
  organisationKind: string;
  category: string;
  title: string;
  description: string;
  amount: string;
  complaintSentOn: string;
}

const EMPTY: FormValues = {
  organisation: '',
  organisationName: '',
  organisationKind: '',
  category: '',
  title: '',
  description: '',
  amount: '',
  complaintSentOn: '',
};

/** Checks what the browser can check, and builds the API body; the server checks again. */
function validate(values: FormValues): { errors: FieldErrors; input: NewDossierInput | null } {
  const errors: FieldErrors = {};
  const input: NewDossierInput = { category: values.category, title: values.title.trim() };

  if (values.organisation === '') {
    errors[IDS.organisation] =
      'Choisissez l’organisme concerné, ou «\u00a0Autre organisme\u00a0» s’il n’est pas dans la liste.';
  } else if (values.organisation === OTHER) {
    const name = values.organisationName.trim();
    if (name.length < 2)
      errors[IDS.organisationName] = 'Indiquez le nom de l’organisme (2 caractères au moins).';
    if (values.organisationKind === '') errors[IDS.organisationKind] = 'Choisissez le type d’organisme.';
    input.organisationName = name;
    input.organisationKind = values.organisationKind;
  } else {
    input.organisationId = values.organisation;
  }

  if (values.category === '')
    errors[IDS.category] = 'Choisissez la catégorie qui décrit le mieux votre litige.';

  if (input.title.length < 3) errors[IDS.title] = 'Donnez un objet de 3 caractères au moins.';
  else if (input.title.length > 200) errors[IDS.title] = 'L’objet ne peut dépasser 200 caractères.';

  const description = values.description.trim();
  if (description.length > 20_000)
    errors[IDS.description] = 'La description ne peut dépasser 20 000 caractères.';
  else if (description) input.description = description;

  const amount = parseEurosToCents(values.amount);
  if (!amount.ok) errors[IDS.amount] = amount.message;
  else if (amount.cents !== null && amount.cents > 100_000_000) {
    errors[IDS.amount] = 'Le montant ne peut dépasser 1 000 000 €.';
  } else if (amount.cents !== null) input.amountCents = amount.cents;

  const typedDate = values.complaintSentOn.trim();
  if (typedDate) {
    // A complaint already sent: its date cannot be after today (the deadlines would run from the future).
    const read = readDateText(typedDate, {
      notAfter: {
        date: todayInParis(),
        message: 'La date d’envoi de la réclamation ne peut pas être postérieure à aujourd’hui.',
      },
    });
    if ('error' in read) errors[IDS.complaintSentOn] = read.error;
    else input.complaintSentOn = read.date;
  }

  return { errors, input: Object.keys(errors).length > 0 ? null : input };
}

/** "Ouvrir un dossier": everything typed stays in place when something must be corrected. */
export function NewDossierForm() {
  const organisations = useOrganisations();
  const create = useCreateDossier();
  const [values, setValues] = useState<FormValues>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  // One key per form, kept across retries: a second click or a retry after a network error opens one file.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const navigate = useNavigate();

  const set = (field: keyof FormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors: found, input } = validate(values);
    setErrors(found);
    setSummary(summaryOf(found, ORDER));
    if (!input) return;
    create.mutate(
      { input, idempotencyKey },
      {
        // The new file's page: its h1 takes the focus (shared <Page>), the next step is at the top.
        onSuccess: (dossier) => navigate(`/dossiers/${dossier.id}`),
        onError: (error) => {
          const spread = errorsFromApi(error, API_FIELDS);
          setErrors(spread.fields);
          setSummary(summaryOf(spread.fields, ORDER, spread.general));
        },
      },
    );
  }

  return (
    <>
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={onSubmit} className="form" aria-describedby="nd-obligatoire">
        <p id="nd-obligatoire" className="muted">
          Les champs sans mention «&nbsp;facultatif&nbsp;» sont obligatoires.
        </p>
        <Field
          id={IDS.organisation}
          label="Organisme concerné"
          hint="Votre mutuelle, votre assureur, votre institution de prévoyance ou votre CPAM."
          error={errors[IDS.organisation]}
        >
          {(aria) => (
            <select {...aria} value={values.organisation} onChange={set('organisation')}>
              <option value="">Choisissez un organisme</option>
              {(organisations.data ?? []).map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name} ({organisationKindLabel(org.kind)})
                </option>
              ))}
              <option value={OTHER}>Autre organisme (absent de la liste)</option>
            </select>
          )}
        </Field>
        {organisations.isError ? (
          <p className="field__hint">
            La liste des organismes n’a pas pu être chargée&nbsp;: choisissez «&nbsp;Autre organisme&nbsp;» et
            indiquez son nom.
          </p>
        ) : null}
        {values.organisation === OTHER ? (
          <fieldset className="fieldset">
            <legend>Organisme absent de la liste</legend>
            <Field id={IDS.organisationName} label="Nom de l’organisme" error={errors[IDS.organisationName]}>
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  autoComplete="organization"
                  value={values.organisationName}
                  onChange={set('organisationName')}
                />
              )}
            </Field>
            <Field id={IDS.organisationKind} label="Type d’organisme" error={errors[IDS.organisationKind]}>
              {(aria) => (
                <select {...aria} value={values.organisationKind} onChange={set('organisationKind')}>
                  <option value="">Choisissez un type</option>
                  {organisationKindOptions.map((kind) => (
                    <option key={kind.id} value={kind.id}>
                      {kind.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
        ) : null}
        <Field id={IDS.category} label="Catégorie" error={errors[IDS.category]}>
          {(aria) => (
            <select {...aria} value={values.category} onChange={set('category')}>
              <option value="">Choisissez une catégorie</option>
              {categoryOptions.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={IDS.title}
          label="Objet du litige"
          hint="En une phrase. Exemple&nbsp;: couronne dentaire remboursée 9&nbsp;€ au lieu de 120&nbsp;€."
          error={errors[IDS.title]}
        >
          {(aria) => (
            <input {...aria} type="text" maxLength={200} value={values.title} onChange={set('title')} />
          )}
        </Field>
        <MedicalSecrecyNote id="nd-secret-medical" />
        <Field
          id={IDS.description}
          label="Ce qui s’est passé"
          optional
          hint="Dates, montants, échanges avec l’organisme. Inutile d’indiquer un diagnostic médical."
          error={errors[IDS.description]}
          count={{ length: values.description.length, max: TEXT_LIMITS.complaintDescription }}
        >
          {(aria) => <textarea {...aria} rows={5} value={values.description} onChange={set('description')} />}
        </Field>
        <Field
          id={IDS.amount}
          label="Montant en jeu, en euros"
          optional
          hint="Exemple&nbsp;: 111,50"
          error={errors[IDS.amount]}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              className="input--short"
              value={values.amount}
              onChange={set('amount')}
            />
          )}
        </Field>
        <Field
          id={IDS.complaintSentOn}
          label="Date d’envoi de votre réclamation écrite"
          optional
          hint="Laissez vide si vous n’avez pas encore écrit à l’organisme. Les délais légaux partent de cette date."
          error={errors[IDS.complaintSentOn]}
        >
          {(aria) => (
            <input
              {...aria}
              type="date"
              className="input--short"
              value={values.complaintSentOn}
              onChange={set('complaintSentOn')}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            Ouvrir le dossier
          </button>
          {create.isPending ? (
            <span role="status" className="muted">
              Enregistrement…
            </span>
          ) : null}
        </div>
      </form>
    </>
  );
}
