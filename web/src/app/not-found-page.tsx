import { Link } from 'react-router';
import { Page } from '../shared/ui/page.tsx';

export function NotFoundPage() {
  return (
    <Page title="Page introuvable">
      <p>
        La page que vous cherchez n’existe pas ou a été déplacée. Si vous avez tapé l’adresse, vérifiez
        l’orthographe.
      </p>
      <p>
        <Link to="/">Revenir à l’accueil</Link>
      </p>
    </Page>
  );
}
