import { randomUUID } from 'node:crypto';
import type { DossierStatus } from '../contracts/dossier-status.ts';
import type { Database, RawQuery } from '../db/client.ts';
import { jsonbText } from '../db/repositories/audit-batch.ts';
import { projectionOf } from '../db/repositories/deadline-projection.ts';
import { eventHash, GENESIS_HASH, SYSTEM_CHAIN_ID } from '../domain/audit/event-hash.ts';
import type { DOSSIER_CATEGORIES } from '../domain/dossiers/categories.ts';
import { addDays, type CalendarDate, parisDateOf } from '../domain/shared/calendar-date.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { DEMO_PASSWORD } from '../server/seed/demo.ts';

/**
 * The load generator of `recours bench generate` (issue 12): N realistic files for one organisation, written in
 * batches of multi-row INSERTs (`unnest` of arrays, one statement per table per batch). Every derived column is
 * written as the application writes it: the deadline projection by the same `projectionOf` (the one engine), the
 * search vector by the database (generated column), the history by the same `eventHash` chains as
 * `appendAuditEvent`, under the same advisory lock (the bulk equivalent of appending one event at a time).
 */
export interface GenerateOptions {
  files: number;
  organisation: string;
  force: boolean;
  now: Date;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export class GenerateRefusal extends Error {}

const TEMPLATES: { category: (typeof DOSSIER_CATEGORIES)[number]; title: string; description: string }[] = [
  {
    category: 'reimbursement_contested',
    title: 'Lunettes remboursées 0 €',
    description: 'Monture et verres progressifs : la mutuelle n’a rien remboursé malgré l’ordonnance.',
  },
  {
    category: 'reimbursement_contested',
    title: 'Couronne dentaire mal remboursée',
    description: 'Le remboursement de la couronne céramique ne correspond pas au tableau de garanties.',
  },
  {
    category: 'coverage_interpretation',
    title: 'Prothèse auditive : plafond contesté',
    description: 'Le plafond appliqué aux aides auditives n’est pas celui du contrat responsable.',
  },
  {
    category: 'termination',
    title: 'Résiliation infra-annuelle refusée',
    description: 'Demande de résiliation après un an d’adhésion restée sans suite.',
  },
  {
    category: 'contributions',
    title: 'Cotisations prélevées deux fois',
    description: 'Double prélèvement de la cotisation mensuelle en janvier.',
  },
  {
    category: 'service_quality',
    title: 'Aucune réponse aux courriels',
    description: 'Trois courriels envoyés au service adhérents sans réponse.',
  },
  {
    category: 'rights_suspended',
    title: 'Tiers payant suspendu',
    description: 'La pharmacie refuse le tiers payant : droits suspendus sans explication.',
  },
  {
    category: 'portability',
    title: 'Portabilité après licenciement refusée',
    description: 'Maintien des garanties refusé après la fin du contrat de travail.',
  },
  {
    category: 'care_refused',
    title: 'Hospitalisation : chambre particulière refusée',
    description: 'Le forfait chambre particulière n’a pas été pris en charge.',
  },
  {
    category: 'other',
    title: 'Orthodontie : devis non traité',
    description: 'Le devis d’orthodontie envoyé il y a deux mois n’a pas été étudié.',
  },
];
const FIRST = [
  'Camille',
  'Léa',
  'Hélène',
  'Chloé',
  'Zoé',
  'Jérôme',
  'François',
  'Noël',
  'Loïc',
  'Benoît',
  'Inès',
  'Maël',
];
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
  'Rousseau',
  'Côté',
  'Moreau',
];
const CHANNELS = ['web', 'email', 'letter', 'phone'];
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function ensureOrganisation(query: RawQuery, name: string) {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const found = await query('select id from organisations where name = $1', [name]);
  if (found.rows[0]) return String(found.rows[0].id);
  const created = await query(
    `insert into organisations (name, kind, slug) values ($1, 'mutuelle', $2) returning id`,
    [name, slug],
  );
  return String(created.rows[0]!.id);
}

