import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../shared/api-client.ts';
import { formatDate } from '../../shared/format.ts';
import { useSession } from '../../shared/session.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { useKpi, useKpiDefinitions } from './api.ts';
import { BenchmarkSection } from './benchmark-section.tsx';
import { BreakdownsSection } from './breakdowns-section.tsx';
import { ChartsSection } from './charts-section.tsx';
import { KpiTiles } from './kpi-tiles.tsx';
import { type Period, PRESETS, presetPeriod, previousPeriod } from './period.ts';
import { SlaAlerts } from './sla-alerts.tsx';
import { TrendsSlot } from './trends-slot.tsx';
import './steering.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Paris, as the server counts (the KPIs' default as-of date). */
function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

function PeriodForm({
  period,
  asOf,
  onChange,
}: {
  period: Period;
  asOf: string;
  onChange: (p: Period, asOf: string) => void;
}) {
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [asOfDraft, setAsOf] = useState(asOf);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ from, to }, asOfDraft);
  };
  return (
    <form className="filters period-form" onSubmit={submit} aria-label="Période">
      <div className="field">
        <label htmlFor="periode-du">Reçues du</label>
        <input id="periode-du" type="date" value={from} required onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="periode-au">au</label>
        <input id="periode-au" type="date" value={to} required onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="periode-arrete">
          Arrêté au <span className="field__optional">(facultatif)</span>
        </label>
        <input id="periode-arrete" type="date" value={asOfDraft} onChange={(e) => setAsOf(e.target.value)} />
      </div>
      <button type="submit" className="button">
        Afficher
      </button>
      <div className="period-form__presets">
        {PRESETS.map((p) => (
          <button
            key={p.key}
            type="button"
            className="button button--tertiary button--small"
            onClick={() => {
              const next = presetPeriod(p.key, parisToday());
              setFrom(next.from);
              setTo(next.to);
              setAsOf('');
              onChange(next, '');
            }}
          >
            {p.label}
          </button>
        ))}
      </div>
    </form>
  );
}

/**
 * « Pilotage »: the KPIs of a period with their definitions, their change from the previous period, the charts with
 * their data tables, the SLA alerts of today and the sector's benchmark (issue 14). Reads GET /api/v1/kpi,
 * /kpi/definitions, /kpi/benchmark and the register's counts.
 */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const fallback = presetPeriod('year', parisToday());
  const period: Period = {
    from: DAY.test(params.get('du') ?? '') ? params.get('du')! : fallback.from,
    to: DAY.test(params.get('au') ?? '') ? params.get('au')! : fallback.to,
  };
  const asOf = DAY.test(params.get('arrete') ?? '') ? params.get('arrete')! : undefined;
  const kpi = useKpi(period, asOf);
  const previous = useKpi(previousPeriod(period), asOf);
  const definitions = useKpiDefinitions();
  // The pack carries the history's verification: the history's readers only (auditors, admins).
  const canDownloadAuditPack = ['auditor', 'admin'].includes(session.data?.user?.role ?? '');

  const change = (p: Period, nextAsOf: string) =>
    setParams(new URLSearchParams({ du: p.from, au: p.to, ...(nextAsOf ? { arrete: nextAsOf } : {}) }));

  return (
    <Page
      title="Pilotage des réclamations"
      lead={
        session.data?.user?.organisation
          ? `Indicateurs de ${session.data.user.organisation.name} sur les réclamations reçues pendant la période.`
          : undefined
      }
    >
      <PeriodForm
        key={`${period.from}${period.to}${asOf}`}
        period={period}
        asOf={asOf ?? ''}
        onChange={change}
      />

      <section className="section" aria-labelledby="alertes">
        <h2 id="alertes">Alertes de délais aujourd’hui</h2>
        <SlaAlerts />
      </section>

      {kpi.isPending ? <Loading /> : null}
      {kpi.isError ? <ErrorNotice message={errorMessage(kpi.error)} onRetry={() => kpi.refetch()} /> : null}
      {kpi.data ? (
        <>
          <section className="section" aria-labelledby="indicateurs">
            <h2 id="indicateurs">Indicateurs</h2>
            <p className="muted" role="status">
              Réclamations reçues du {formatDate(kpi.data.from)} au {formatDate(kpi.data.to)}, arrêtées au{' '}
              {formatDate(kpi.data.asOf)}
              {kpi.isFetching ? ' (mise à jour…)' : ''}.
            </p>
            <KpiTiles report={kpi.data} previous={previous.data} definitions={definitions.data} />
            {canDownloadAuditPack ? (
              <p>
                <a
                  className="button button--secondary"
                  href={`/api/v1/reports/audit-pack?${new URLSearchParams({ from: period.from, to: period.to, ...(asOf ? { asOf } : {}) })}`}
                  download
                >
                  Télécharger le dossier d’audit de la période (PDF)
                </a>
              </p>
            ) : null}
          </section>

          {/* Slot « Tendances » (issue 15): pattern alerts go here, between the KPIs and the charts. */}
          <TrendsSlot from={period.from} to={period.to} />

          <section className="section" aria-labelledby="graphiques">
            <h2 id="graphiques">Évolution</h2>
            <ChartsSection report={kpi.data} />
          </section>

          <section className="section" aria-labelledby="ventilations">
            <h2 id="ventilations">Détail</h2>
            <BreakdownsSection report={kpi.data} definitions={definitions.data} />
          </section>
        </>
      ) : null}

      <section className="section" aria-labelledby="comparaison">
        <h2 id="comparaison">Comparaison avec le secteur</h2>
        <p className="muted">
          Les chiffres publiés par les médiateurs de l’assurance, de la Mutualité et de la protection sociale,
          avec leur année et leur source.
        </p>
        <BenchmarkSection period={period} asOf={asOf} />
      </section>
    </Page>
  );
}
