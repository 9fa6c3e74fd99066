/** The closed vocabularies of triage. Definitions and tie-break rules: corpus/triage/GUIDE.md. */

export type { DossierCategory as Category } from '../../contracts/categories.ts';
export { DOSSIER_CATEGORIES as CATEGORIES } from '../../contracts/categories.ts';

export const ORGANISATIONS = ['mutuelle', 'insurer', 'cpam', 'unknown'] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

/** Ordered: the stage of a dispute is the furthest step already taken. */
export const STAGES = [
  'none',
  'customer_service_contacted',
  'written_complaint_sent',
  'reminder_unanswered',
  'mediation',
  'court',
] as const;
export type Stage = (typeof STAGES)[number];

export const NEXT_STEPS = [
  'contact_customer_service',
  'written_complaint',
  'formal_notice',
  'mediator',
  'cpam_cra',
  'association_or_defenseur_des_droits',
  'court',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export function stageRank(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** What a sentence of the member's story reports (events.ts): his steps, the organisation's acts, the facts. */
export const EVENT_KINDS = [
  'customer_service',
  'written_complaint',
  'cra_referral',
  'termination_request',
  'reminder',
  'mediation',
  'court',
  'answer_received',
  'decision_notified',
  'care',
  'invoice_sent',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
