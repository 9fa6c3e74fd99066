import { formatDate } from '../../shared/format.ts';
import type { SlaClockView } from './api.ts';

/** Each colour with a shape (decorative) and a word, so that colour is never the only signal. */
export const SLA_COLOUR_LABELS: Record<string, string> = {
  red: 'Rouge (dépassé ou dernier jour)',
  amber: 'Orange (peu de jours restants)',
  green: 'Vert (respecté ou marge suffisante)',
  grey: 'Gris (sans objet)',
};

const SHAPES: Record<string, string> = { red: '■', amber: '▲', green: '●', grey: '○' };

/**
 * One ACPR clock as a traffic light: shape + colour + the domain's own words (« AR : Reste 2 j », « Réponse :
 * Répondu le 02/12/2026 — 17 j de retard »), due date underneath while it runs. The wording is a domain rule
 * (src/domain/register/sla.ts) that the API sends in `label`: this component never rebuilds it.
 */
export function SlaLight({ name, clock }: { name: string; clock: SlaClockView }) {
  const running = clock.outcome === null && clock.dueDate && clock.colour !== 'grey';
  return (
    <span className={`sla sla--${clock.colour}`}>
      <span className="sla__dot" aria-hidden="true">
        {SHAPES[clock.colour] ?? '•'}
      </span>
      <span className="sla__text">
        {name}&nbsp;: {clock.label}
        {running ? (
          <span className="sla__due">
            <span className="sr-only">, </span>échéance {formatDate(clock.dueDate!)}
          </span>
        ) : clock.outcome && clock.dueDate ? (
          <span className="sla__due">
            <span className="sr-only">, </span>échéance {formatDate(clock.dueDate)}
          </span>
        ) : null}
      </span>
    </span>
  );
}
