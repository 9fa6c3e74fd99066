import { PRIORITY_LABELS } from '../../../../src/contracts/priorities.ts';
import { errorMessage } from '../../shared/api-client.ts';
import type { DossierSectionProps } from '../../shared/dossier-section.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { StatusBadge } from '../../shared/ui/status-badge.tsx';
import { SlaLight } from './sla-light.tsx';
import { StaffSection } from './staff-section.tsx';
import { useStaffSummary } from './summary-api.ts';
import './back-office.css';

const NONE = <span className="muted">Non indiqué</span>;

/**
 * The top of a file's page for the organisation's staff: who the member is and how to reach him, who holds the
 * file, every clock with its state, and what is due next by whom (GET /api/v1/register/dossiers/:id/summary).
 */
export function SummarySection({ dossierId }: DossierSectionProps) {
  const summary = useStaffSummary(dossierId);
  return (
    <StaffSection id="synthese" title="Synthèse pour le conseiller">
      {summary.isPending ? (
        <Loading label="Chargement de la synthèse…" />
      ) : summary.isError ? (
        <ErrorNotice message={errorMessage(summary.error)} onRetry={() => summary.refetch()} />
      ) : (
        <div className="staff-summary">
          <dl className="facts staff-summary__facts">
            <div>
              <dt>Adhérent</dt>
              <dd>{summary.data.member.name}</dd>
            </div>
            <div>
              <dt>N° d’adhérent</dt>
              <dd>{summary.data.member.memberNumber ?? NONE}</dd>
            </div>
            <div>
              <dt>Courriel</dt>
              <dd>
                {summary.data.member.email ? (
                  <a href={`mailto:${summary.data.member.email}`}>{summary.data.member.email}</a>
                ) : (
                  NONE
                )}
              </dd>
            </div>
            <div>
              <dt>Adresse postale</dt>
              <dd className="staff-summary__address">{summary.data.member.postalAddress ?? NONE}</dd>
            </div>
            <div>
              <dt>Référence</dt>
              <dd className="reference">
                {summary.data.reference}
                {summary.data.organisationReference ? (
                  <span className="muted"> (organisme&nbsp;: {summary.data.organisationReference})</span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>Statut</dt>
              <dd>
                <StatusBadge status={summary.data.status} />
              </dd>
            </div>
            <div>
              <dt>Conseiller</dt>
              <dd>{summary.data.assignedHandler?.name ?? <span className="muted">Non attribué</span>}</dd>
            </div>
            <div>
              <dt>Priorité</dt>
              <dd>{PRIORITY_LABELS[summary.data.priority] ?? summary.data.priority}</dd>
            </div>
            {summary.data.answer ? (
              <div>
                <dt>Réponse</dt>
                <dd>
                  Répondu le {formatDate(summary.data.answer.answeredOn)}
                  {summary.data.answer.outcomeLabel ? ` — ${summary.data.answer.outcomeLabel}` : ''}
                </dd>
              </div>
            ) : null}
          </dl>
          <div className="staff-summary__clocks">
            <h3 className="staff-summary__subtitle">Délais ACPR</h3>
            <ul className="sla-list">
              <li>
                <SlaLight name="Accusé de réception" clock={summary.data.clocks.acknowledgment} />
              </li>
              <li>
                <SlaLight name="Réponse" clock={summary.data.clocks.answer} />
              </li>
            </ul>
            <h3 className="staff-summary__subtitle">Prochaine action</h3>
            {summary.data.nextAction ? (
              <p className="staff-summary__next">
                <strong>{summary.data.nextAction.what}</strong>
                {summary.data.nextAction.dueDate
                  ? ` — avant le ${formatDate(summary.data.nextAction.dueDate)}`
                  : ''}
                <br />
                Par&nbsp;: {summary.data.nextAction.by}
              </p>
            ) : (
              <p className="muted">Rien n’est dû sur ce dossier.</p>
            )}
          </div>
        </div>
      )}
    </StaffSection>
  );
}
