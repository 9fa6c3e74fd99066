import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { storedSpikesSchema } from '../../../../src/contracts/api/patterns.ts';
import { apiGet } from '../../shared/api-client.ts';
import { formatDate } from '../../shared/format.ts';

/** At most this many of the week's spikes on the dashboard; the « Tendances » page has them all. */
const SHOWN = 3;

/**
 * « Tendances » on the dashboard (issue 15): the spikes and theme alerts the weekly job stored, read as they are
 * (the dashboard computes nothing), the strongest spikes first, with a link to the page that explains them. The
 * period of the dashboard does not apply: they are computed for the week that just ended.
 */
export function TrendsSlot(_props: { from: string; to: string }) {
  const spikes = useQuery({
    queryKey: ['patterns', 'spikes'],
    queryFn: ({ signal }) => apiGet('/api/v1/patterns', storedSpikesSchema, signal),
  });
  if (!spikes.data) return null;
  const { alerts, period, message, themeAlerts } = spikes.data;
  const strongest = [...alerts].sort((a, b) => b.score - a.score).slice(0, SHOWN);
  return (
    <section className="section card" aria-labelledby="tendances-titre">
      <h2 id="tendances-titre">Tendances</h2>
      {message ? (
        <p>{message}</p>
      ) : alerts.length === 0 ? (
        <p>
          Aucun pic inhabituel de réclamations
          {period ? ` la semaine du ${formatDate(period.from)} au ${formatDate(period.to)}` : ''}.
        </p>
      ) : (
        <>
          <p>
            {alerts.length === 1 ? '1 pic inhabituel' : `${alerts.length} pics inhabituels`} de réclamations
            {period ? ` la semaine du ${formatDate(period.from)} au ${formatDate(period.to)}` : ''}
            {alerts.length > SHOWN ? ` ; les ${SHOWN} plus marqués :` : ' :'}
          </p>
          <ul>
            {strongest.map((a) => (
              <li key={`${a.weekStart}:${JSON.stringify(a.dimensions)}`}>{a.explanation}</li>
            ))}
          </ul>
        </>
      )}
      {themeAlerts.length > 0 ? (
        <>
          <p>
            {themeAlerts.length === 1
              ? '1 thème de réclamations nouveau ou en forte hausse :'
              : `${themeAlerts.length} thèmes de réclamations nouveaux ou en forte hausse :`}
          </p>
          <ul>
            {themeAlerts.slice(0, SHOWN).map((a) => (
              <li key={`${a.label}:${a.explanation}`}>
                <strong>« {a.label} »</strong> — {a.explanation}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to="/tendances">
          Voir les tendances : pics, thèmes, clauses à réécrire, règles qui ont changé
        </Link>
      </p>
    </section>
  );
}
