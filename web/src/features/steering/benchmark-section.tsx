import { errorMessage } from '../../shared/api-client.ts';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { useBenchmark } from './api.ts';
import { formatFigure } from './figures.ts';
import type { Period } from './period.ts';

const share = (v: number | null) => (v === null ? 'Non publié' : formatFigure(v, 'rate'));
const days = (v: number | null) => (v === null ? 'Non publié' : formatFigure(v, 'days'));

/** The organisation beside the mediators' published figures, each with its year and source. */
export function BenchmarkSection({ period, asOf }: { period: Period; asOf: string | undefined }) {
  const query = useBenchmark(period, asOf);
  if (query.isPending) return <Loading />;
  if (query.isError)
    return <ErrorNotice message={errorMessage(query.error)} onRetry={() => query.refetch()} />;
  const { organisation: o, mediators, notes } = query.data;
  return (
    <>
      <div className="table-wrapper">
        <table className="table table--compact benchmark-table">
          <caption className="sr-only">Comparaison avec les chiffres publiés par les médiateurs</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col" className="num">
                Saisines du médiateur
              </th>
              <th scope="col" className="num">
                Saisines prématurées
              </th>
              <th scope="col" className="num">
                Irrecevables
              </th>
              <th scope="col" className="num">
                En faveur de l’adhérent
              </th>
              <th scope="col" className="num">
                Délai
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="benchmark-table__own">
              <th scope="row">
                Votre organisme, sur la période
                <br />
                <span className="muted">{formatFigure(o.complaints, 'count')} réclamations</span>
              </th>
              <td className="num">
                {formatFigure(o.referrals, 'count')} ({share(o.referralRate)})
              </td>
              <td className="num">{share(o.prematureShare)}</td>
              <td className="num">—</td>
              <td className="num">{share(o.answersForMemberShare)}</td>
              <td className="num">{days(o.medianDaysToAnswer)} (médiane)</td>
            </tr>
            {mediators.map((m) => (
              <tr key={`${m.mediator}-${m.year}`}>
                <th scope="row">
                  {m.name}, {m.year}
                  <br />
                  <span className="muted">
                    Source&nbsp;: {m.source}
                    {m.confidence === 'secondary' ? ' (chiffres repris par un tiers)' : ''}
                  </span>
                </th>
                <td className="num">
                  {m.referrals === null ? 'Non publié' : formatFigure(m.referrals, 'count')}
                </td>
                <td className="num">{share(m.prematureShare)}</td>
                <td className="num">{share(m.inadmissibleShare)}</td>
                <td className="num">{share(m.opinionsForMemberShare)}</td>
                <td className="num">{days(m.averageHandlingDays)} (moyenne)</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Ce qui rend ces chiffres comparables, ou non</h3>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </>
  );
}
