import { errorMessage } from '../../shared/api-client.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type Period, useRuleChanges } from './api.ts';

/** The rules whose value changed over the period, with what they touch: the basis of the legal watch. */
export function RulesSection({ period }: { period: Period }) {
  const rules = useRuleChanges(period);
  return (
    <section className="trends-section" aria-labelledby="regles-titre">
      <h2 id="regles-titre">Règles qui ont changé</h2>
      {rules.isPending ? (
        <Loading label="Chargement des changements…" />
      ) : rules.isError ? (
        <ErrorNotice message={errorMessage(rules.error)} onRetry={() => rules.refetch()} />
      ) : rules.data.changes.length === 0 ? (
        <p>Aucune règle n’a changé sur la période.</p>
      ) : (
        <ul className="trends-list">
          {rules.data.changes.map((c) => (
            <li key={`${c.parameter}:${c.from}`} className="card">
              <h3 className="trends-theme__title">
                {c.label} — le {formatDate(c.from)}
              </h3>
              <p>
                {c.before ?? 'Nouvelle règle'} → <strong>{c.after}</strong>
              </p>
              <dl className="facts">
                {c.letters.length > 0 ? (
                  <div>
                    <dt>Courriers</dt>
                    <dd>{c.letters.map((l) => l.label).join(', ')}</dd>
                  </div>
                ) : null}
                {c.deadlines.length > 0 ? (
                  <div>
                    <dt>Délais</dt>
                    <dd>{c.deadlines.map((d) => d.label).join(', ')}</dd>
                  </div>
                ) : null}
                {c.checks.length > 0 ? (
                  <div>
                    <dt>Contrôles</dt>
                    <dd>{c.checks.join(', ')}</dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
