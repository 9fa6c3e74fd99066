import { randomUUID } from 'node:crypto';
import type { DossierCategory } from '../contracts/categories.ts';
import type { DossierStatus } from '../contracts/dossier-status.ts';
import { jsonbText } from '../db/repositories/audit-batch.ts';
import { projectionOf } from '../db/repositories/deadline-projection.ts';
import { eventHash, GENESIS_HASH } from '../domain/audit/event-hash.ts';
import { addDays, type CalendarDate } from '../domain/shared/calendar-date.ts';
import { CopyBuffer, type CopyValue } from './copy-text.ts';

/**
 * The rows of generated files, in COPY text format: members, files with their deadline projection (computed by
 * the one engine, `projectionOf`), messages, contacts, and each file's history chain hashed by the verifier's own
 * `eventHash` (docs/decisions/0004-audit-history.md), as the application would have left them event by event.
 */
const TEMPLATES: { category: DossierCategory; weight: number; title: string; description: string }[] = [
  {
    category: 'reimbursement_contested',
    weight: 30,
    title: 'Lunettes remboursées 0 €',
    description: 'Monture et verres progressifs : la mutuelle n’a rien remboursé malgré l’ordonnance.',
  },
  {
    category: 'reimbursement_contested',
    weight: 15,
    title: 'Couronne dentaire mal remboursée',
    description: 'Le remboursement de la couronne céramique ne correspond pas au tableau de garanties.',
  },
  {
    category: 'coverage_interpretation',
    weight: 10,
    title: 'Prothèse auditive : plafond contesté',
    description: 'Le plafond appliqué aux aides auditives n’est pas celui du contrat responsable.',
  },
  {
    category: 'termination',
    weight: 10,
    title: 'Résiliation infra-annuelle refusée',
    description: 'Demande de résiliation après un an d’adhésion restée sans suite.',
  },
  {
    category: 'contributions',
    weight: 10,
    title: 'Cotisations prélevées deux fois',
    description: 'Double prélèvement de la cotisation mensuelle en janvier.',
  },
  {
    category: 'service_quality',
    weight: 8,
    title: 'Aucune réponse aux courriels',
    description: 'Trois courriels envoyés au service adhérents sans réponse.',
  },
  {
    category: 'rights_suspended',
    weight: 5,
    title: 'Tiers payant suspendu',
    description: 'La pharmacie refuse le tiers payant : droits suspendus sans explication.',
  },
  {
    category: 'portability',
    weight: 4,
    title: 'Portabilité après licenciement refusée',
    description: 'Maintien des garanties refusé après la fin du contrat de travail.',
  },
  {
    category: 'care_refused',
    weight: 4,
    title: 'Hospitalisation : chambre particulière refusée',
    description: 'Le forfait chambre particulière n’a pas été pris en charge.',
  },
  {
    category: 'cpam_decision',
    weight: 1,
    title: 'Refus de prise en charge par la caisse',
    description: 'La caisse refuse le transport sanitaire ; la mutuelle s’aligne sans examen.',
  },
  {
    category: 'other',
    weight: 3,
    title: 'Orthodontie : devis non traité',
    description: 'Le devis d’orthodontie envoyé il y a deux mois n’a pas été étudié.',
  },
];
const TEMPLATE_TABLE = TEMPLATES.flatMap((t) => Array.from({ length: t.weight }, () => t));
const FIRST = ['Camille', 'Léa', 'Hélène', 'Chloé', 'Zoé', 'Jérôme', 'François', 'Noël', 'Loïc', 'Benoît'];
const LAST = [
  'Lefèvre',
  'Dupont',
  'Bérénger',
  'Müller',
  'Durand',
  'Gaël',
  'Petit',
  'Lemaître',
  'Faure',
  'Côté',
];
const CHANNELS = ['web', 'web', 'web', 'email', 'email', 'letter', 'phone', 'counter'];
const PRODUCTS = ['Santé Essentielle', 'Santé Confort', 'Santé Intégrale', 'Contrat collectif Entreprise'];
const REGIONS = ['75', '69', '13', '33', '59', '44', '31', '67', '2A', '971'];
// Delays in days from the complaint to the acknowledgment and to the answer. Drawn from a few values so that files
// share their projection and the generator computes each distinct one once (see `projected`).
const ACK_DAYS = [1, 2, 3, 5, 7, 10, 14, 21];
const ANSWER_DAYS = [12, 20, 28, 35, 45, 55, 62, 75];
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same files. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function referenceOf(n: number, year: number): string {
  let code = '';
  let x = n;
  for (let i = 0; i < 7; i++) {
    code = ALPHABET[x % 32] + code;
    x = Math.floor(x / 32);
  }
  return `REC-${year}-B${code}`;
}

