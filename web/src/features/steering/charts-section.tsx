import { useState } from 'react';
import { useNavigate } from 'react-router';
import { categoryOptions } from '../../shared/labels.ts';
import type { KpiReport } from './api.ts';
import { BarChart, type BarDatum, ChartFigure } from './bar-chart.tsx';
import { formatFigure } from './figures.ts';
import { weekRange } from './period.ts';

const dayMonth = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];
const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
const count = (v: number) => formatFigure(v, 'count');
const rate = (v: number) => formatFigure(v, 'rate');

const OUTCOME_LABELS = {
  accepted: 'Favorable',
  partial: 'Partiellement favorable',
  rejected: 'Défavorable',
  unspecified: 'Sens non précisé',
} as const;

function DataTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: [string, string];
  rows: { key: string; label: string; value: string; href?: string | undefined }[];
}) {
  return (
    <table className="table table--compact">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head[0]}</th>
          <th scope="col" className="num">
            {head[1]}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
            <td className="num">{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function registerHref(filters: Record<string, string>): string {
  return `/registre?${new URLSearchParams(filters).toString()}`;
}

/** Weekly volume, optionally of one category; a bar opens the register on that week (and category). */
function WeeklyVolume({ report }: { report: KpiReport }) {
  const [category, setCategory] = useState('');
  const navigate = useNavigate();
  const byWeek = new Map<string, number>();
  for (const p of report.series.weeklyByCategory) {
    if (category && p.category !== category) continue;
    byWeek.set(p.week, (byWeek.get(p.week) ?? 0) + p.count);
  }
  const data: BarDatum[] = [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, value]) => {
      const range = weekRange(week);
      return {
        key: week,
        label: dayMonth(week),
        value,
        href: registerHref({ du: range.from, au: range.to, ...(category ? { categorie: category } : {}) }),
      };
    });
  return (
    <ChartFigure
      id="graphique-volume"
      title="Réclamations reçues par semaine"
      description={
        <>
          Semaine du lundi indiqué. Un clic sur une barre ouvre le registre sur cette semaine
          {category ? ` et cette catégorie` : ''}.
        </>
      }
      chart={
        <>
          <div className="field field--inline">
            <label htmlFor="volume-categorie">Catégorie</label>
            <select id="volume-categorie" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">Toutes les catégories</option>
              {categoryOptions.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          {data.length ? (
            <BarChart
              data={data}
              formatValue={count}
              onOpen={(href) => navigate(href)}
              labelEvery={Math.max(1, Math.ceil(data.length / 12))}
            />
          ) : (
            <p className="muted">Aucune réclamation sur la période.</p>
          )}
        </>
      }
      table={
        <DataTable
          caption="Réclamations reçues par semaine"
          head={['Semaine du', 'Réclamations']}
          rows={data.map((d) => ({ key: d.key, label: d.label, value: count(d.value), href: d.href }))}
        />
      }
    />
  );
}

/** Deadlines met month by month: the acknowledgment or the answer. */
function MonthlyCompliance({ report }: { report: KpiReport }) {
  const [clock, setClock] = useState<'answeredInTimeRate' | 'acknowledgedInTimeRate'>('answeredInTimeRate');
  const months = report.series.monthlyCompliance;
  const data: BarDatum[] = months.map((m) => ({
    key: m.month,
    label: monthLabel(m.month),
    value: m[clock] ?? 0,
  }));
  return (
    <ChartFigure
      id="graphique-delais"
      title="Délais respectés par mois de réception"
      description="Un mois sans délai échu n’a pas de taux : sa barre est vide et le tableau l’indique."
      chart={
        <>
          <div className="field field--inline">
            <label htmlFor="delais-horloge">Délai</label>
            <select
              id="delais-horloge"
              value={clock}
              onChange={(e) => setClock(e.target.value as typeof clock)}
            >
              <option value="answeredInTimeRate">Réponse dans les deux mois</option>
              <option value="acknowledgedInTimeRate">Accusé de réception en 10 jours ouvrables</option>
            </select>
          </div>
          {data.length ? <BarChart data={data} formatValue={rate} max={1} /> : null}
        </>
      }
      table={
        <table className="table table--compact">
          <caption className="sr-only">Délais respectés par mois</caption>
          <thead>
            <tr>
              <th scope="col">Mois</th>
              <th scope="col" className="num">
                Reçues
              </th>
              <th scope="col" className="num">
                AR à temps
              </th>
              <th scope="col" className="num">
                Réponse à temps
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month)}</th>
                <td className="num">{count(m.count)}</td>
                <td className="num">{formatFigure(m.acknowledgedInTimeRate, 'rate')}</td>
                <td className="num">{formatFigure(m.answeredInTimeRate, 'rate')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function SimpleBars({
  id,
  title,
  head,
  data,
  description,
}: {
  id: string;
  title: string;
  head: string;
  data: BarDatum[];
  description?: string;
}) {
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      chart={<BarChart data={data} formatValue={count} />}
      table={
        <DataTable
          caption={title}
          head={[head, 'Réclamations']}
          rows={data.map((d) => ({ key: d.key, label: d.label, value: count(d.value) }))}
        />
      }
    />
  );
}

export function ChartsSection({ report }: { report: KpiReport }) {
  return (
    <div className="charts">
      <WeeklyVolume report={report} />
      <MonthlyCompliance report={report} />
      <SimpleBars
        id="graphique-duree"
        title="Durée de traitement"
        head="Jours entre réception et réponse"
        description="Réclamations ayant reçu une réponse, par jours calendaires écoulés."
        data={report.series.handlingTime.map((b) => ({ key: b.bucket, label: b.label, value: b.count }))}
      />
      <SimpleBars
        id="graphique-sens"
        title="Sens des réponses"
        head="Sens"
        data={(Object.keys(OUTCOME_LABELS) as (keyof typeof OUTCOME_LABELS)[]).map((k) => ({
          key: k,
          label: OUTCOME_LABELS[k],
          value: report.outcomes[k],
        }))}
      />
      <SimpleBars
        id="graphique-satisfaction"
        title="Satisfaction des adhérents"
        head="Note sur 5"
        data={['1', '2', '3', '4', '5'].map((s) => ({
          key: s,
          label: `${s}\u00a0/\u00a05`,
          value: report.series.satisfaction[s] ?? 0,
        }))}
      />
      <SimpleBars
        id="graphique-stock"
        title="Réclamations sans réponse, par ancienneté"
        head="Ancienneté"
        data={report.backlogByAge.map((b) => ({ key: b.bucket, label: b.label, value: b.count }))}
      />
    </div>
  );
}
