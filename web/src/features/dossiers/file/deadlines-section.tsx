import { errorMessage } from '../../../shared/api-client.ts';
import { formatDate } from '../../../shared/format.ts';
import { ErrorNotice, Loading } from '../../../shared/ui/page.tsx';
import { useTimeline } from '../file-api.ts';
import { todayInParis } from './dates.ts';
import { type DeadlineView, deadlinesOf } from './deadlines-model.ts';
import { Section, type SectionProps } from './section.tsx';

/** The deadlines of the file, computed by the one deadline engine from its dated facts. */
export function DeadlinesSection({ dossier }: SectionProps) {
  const timeline = useTimeline(dossier.id);
  return (
    <Section
      id="delais"
      title="Délais"
      lead="Calculés à partir des faits datés du dossier. Chaque délai indique qui doit agir, avant quand, et sur quel texte il repose."
    >
      {timeline.isPending ? (
        <Loading label="Calcul des délais…" />
      ) : timeline.isError ? (
        <ErrorNotice message={errorMessage(timeline.error)} onRetry={() => timeline.refetch()} />
      ) : timeline.data.deadlinesError ? (
        <p className="notice notice--error">{timeline.data.deadlinesError}</p>
      ) : (
        <DeadlineList deadlines={deadlinesOf(timeline.data, todayInParis())} />
      )}
    </Section>
  );
}

function DeadlineList({ deadlines }: { deadlines: DeadlineView[] }) {
  if (deadlines.length === 0) {
    return (
      <p className="empty-state">
        Aucun délai pour le moment. Datez l’envoi de votre réclamation dans «&nbsp;Faits et
        dates&nbsp;»&nbsp;: les délais de l’organisme (accusé de réception, réponse) apparaîtront ici.
      </p>
    );
  }
  return (
    <ul className="deadline-list">
      {deadlines.map((d) => (
        <li key={d.id} className={`deadline-item deadline-item--${d.status}`}>
          <div className="deadline-item__head">
            <h3 className="deadline-item__title">{d.title}</h3>
            <span className={`tag tag--deadline-${d.status}`}>{d.statusLabel}</span>
          </div>
          <p className="deadline-item__due">
            Au plus tard le <strong>{formatDate(d.dueDate)}</strong>
            {d.state ? <> — {d.state}</> : null}
          </p>
          {d.party ? (
            <p className="deadline-item__party">
              <span className="muted">Qui doit agir&nbsp;:</span> {d.party}
            </p>
          ) : null}
          <details className="file-details">
            <summary>Règle, source et calcul</summary>
            <dl className="deadline-item__explain">
              {d.rule ? (
                <div>
                  <dt>Règle</dt>
                  <dd>{d.rule}</dd>
                </div>
              ) : null}
              {d.action ? (
                <div>
                  <dt>Ce qu’il faut faire</dt>
                  <dd>{d.action}</dd>
                </div>
              ) : null}
              {d.source ? (
                <div>
                  <dt>Source</dt>
                  <dd>{d.source}</dd>
                </div>
              ) : null}
              <div>
                <dt>Calcul</dt>
                <dd>
                  {d.computation ??
                    `Échéance le ${formatDate(d.dueDate)}, calculée par le moteur de délais de Recours à partir des dates enregistrées dans «\u00a0Faits et dates\u00a0».`}
                </dd>
              </div>
              {d.notes.map((note) => (
                <div key={note}>
                  <dt>À savoir</dt>
                  <dd>{note}</dd>
                </div>
              ))}
            </dl>
          </details>
        </li>
      ))}
    </ul>
  );
}
