import type { ComponentType } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../shared/api-client.ts';
import { formatDate, formatEuros, formatInstantDate } from '../../shared/format.ts';
import { categoryLabel, organisationKindLabel } from '../../shared/labels.ts';
import { homePathFor, useSession } from '../../shared/session.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { StatusBadge } from '../../shared/ui/status-badge.tsx';
import { type Dossier, useDossier } from './api.ts';

interface SectionProps {
  dossier: Dossier;
}

function SummarySection({ dossier }: SectionProps) {
  return (
    <section className="section card" aria-labelledby="dossier-resume">
      <h2 id="dossier-resume">Résumé</h2>
      <dl className="facts facts--wide">
        <div>
          <dt>Référence</dt>
          <dd className="reference">{dossier.reference}</dd>
        </div>
        <div>
          <dt>Statut</dt>
          <dd>
            <StatusBadge status={dossier.status} />
          </dd>
        </div>
        <div>
          <dt>Organisme</dt>
          <dd>
            {dossier.organisationName}{' '}
            <span className="muted">({organisationKindLabel(dossier.organisationKind)})</span>
          </dd>
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
          <dt>Réclamation écrite envoyée le</dt>
          <dd>{dossier.complaintSentOn ? formatDate(dossier.complaintSentOn) : 'Pas encore envoyée'}</dd>
        </div>
        <div>
          <dt>Dossier ouvert le</dt>
          <dd>{formatInstantDate(dossier.createdAt)}</dd>
        </div>
        <div>
          <dt>Dernière mise à jour</dt>
          <dd>{formatInstantDate(dossier.updatedAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

function DescriptionSection({ dossier }: SectionProps) {
  return (
    <section className="section card" aria-labelledby="dossier-description">
      <h2 id="dossier-description">Ce qui s’est passé</h2>
      {dossier.description ? (
        <p className="prose">{dossier.description}</p>
      ) : (
        <p className="muted">Aucune description pour le moment.</p>
      )}
    </section>
  );
}

/**
 * The sections of a file's page, in order. Documents, timeline and deadlines come next: write a component
 * taking `{ dossier }` (its own <section> with an h2) and add it here.
 */
const SECTIONS: { id: string; Component: ComponentType<SectionProps> }[] = [
  { id: 'resume', Component: SummarySection },
  { id: 'description', Component: DescriptionSection },
];

export function DossierPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const dossier = useDossier(id);
  const user = session.data?.user;
  const back = user ? homePathFor(user) : '/';
  const backLabel = back === '/registre' ? 'Retour au registre' : 'Retour à mes dossiers';

  if (dossier.isError) {
    const notFound = dossier.error instanceof ApiError && dossier.error.status === 404;
    return (
      <Page
        title={notFound ? 'Dossier introuvable' : 'Dossier'}
        heading={notFound ? 'Dossier introuvable' : 'Dossier'}
      >
        <ErrorNotice
          message={
            notFound
              ? 'Ce dossier n’existe pas, ou vous n’avez pas accès à ce dossier. Vérifiez l’adresse de la page.'
              : errorMessage(dossier.error)
          }
          {...(notFound ? {} : { onRetry: () => dossier.refetch() })}
        />
        <p>
          <Link to={back}>{backLabel}</Link>
        </p>
      </Page>
    );
  }

  const data = dossier.data;
  return (
    <Page
      title={data ? `${data.title} (${data.reference})` : 'Dossier'}
      heading={data ? data.title : 'Dossier'}
      lead={data ? `Dossier ${data.reference} — ${data.organisationName}` : undefined}
    >
      <p className="breadcrumb-back">
        <Link to={back}>
          <span aria-hidden="true">← </span>
          {backLabel}
        </Link>
      </p>
      {data ? (
        SECTIONS.map(({ id: sectionId, Component }) => <Component key={sectionId} dossier={data} />)
      ) : (
        <Loading label="Chargement du dossier…" />
      )}
    </Page>
  );
}
