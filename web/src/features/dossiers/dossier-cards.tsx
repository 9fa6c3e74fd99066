import { Link } from 'react-router';
import { formatDate, formatEuros } from '../../shared/format.ts';
import { categoryLabel } from '../../shared/labels.ts';
import { StatusBadge } from '../../shared/ui/status-badge.tsx';
import type { Dossier } from './api.ts';

/** A member's files as cards: one card per file, its title the link to it. */
export function DossierCards({ dossiers }: { dossiers: Dossier[] }) {
  return (
    <ul className="dossier-cards">
      {dossiers.map((dossier) => (
        <li key={dossier.id} className="card dossier-card">
          <div className="dossier-card__top">
            <span className="reference">{dossier.reference}</span>
            <StatusBadge status={dossier.status} />
          </div>
          <h3 className="dossier-card__title">
            <Link to={`/dossiers/${dossier.id}`}>{dossier.title}</Link>
          </h3>
          <dl className="facts">
            <div>
              <dt>Organisme</dt>
              <dd>{dossier.organisationName}</dd>
            </div>
            <div>
              <dt>Catégorie</dt>
              <dd>{categoryLabel(dossier.category)}</dd>
            </div>
            <div>
              <dt>Montant en jeu</dt>
              <dd>{dossier.amountCents === null ? 'Non indiqué' : formatEuros(dossier.amountCents)}</dd>
            </div>
            <div>
              <dt>Réclamation envoyée le</dt>
              <dd>{dossier.complaintSentOn ? formatDate(dossier.complaintSentOn) : 'Pas encore envoyée'}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
