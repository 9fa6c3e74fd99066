import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../shared/api-client.ts';
import { homePathFor } from '../../shared/session.ts';
import { Loading, Page } from '../../shared/ui/page.tsx';
import { useConfirmSignUp } from './api.ts';

/** The token of the mailed link, after `#` so that it never reaches a server log or a Referer header. */
function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('jeton');
}

/** /inscription/confirmer#jeton=…: creates the account from the mailed link and opens the member's space. */
export function SignUpConfirmPage() {
  const confirm = useConfirmSignUp();
  const navigate = useNavigate();
  const started = useRef(false);
  const token = tokenFromHash(window.location.hash);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    confirm.mutate(token, {
      onSuccess: (session) => {
        if (session.user) navigate(homePathFor(session.user), { replace: true });
      },
    });
  }, [token, confirm, navigate]);

  if (!token || confirm.isError) {
    return (
      <Page title="Lien non valable" heading="Ce lien ne permet pas de créer le compte">
        <p className="notice notice--error" role="alert">
          {confirm.isError
            ? errorMessage(confirm.error)
            : 'Le lien est incomplet : copiez-le en entier depuis le message reçu.'}
        </p>
        <p>
          <Link to="/inscription">Recommencer l’inscription</Link> ou{' '}
          <Link to="/connexion">se connecter</Link>.
        </p>
      </Page>
    );
  }
  return (
    <Page title="Création du compte" heading="Création de votre compte">
      <Loading label="Création du compte…" />
    </Page>
  );
}
