import type { ContactChannel } from '../../contracts/channels.ts';
import type { DecisionOutcome } from '../../contracts/decision-outcomes.ts';
import { type DossierStatus, STATUS_LABELS } from '../../contracts/dossier-status.ts';
import { ROLE_LABELS, type Role } from '../access/roles.ts';
import { type Deadline, factsSchema } from '../deadlines/schema.ts';
import { type CalendarDate, daysBetween, formatFrenchDate } from '../shared/calendar-date.ts';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from './documents.ts';

/** Who reads the timeline: the member's view (also the mediator's), or the organisation's staff view. */
export type TimelineAudience = 'member' | 'staff';

export interface TimelineActor {
  id: string | null;
  name: string | null;
  role: Role | null;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  occurredAt: string;
  actor: TimelineActor;
  payload: Record<string, unknown>;
}

export interface TimelineContact {
  id: string;
  occurredAt: string;
  channel: string;
  agentName: string | null;
  reference: string | null;
  summary: string;
  promises: string | null;
  author: TimelineActor;
}

export interface TimelineDocument {
  id: string;
  kind: string;
  title: string;
  documentDate: CalendarDate | null;
  uploadedAt: string;
  author: TimelineActor;
}

export interface TimelineMessage {
  id: string;
  body: string;
  kind: string;
  internal: boolean;
  createdAt: string;
  author: TimelineActor;
}

export interface TimelineInput {
  audience: TimelineAudience;
  viewerId: string;
  today: CalendarDate;
  events: readonly TimelineEvent[];
  contacts: readonly TimelineContact[];
  documents: readonly TimelineDocument[];
  messages: readonly TimelineMessage[];
  /** The dated facts of the file (the deadline engine's input): each date is a step of the story. */
  facts: Readonly<Record<string, unknown>>;
  /** From the deadline engine (deadlinesOf); null when the facts could not be computed. */
  deadlines: readonly Deadline[] | null;
}

export type TimelineEntryKind = 'event' | 'fact' | 'contact' | 'document' | 'message' | 'note' | 'deadline';

export interface TimelineEntry {
  kind: TimelineEntryKind;
  /** An instant (ISO 8601) or, for a dated document or a deadline, a calendar day. */
  at: string;
  text: string;
  detail: string | null;
  /** The row the entry comes from (document, contact, message, deadline id, audit seq). */
  ref: string;
  /** A deadline still ahead of today. */
  upcoming: boolean;
}

export interface NextStep {
  deadlineId: string;
  text: string;
  action: string;
  dueDate: CalendarDate;
  daysLeft: number;
}

export interface Timeline {
  entries: TimelineEntry[];
  /** What the viewer's side must do next, and by when: the earliest open deadline of the member. */
  next: NextStep | null;
  /** What the file waits for from the other side (organisation, mediator, CPAM). */
  waitingFor: NextStep | null;
}

const CHANNEL_LABELS: Record<string, string> = {
  phone: 'par téléphone',
  email: 'par e-mail',
  letter: 'par courrier',
  visit: 'en agence',
  chat: 'par messagerie instantanée',
  other: 'autre canal',
} satisfies Record<ContactChannel, string>;

const DEADLINE_STATUS_LABELS: Record<Deadline['status'], string> = {
  open: 'en cours',
  met: 'respecté',
  missed: 'dépassé',
  not_applicable_yet: 'pas encore ouvert',
  suspended: 'suspendu',
  not_enforceable: 'inopposable',
  passed: 'date atteinte',
};

const PARTY_LABELS: Record<Deadline['party'], string> = {
  organisation: 'L’organisme',
  member: 'Vous',
  mediator: 'Le médiateur',
  cpam: 'La CPAM',
};

/** The subject of a sentence, from the viewer's point of view. */
function who(actor: TimelineActor, viewerId: string): { subject: string; you: boolean } {
  if (actor.id && actor.id === viewerId) return { subject: 'Vous', you: true };
  if (!actor.id) return { subject: 'Recours', you: false };
  const role = actor.role ? ` (${ROLE_LABELS[actor.role]})` : '';
  return { subject: `${actor.name ?? 'Un utilisateur'}${role}`, you: false };
}

/** "Vous avez ajouté" / "Sophie Leroy (Conseiller) a ajouté". */
function did(actor: TimelineActor, viewerId: string, participle: string): string {
  const w = who(actor, viewerId);
  return `${w.subject} ${w.you ? 'avez' : 'a'} ${participle}`;
}