export const DOSSIER_COLUMNS = [
  'id',
  'reference',
  'member_id',
  'organisation_id',
  'organisation_name',
  'organisation_kind',
  'category',
  'title',
  'description',
  'status',
  'channel',
  'amount_cents',
  'assigned_handler_id',
  'organisation_reference',
  'facts',
  'priority',
  'decision',
  'closed_at',
  'product',
  'region',
  'created_at',
  'updated_at',
  'transmitted_at',
  'complaint_on',
  'sla_ack_due_on',
  'sla_ack_status',
  'sla_ack_done',
  'sla_ack_actionable',
  'sla_answer_due_on',
  'sla_answer_status',
  'sla_answer_done',
  'sla_answer_actionable',
  'next_due_on',
  'next_due_clock',
  'next_due_party',
  'mediation_opens_on',
  'mediation_due_on',
  'sla_amber_on',
  'sla_red_on',
  'projection_version',
] as const;
const PROJECTION_KEYS = [
  'complaintOn',
  'slaAckDueOn',
  'slaAckStatus',
  'slaAckDone',
  'slaAckActionable',
  'slaAnswerDueOn',
  'slaAnswerStatus',
  'slaAnswerDone',
  'slaAnswerActionable',
  'nextDueOn',
  'nextDueClock',
  'nextDueParty',
  'mediationOpensOn',
  'mediationDueOn',
  'slaAmberOn',
  'slaRedOn',
  'projectionVersion',
] as const;

export function newBuffers() {
  return {
    users: new CopyBuffer('users', ['id', 'email', 'display_name', 'role', 'created_at']),
    dossiers: new CopyBuffer('dossiers', DOSSIER_COLUMNS),
    messages: new CopyBuffer('messages', [
      'id',
      'dossier_id',
      'author_id',
      'body',
      'kind',
      'internal',
      'created_at',
    ]),
    contacts: new CopyBuffer('contacts', [
      'id',
      'dossier_id',
      'occurred_at',
      'channel',
      'summary',
      'created_by_id',
    ]),
    events: new CopyBuffer('audit_events', [
      'chain_id',
      'chain_seq',
      'dossier_id',
      'actor_id',
      'type',
      'payload',
      'occurred_at',
      'prev_hash',
      'hash',
    ]),
    heads: new CopyBuffer('audit_chain_heads', ['chain_id', 'last_seq', 'prev_hash', 'last_hash']),
  };
}
export type Buffers = ReturnType<typeof newBuffers>;

export interface Organisation {
  id: string;
  name: string;
  handlerIds: string[];
}

export interface FileContext {
  today: CalendarDate;
  now: Date;
  random: () => number;
  /** Members are reused for about three files each (some members complain more than once). */
  memberPool: string[];
  /** Projections already computed, by opening day, status and facts: the engine is pure, its result reusable. */
  projections: Map<string, CopyValue[]>;
}

function projected(ctx: FileContext, key: string, compute: () => unknown): CopyValue[] {
  const known = ctx.projections.get(key);
  if (known) return known;
  const projection = compute() as Record<string, CopyValue>;
  const values = PROJECTION_KEYS.map((k) => projection[k]);
  if (ctx.projections.size > 500_000) ctx.projections.clear();
  ctx.projections.set(key, values);
  return values;
}

/** One member, added to the pool and to the users buffer. */
export function addMember(buffers: Buffers, ctx: FileContext, n: number) {
  const id = randomUUID();
  const r = ctx.random;
  buffers.users.add([
    id,
    `membre-${n}-${Math.floor(r() * 1e9)}@charge.recours.test`,
    `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`,
    'member',
    ctx.now.toISOString(),
  ]);
  ctx.memberPool.push(id);
  return id;
}

