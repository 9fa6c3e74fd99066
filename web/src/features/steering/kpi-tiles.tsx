import type { KpiDefinitions, KpiReport } from './api.ts';
import { formatChange, formatFigure, type Unit } from './figures.ts';

/** The tiles, in the order; `higherIsBetter` null where a rise is neither good nor bad. */
const TILES: { key: TileKey; unit: Unit; higherIsBetter: boolean | null }[] = [
  { key: 'count', unit: 'count', higherIsBetter: null },
  { key: 'openCount', unit: 'count', higherIsBetter: null },
  { key: 'acknowledgedInTimeRate', unit: 'rate', higherIsBetter: true },
  { key: 'answeredInTimeRate', unit: 'rate', higherIsBetter: true },
  { key: 'medianDaysToAnswer', unit: 'days', higherIsBetter: false },
  { key: 'mediationRate', unit: 'rate', higherIsBetter: false },
  { key: 'satisfactionMean', unit: 'score', higherIsBetter: true },
];
type TileKey =
  | 'count'
  | 'openCount'
  | 'acknowledgedInTimeRate'
  | 'answeredInTimeRate'
  | 'medianDaysToAnswer'
  | 'mediationRate'
  | 'satisfactionMean';

const TONE_WORDS = { better: 'en amélioration', worse: 'en dégradation', neutral: '' } as const;

export function KpiTiles({
  report,
  previous,
  definitions,
}: {
  report: KpiReport;
  previous: KpiReport | undefined;
  definitions: KpiDefinitions | undefined;
}) {
  return (
    <ul className="kpi-tiles">
      {TILES.map(({ key, unit, higherIsBetter }) => {
        const definition = definitions?.kpis[key];
        const change = previous ? formatChange(report[key], previous[key], unit, higherIsBetter) : null;
        return (
          <li key={key} className="kpi-tile" data-kpi={key}>
            <p className="kpi-tile__label">{definition?.label ?? ''}</p>
            <p className="kpi-tile__value">{formatFigure(report[key], unit)}</p>
            <p className={`kpi-tile__change kpi-tile__change--${change?.tone ?? 'neutral'}`}>
              {change ? (
                <>
                  {change.text}
                  {TONE_WORDS[change.tone] ? ` (${TONE_WORDS[change.tone]})` : ''}
                  <span className="muted"> par rapport à la période précédente</span>
                </>
              ) : (
                <span className="muted">Pas de comparaison possible avec la période précédente</span>
              )}
            </p>
            {definition ? (
              <details className="kpi-tile__definition">
                <summary>Définition</summary>
                <p>{definition.definition}</p>
                <p className="muted">Source&nbsp;: {definition.source}</p>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
