import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { mediationPageSchema } from '../../../../src/contracts/api/register.ts';
import { apiGet, errorMessage } from '../../shared/api-client.ts';
import { formatDate, formatEuros } from '../../shared/format.ts';
import { categoryLabel } from '../../shared/labels.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { StatusBadge } from '../../shared/ui/status-badge.tsx';
import { SlaLight } from './sla-light.tsx';

/**
 * The referrals a page at a time, with the 90-day clock of each (C. consom. R612-5) worded by the domain
 * (GET /api/v1/register/mediations): a mediator may hold thousands of files.
 */
function useMediations() {
  return useInfiniteQuery({
    queryKey: ['back-office', 'mediations'],
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        `/api/v1/register/mediations${pageParam ? `?after=${encodeURIComponent(pageParam)}` : ''}`,
        mediationPageSchema,
        signal,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}

const NONE = (
  <>
    <span aria-hidden="true">—</span>
    <span className="sr-only">Non indiqué</span>
  </>
);

function clockCell(clock: { colour: string; dueDate: string | null; label: string } | undefined) {
  if (!clock) return NONE;
  // SlaLight shows the domain's label and the due date while the clock runs.
  const view = {
    ...clock,
    daysLeft: null,
    status: 'open',
    actionable: false,
    outcome: null,
    doneOn: null,
    daysLate: null,
  };
  return <SlaLight name="Avis" clock={view as Parameters<typeof SlaLight>[0]['clock']} />;
}

/** The mediator's register: only the files referred to him (GET /api/v1/dossiers decides which). */
export function MediatorList() {
  const dossiers = useMediations();
  const list = dossiers.data?.pages.flatMap((p) => p.items) ?? [];
  const first = dossiers.data?.pages[0];
  const total = first ? `${first.totalCapped ? 'plus de ' : ''}${first.total.toLocaleString('fr-FR')}` : '';
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
              Dossiers qui vous sont soumis ({total}), par référence
              {list.length < (first?.total ?? 0) ? ` : ${list.length.toLocaleString('fr-FR')} affichés` : ''}
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
                <th scope="col">Avis du médiateur (90 jours)</th>
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
                  <td>{clockCell(d.clock)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {dossiers.hasNextPage ? (
            <p>
              <button
                type="button"
                className="button button--secondary"
                disabled={dossiers.isFetchingNextPage}
                onClick={() => dossiers.fetchNextPage()}
              >
                {dossiers.isFetchingNextPage ? 'Chargement…' : 'Afficher les dossiers suivants'}
              </button>
            </p>
          ) : null}
        </section>
      )}
    </Page>
  );
}
