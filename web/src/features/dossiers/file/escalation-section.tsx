import { LETTER_LABELS } from '../../../../../src/domain/letters/chronology.ts';
import type { LetterType } from '../../../../../src/domain/letters/schema.ts';
import { errorMessage } from '../../../shared/api-client.ts';
import { formatDate } from '../../../shared/format.ts';
import { ErrorNotice, Loading } from '../../../shared/ui/page.tsx';
import { type EscalationStep, useEscalation } from '../file-api.ts';
import { Section, type SectionProps } from './section.tsx';

/** Each status as an icon (decorative) and words (what a screen reader and a colour-blind reader get). */
const STEP_STATUS: Record<string, { icon: string; label: string }> = {
  done: { icon: '✓', label: 'Fait' },
  open: { icon: '→', label: 'Possible maintenant' },
  not_yet: { icon: '…', label: 'Pas encore' },
  closed: { icon: '✕', label: 'Fermé' },
};

function statusOf(step: EscalationStep) {
  return STEP_STATUS[step.status] ?? { icon: '•', label: step.status };
}

/** The step to take now: the first one open (the ladder is in order). */
function currentStepId(steps: readonly EscalationStep[]): string | null {
  return steps.find((s) => s.status === 'open')?.id ?? null;
}

/** GET /escalation: customer service → written complaint → formal notice → (CRA) → mediator → … → court. */
export function EscalationSection({ dossier, user, canWrite }: SectionProps) {
  // Only the member writes the court documents (the letters section offers them to him alone).
  const drafts = canWrite && user?.role === 'member';
  const ladder = useEscalation(dossier.id);
  return (
    <Section
      id="echelle"
      title="Échelle des recours"
      lead="Les étapes d’un litige, dans l’ordre. Chacune dit si elle est ouverte pour votre dossier, et pourquoi."
    >
      {ladder.isPending ? (
        <Loading label="Chargement de l’échelle des recours…" />
      ) : ladder.isError ? (
        <ErrorNotice message={errorMessage(ladder.error)} onRetry={() => ladder.refetch()} />
      ) : (
        <Ladder steps={ladder.data} drafts={drafts} />
      )}
    </Section>
  );
}

/**
 * « Rédiger la requête »: selects the document in « Rédiger un courrier » (its radio button, same page), which
 * drafts it from the file; the focus goes there so that a keyboard or screen-reader user follows.
 */
function DraftLink({ type }: { type: string }) {
  const id = `courrier-type-${type}`;
  return (
    <p className="ladder__draft">
      <a
        className="button button--secondary"
        href={`#${id}`}
        onClick={(event) => {
          const radio = document.getElementById(id) as HTMLInputElement | null;
          if (!radio) return;
          event.preventDefault();
          radio.click();
          radio.focus();
          radio.scrollIntoView({ block: 'center' });
        }}
      >
        Rédiger&nbsp;: {(LETTER_LABELS[type as LetterType] ?? 'le courrier').toLowerCase()}
      </a>
    </p>
  );
}

function Ladder({ steps, drafts }: { steps: EscalationStep[]; drafts: boolean }) {
  const current = currentStepId(steps);
  return (
    <ol className="ladder">
      {steps.map((step) => {
        const status = statusOf(step);
        const isCurrent = step.id === current;
        return (
          <li
            key={step.id}
            className={`ladder__step ladder__step--${step.status}${isCurrent ? ' ladder__step--current' : ''}`}
            aria-current={isCurrent ? 'step' : undefined}
          >
            <div className="ladder__head">
              <span className="ladder__icon" aria-hidden="true">
                {status.icon}
              </span>
              <h3 className="ladder__title">{step.title}</h3>
              <span className={`tag tag--${step.status}`}>{status.label}</span>
              {isCurrent ? <span className="tag tag--current">Étape actuelle</span> : null}
            </div>
            <p className="ladder__why">{step.why}</p>
            {step.status !== 'done' && step.status !== 'closed' ? (
              <p className="ladder__action">
                <strong>À faire&nbsp;:</strong> {step.action}
              </p>
            ) : step.action ? (
              <p className="ladder__action muted">{step.action}</p>
            ) : null}
            {step.opensOn || step.closesOn ? (
              <p className="ladder__dates">
                {step.opensOn ? <>Possible à partir du {formatDate(step.opensOn)}</> : null}
                {step.opensOn && step.closesOn ? ' — ' : null}
                {step.closesOn ? <>au plus tard le {formatDate(step.closesOn)}</> : null}
              </p>
            ) : null}
            {drafts && step.letterType && step.status === 'open' ? (
              <DraftLink type={step.letterType} />
            ) : null}
            {step.source ? <p className="ladder__source muted">Source&nbsp;: {step.source}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