interface PendingEvent {
  actorId: string | null;
  type: string;
  payload: Record<string, unknown>;
  at: Date;
}

/** Writes one file, its messages, contacts and history (about ten events) into the buffers. */
export function addFile(
  buffers: Buffers,
  ctx: FileContext,
  n: number,
  organisation: Organisation,
  memberId: string,
) {
  const r = ctx.random;
  const int = (k: number) => Math.floor(r() * k);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const template = pick(TEMPLATE_TABLE);
  // Opened over the last three years, more of them recently (the volume grows); younger files are more often
  // still open.
  const age = Math.floor(3 * 365 * r() ** 1.3);
  const opened = addDays(ctx.today, -age);
  const createdAt = new Date(
    `${opened}T${String(6 + int(11)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}Z`,
  );
  const facts: Record<string, string> = {};
  let status: DossierStatus = 'draft';
  let decision: string | null = null;
  const within = (date: CalendarDate) => date <= ctx.today;
  if (r() > 0.02) {
    facts.complaintSentOn = opened;
    status = 'submitted';
    const ack = addDays(opened, pick(ACK_DAYS));
    if (within(ack) && r() > 0.1) {
      facts.acknowledgedOn = ack;
      status = r() < 0.1 ? 'awaiting_member' : 'acknowledged';
      const answer = addDays(opened, pick(ANSWER_DAYS));
      if (within(answer) && (age > 60 ? r() > 0.05 : r() > 0.6)) {
        decision = pick(['accepted', 'partial', 'rejected']);
        facts.answerReceivedOn = answer;
        facts.answerOutcome = decision;
        status = age > 120 ? 'closed' : 'answered';
        const seized = addDays(answer, 10 + int(60));
        if (decision !== 'accepted' && within(seized) && r() < 0.08) {
          facts.mediatorSeizedOn = seized;
          status = 'mediation';
        }
      }
    }
  }
  const id = randomUUID();
  const handler = status === 'draft' || r() < 0.08 ? null : pick(organisation.handlerIds);
  const year = Number(opened.slice(0, 4));
  const factsText = JSON.stringify(facts);
  const projection = projected(ctx, `${opened}|${status}|${factsText}`, () =>
    projectionOf({ facts, organisationKind: 'mutuelle', zone: 'metropole', status, createdAt }, ctx.now),
  );
  const at = (days: number) => new Date(createdAt.getTime() + days * 86_400_000);
  const createdIso = createdAt.toISOString();
  const closedAt = status === 'closed' ? at(80).toISOString() : null;
  const row: CopyValue[] = [
    id,
    referenceOf(n, year),
    memberId,
    organisation.id,
    organisation.name,
    'mutuelle',
    template.category,
    template.title,
    template.description,
    status,
    pick(CHANNELS),
    r() < 0.7 ? 1_000 + int(200_000) : null,
    handler,
    r() < 0.5 ? `SIN-${year}-${String(n).padStart(8, '0')}` : null,
    factsText,
    r() < 0.05 ? 'high' : 'normal',
    decision,
    closedAt,
    pick(PRODUCTS),
    pick(REGIONS),
    createdIso,
    closedAt ?? createdIso,
    // A draft is the member's until transmitted (issue 16); every other file reached the organisation.
    status === 'draft' ? null : createdIso,
  ];
  row.push(...projection);
  buffers.dossiers.add(row);

  const events: PendingEvent[] = [
    {
      actorId: memberId,
      type: 'dossier.created',
      payload: { after: { category: template.category, status: 'draft' } },
      at: createdAt,
    },
  ];
  if (facts.complaintSentOn)
    events.push({
      actorId: memberId,
      type: 'dossier.facts_updated',
      payload: { changes: [{ field: 'complaintSentOn' }] },
      at: at(0),
    });
  if (handler)
    events.push({
      actorId: handler,
      type: 'dossier.assigned',
      payload: { after: { assignedHandlerId: handler } },
      at: at(1),
    });
  const staff = handler ?? organisation.handlerIds[0]!;
  for (let k = 0; k < 3; k++) {
    const author = k === 1 ? staff : memberId;
    const when = at(1 + k * 3).toISOString();
    const messageId = randomUUID();
    buffers.messages.add([
      messageId,
      id,
      author,
      k === 1
        ? 'Nous étudions votre demande et revenons vers vous rapidement.'
        : 'Pouvez-vous me dire où en est mon dossier ?',
      'message',
      false,
      when,
    ]);
    events.push({ actorId: author, type: 'message.created', payload: { messageId }, at: at(1 + k * 3) });
  }
  for (let k = 0; k < 2; k++) {
    const contactId = randomUUID();
    buffers.contacts.add([
      contactId,
      id,
      at(2 + k * 5).toISOString(),
      pick(['phone', 'email', 'letter']),
      'Appel au service adhérents : dossier en cours d’instruction.',
      staff,
    ]);
    events.push({ actorId: staff, type: 'contact.logged', payload: { contactId }, at: at(2 + k * 5) });
  }
  for (let k = 0; k < 2; k++)
    events.push({ actorId: staff, type: 'dossier.viewed', payload: { role: 'handler' }, at: at(3 + k) });
  if (status !== 'draft' && status !== 'submitted')
    events.push({ actorId: staff, type: 'status.changed', payload: { after: { status } }, at: at(5) });

  // The file's own chain, from the genesis hash: seq 1, 2, … each hash covering the previous one.
  let prev = GENESIS_HASH;
  let last = GENESIS_HASH;
  let seq = 0;
  for (const e of events) {
    seq += 1;
    const payloadText = jsonbText(e.payload);
    const hash = eventHash({
      chainId: id,
      chainSeq: String(seq),
      dossierId: id,
      actorId: e.actorId,
      type: e.type,
      occurredMicros: String(e.at.getTime() * 1000),
      prevHash: last,
      payloadText,
    });
    buffers.events.add([id, seq, id, e.actorId, e.type, payloadText, e.at.toISOString(), last, hash]);
    prev = last;
    last = hash;
  }
  buffers.heads.add([id, seq, prev, last]);
  return events.length;
}

