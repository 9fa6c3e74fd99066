import { Link } from 'react-router';
import { Page } from '../shared/ui/page.tsx';

/** A page that failed to render: say so in French, keep the header and the way home. */
export function CrashPage() {
  return (
    <Page title="Erreur">
      <div className="notice notice--error" role="alert">
        <p>
          Une erreur inattendue empêche d’afficher cette page. Vos données enregistrées sont intactes&nbsp;:
          rechargez la page ou revenez à l’accueil.
        </p>
      </div>
      <p>
        <Link to="/">Revenir à l’accueil</Link>
      </p>
    </Page>
  );
}
