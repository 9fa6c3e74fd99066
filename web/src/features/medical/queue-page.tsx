import { Link } from 'react-router';
import { errorMessage } from '../../shared/api-client.ts';
import { formatInstantDate } from '../../shared/format.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { useMedicalQueue } from './api.ts';

/** The medical adviser's queue: the files waiting for his opinion, oldest request first (docs/medical-secrecy.md). */
export function MedicalQueuePage() {
  const queue = useMedicalQueue('requested');
  const entries = queue.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Page
      title="Avis médicaux"
      lead="Les dossiers pour lesquels un conseiller attend votre avis, la demande la plus ancienne d’abord. Les délais de réponse à l’adhérent courent pendant votre examen."
    >
      {queue.isPending ? (
        <Loading label="Chargement de la file…" />
      ) : queue.isError ? (
        <ErrorNotice message={errorMessage(queue.error)} onRetry={() => queue.refetch()} />
      ) : entries.length === 0 ? (
        <div className="empty-state">
          <p>Aucun dossier n’attend votre avis.</p>
        </div>
      ) : (
        <>
          <table className="table">
            <caption className="sr-only">Dossiers en attente d’un avis médical</caption>
            <thead>
              <tr>
                <th scope="col">Dossier</th>
                <th scope="col">Demandé le</th>
                <th scope="col">Par</th>
                <th scope="col">Question</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <Link to={`/dossiers/${entry.dossierId}#avis-medical`}>{entry.reference}</Link>
                    <br />
                    <span className="muted">{entry.title}</span>
                  </td>
                  <td>{formatInstantDate(entry.requestedAt)}</td>
                  <td>{entry.requestedByName}</td>
                  <td>{entry.question}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {queue.hasNextPage ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={queue.isFetchingNextPage}
              onClick={() => queue.fetchNextPage()}
            >
              Afficher les demandes suivantes
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}
