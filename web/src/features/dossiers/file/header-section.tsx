import { errorMessage } from '../../../shared/api-client.ts';
import { formatDate, formatEuros, formatInstantDate } from '../../../shared/format.ts';
import { categoryLabel, organisationKindLabel } from '../../../shared/labels.ts';
import { StatusBadge } from '../../../shared/ui/status-badge.tsx';
import { type NextStep, useTimeline } from '../file-api.ts';
import { daysLeftText } from './dates.ts';
import { Section, type SectionProps } from './section.tsx';
import { TransmissionNotice } from './transmission-notice.tsx';

/** « À faire avant le 15/09/2027 (dans 296 jours) : Saisine du médiateur. » → « Saisine du médiateur ». */
function whatOf(step: NonNullable<NextStep>): string {
  const m = /\) : (.+?)\.?$/s.exec(step.text);
  return m?.[1] ?? step.text;
}

function StepCard({ step, title, tone }: { step: NonNullable<NextStep>; title: string; tone: string }) {
  return (
    <div className={`next-step next-step--${tone}`}>
      <h3 className="next-step__title">{title}</h3>
      <p className="next-step__what">{whatOf(step)}</p>
      <p className="next-step__when">
        Avant le <strong>{formatDate(step.dueDate)}</strong> ({daysLeftText(step.daysLeft)})
      </p>
      {step.action ? <p className="next-step__action">{step.action}</p> : null}
    </div>
  );
}

function NextSteps({ dossierId }: { dossierId: string }) {
  const timeline = useTimeline(dossierId);
  if (timeline.isPending) return <p className="muted">Calcul de la prochaine étape…</p>;
  if (timeline.isError) return <p className="muted">{errorMessage(timeline.error)}</p>;
  const { next, waitingFor, deadlinesError } = timeline.data;
  if (deadlinesError) return <p className="notice notice--error">{deadlinesError}</p>;
  if (!next && !waitingFor) {
    return (
      <div className="next-step next-step--none">
        <h3 className="next-step__title">Prochaine étape</h3>
        <p>
          Aucun délai en cours. Indiquez dans «&nbsp;Faits et dates&nbsp;» la date d’envoi de votre
          réclamation écrite&nbsp;: Recours calculera les délais de réponse de l’organisme.
        </p>
      </div>
    );
  }
  return (
    <div className="next-steps">
      {next ? <StepCard step={next} title="Prochaine étape" tone="member" /> : null}
      {waitingFor ? <StepCard step={waitingFor} title="En attente de l’autre partie" tone="other" /> : null}
    </div>
  );
}

/** Title, reference, organisation, category, live status, amount, and what to do next by when. */
export function HeaderSection({ dossier, isOwner }: SectionProps) {
  return (
    <Section id="resume" title="Résumé et prochaine étape">
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
          <dd className="nowrap">
            {dossier.amountCents === null ? 'Non indiqué' : formatEuros(dossier.amountCents)}
          </dd>
        </div>
        <div>
          <dt>Dossier ouvert le</dt>
          <dd>{formatInstantDate(dossier.createdAt)}</dd>
        </div>
      </dl>
      {dossier.description ? (
        <details className="file-details">
          <summary>Ce qui s’est passé</summary>
          <p className="prose">{dossier.description}</p>
        </details>
      ) : null}
      <TransmissionNotice dossier={dossier} isOwner={isOwner} />
      <NextSteps dossierId={dossier.id} />
    </Section>
  );
}
