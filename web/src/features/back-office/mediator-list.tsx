import { Link } from 'react-router';
import { errorMessage } from '../../shared/api-client.ts';
import { formatDate, formatEuros } from '../../shared/format.ts';
import { categoryLabel } from '../../shared/labels.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { StatusBadge } from '../../shared/ui/status-badge.tsx';
import { useVisibleDossiers } from './api.ts';

const NONE = (
  <>
    <span aria-hidden="true">—</span>
    <span className="sr-only">Non indiqué</span>
  </>
);

/** The mediator's register: only the files referred to him (GET /api/v1/dossiers decides which). */
export function MediatorList() {
  const dossiers = useVisibleDossiers();
  const list = [...(dossiers.data ?? [])].sort((a, b) => a.reference.localeCompare(b.reference));
  return (
    <Page title="Dossiers en médiation" lead="Les dossiers dont la médiation vous a été confiée.">
      {dossiers.isPending ? (
        <Loading label="Chargement des dossiers…" />
      ) : dossiers.isError ? (
        <ErrorNotice message={errorMessage(dossiers.error)} onRetry={() => dossiers.refetch()} />
      ) : list.length === 0 ? (
        <div className="empty-state">
          <p>Aucun dossier ne vous a encore été soumis en médiation.</p>
        </div>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table must be reachable with the keyboard on a phone.
        <section className="table-wrapper bo-table-wrapper" tabIndex={0} aria-labelledby="mediation-legende">
          <table className="table">
            <caption id="mediation-legende">
              Dossiers qui vous sont soumis ({list.length.toLocaleString('fr-FR')})
            </caption>
            <thead>
              <tr>
                <th scope="col">Référence</th>
                <th scope="col">Objet</th>
                <th scope="col">Organisme</th>
                <th scope="col">Catégorie</th>
                <th scope="col">Statut</th>
                <th scope="col" className="num">
                  Montant
                </th>
                <th scope="col">Réclamation du</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="nowrap">
                    <Link to={`/dossiers/${d.id}`}>{d.reference}</Link>
                  </th>
                  <td>{d.title}</td>
                  <td>{d.organisationName}</td>
                  <td>{categoryLabel(d.category)}</td>
                  <td>
                    <StatusBadge status={d.status} />
                  </td>
                  <td className="num nowrap">{d.amountCents === null ? NONE : formatEuros(d.amountCents)}</td>
                  <td className="nowrap">{d.complaintSentOn ? formatDate(d.complaintSentOn) : NONE}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Page>
  );
}
