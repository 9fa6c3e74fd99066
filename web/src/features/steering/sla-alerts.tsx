import { Link } from 'react-router';
import { useSlaCount } from './api.ts';
import { formatFigure } from './figures.ts';

function Alert({ colour, label }: { colour: 'red' | 'amber'; label: (n: string) => string }) {
  const query = useSlaCount(colour);
  if (!query.data) return null;
  const { total, totalCapped } = query.data;
  const n = `${totalCapped ? 'plus de ' : ''}${formatFigure(total, 'count')}`;
  return (
    <li className={`sla-alert sla-alert--${colour}`}>
      <span aria-hidden="true" className="sla-alert__shape">
        {colour === 'red' ? '▲' : '●'}
      </span>{' '}
      {total === 0 ? label('0') : <Link to={`/registre?delai=${colour}`}>{label(n)}</Link>}
    </li>
  );
}

/** Today's files past or near an ACPR deadline: the register's own traffic lights, counted. */
export function SlaAlerts() {
  return (
    <ul className="sla-alerts" aria-live="polite">
      <Alert
        colour="red"
        label={(n) => `${n} dossier(s) en retard ou à échéance aujourd’hui sur un délai ACPR`}
      />
      <Alert colour="amber" label={(n) => `${n} dossier(s) à traiter dans les prochains jours`} />
    </ul>
  );
}