function kindLabel(kind: unknown): string {
  return DOCUMENT_KIND_LABELS[kind as DocumentKind] ?? String(kind);
}

function statusLabel(status: unknown): string {
  return STATUS_LABELS[status as DossierStatus] ?? String(status);
}

/** "Date d'envoi de la réclamation écrite (courrier…)." → "Date d'envoi de la réclamation écrite". */
export function factLabel(field: string): string {
  const schema = (factsSchema.shape as Record<string, { description?: string }>)[field];
  const description = schema?.description;
  if (!description) return field;
  return description.replace(/\s*\(.*$/, '').replace(/[.\s]+$/, '');
}

function factValue(value: unknown): string {
  if (value === null || value === undefined) return 'effacée';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatFrenchDate(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) return value.map(factValue).join(', ');
  return String(value);
}

type Visibility = 'all' | 'staff' | 'hidden';

const DECISION_LABELS: Record<string, string> = {
  accepted: 'demande acceptée',
  partial: 'demande acceptée en partie',
  rejected: 'demande rejetée',
} satisfies Record<DecisionOutcome, string>;
const decisionLabel = (value: unknown) => DECISION_LABELS[String(value)] ?? 'réponse';

interface EventRule {
  visibility: Visibility;
  text(event: TimelineEvent, viewerId: string): string;
  detail?(event: TimelineEvent): string | null;
}

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

const changesOf = (e: TimelineEvent) =>
  Array.isArray(e.payload.changes) ? (e.payload.changes as Change[]) : [];
const after = (e: TimelineEvent) => (e.payload.after ?? {}) as Record<string, unknown>;
const before = (e: TimelineEvent) => (e.payload.before ?? {}) as Record<string, unknown>;

/**
 * Event types and how each reads. Access events (views, exports) are the RGPD access log, not the story of the
 * dispute: hidden here, kept in the audit chain. Events that mirror a row (a document, a contact, a message) are
 * hidden because the row itself is in the timeline, with its content. An event type not listed is shown to staff
 * only: a new back-office event never leaks to a member by default.
 */
export const EVENT_RULES: Record<string, EventRule> = {
  'dossier.acknowledged': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, 'accusé réception de la réclamation')}.`,
  },
  'dossier.documents_requested': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, 'demandé une ou plusieurs pièces')}.`,
  },
  'dossier.decided': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, `rendu sa réponse : ${decisionLabel(after(e).decision)}`)}.`,
    detail: (e) =>
      typeof e.payload.mediator === 'string' ? `Médiateur compétent : ${e.payload.mediator}` : null,
  },
  'dossier.reopened': { visibility: 'all', text: (e, v) => `${did(e.actor, v, 'rouvert le dossier')}.` },
  'dossier.closed': { visibility: 'all', text: (e, v) => `${did(e.actor, v, 'clos le dossier')}.` },
  'dossier.referred_to_mediator': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, 'saisi le médiateur')}.`,
  },
  'mediation.notified': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, 'notifié l’ouverture de la médiation (C. consom. R612-2)')}.`,
  },
  'mediation.outcome_recorded': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, 'enregistré l’issue de la médiation')}.`,
  },
  'letter.created': {
    visibility: 'all',
    text: (e, v) =>
      `${did(e.actor, v, `rédigé un courrier (${String(e.payload.letterType ?? 'courrier')})`)}.`,
  },
  'letter.sent': {
    visibility: 'all',
    text: (e, v) =>
      `${did(e.actor, v, `noté l’envoi d’un courrier${typeof e.payload.sentOn === 'string' ? ` le ${formatFrenchDate(e.payload.sentOn)}` : ''}`)}.`,
  },
  'dossier.contract_saved': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, 'enregistré le tableau de garanties du contrat')}.`,
  },
  // Staff-only by nature: internal handling that never reaches the member.
  'dossier.note_added': {
    visibility: 'staff',
    text: (e, v) => `${did(e.actor, v, 'ajouté une note interne')}.`,
  },
  'dossier.priority_changed': {
    visibility: 'staff',
    text: (e, v) => `${did(e.actor, v, `changé la priorité (${String(after(e).priority ?? '')})`)}.`,
  },
  'ethics.requested': {
    visibility: 'staff',
    text: (e, v) => `${did(e.actor, v, 'saisi le comité d’éthique')}.`,
  },
  'dossier.created': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, 'ouvert le dossier')}.`,
    detail: (e) => (typeof after(e).title === 'string' ? String(after(e).title) : null),
  },
  'dossier.transmitted': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, 'transmis le dossier à l’organisme')}.`,
  },
  'dossier.retention_applied': {
    visibility: 'all',
    // The purge (src/server/jobs/retention-purge.ts) erases the whole file, or only its pieces when their period is shorter.
    text: (e) =>
      (e.payload.rule as { kind?: string } | undefined)?.kind === 'dossier_documents'
        ? 'Durée de conservation des pièces écoulée : les pièces du dossier ont été supprimées.'
        : 'Durée de conservation écoulée : les données personnelles du dossier ont été effacées ou anonymisées.',
  },
  'dossier.status_changed': {
    visibility: 'all',
    text: (e) =>
      `Le dossier passe de « ${statusLabel(before(e).status)} » à « ${statusLabel(after(e).status)} ».`,
  },
  'dossier.facts_updated': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, 'mis à jour les dates du dossier')}.`,
    detail: (e) =>
      changesOf(e)
        .map((c) => `${factLabel(c.field)} : ${factValue(c.after)}`)
        .join(' ; ') || null,
  },
  'dossier.satisfaction_recorded': {
    visibility: 'all',
    text: (e, v) =>
      `${did(e.actor, v, `donné ${who(e.actor, v).you ? 'votre' : 'son'} avis sur le traitement du dossier`)} : ${String(after(e).score)}/5.`,
  },
  'dossier.erasure_requested': {
    visibility: 'all',
    text: (e, v) =>
      `${did(e.actor, v, `demandé l’effacement de ${who(e.actor, v).you ? 'vos' : 'ses'} données personnelles`)}.`,
  },
  'dossier.erased': {
    visibility: 'all',
    text: () => 'Les données personnelles du dossier ont été effacées.',
  },
  'document.updated': {
    visibility: 'all',
    text: (e, v) => `${did(e.actor, v, 'reclassé un document')}.`,
    detail: (e) =>
      changesOf(e)
        .map((c) =>
          c.field === 'kind'
            ? `Type : ${kindLabel(c.before)} → ${kindLabel(c.after)}`
            : c.field === 'documentDate'
              ? `Date : ${factValue(c.before)} → ${factValue(c.after)}`
              : 'Titre modifié',
        )
        .join(' ; ') || null,
  },
  'dossier.assigned': {
    visibility: 'staff',
    text: () => 'Le dossier a été attribué à un conseiller.',
  },
  'dossier.viewed': { visibility: 'hidden', text: () => '' },
  'document.viewed': { visibility: 'hidden', text: () => '' },
  'dossier.exported': { visibility: 'hidden', text: () => '' },
  'document.uploaded': { visibility: 'hidden', text: () => '' },
  'contact.logged': { visibility: 'hidden', text: () => '' },
  'message.posted': { visibility: 'hidden', text: () => '' },
  'note.posted': { visibility: 'hidden', text: () => '' },
};

