import { CATEGORY_LABELS, type DossierCategory } from '../../contracts/categories.ts';
import { CHANNEL_LABELS, type ComplaintChannel } from '../../contracts/channels.ts';
import type { DecisionOutcome } from '../../contracts/decision-outcomes.ts';
import { type DossierStatus, STATUS_LABELS } from '../../contracts/dossier-status.ts';
import { PRIORITY_LABELS } from '../../contracts/priorities.ts';
import type { ExportRow } from '../../db/repositories/register-export.ts';
import { storedClocksOf } from '../../domain/register/projection.ts';
import { type SlaColour, worstColour } from '../../domain/register/sla.ts';
import type { CalendarDate } from '../../domain/shared/calendar-date.ts';

/** The columns of a register export, with their French headers (the same in CSV and XLSX). */
export const EXPORT_COLUMNS = [
  ['reference', 'Référence'],
  ['receivedOn', 'Date de réception'],
  ['complaintSentOn', 'Envoi de la réclamation'],
  ['title', 'Objet'],
  ['category', 'Catégorie'],
  ['channel', 'Canal'],
  ['product', 'Produit'],
  ['region', 'Département'],
  ['status', 'Statut'],
  ['priority', 'Priorité'],
  ['memberName', 'Adhérent'],
  ['handlerName', 'Conseiller'],
  ['amountEuros', 'Montant en jeu (€)'],
  ['acknowledgedOn', 'Accusé de réception'],
  ['acknowledgmentDueOn', 'Échéance de l’accusé'],
  ['acknowledgmentClock', 'Délai d’accusé'],
  ['answeredOn', 'Réponse'],
  ['answerDueOn', 'Échéance de la réponse'],
  ['answerClock', 'Délai de réponse'],
  ['decision', 'Sens de la réponse'],
  ['mediationReferredOn', 'Saisine du médiateur'],
  ['satisfaction', 'Satisfaction (1 à 5)'],
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number][0];
export type ExportLine = Record<ExportColumn, string | number | null>;

const DECISIONS: Record<DecisionOutcome, string> = {
  accepted: 'Favorable',
  partial: 'Partielle',
  rejected: 'Défavorable',
};

/**
 * One register row as an export line, with the SLA clocks the register shows on `today`: rebuilt from the file's
 * stored deadline projection (the engine ran when the file changed), not by the engine per row.
 */
export function exportLine(row: ExportRow, today: CalendarDate): { line: ExportLine; colour: SlaColour } {
  const facts = (row.facts ?? {}) as Record<string, string | undefined>;
  const clocks = storedClocksOf(row, today);
  const colour = worstColour([clocks.acknowledgment, clocks.answer]);
  const erased = row.erasedAt !== null;
  return {
    colour,
    line: {
      reference: row.reference,
      receivedOn: row.receivedOn,
      complaintSentOn: facts.complaintSentOn ?? null,
      title: erased ? '(données effacées)' : row.title,
      category: CATEGORY_LABELS[row.category as DossierCategory] ?? row.category,
      channel: CHANNEL_LABELS[row.channel as ComplaintChannel] ?? row.channel,
      product: row.product,
      region: row.region,
      status: STATUS_LABELS[row.status as DossierStatus] ?? row.status,
      priority: PRIORITY_LABELS[row.priority] ?? row.priority,
      memberName: erased ? '(effacé)' : row.memberName,
      handlerName: row.handlerName,
      amountEuros: row.amountCents === null ? null : row.amountCents / 100,
      acknowledgedOn: facts.acknowledgedOn ?? null,
      acknowledgmentDueOn: clocks.acknowledgment.dueDate,
      acknowledgmentClock: clocks.acknowledgment.label,
      answeredOn: facts.answerReceivedOn ?? null,
      answerDueOn: clocks.answer.dueDate,
      answerClock: clocks.answer.label,
      decision: row.decision ? (DECISIONS[row.decision] ?? row.decision) : null,
      mediationReferredOn: facts.mediatorSeizedOn ?? null,
      satisfaction: row.satisfactionScore,
    },
  };
}
