import { useState } from 'react';
import { errorMessage } from '../../shared/api-client.ts';
import { formatDate, formatInstantDate } from '../../shared/format.ts';
import { useSession } from '../../shared/session.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { type Period, useSpikes } from './api.ts';
import { ClausesSection } from './clauses-section.tsx';
import { RulesSection } from './rules-section.tsx';
import { ThemesSection } from './themes-section.tsx';
import './patterns.css';

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last twelve months, ending today. */
function defaultPeriod(): Period {
  const to = new Date();
  const from = new Date(to.getTime() - 364 * 86_400_000);
  return { from: isoDay(from), to: isoDay(to) };
}

/**
 * « Tendances » (issue 15): the week's spikes and the themes in the members' words, both stored by the weekly job;
 * the clauses to rewrite and the rules that changed over a period. Supervisors, administrators and auditors.
 */
export function TrendsPage() {
  const [period, setPeriod] = useState<Period>(defaultPeriod);
  const [draft, setDraft] = useState<Period>(period);
  const role = useSession().data?.user?.role ?? '';
  const invalid = draft.from === '' || draft.to === '' || draft.from > draft.to;
  return (
    <Page
      title="Tendances"
      lead="Les pics de réclamations de la semaine, les thèmes qui reviennent dans les mots des adhérents, les clauses à réécrire et les règles qui ont changé."
    >
      <SpikesSection />
      <ThemesSection />
      <form
        className="card trends-period"
        aria-label="Période analysée"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) setPeriod(draft);
        }}
      >
        <div className="field">
          <label htmlFor="periode-debut">Du</label>
          <input
            id="periode-debut"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="periode-fin">Au</label>
          <input
            id="periode-fin"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <button type="submit" className="button" disabled={invalid}>
          Afficher la période
        </button>
        {invalid ? (
          <p className="field__hint" role="status">
            La date de début doit précéder la date de fin.
          </p>
        ) : null}
      </form>
      <p className="trends-period__current">
        Période : du {formatDate(period.from)} au {formatDate(period.to)}
      </p>
      <ClausesSection period={period} canImport={['supervisor', 'admin'].includes(role)} />
      <RulesSection period={period} />
    </Page>
  );
}

function SpikesSection() {
  const spikes = useSpikes();
  return (
    <section className="trends-section" aria-labelledby="pics-titre">
      <h2 id="pics-titre">Pics de réclamations</h2>
      {spikes.isPending ? (
        <Loading label="Chargement des pics…" />
      ) : spikes.isError ? (
        <ErrorNotice message={errorMessage(spikes.error)} onRetry={() => spikes.refetch()} />
      ) : (
        <>
          {spikes.data.period && spikes.data.computedAt ? (
            <p>
              Semaine du {formatDate(spikes.data.period.from)} au {formatDate(spikes.data.period.to)},
              calculée le {formatInstantDate(spikes.data.computedAt)}. Chaque semaine est comparée à ce que
              l’historique laisse attendre (tendance et saison).
            </p>
          ) : null}
          {spikes.data.message ? (
            <div className="notice notice--info">
              <p>{spikes.data.message}</p>
            </div>
          ) : spikes.data.alerts.length === 0 ? (
            <p>Aucun pic inhabituel cette semaine.</p>
          ) : (
            <ul className="trends-list">
              {spikes.data.alerts.map((a) => (
                <li key={`${a.weekStart}:${JSON.stringify(a.dimensions)}`} className="card trends-alert">
                  <p className="trends-alert__figures">
                    <strong>{a.observed}</strong> réclamations pour {a.expected.toLocaleString('fr-FR')}{' '}
                    attendues
                  </p>
                  <p>{a.explanation}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