function eventEntry(event: TimelineEvent, input: TimelineInput): TimelineEntry | null {
  const rule = EVENT_RULES[event.type];
  const visibility: Visibility = rule?.visibility ?? 'staff';
  if (visibility === 'hidden') return null;
  if (visibility === 'staff' && input.audience !== 'staff') return null;
  return {
    kind: 'event',
    at: event.occurredAt,
    text: rule ? rule.text(event, input.viewerId) : `Événement « ${event.type} ».`,
    detail: rule?.detail?.(event) ?? null,
    ref: `event:${event.seq}`,
    upcoming: false,
  };
}

function contactEntry(c: TimelineContact, viewerId: string): TimelineEntry {
  const with_ = c.agentName ? ` avec ${c.agentName}` : '';
  const ref = c.reference ? ` (réf. ${c.reference})` : '';
  return {
    kind: 'contact',
    at: c.occurredAt,
    text: `Contact ${CHANNEL_LABELS[c.channel] ?? c.channel}${with_}${ref}, noté par ${who(c.author, viewerId).subject.replace(/^Vous$/, 'vous')}.`,
    detail: c.promises ? `${c.summary}\nPromesse : ${c.promises}` : c.summary,
    ref: `contact:${c.id}`,
    upcoming: false,
  };
}

function documentEntry(d: TimelineDocument, viewerId: string): TimelineEntry {
  const dated = d.documentDate ? ` daté du ${formatFrenchDate(d.documentDate)}` : '';
  return {
    kind: 'document',
    // A dated document takes its place in the story on its own date (the invoice of 2 September), not on upload.
    at: d.documentDate ?? d.uploadedAt,
    text: `${did(d.author, viewerId, 'ajouté un document')} : ${kindLabel(d.kind)}${dated}.`,
    detail: d.title,
    ref: `document:${d.id}`,
    upcoming: false,
  };
}