/** One chunk of files to generate: everything a worker thread needs, serialisable. */
export interface ChunkInput {
  /** Number of the chunk's first file (references are made from it: unique across runs and chunks). */
  first: number;
  count: number;
  todayIso: CalendarDate;
  nowIso: string;
  organisations: Organisation[];
  /** Share of the files that go to the smaller organisations (all but the first). */
  smallShare: number;
  /** The demo member (adherent@…) gets the first file of the first chunk. */
  demoMemberId: string | null;
}

export interface ChunkOutput {
  tables: { statement: string; chunks: string[] }[];
  events: number;
}

const projectionMemo = new Map<string, CopyValue[]>();

/** The rows of `count` files, seeded by their numbers: the same input gives the same rows in any thread. */
export function generateChunk(input: ChunkInput): ChunkOutput {
  const buffers = newBuffers();
  const ctx: FileContext = {
    today: input.todayIso,
    now: new Date(input.nowIso),
    random: rng(input.first + 1),
    memberPool: input.demoMemberId ? [input.demoMemberId] : [],
    projections: projectionMemo,
  };
  const [large, ...small] = input.organisations;
  const share = small.length ? input.smallShare : 0;
  let events = 0;
  for (let i = 0; i < input.count; i++) {
    const n = input.first + i;
    // About three files per member: a new member two times in three, else one already seen in this chunk.
    const memberId =
      (i === 0 && input.demoMemberId) || (ctx.memberPool.length > 0 && ctx.random() < 0.34)
        ? ctx.memberPool[Math.floor(ctx.random() * ctx.memberPool.length)]!
        : addMember(buffers, ctx, n);
    const r = ctx.random();
    const organisation = r < share ? small[Math.floor((r / share) * small.length)]! : large!;
    events += addFile(buffers, ctx, n, organisation, memberId);
  }
  return {
    tables: Object.values(buffers).map((b) => ({ statement: b.statement, chunks: b.take() })),
    events,
  };
}
