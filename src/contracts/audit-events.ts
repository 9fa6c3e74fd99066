import type { DossierCategory } from './categories.ts';
import type { ContactChannel } from './channels.ts';
import type { DecisionOutcome } from './decision-outcomes.ts';
import type { DossierStatus } from './dossier-status.ts';
import type { StoredFacts } from './facts.ts';
import type { Priority } from './priorities.ts';
import type { Role } from './roles.ts';

/**
 * Every kind of event the history records (docs/decisions/0004-audit-history.md), one closed list: an event of an
 * unknown type does not compile (`appendAuditEvent`, `logAuditEvent`, the bulk writer), and the file's timeline
 * decides for each listed type whether the member sees it (src/domain/dossiers/timeline.ts; unlisted there: staff
 * only). The stored `audit_events.type` column keeps the text of older events.
 */
export const AUDIT_EVENT_TYPES = [
  // the file's story
  'dossier.created',
  'dossier.recorded',
  'dossier.imported',
  'dossier.identified',
  'dossier.merged',
  'dossier.claimed',
  'dossier.transmitted',
  'dossier.acknowledged',
  'dossier.documents_requested',
  'dossier.note_added',
  'dossier.decided',
  'dossier.closed',
  'dossier.reopened',
  'dossier.assigned',
  'dossier.priority_changed',
  'dossier.status_changed',
  'dossier.facts_updated',
  'dossier.contract_saved',
  'dossier.satisfaction_recorded',
  'dossier.referred_to_mediator',
  'dossier.erasure_requested',
  'dossier.erased',
  'status.changed',
  'facts.updated',
  'contract.saved',
  'satisfaction.recorded',
  'message.posted',
  'message.created',
  'message.updated',
  'note.posted',
  'note.created',
  'contact.logged',
  'contact.updated',
  'document.uploaded',
  'document.added',
  'document.updated',
  'document.text_corrected',
  'letter.created',
  'letter.sent',
  'mediation.notified',
  'mediation.outcome_recorded',
  'medical.marked',
  'medical.unmarked',
  'medical_opinion.requested',
  'medical_opinion.given',
  'ethics.requested',
  'ethics.opinion_recorded',
  'ethics.vote_recorded',
  'ethics.decided',
  'member.recorded',
  'member.claim_code_renewed',
  'dossier.retention_applied',
  'privacy.retention_purged',
  'patterns.clauses_imported',
  'patterns.memberships_imported',
  // the organisation's administration (issue 14)
  'organisation.updated',
  'staff.invited',
  'staff.invitation_renewed',
  'staff.invitation_accepted',
  'staff.changed',
  // readings: the RGPD access log (art. 9, art. 32), hidden from the file's story
  'dossier.viewed',
  'document.viewed',
  'document.text_read',
  'medical.viewed',
  'register.viewed',
  'kpi.viewed',
  'patterns.themes_read',
  'dossier.exported',
  'register.exported',
  'register.imported',
  'report.acpr_exported',
  'report.audit_pack_exported',
  'account.exported',
  'account.erasure_requested',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

type Change<T> = { before: T; after: T };
type StatusChange = Change<{ status: DossierStatus }>;
/** A fact or field that changed, as the history keeps it (values left out when they may be health data). */
type FieldChange = { field: string; before?: unknown; after?: unknown };

/**
 * Payloads of the events readers rely on (the timeline, the staff summary, exports) and of the most written ones
 * (readings, handling steps, pieces, letters): writing one of these types with another shape does not compile.
 * Other types carry a free record until someone reads them: type it here first.
 */
export interface AuditPayloads {
  // readings (RGPD access log)
  'dossier.viewed': { role: Role; part?: string; [detail: string]: unknown };
  'document.viewed': { role: Role; documentId: string; medical: boolean };
  'medical.viewed': { role: Role; part: string; pieceIds: string[] };
  'register.viewed': { total: number; shown: string[]; search?: boolean; part?: string };
  'kpi.viewed': { from: string; to: string; asOf: string };
  // the file's story
  'dossier.created': {
    after: { category: DossierCategory; status: DossierStatus; title?: string };
    /** Written by the demo seed. */
    seed?: boolean;
  };
  'dossier.transmitted': StatusChange & { facts: string[] };
  'dossier.acknowledged': Change<
    { status: DossierStatus } | { status: DossierStatus; acknowledgedOn: string }
  > & {
    messageId: string;
  };
  'dossier.documents_requested': StatusChange & { messageId: string; documentCount: number };
  'dossier.decided': Change<{
    status: DossierStatus;
    decision: DecisionOutcome | null;
    answerReceivedOn?: string;
  }> & { messageId: string; mediator: string };
  'dossier.reopened': StatusChange & { messageId: string };
  'dossier.closed': StatusChange & { messageId?: string };
  'dossier.assigned': Change<{ assignedHandlerId: string | null }>;
  'dossier.priority_changed': Change<{ priority: Priority }>;
  'dossier.status_changed': StatusChange & { reason: string };
  'dossier.facts_updated': {
    changes: FieldChange[];
    before?: { facts: StoredFacts };
    after?: { facts: StoredFacts };
  };
  // pieces, exchanges, letters
  'document.uploaded': {
    documentId: string;
    after: { kind: string; documentDate: string | null; mimeType: string; sha256: string; medical?: boolean };
    via?: string;
  };
  'document.updated': { documentId: string; changes: FieldChange[] };
  'contact.logged': {
    contactId: string;
    after?: { channel: ContactChannel; occurredAt: string; medical: boolean };
  };
  'message.created': { messageId: string };
  'message.posted': {
    messageId: string;
    kind: string;
    internal: boolean;
    medical?: boolean;
    /** A member's e-mail received into the file, and how it was matched to it. */
    via?: string;
    matchedBy?: string;
  };
  'letter.created': { letterId: string; letterType: string; edited: boolean };
  'letter.sent': {
    letterId: string;
    letterType: string;
    sentOn: string;
    sendingMethod: string;
    facts: { field: string; before: unknown; after: unknown }[];
  };
  'medical_opinion.requested': { opinionId: string };
  'medical_opinion.given': { opinionId: string; conclusion: string | null; medicalDetail: boolean };
}

type PayloadOf<T extends AuditEventType> = T extends keyof AuditPayloads
  ? AuditPayloads[T]
  : Record<string, unknown>;

/** One event as written: its type and the payload that type carries (a discriminated union on `type`). */
export type AuditEventBody = { [T in AuditEventType]: { type: T; payload?: PayloadOf<T> } }[AuditEventType];