function messageEntry(m: TimelineMessage, viewerId: string): TimelineEntry {
  const w = who(m.author, viewerId);
  const text = m.internal
    ? `Note interne de ${w.you ? 'vous' : w.subject}.`
    : m.kind === 'document_request'
      ? `${w.subject} ${w.you ? 'avez demandé' : 'demande'} un document.`
      : `Message ${w.you ? 'envoyé' : `de ${w.subject}`}.`;
  return {
    kind: m.internal ? 'note' : 'message',
    at: m.createdAt,
    text,
    detail: m.body,
    ref: `message:${m.id}`,
    upcoming: false,
  };
}

function deadlineEntry(
  d: Deadline & { dueDate: CalendarDate },
  today: CalendarDate,
  audience: TimelineAudience,
): TimelineEntry {
  const party = d.party === 'member' && audience === 'staff' ? 'L’adhérent' : PARTY_LABELS[d.party];
  return {
    kind: 'deadline',
    at: d.dueDate,
    text: `${d.title} : au plus tard le ${formatFrenchDate(d.dueDate)} (${DEADLINE_STATUS_LABELS[d.status]}).`,
    detail: `${party} : ${d.action} Source : ${d.source.replace(/\.+$/, '')}.`,
    ref: `deadline:${d.id}`,
    upcoming: d.dueDate >= today,
  };
}

/** Instants and calendar days on one axis: a day sorts at its start, a deadline at the end of its day. */
function sortKey(entry: TimelineEntry): string {
  if (entry.at.length === 10) return `${entry.at}${entry.kind === 'deadline' ? 'T99' : 'T00'}`;
  return entry.at;
}

function step(d: Deadline & { dueDate: CalendarDate }, today: CalendarDate): NextStep {
  const daysLeft = daysBetween(today, d.dueDate);
  const when =
    daysLeft === 0 ? 'aujourd’hui, dernier jour' : `dans ${daysLeft} jour${daysLeft > 1 ? 's' : ''}`;
  const party = d.party === 'member' ? 'À faire' : `${PARTY_LABELS[d.party]} doit agir`;
  return {
    deadlineId: d.id,
    text: `${party} avant le ${formatFrenchDate(d.dueDate)} (${when}) : ${d.title}.`,
    action: d.action,
    dueDate: d.dueDate,
    daysLeft,
  };
}

/**
 * The whole history of a file for one viewer, oldest first, with the deadlines placed on their due dates and
 * the next thing to do. Internal notes and staff-only events never reach the member's view.
 */
export function buildTimeline(input: TimelineInput): Timeline {
  const staff = input.audience === 'staff';
  const entries: TimelineEntry[] = [];
  for (const e of input.events) {
    const entry = eventEntry(e, input);
    if (entry) entries.push(entry);
  }
  for (const [field, value] of Object.entries(input.facts)) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
    entries.push({
      kind: 'fact',
      at: value,
      text: `${factLabel(field)} : ${formatFrenchDate(value)}.`,
      detail: null,
      ref: `fact:${field}`,
      upcoming: value > input.today,
    });
  }
  for (const c of input.contacts) entries.push(contactEntry(c, input.viewerId));
  for (const d of input.documents) entries.push(documentEntry(d, input.viewerId));
  for (const m of input.messages) {
    if (m.internal && !staff) continue;
    entries.push(messageEntry(m, input.viewerId));
  }
  const dated = (input.deadlines ?? []).filter((d): d is Deadline & { dueDate: CalendarDate } => !!d.dueDate);
  for (const d of dated) entries.push(deadlineEntry(d, input.today, input.audience));
  entries.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

  const open = dated.filter((d) => d.status === 'open').sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  const mine = open.find((d) => d.party === 'member');
  const theirs = open.find((d) => d.party !== 'member');
  return {
    entries,
    next: mine ? step(mine, input.today) : null,
    waitingFor: theirs ? step(theirs, input.today) : null,
  };
}
