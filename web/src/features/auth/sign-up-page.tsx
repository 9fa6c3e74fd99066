import { type FormEvent, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { homePathFor, safeReturnPath, useSession } from '../../shared/session.ts';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import { Page } from '../../shared/ui/page.tsx';
import { type SignUpInput, useSignUp } from './api.ts';
import { credentialErrors } from './validation.ts';

const IDS = {
  displayName: 'inscription-nom',
  email: 'inscription-email',
  password: 'inscription-mot-de-passe',
};
const FIELDS = [IDS.displayName, IDS.email, IDS.password] as const;
const MIN_PASSWORD = 10;

export function SignUpPage() {
  const [params] = useSearchParams();
  const session = useSession();
  const signUp = useSignUp();
  const [values, setValues] = useState<SignUpInput>({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const returnPath = safeReturnPath(params.get('retour'));

  const user = session.data?.user;
  if (user) return <Navigate to={returnPath ?? homePathFor(user)} replace />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = credentialErrors(values, IDS, { minPasswordLength: MIN_PASSWORD });
    setErrors(found);
    setSummary(summaryOf(found, FIELDS));
    if (Object.keys(found).length > 0) return;
    signUp.mutate(
      { displayName: values.displayName.trim(), email: values.email.trim(), password: values.password },
      {
        onSuccess: (answer) => setSent(answer.message),
        onError: (error) => {
          const spread = errorsFromApi(error, IDS);
          setErrors(spread.fields);
          setSummary(summaryOf(spread.fields, FIELDS, spread.general));
        },
      },
    );
  }

  return (
    <Page
      title="Créer un compte"
      heading="Créer un compte adhérent"
      lead="Un compte vous permet d’ouvrir un dossier, d’y joindre vos pièces et de suivre chaque étape de votre réclamation."
    >
      <div role="status" aria-live="polite">
        {sent ? (
          <section className="card card--narrow notice notice--success" aria-labelledby="inscription-envoyee">
            <h2 id="inscription-envoyee">Demande envoyée</h2>
            <p>{sent}</p>
            <p>
              Ouvrez le lien du message pour activer votre compte. Pensez à regarder dans les indésirables.
            </p>
          </section>
        ) : null}
      </div>
      <section className="card card--narrow" aria-labelledby="inscription-formulaire" hidden={sent !== null}>
        <h2 id="inscription-formulaire">Vos informations</h2>
        <p className="muted">Tous les champs sont obligatoires.</p>
        <ErrorSummary items={summary} />
        <form noValidate onSubmit={onSubmit} className="form">
          <Field id={IDS.displayName} label="Nom et prénom" error={errors[IDS.displayName]}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                name="displayName"
                autoComplete="name"
                value={values.displayName}
                onChange={(e) => setValues({ ...values, displayName: e.target.value })}
              />
            )}
          </Field>
          <Field
            id={IDS.email}
            label="Adresse e-mail"
            hint="Exemple&nbsp;: prenom.nom@exemple.fr"
            error={errors[IDS.email]}
          >
            {(aria) => (
              <input
                {...aria}
                type="email"
                name="email"
                autoComplete="email"
                spellCheck={false}
                value={values.email}
                onChange={(e) => setValues({ ...values, email: e.target.value })}
              />
            )}
          </Field>
          <Field
            id={IDS.password}
            label="Mot de passe"
            hint={`${MIN_PASSWORD} caractères au moins. Une phrase de plusieurs mots est plus sûre et plus facile à retenir.`}
            error={errors[IDS.password]}
          >
            {(aria) => (
              <input
                {...aria}
                type="password"
                name="password"
                autoComplete="new-password"
                value={values.password}
                onChange={(e) => setValues({ ...values, password: e.target.value })}
              />
            )}
          </Field>
          <div className="form__actions">
            <button type="submit" className="button" disabled={signUp.isPending}>
              Créer mon compte
            </button>
            {signUp.isPending ? (
              <span role="status" className="muted">
                Création du compte…
              </span>
            ) : null}
          </div>
        </form>
        <p className="form__footer">
          Vous avez déjà un compte&nbsp;?{' '}
          <Link to={`/connexion${returnPath ? `?retour=${encodeURIComponent(returnPath)}` : ''}`}>
            Connectez-vous
          </Link>
        </p>
      </section>
    </Page>
  );
}
