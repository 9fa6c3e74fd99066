import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey } from '../../shared/api-client.ts';
import { formatDate, parisDayOf } from '../../shared/format.ts';
import { categoryLabel, categoryOptions } from '../../shared/labels.ts';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import { Page } from '../../shared/ui/page.tsx';
import { type Recorded, useMemberSearch, useRecordComplaint } from './api.ts';
import {
  API_FIELDS,
  CHANNEL_OPTIONS,
  DESCRIPTION_MAX,
  EMPTY,
  IDS,
  ORDER,
  type RecordValues,
  validateRecord,
} from './form-model.ts';

/** « Enregistrer une réclamation »: a letter, a call, an e-mail or a visit at a branch, into the register. */
export function RecordComplaintPage() {
  const [values, setValues] = useState<RecordValues>(EMPTY);
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const members = useMemberSearch(search);
  const record = useRecordComplaint();
  const today = parisDayOf(new Date().toISOString());

  const set = (field: keyof RecordValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors: found, body } = validateRecord(values, today);
    setErrors(found);
    setSummary(summaryOf(found, ORDER));
    if (!body) return;
    record.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (result) => setRecorded(result),
        onError: (error) => {
          const spread = errorsFromApi(error, API_FIELDS);
          setErrors(spread.fields);
          setSummary(summaryOf(spread.fields, ORDER, spread.general));
        },
      },
    );
  }

  if (recorded) {
    return (
      <Page title="Réclamation enregistrée" lead={`Dossier ${recorded.dossier.reference}`}>
        <section className="card section" aria-labelledby="rc-fait">
          <h2 id="rc-fait">Ce qui a été fait</h2>
          <ul>
            <li>Catégorie&nbsp;: {categoryLabel(recorded.dossier.category)}.</li>
            {recorded.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
            {recorded.dossier.writtenConfirmationInvitedOn ? (
              <li>
                Invitation à confirmer par écrit envoyée dans la messagerie du dossier le{' '}
                {formatDate(recorded.dossier.writtenConfirmationInvitedOn)}.
              </li>
            ) : null}
          </ul>
          {recorded.claimCode ? (
            <div className="notice">
              <p>
                <strong>Code de rattachement de l’adhérent&nbsp;: {recorded.claimCode}</strong>
              </p>
              <p>
                Remettez-le à l’adhérent (dans l’accusé de réception, par exemple)&nbsp;: une fois inscrit sur
                Recours, il le saisit avec son numéro d’adhérent ou son adresse e-mail et retrouve ce dossier
                dans son espace. Ce code ne sera plus affiché&nbsp;; un nouveau code peut être créé depuis le
                dossier.
              </p>
            </div>
          ) : null}
          <p>
            <Link className="button" to={`/dossiers/${recorded.dossier.id}`}>
              Ouvrir le dossier pour joindre le courrier scanné
            </Link>{' '}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setRecorded(null);
                setValues(EMPTY);
                setSearch('');
                setIdempotencyKey(newIdempotencyKey());
              }}
            >
              Enregistrer une autre réclamation
            </button>
          </p>
        </section>
      </Page>
    );
  }

  const letterLike = values.channel === 'letter' || values.channel === 'email';
  return (
    <Page
      title="Enregistrer une réclamation"
      lead="Courrier, téléphone, e-mail ou accueil en agence : la réclamation entre dans le registre et ses délais courent depuis la bonne date."
    >
      <ErrorSummary items={summary} />
      <form noValidate onSubmit={onSubmit} className="form card section" aria-describedby="rc-obligatoire">
        <p id="rc-obligatoire" className="muted">
          Les champs sans mention «&nbsp;facultatif&nbsp;» sont obligatoires.
        </p>
        <fieldset className="fieldset">
          <legend>Adhérent</legend>
          {values.newMember ? (
            <>
              <Field id={IDS.newName} label="Nom et prénom" error={errors[IDS.newName]}>
                {(aria) => <input {...aria} type="text" value={values.newName} onChange={set('newName')} />}
              </Field>
              <Field id={IDS.newNumber} label="Numéro d’adhérent" optional error={errors[IDS.newNumber]}>
                {(aria) => (
                  <input {...aria} type="text" value={values.newNumber} onChange={set('newNumber')} />
                )}
              </Field>
              <Field
                id={IDS.newEmail}
                label="Adresse e-mail"
                optional
                hint="Elle ne lui ouvre pas de compte : il rattachera ses dossiers avec le code qui lui sera remis."
                error={errors[IDS.newEmail]}
              >
                {(aria) => (
                  <input {...aria} type="email" value={values.newEmail} onChange={set('newEmail')} />
                )}
              </Field>
              <Field id={IDS.newPhone} label="Téléphone" optional error={errors[IDS.newPhone]}>
                {(aria) => <input {...aria} type="tel" value={values.newPhone} onChange={set('newPhone')} />}
              </Field>
              <Field id={IDS.newAddress} label="Adresse postale" optional error={errors[IDS.newAddress]}>
                {(aria) => (
                  <textarea {...aria} rows={3} value={values.newAddress} onChange={set('newAddress')} />
                )}
              </Field>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setValues((v) => ({ ...v, newMember: false }))}
              >
                Rechercher plutôt un adhérent connu
              </button>
            </>
          ) : (
            <>
              <Field
                id={IDS.search}
                label="Rechercher l’adhérent"
                hint="Nom, numéro d’adhérent ou adresse e-mail (2 caractères au moins)."
              >
                {(aria) => (
                  <input {...aria} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
                )}
              </Field>
              <Field id={IDS.member} label="Adhérent trouvé" error={errors[IDS.member]}>
                {(aria) => (
                  <select {...aria} value={values.memberId} onChange={set('memberId')}>
                    <option value="">
                      {search.trim().length < 2
                        ? 'Saisissez une recherche'
                        : members.isFetching
                          ? 'Recherche…'
                          : `${members.data?.length ?? 0} résultat(s) : choisissez`}
                    </option>
                    {(members.data ?? []).map((m) => (
                      <option key={m.id} value={m.id}>
                        {[
                          m.displayName,
                          m.memberNumber ? `n° ${m.memberNumber}` : null,
                          m.email,
                          m.hasAccount ? 'compte Recours' : 'sans compte',
                        ]
                          .filter(Boolean)
                          .join(' — ')}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  setValues((v) => ({
                    ...v,
                    newMember: true,
                    memberId: '',
                    newName: search.includes('@') ? '' : search,
                  }))
                }
              >
                Adhérent introuvable : créer sa fiche
              </button>
            </>
          )}
        </fieldset>

        <fieldset className="fieldset">
          <legend>Réception</legend>
          <Field id={IDS.channel} label="Canal" error={errors[IDS.channel]}>
            {(aria) => (
              <select {...aria} value={values.channel} onChange={set('channel')}>
                <option value="">Choisissez le canal</option>
                {CHANNEL_OPTIONS.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={IDS.receivedOn}
            label="Date de réception"
            hint="Par exemple 23/11/2026."
            error={errors[IDS.receivedOn]}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                value={values.receivedOn}
                onChange={set('receivedOn')}
              />
            )}
          </Field>
          {letterLike ? (
            <Field
              id={IDS.writtenOn}
              label={values.channel === 'letter' ? 'Date portée sur le courrier' : 'Date de l’e-mail'}
              optional
              hint="Les délais ACPR courent depuis l’envoi ; sans cette date, ils courent depuis la réception."
              error={errors[IDS.writtenOn]}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="numeric"
                  value={values.writtenOn}
                  onChange={set('writtenOn')}
                />
              )}
            </Field>
          ) : null}
          {values.channel === 'counter' ? (
            <div className="field">
              <label htmlFor={IDS.writtenAtCounter}>
                <input
                  id={IDS.writtenAtCounter}
                  type="checkbox"
                  checked={values.writtenAtCounter}
                  onChange={(e) => setValues((v) => ({ ...v, writtenAtCounter: e.target.checked }))}
                />{' '}
                L’adhérent a remis une réclamation écrite
              </label>
            </div>
          ) : null}
          {values.channel === 'phone' || (values.channel === 'counter' && !values.writtenAtCounter) ? (
            <p className="notice">
              Réclamation orale : l’adhérent sera invité, dans la messagerie du dossier, à la confirmer par
              écrit si la réponse orale ne le satisfait pas.
            </p>
          ) : null}
        </fieldset>

        <fieldset className="fieldset">
          <legend>Réclamation</legend>
          <Field id={IDS.title} label="Objet" error={errors[IDS.title]}>
            {(aria) => (
              <input {...aria} type="text" maxLength={250} value={values.title} onChange={set('title')} />
            )}
          </Field>
          <Field
            id={IDS.description}
            label="Texte de la réclamation"
            optional
            hint="Ce que dit l’adhérent ; le courrier scanné se joint ensuite au dossier."
            error={errors[IDS.description]}
            count={{ length: values.description.length, max: DESCRIPTION_MAX }}
          >
            {(aria) => (
              <textarea {...aria} rows={6} value={values.description} onChange={set('description')} />
            )}
          </Field>
          <Field
            id={IDS.category}
            label="Catégorie"
            optional
            hint="Sans choix, la catégorie suggérée par le texte est retenue."
            error={errors[IDS.category]}
          >
            {(aria) => (
              <select {...aria} value={values.category} onChange={set('category')}>
                <option value="">Suggérée par le texte</option>
                {categoryOptions.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={IDS.amount} label="Montant en jeu (€)" optional error={errors[IDS.amount]}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="decimal"
                value={values.amount}
                onChange={set('amount')}
              />
            )}
          </Field>
        </fieldset>
        <button type="submit" className="button" disabled={record.isPending}>
          {record.isPending ? 'Enregistrement…' : 'Enregistrer la réclamation'}
        </button>
      </form>
    </Page>
  );
}
