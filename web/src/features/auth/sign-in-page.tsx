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
import { type Credentials, useLogin, useOidcConfig } from './api.ts';
import { credentialErrors } from './validation.ts';

const FIELDS = ['connexion-email', 'connexion-mot-de-passe'] as const;
const API_FIELDS = { email: 'connexion-email', password: 'connexion-mot-de-passe' };

const DEMO_PASSWORD = 'Recours-Demo-2026';
const DEMO_ACCOUNTS = [
  { email: 'adherent@demo.recours.fr', who: 'adhérente (Camille Martin)' },
  { email: 'conseiller@demo.recours.fr', who: 'conseillère de la Mutuelle Démo' },
  { email: 'superviseur@demo.recours.fr', who: 'superviseur de la Mutuelle Démo' },
  { email: 'mediateur@demo.recours.fr', who: 'médiatrice' },
];

export function SignInPage() {
  const [params] = useSearchParams();
  const session = useSession();
  const login = useLogin();
  const oidc = useOidcConfig();
  const [values, setValues] = useState<Credentials>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const returnPath = safeReturnPath(params.get('retour'));

  const user = session.data?.user;
  if (user) return <Navigate to={returnPath ?? homePathFor(user)} replace />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = credentialErrors(values, { email: FIELDS[0], password: FIELDS[1] });
    setErrors(found);
    setSummary(summaryOf(found, FIELDS));
    if (Object.keys(found).length > 0) return;
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onError: (error) => {
          const spread = errorsFromApi(error, API_FIELDS);
          setErrors(spread.fields);
          setSummary(summaryOf(spread.fields, FIELDS, spread.general));
        },
      },
    );
  }

  return (
    <Page title="Connexion" heading="Se connecter à Recours">
      <div className="split">
        <section className="card" aria-labelledby="connexion-formulaire">
          <h2 id="connexion-formulaire">Connexion par e-mail</h2>
          {returnPath ? (
            <p className="notice notice--info">Connectez-vous pour accéder à cette page.</p>
          ) : null}
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={onSubmit} className="form">
            <Field
              id={FIELDS[0]}
              label="Adresse e-mail"
              hint="Exemple&nbsp;: prenom.nom@exemple.fr"
              error={errors[FIELDS[0]]}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="email"
                  name="email"
                  autoComplete="username"
                  spellCheck={false}
                  value={values.email}
                  onChange={(e) => setValues({ ...values, email: e.target.value })}
                />
              )}
            </Field>
            <Field id={FIELDS[1]} label="Mot de passe" error={errors[FIELDS[1]]}>
              {(aria) => (
                <input
                  {...aria}
                  type="password"
                  name="password"
                  autoComplete="current-password"
                  value={values.password}
                  onChange={(e) => setValues({ ...values, password: e.target.value })}
                />
              )}
            </Field>
            <div className="form__actions">
              <button type="submit" className="button" disabled={login.isPending}>
                Se connecter
              </button>
              {login.isPending ? (
                <span role="status" className="muted">
                  Connexion en cours…
                </span>
              ) : null}
            </div>
          </form>
          {oidc.data?.enabled ? (
            <div className="oidc">
              <p className="separator">
                <span>ou</span>
              </p>
              <a className="button button--secondary button--block" href="/api/auth/oidc/start">
                Se connecter avec {oidc.data.label ?? 'votre fournisseur d’identité'}
              </a>
            </div>
          ) : null}
          <p className="form__footer">
            Pas encore de compte&nbsp;?{' '}
            <Link to={`/inscription${returnPath ? `?retour=${encodeURIComponent(returnPath)}` : ''}`}>
              Créer un compte adhérent
            </Link>
          </p>
        </section>

        <section className="card card--hint" aria-labelledby="comptes-demo">
          <h2 id="comptes-demo">Comptes de démonstration</h2>
          <p>
            Cette instance contient des données fictives. Mot de passe commun&nbsp;:{' '}
            <code>{DEMO_PASSWORD}</code>
          </p>
          <ul className="demo-accounts">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email}>
                <span>
                  <code>{account.email}</code>
                  <br />
                  <span className="muted">{account.who}</span>
                </span>
                <button
                  type="button"
                  className="button button--tertiary button--small"
                  aria-label={`Remplir le formulaire avec le compte ${account.email}`}
                  onClick={() => setValues({ email: account.email, password: DEMO_PASSWORD })}
                >
                  Remplir
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Page>
  );
}
