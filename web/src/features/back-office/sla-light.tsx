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

function days(n: number): string {
  return `${n}\u00a0j`;
}

/** « 2 j restants », « dépassée de 3 j », « respectée »… (feminine: l’échéance). */
export function clockText(clock: SlaClockView): string {
  switch (clock.status) {
    case 'met':
      return 'respecté';
    case 'missed': {
      if (!clock.actionable && clock.label === 'Fait en retard') return 'fait en retard';
      return clock.daysLeft !== null && clock.daysLeft < 0
        ? `dépassé de ${days(-clock.daysLeft)}`
        : 'dépassé';
    }
    case 'open': {
      if (clock.daysLeft === null) return 'échéance inconnue';
      if (clock.daysLeft <= 0) return 'dernier jour';
      return `${days(clock.daysLeft)} restant${clock.daysLeft > 1 ? 's' : ''}`;
    }
    default:
      return 'sans objet';
  }
}

/** One ACPR clock as a traffic light: shape + colour + words (« AR : 2 j restants »), due date underneath. */
export function SlaLight({ name, clock }: { name: string; clock: SlaClockView }) {
  return (
    <span className={`sla sla--${clock.colour}`}>
      <span className="sla__dot" aria-hidden="true">
        {SHAPES[clock.colour] ?? '•'}
      </span>
      <span className="sla__text">
        {name}&nbsp;: {clockText(clock)}
        {clock.dueDate && clock.colour !== 'grey' ? (
          <span className="sla__due">
            <span className="sr-only">, </span>échéance {formatDate(clock.dueDate)}
          </span>
        ) : null}
      </span>
    </span>
  );
}
