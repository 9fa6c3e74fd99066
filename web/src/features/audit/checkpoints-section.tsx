import { errorMessage } from '../../shared/api-client.ts';
import { formatInstantDateTime } from '../../shared/format.ts';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type Checkpoint, checkpointFile, useCheckpoints } from './api.ts';

const count = new Intl.NumberFormat('fr-FR');

/** Offers the signed checkpoint as a file: the auditor keeps it outside the platform. */
function download(checkpoint: Checkpoint) {
  const url = URL.createObjectURL(new Blob([checkpointFile(checkpoint)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `point-de-controle-${checkpoint.id}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The latest signed checkpoints (a new one each minute when events were added). */
export function CheckpointsSection() {
  const checkpoints = useCheckpoints(10);
  return (
    <section className="section card" aria-labelledby="points-titre">
      <h2 id="points-titre">Points de contrôle signés</h2>
      <p>
        Chaque minute, la plateforme scelle les nouveaux événements et signe le nombre d’événements scellés et
        leur empreinte commune. Téléchargez un point de contrôle et conservez-le hors de la plateforme&nbsp;:
        il permettra de prouver plus tard que rien de ce qu’il couvre n’a été réécrit, même par un
        administrateur de la base de données.
      </p>
      {checkpoints.isPending ? (
        <Loading label="Chargement des points de contrôle…" />
      ) : checkpoints.isError ? (
        <ErrorNotice message={errorMessage(checkpoints.error)} onRetry={() => checkpoints.refetch()} />
      ) : checkpoints.data.length === 0 ? (
        <p className="muted">
          Aucun point de contrôle pour l’instant&nbsp;: le premier sera pris dans la minute.
        </p>
      ) : (
        <div className="table-wrapper">
          <table className="table">
            <caption>Les {checkpoints.data.length} derniers points de contrôle</caption>
            <thead>
              <tr>
                <th scope="col">Signé le</th>
                <th scope="col" className="num">
                  Événements scellés
                </th>
                <th scope="col">Clé de signature</th>
                <th scope="col">Fichier</th>
              </tr>
            </thead>
            <tbody>
              {checkpoints.data.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">{formatInstantDateTime(c.issuedAt)}</td>
                  <td className="num">{count.format(c.treeSize)}</td>
                  <td>
                    <code className="audit-hash">{c.keyId.slice(0, 16)}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => download(c)}
                    >
                      Télécharger
                      <span className="sr-only">
                        {' '}
                        le point de contrôle du {formatInstantDateTime(c.issuedAt)}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
