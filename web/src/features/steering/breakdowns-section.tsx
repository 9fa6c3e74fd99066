import { CHANNEL_LABELS } from '../../../../src/contracts/channels.ts';
import { categoryLabel } from '../../shared/labels.ts';
import type { KpiDefinitions, KpiReport } from './api.ts';
import { formatFigure } from './figures.ts';

const count = (v: number) => formatFigure(v, 'count');
const channelLabel = (id: string) => CHANNEL_LABELS[id as keyof typeof CHANNEL_LABELS] ?? id;

function CountTable({
  title,
  definition,
  head,
  counts,
  labelOf = (k) => k,
  limit = 15,
}: {
  title: string;
  definition: string | undefined;
  head: string;
  counts: Record<string, number>;
  labelOf?: (key: string) => string;
  limit?: number;
}) {
  const rows = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return (
    <section className="breakdown">
      <h3>{title}</h3>
      {definition ? <p className="muted">{definition}</p> : null}
      {rows.length ? (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col" className="num">
                Réclamations
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map(([key, n]) => (
              <tr key={key}>
                <th scope="row">{labelOf(key)}</th>
                <td className="num">{count(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Aucune réclamation.</p>
      )}
      {rows.length > limit ? (
        <p className="muted">
          Les {limit} plus fréquents sur {count(rows.length)}&nbsp;; l’export du registre donne le détail.
        </p>
      ) : null}
    </section>
  );
}

export function BreakdownsSection({
  report,
  definitions,
}: {
  report: KpiReport;
  definitions: KpiDefinitions | undefined;
}) {
  const b = definitions?.breakdowns;
  return (
    <div className="breakdowns">
      <CountTable
        title="Par catégorie"
        definition={definitions?.kpis.byCategory?.definition}
        head="Catégorie"
        counts={report.byCategory}
        labelOf={categoryLabel}
      />
      <CountTable
        title="Par canal"
        definition={b?.byChannel?.definition}
        head="Canal"
        counts={report.byChannel}
        labelOf={channelLabel}
      />
      <CountTable
        title="Par produit"
        definition={b?.byProduct?.definition}
        head="Contrat"
        counts={report.byProduct}
      />
      <CountTable
        title="Par département"
        definition={b?.byRegion?.definition}
        head="Département"
        counts={report.byRegion}
      />
      <section className="breakdown breakdown--wide">
        <h3>Par conseiller</h3>
        {b?.byHandler ? <p className="muted">{b.byHandler.definition}</p> : null}
        <div className="table-wrapper">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Conseiller</th>
                <th scope="col" className="num">
                  Reçues
                </th>
                <th scope="col" className="num">
                  Sans réponse
                </th>
                <th scope="col" className="num">
                  AR à temps
                </th>
                <th scope="col" className="num">
                  Réponse à temps
                </th>
                <th scope="col" className="num">
                  Délai médian
                </th>
              </tr>
            </thead>
            <tbody>
              {report.byHandler.map((h) => (
                <tr key={h.handlerId ?? 'none'}>
                  <th scope="row">{h.name}</th>
                  <td className="num">{count(h.count)}</td>
                  <td className="num">{count(h.openCount)}</td>
                  <td className="num">{formatFigure(h.acknowledgedInTimeRate, 'rate')}</td>
                  <td className="num">{formatFigure(h.answeredInTimeRate, 'rate')}</td>
                  <td className="num">{formatFigure(h.medianDaysToAnswer, 'days')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">
          Réouvertures sur la période&nbsp;: {count(report.reopenings)}
          {b?.reopenings ? ` (${b.reopenings.definition})` : ''}
        </p>
      </section>
    </div>
  );
}