async function ensureAccounts(query: RawQuery, organisationId: string) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = [
    ['conseiller@charge.recours.fr', 'Claire Conseillère', 'handler', organisationId],
    ['superviseur@charge.recours.fr', 'Sébastien Superviseur', 'supervisor', organisationId],
    ['adherent@charge.recours.fr', 'Adèle Adhérente', 'member', null],
    ...Array.from({ length: 18 }, (_, i) => [
      `conseiller-${i + 1}@charge.recours.fr`,
      `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]} (conseil)`,
      'handler',
      organisationId,
    ]),
  ];
  for (const [email, name, role, org] of accounts) {
    await query(
      `insert into users (email, display_name, role, organisation_id, password_hash)
       values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [email, name, role, org, passwordHash],
    );
  }
  const handlers = await query(
    `select id from users where organisation_id = $1 and role in ('handler', 'supervisor') order by email`,
    [organisationId],
  );
  const member = await query(`select id from users where lower(email) = 'adherent@charge.recours.fr'`);
  return { handlerIds: handlers.rows.map((r) => String(r.id)), memberId: String(member.rows[0]!.id) };
}

/** Adds `files` files to the organisation; refuses a database holding other organisations' files unless forced. */
export async function generateFiles(database: Database, options: GenerateOptions) {
  const { files, now } = options;
  const batchSize = options.batchSize ?? 2_000;
  const setup = await database.rawTransaction(async (query) => {
    const organisationId = await ensureOrganisation(query, options.organisation);
    const others = await query(
      'select count(*)::int as n from dossiers where organisation_id is distinct from $1',
      [organisationId],
    );
    const n = Number(others.rows[0]!.n);
    if (n > 0 && !options.force) {
      throw new GenerateRefusal(
        `Refusé : cette base contient déjà ${n} dossier${n > 1 ? 's' : ''} d’autres organismes ou d’adhérents. Le générateur de charge ajoute des milliers de dossiers fictifs : lancez-le sur une base de test (DATABASE_URL), ou ajoutez --force si vous êtes certain que cette base n’est pas en production.`,
      );
    }
    const existing = await query('select count(*)::int as n from dossiers where organisation_id = $1', [
      organisationId,
    ]);
    const role = await query('select rolsuper from pg_roles where rolname = current_user');
    return {
      organisationId,
      superuser: role.rows[0]?.rolsuper === true,
      start: Number(existing.rows[0]!.n),
      ...(await ensureAccounts(query, organisationId)),
    };
  });
  const today = parisDateOf(now);
  const started = Date.now();
  for (let offset = 0; offset < files; offset += batchSize) {
    const count = Math.min(batchSize, files - offset);
    await database.rawTransaction((query) =>
      writeBatch(query, {
        ...setup,
        first: setup.start + offset,
        count,
        today,
        now,
        organisation: options.organisation,
      }),
    );
    options.onProgress?.(offset + count, files);
  }
  return { organisationId: setup.organisationId, files, seconds: (Date.now() - started) / 1000 };
}

interface BatchInput {
  superuser: boolean;
  organisationId: string;
  organisation: string;
  handlerIds: string[];
  memberId: string;
  first: number;
  count: number;
  today: CalendarDate;
  now: Date;
}

function referenceOf(n: number, year: number): string {
  let code = '';
  let x = n;
  for (let i = 0; i < 7; i++) {
    code = ALPHABET[x % 32] + code;
    x = Math.floor(x / 32);
  }
  return `REC-${year}-B${code}`;
}

/** One transaction: members, files (with projection), messages, contacts, then their history chained in order. */
async function writeBatch(query: RawQuery, input: BatchInput) {
  // A load generator need not wait for the disk at each batch; a crash loses only generated rows.
  await query('set local synchronous_commit = off');
  // Foreign keys hold by construction here (every id is created in this batch or read above): on a superuser
  // connection their per-row triggers are skipped, as pg_restore does. Elsewhere they run, only slower.
  if (input.superuser) await query('set local session_replication_role = replica');
  const random = rng(input.first + 1);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;

  // One member for about ten files: names with accents, so that the search by name is exercised.
  const memberCount = Math.max(1, Math.ceil(input.count / 10));
  const member = { id: [] as string[], email: [] as string[], name: [] as string[] };
  for (let i = 0; i < memberCount; i++) {
    member.id.push(randomUUID());
    member.email.push(`membre-${input.first + i}-${int(1e9)}@charge.recours.test`);
    member.name.push(`${pick(FIRST)} ${pick(LAST)}`);
  }
  await query(
    `insert into users (id, email, display_name, role) select u.id, u.email, u.name, 'member'
     from unnest($1::uuid[], $2::text[], $3::text[]) as u(id, email, name)`,
    [member.id, member.email, member.name],
  );

  const d = {
    id: [] as string[],
    reference: [] as string[],
    memberId: [] as string[],
    category: [] as string[],
    title: [] as string[],
    description: [] as string[],
    status: [] as string[],
    channel: [] as string[],
    amount: [] as (number | null)[],
    handler: [] as (string | null)[],
    orgRef: [] as (string | null)[],
    facts: [] as string[],
    priority: [] as string[],
    decision: [] as (string | null)[],
    createdAt: [] as string[],
    updatedAt: [] as string[],
    p: {} as Record<string, unknown[]>,
  };
  const PCOLS = [
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
    'projectionVersion',
  ] as const;
  for (const c of PCOLS) d.p[c] = [];
  const messages = {
    id: [] as string[],
    dossier: [] as string[],
    author: [] as string[],
    body: [] as string[],
    internal: [] as boolean[],
    at: [] as string[],
  };
  const contacts = {
    id: [] as string[],
    dossier: [] as string[],
    at: [] as string[],
    channel: [] as string[],
    summary: [] as string[],
    by: [] as string[],
  };
  const events: {
    dossierId: string | null;
    actorId: string | null;
    type: string;
    payload: Record<string, unknown>;
    occurredAt: Date;
  }[] = [];

  for (let i = 0; i < input.count; i++) {
    const n = input.first + i;
    const template = pick(TEMPLATES);
    // Opened over the last three years; younger files are more often still open.
    const age = int(3 * 365);
    const opened = addDays(input.today, -age);
    const createdAt = new Date(
      `${opened}T${String(7 + int(10)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}:00Z`,
    );
    const facts: Record<string, string> = {};
    let status: DossierStatus = 'draft';
    let decision: string | null = null;
    const within = (date: CalendarDate) => date <= input.today;
    if (random() > 0.03) {
      facts.complaintSentOn = opened;
      status = 'submitted';
      const ack = addDays(opened, 1 + int(14));
      if (within(ack) && random() > 0.1) {
        facts.acknowledgedOn = ack;
        status = random() < 0.1 ? 'awaiting_member' : 'acknowledged';
        const answer = addDays(opened, 10 + int(65));
        if (within(answer) && (age > 60 ? random() > 0.05 : random() > 0.6)) {
          decision = pick(['accepted', 'partial', 'rejected']);
          facts.answerReceivedOn = answer;
          facts.answerOutcome = decision;
          status = age > 120 ? 'closed' : 'answered';
          const seized = addDays(answer, 10 + int(60));
          if (decision !== 'accepted' && within(seized) && random() < 0.08) {
            facts.mediatorSeizedOn = seized;
            status = 'mediation';
          }
        }
      }
    }
    const id = randomUUID();
    const memberId = i === 0 ? input.memberId : member.id[i % memberCount]!;
    const handler = status === 'draft' || random() < 0.08 ? null : pick(input.handlerIds);
    const year = Number(opened.slice(0, 4));
    const projection = projectionOf(
      { facts, organisationKind: 'mutuelle', zone: 'metropole', status, createdAt },
      input.now,
    );
    d.id.push(id);
    d.reference.push(referenceOf(n, year));
    d.memberId.push(memberId);
    d.category.push(template.category);
    d.title.push(template.title);
    d.description.push(template.description);
    d.status.push(status);
    d.channel.push(pick(CHANNELS));
    d.amount.push(random() < 0.7 ? 1_000 + int(200_000) : null);
    d.handler.push(handler);
    d.orgRef.push(random() < 0.5 ? `SIN-${year}-${String(n).padStart(8, '0')}` : null);
    d.facts.push(JSON.stringify(facts));
    d.priority.push(random() < 0.05 ? 'high' : 'normal');
    d.decision.push(decision);
    d.createdAt.push(createdAt.toISOString());
    d.updatedAt.push(createdAt.toISOString());
    for (const c of PCOLS) d.p[c]!.push((projection as Record<string, unknown>)[c] ?? null);

    // About ten history events, three messages and two contacts per file.
    const at = (days: number) => new Date(createdAt.getTime() + days * 86_400_000);
    events.push({
      dossierId: id,
      actorId: memberId,
      type: 'dossier.created',
      payload: { after: { category: template.category, status: 'draft' } },
      occurredAt: createdAt,
    });
    if (facts.complaintSentOn)
      events.push({
        dossierId: id,
        actorId: memberId,
        type: 'dossier.facts_updated',
        payload: { changes: [{ field: 'complaintSentOn' }] },
        occurredAt: at(0),
      });
    if (handler)
      events.push({
        dossierId: id,
        actorId: handler,
        type: 'dossier.assigned',
        payload: { after: { assignedHandlerId: handler } },
        occurredAt: at(1),
      });
    for (let k = 0; k < 3; k++) {
      const author = k === 1 && handler ? handler : memberId;
      const when = at(1 + k * 3);
      messages.id.push(randomUUID());
      messages.dossier.push(id);
      messages.author.push(author);
      messages.body.push(
        k === 1
          ? 'Nous étudions votre demande et revenons vers vous rapidement.'
          : 'Pouvez-vous me dire où en est mon dossier ?',
      );
      messages.internal.push(false);
      messages.at.push(when.toISOString());
      events.push({
        dossierId: id,
        actorId: author,
        type: 'message.created',
        payload: { messageId: messages.id.at(-1) },
        occurredAt: when,
      });
    }
    for (let k = 0; k < 2; k++) {
      const when = at(2 + k * 5);
      contacts.id.push(randomUUID());
      contacts.dossier.push(id);
      contacts.at.push(when.toISOString());
      contacts.channel.push(pick(['phone', 'email', 'letter']));
      contacts.summary.push('Appel au service adhérents : dossier en cours d’instruction.');
      contacts.by.push(memberId);
      events.push({
        dossierId: id,
        actorId: memberId,
        type: 'contact.logged',
        payload: { contactId: contacts.id.at(-1) },
        occurredAt: when,
      });
    }
    for (let k = 0; k < 2; k++) {
      events.push({
        dossierId: id,
        actorId: handler ?? input.handlerIds[0]!,
        type: 'dossier.viewed',
        payload: { role: 'handler' },
        occurredAt: at(3 + k),
      });
    }
    if (status !== 'draft' && status !== 'submitted')
      events.push({
        dossierId: id,
        actorId: handler,
        type: 'status.changed',
        payload: { after: { status } },
        occurredAt: at(5),
      });
  }

  await query(
    `insert into dossiers (id, reference, member_id, organisation_id, organisation_name, organisation_kind, category,
       title, description, status, channel, amount_cents, assigned_handler_id, organisation_reference, facts, priority,
       decision, created_at, updated_at, complaint_on, sla_ack_due_on, sla_ack_status, sla_ack_done, sla_ack_actionable,
       sla_answer_due_on, sla_answer_status, sla_answer_done, sla_answer_actionable, next_due_on, next_due_clock,
       next_due_party, mediation_opens_on, mediation_due_on, projection_version)
     select id, reference, member_id, $32::uuid, $33, 'mutuelle', category, title, description, status, channel, amount,
       handler, org_ref, facts::jsonb, priority, decision, created_at, updated_at, complaint_on, ack_due, ack_status,
       ack_done, ack_actionable, answer_due, answer_status, answer_done, answer_actionable, next_due, next_clock,
       next_party, mediation_opens, mediation_due, version
     from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::int[], $10::uuid[], $11::text[], $12::text[], $13::text[], $14::text[], $15::timestamptz[],
       $16::timestamptz[], $17::date[], $18::date[], $19::text[], $20::boolean[], $21::boolean[], $22::date[],
       $23::text[], $24::boolean[], $25::boolean[], $26::date[], $27::text[], $28::text[], $29::date[], $30::date[],
       $31::int[])
       as t(id, reference, member_id, category, title, description, status, channel, amount, handler, org_ref, facts,
         priority, decision, created_at, updated_at, complaint_on, ack_due, ack_status, ack_done, ack_actionable,
         answer_due, answer_status, answer_done, answer_actionable, next_due, next_clock, next_party, mediation_opens,
         mediation_due, version)`,
    [
      d.id,
      d.reference,
      d.memberId,
      d.category,
      d.title,
      d.description,
      d.status,
      d.channel,
      d.amount,
      d.handler,
      d.orgRef,
      d.facts,
      d.priority,
      d.decision,
      d.createdAt,
      d.updatedAt,
      ...PCOLS.map((c) => d.p[c]),
      input.organisationId,
      input.organisation,
    ],
  );
  await query(
    `insert into messages (id, dossier_id, author_id, body, kind, internal, created_at)
     select id, dossier_id, author_id, body, 'message', internal, created_at
     from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::boolean[], $6::timestamptz[])
       as t(id, dossier_id, author_id, body, internal, created_at)`,
    [messages.id, messages.dossier, messages.author, messages.body, messages.internal, messages.at],
  );
  await query(
    `insert into contacts (id, dossier_id, occurred_at, channel, summary, created_by_id)
     select * from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::uuid[])`,
    [contacts.id, contacts.dossier, contacts.at, contacts.channel, contacts.summary, contacts.by],
  );
  // The history: each generated file starts its own chain (docs/decisions/0004-audit-history.md), hashed here
  // with the same `eventHash` the verifier uses, then written in one ordered INSERT with the chains' heads and
  // the Merkle log's queue, as `appendAuditEvent` would have left them event by event.
  const a = {
    chain: [] as string[],
    seq: [] as number[],
    dossier: [] as (string | null)[],
    actor: [] as (string | null)[],
    type: [] as string[],
    payload: [] as string[],
    at: [] as string[],
    prev: [] as string[],
    hash: [] as string[],
  };
  const heads = new Map<string, { seq: number; prev: string; hash: string }>();
  for (const e of events) {
    const chainId = e.dossierId ?? SYSTEM_CHAIN_ID;
    const head = heads.get(chainId) ?? { seq: 0, prev: GENESIS_HASH, hash: GENESIS_HASH };
    const seq = head.seq + 1;
    const payloadText = jsonbText(e.payload);
    const hash = eventHash({
      chainId,
      chainSeq: String(seq),
      dossierId: e.dossierId,
      actorId: e.actorId,
      type: e.type,
      occurredMicros: String(e.occurredAt.getTime() * 1000),
      prevHash: head.hash,
      payloadText,
    });
    a.chain.push(chainId);
    a.seq.push(seq);
    a.dossier.push(e.dossierId);
    a.actor.push(e.actorId);
    a.type.push(e.type);
    a.payload.push(payloadText);
    a.at.push(e.occurredAt.toISOString());
    a.prev.push(head.hash);
    a.hash.push(hash);
    heads.set(chainId, { seq, prev: head.hash, hash });
  }
  await query(
    `with inserted as (
       insert into audit_events (chain_id, chain_seq, dossier_id, actor_id, type, payload, occurred_at, prev_hash, hash)
       select chain_id, chain_seq, dossier_id, actor_id, type, payload::jsonb, occurred_at, prev_hash, hash
       from unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[],
                   $8::text[], $9::text[])
         with ordinality as t(chain_id, chain_seq, dossier_id, actor_id, type, payload, occurred_at, prev_hash, hash, n)
       order by n
       returning seq
     )
     insert into audit_log_pending (event_seq) select seq from inserted`,
    [a.chain, a.seq, a.dossier, a.actor, a.type, a.payload, a.at, a.prev, a.hash],
  );
  const chains = [...heads.entries()];
  await query(
    `insert into audit_chain_heads (chain_id, last_seq, prev_hash, last_hash)
     select * from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[])`,
    [
      chains.map(([id]) => id),
      chains.map(([, h]) => h.seq),
      chains.map(([, h]) => h.prev),
      chains.map(([, h]) => h.hash),
    ],
  );
}
