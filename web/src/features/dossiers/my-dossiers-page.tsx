import { Link } from 'react-router';
import { errorMessage } from '../../shared/api-client.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { useDossiers } from './api.ts';
import { DossierCards } from './dossier-cards.tsx';
import { NewDossierForm } from './new-dossier-form.tsx';
import { PersonalData } from './personal-data.tsx';

export function MyDossiersPage() {
  const dossiers = useDossiers();
  return (
    <Page
      title="Mes dossiers"
      lead="Suivez vos litiges avec votre complémentaire santé ou l’Assurance maladie."
    >
      <section className="section" aria-labelledby="mes-dossiers-liste">
        <h2 id="mes-dossiers-liste">
          Vos dossiers{dossiers.data && dossiers.data.length > 0 ? ` (${dossiers.data.length})` : ''}
        </h2>
        {dossiers.isPending ? (
          <Loading label="Chargement de vos dossiers…" />
        ) : dossiers.isError ? (
          <ErrorNotice message={errorMessage(dossiers.error)} onRetry={() => dossiers.refetch()} />
        ) : dossiers.data.length === 0 ? (
          <div className="empty-state">
            <p>
              <strong>Vous n’avez pas encore de dossier.</strong>
            </p>
            <p>
              Un remboursement refusé, une résiliation ignorée, une décision de la CPAM&nbsp;? Ouvrez un
              dossier avec le formulaire ci-dessous&nbsp;: Recours vous indiquera les étapes et les délais.
            </p>
          </div>
        ) : (
          <DossierCards dossiers={dossiers.data} />
        )}
        <p>
          Réclamation faite par courrier, téléphone, e-mail ou en agence&nbsp;?{' '}
          <Link to="/rattacher-un-dossier">Rattachez-la avec le code remis par votre organisme</Link>.
        </p>
      </section>
      <section className="section card" aria-labelledby="nouveau-dossier" id="ouvrir">
        <h2 id="nouveau-dossier">Ouvrir un dossier</h2>
        <NewDossierForm />
      </section>
      <PersonalData />
    </Page>
  );
}
