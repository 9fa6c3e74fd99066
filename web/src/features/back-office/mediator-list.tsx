import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { z } from 'zod';
import { SLA_COLOURS } from '../../../../src/domain/register/sla.ts';
import { apiGet, errorMessage } from '../../shared/api-client.ts';
import { formatDate, formatEuros } from '../../shared/format.ts';
import { categoryLabel } from '../../shared/labels.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { StatusBadge } from '../../shared/ui/status-badge.tsx';
import { useVisibleDossiers } from './api.ts';
import { SlaLight } from './sla-light.tsx';

const mediationsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      clock: z.object({ colour: z.enum(SLA_COLOURS), dueDate: z.string().nullable(), label: z.string() }),
    }),
  ),
});

/** The 90-day clock of each referral (C. consom. R612-5), worded by the domain (GET /api/v1/register/mediations). */
function useMediationClocks() {
  return useQuery({
    queryKey: ['back-office', 'mediations'],
    queryFn: ({ signal }) => apiGet('/api/v1/register/mediations', mediationsSchema, signal),
    select: (d) => new Map(d.items.map((i) => [i.id, i.clock])),
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
  const dossiers = useVisibleDossiers();
  const clocks = useMediationClocks();
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
                  <td>{clockCell(clocks.data?.get(d.id))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Page>
  );
}
