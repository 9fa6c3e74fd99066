import { CATEGORY_LABELS, type DossierCategory } from '../../contracts/categories.ts';
import { COMPLAINT_CHANNELS, type ComplaintChannel } from '../../contracts/channels.ts';
import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import type { Dimensions } from './cells.ts';
import type { Expectation } from './expectation.ts';

const NBSP = '\u00a0';

/** `12,3`, `1 234` with no-break spaces, as everywhere in Recours. */
export function formatNumber(value: number, fractionDigits = 1): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: fractionDigits })
    .format(value)
    .replace(/[\u202f ]/g, NBSP);
}

const CHANNEL_PHRASES: Record<ComplaintChannel, string> = {
  web: 'déposées dans l’espace adhérent',
  email: 'reçues par e-mail',
  letter: 'reçues par courrier',
  phone: 'reçues par téléphone',
  counter: 'reçues en agence',
};

function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category as DossierCategory] ?? category;
}

/** "réclamations « Résiliation » sur le produit « Santé Plus », en région Bretagne, reçues par téléphone". */
export function describeCell(dimensions: Dimensions): string {
  const parts: string[] = [];
  parts.push(
    dimensions.category === undefined
      ? 'réclamations'
      : `réclamations «${NBSP}${categoryLabel(dimensions.category)}${NBSP}»`,
  );
  if (dimensions.product !== undefined) parts.push(`sur le produit «${NBSP}${dimensions.product}${NBSP}»`);
  if (dimensions.region !== undefined) parts.push(`en région ${dimensions.region}`);
  if (dimensions.channel !== undefined) {
    parts.push(
      (COMPLAINT_CHANNELS as readonly string[]).includes(dimensions.channel)
        ? CHANNEL_PHRASES[dimensions.channel as ComplaintChannel]
        : `reçues par le canal «${NBSP}${dimensions.channel}${NBSP}»`,
    );
  }
  if (Object.keys(dimensions).length === 0) parts.push('toutes catégories confondues');
  return parts.join(', ');
}

/** How rare the count is, in words: "que moins d’une fois sur un million", "qu’environ une fois sur 2 000". */
export function rarity(pValue: number): string {
  if (pValue < 1e-6) return 'que moins d’une fois sur un million';
  const oneIn = 1 / pValue;
  const magnitude = 10 ** Math.floor(Math.log10(oneIn));
  const rounded = Math.round(oneIn / magnitude) * magnitude;
  return `qu’environ une fois sur ${formatNumber(rounded, 0)}`;
}

function modelNote(expectation: Expectation): string {
  const what: string[] = [];
  if (expectation.seasonal) what.push('la saison');
  if (expectation.trend) what.push('la tendance');
  const taken = what.length > 0 ? `, en tenant compte de ${what.join(' et de ')}` : '';
  return `Attendu calculé sur les ${formatNumber(expectation.baselineWeeks, 0)} semaines précédentes${taken}.`;
}

export function spikeExplanation(
  dimensions: Dimensions,
  weekStart: CalendarDate,
  observed: number,
  expectation: Expectation,
  pValue: number,
): string {
  const ratio = observed / Math.max(expectation.expected, 1e-9);
  const times = ratio >= 100 ? 'plus de 100 fois plus' : `${formatNumber(ratio)} fois plus`;
  return (
    `Semaine du ${formatFrenchDate(weekStart)} : ${formatNumber(observed, 0)} ${describeCell(dimensions)}, ` +
    `pour ${formatNumber(expectation.expected)} attendues d’après l’historique (${times}). ` +
    `Un tel écart n’arrive par hasard ${rarity(pValue)}. ${modelNote(expectation)}`
  );
}
