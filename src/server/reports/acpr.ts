import { CATEGORY_LABELS, type DossierCategory } from '../../contracts/categories.ts';
import { CHANNEL_LABELS, type ComplaintChannel } from '../../contracts/channels.ts';
import type { Db } from '../../db/client.ts';
import { type CalendarDate, fromParts } from '../../domain/shared/calendar-date.ts';
import { renderPdfmake } from '../../pdf/pdfmake.ts';
import { CSV_BOM, csvLine } from '../shared/csv.ts';
import { kpiReport } from '../shared/kpi-report.ts';

export type AcprRow = [section: string, label: string, value: string | number | null];

const percent = (rate: number | null) =>
  rate === null ? 'sans objet' : `${(rate * 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} %`;

/**
 * The complaint figures of the ACPR annual questionnaire « Protection de la clientèle et pratiques commerciales »
 * (instructions 2017-I-21 then 2019-I-23, filed on OneGate between 1 April and 30 June; reference §1) for one
 * calendar year of receipt: counts by category and channel, deadlines met, outcomes. The questionnaire's exact
 * cells are not public (❌ in the reference): the rows name what they count, so a compliance officer can copy them.
 */
export async function acprRows(
  db: Db,
  organisationId: string,
  year: number,
  asOf: CalendarDate,
): Promise<AcprRow[]> {
  const k = await kpiReport(db, organisationId, {
    from: fromParts(year, 1, 1),
    to: fromParts(year, 12, 31),
    asOf,
  });
  const rows: AcprRow[] = [
    ['Période', 'Réclamations reçues du', fromParts(year, 1, 1)],
    ['Période', 'au', fromParts(year, 12, 31)],
    ['Période', 'Situation arrêtée au', asOf],
    ['Volumes', 'Réclamations reçues', k.count],
    ['Volumes', 'Réclamations sans réponse', k.openCount],
  ];
  for (const [category, count] of Object.entries(k.byCategory)) {
    rows.push(['Par motif', CATEGORY_LABELS[category as DossierCategory] ?? category, count]);
  }
  for (const [channel, count] of Object.entries(k.byChannel)) {
    rows.push(['Par canal', CHANNEL_LABELS[channel as ComplaintChannel] ?? channel, count]);
  }
  rows.push(
    ['Délais', 'Accusés de réception en 10 jours ouvrables', percent(k.acknowledgedInTimeRate)],
    ['Délais', 'Réponses en 2 mois', percent(k.answeredInTimeRate)],
    ['Délais', 'Délai médian de réponse (jours)', k.medianDaysToAnswer],
    ['Issues', 'Réponses favorables', k.outcomes.accepted],
    ['Issues', 'Réponses partiellement favorables', k.outcomes.partial],
    ['Issues', 'Réponses défavorables', k.outcomes.rejected],
    ['Issues', 'Saisines du médiateur (part des réponses)', percent(k.mediationRate)],
  );
  return rows;
}

export function acprCsv(rows: readonly AcprRow[]): string {
  return CSV_BOM + csvLine(['Rubrique', 'Libellé', 'Valeur']) + rows.map((r) => csvLine(r)).join('');
}

export async function acprPdf(
  rows: readonly AcprRow[],
  organisationName: string,
  year: number,
): Promise<Buffer> {
  return renderPdfmake({
    info: { title: `Réclamations ${year} — questionnaire ACPR` },
    pageSize: 'A4',
    content: [
      {
        text: `${organisationName} — réclamations reçues en ${year}`,
        fontSize: 16,
        bold: true,
        margin: [0, 0, 0, 4],
      },
      {
        text: 'Chiffres du questionnaire annuel ACPR « Protection de la clientèle et pratiques commerciales » (recommandation 2024-R-02).',
        fontSize: 9,
        margin: [0, 0, 0, 12],
      },
      {
        table: {
          headerRows: 1,
          widths: ['auto', '*', 'auto'],
          body: [
            [
              { text: 'Rubrique', bold: true },
              { text: 'Libellé', bold: true },
              { text: 'Valeur', bold: true },
            ],
            ...rows.map(([section, label, value]) => [
              section,
              label,
              typeof value === 'number' ? value.toLocaleString('fr-FR') : (value ?? 'sans objet'),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 10,
      },
    ],
  });
}
