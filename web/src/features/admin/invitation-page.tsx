import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { invitationCheckSchema } from '../../../../src/contracts/api/auth.ts';
import { apiSend, errorMessage } from '../../shared/api-client.ts';
import { Field } from '../../shared/ui/form.tsx';
import { Loading, Page } from '../../shared/ui/page.tsx';

/** The token of the link, after `#` so that it never reaches a server log or a Referer header. */
function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('jeton');
}

/** /invitation#jeton=…: a member of staff invited by an admin chooses his password. */
export function InvitationPage() {
  const token = tokenFromHash(window.location.hash);
  const [password, setPassword] = useState('');
  const invitation = useQuery({
    queryKey: ['invitation', token],
    enabled: token !== null,
    retry: false,
    queryFn: () =>
      apiSend('/api/auth/invitation/check', {
        body: { token },
        schema: invitationCheckSchema,
      }),
  });
  const accept = useMutation({
    mutationFn: () => apiSend('/api/auth/invitation/accept', { body: { token, password }, schema: null }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate();
  };

  if (!token || invitation.isError) {
    return (
      <Page title="Lien non valable" heading="Ce lien d’invitation ne fonctionne pas">
        <p className="notice notice--error" role="alert">
          {invitation.isError
            ? errorMessage(invitation.error)
            : 'Le lien est incomplet : copiez-le en entier depuis le message reçu.'}
        </p>
      </Page>
    );
  }
  if (invitation.isPending) return <Loading />;
  if (accept.isSuccess) {
    return (
      <Page title="Compte prêt" heading="Votre compte est prêt">
        <p className="notice notice--success" role="status">
          Votre mot de passe est enregistré.
        </p>
        <p>
          <Link className="button" to="/connexion">
            Se connecter
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page
      title="Choisir votre mot de passe"
      lead={`Bienvenue ${invitation.data.displayName} : choisissez le mot de passe de votre compte ${invitation.data.email ?? ''}.`}
    >
      <form className="form card card--narrow" onSubmit={submit} noValidate>
        <Field
          id="invitation-mot-de-passe"
          label="Mot de passe"
          hint="10 caractères au moins."
          error={accept.isError ? errorMessage(accept.error) : undefined}
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={accept.isPending}>
            Enregistrer le mot de passe
          </button>
        </div>
      </form>
    </Page>
  );
}
