import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A mutual, an insurer, an institution de prévoyance or a CPAM that handles complaints on Recours. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['mutuelle', 'insurer', 'institution_prevoyance', 'cpam'] }).notNull(),
  slug: text('slug').notNull().unique(),
  /** The mediator user who receives this organisation's referrals on Recours (FNMF, LMA, CTIP or CPAM mediator). */
  mediatorId: uuid('mediator_id').references((): AnyPgColumn => users.id),
  /** Name and address of the competent mediator, quoted in every answer (ACPR: the answer names the mediator). */
  mediatorName: text('mediator_name'),
  mediatorContact: text('mediator_contact'),
  /** Postal address of the complaints department, printed in the window of a letter (several lines). */
  postalAddress: text('postal_address'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    role: text('role', {
      enum: ['member', 'handler', 'supervisor', 'mediator', 'auditor', 'admin'],
    }).notNull(),
    /** Null for members: a member belongs to no organisation, he brings disputes against them. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The member's postal address, the sender block of his letters (several lines). */
    postalAddress: text('postal_address'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    uniqueIndex('users_oidc_unique').on(t.oidcIssuer, t.oidcSubject),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen database row cannot be replayed as a cookie. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id),
    /** Set when the organisation is on Recours; otherwise only its name is known and the member acts alone. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    organisationName: text('organisation_name').notNull(),
    organisationKind: text('organisation_kind', {
      enum: ['mutuelle', 'insurer', 'institution_prevoyance', 'cpam'],
    }).notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('draft'),
    amountCents: integer('amount_cents'),
    assignedHandlerId: uuid('assigned_handler_id').references(() => users.id),
    mediatorId: uuid('mediator_id').references(() => users.id),
    memberNumber: text('member_number'),
    /** The reference the organisation gave the member (file number, claim number). */
    organisationReference: text('organisation_reference'),
    /** How the complaint reached the organisation (ACPR: oral and written complaints both count). */
    channel: text('channel').notNull().default('web'),
    zone: text('zone', { enum: ['metropole', 'alsace_moselle'] })
      .notNull()
      .default('metropole'),
    /** Dated facts of the dispute, the input of the deadline engine (src/domain/deadlines/schema.ts). */
    facts: jsonb('facts').notNull().default({}),
    priority: text('priority', { enum: ['normal', 'high', 'urgent'] })
      .notNull()
      .default('normal'),
    suggestedCategory: text('suggested_category'),
    decision: text('decision', { enum: ['accepted', 'partial', 'rejected'] }),
    decisionReason: text('decision_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    satisfactionScore: integer('satisfaction_score'),
    satisfactionComment: text('satisfaction_comment'),
    /**
     * The member's table of guarantees (issue #4), as the reimbursement checker's `ContractSchema` input
     * (src/domain/reimbursement/schema.ts): name, responsible, guarantees. Null until one is stored.
     */
    contract: jsonb('contract').$type<Record<string, unknown>>(),
    /** Set when the member asked for erasure: personal fields are blanked, the history keeps only ids. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('french', coalesce(${dossiers.reference}, '') || ' ' || coalesce(${dossiers.title}, '') || ' ' || coalesce(${dossiers.description}, '') || ' ' || coalesce(${dossiers.organisationName}, ''))`,
    ),
    /** A retried creation carries the same key and gets the same file back (no duplicates). */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossiers_member_idx').on(t.memberId),
    index('dossiers_org_idx').on(t.organisationId),
    index('dossiers_mediator_idx').on(t.mediatorId),
    // The complaint register filters an organisation's files by status and by handler (back office, issue 5).
    index('dossiers_org_status_idx').on(t.organisationId, t.status),
    index('dossiers_handler_idx').on(t.assignedHandlerId),
    uniqueIndex('dossiers_idempotency_unique').on(t.memberId, t.idempotencyKey),
    index('dossiers_search_idx').using('gin', t.searchVector),
  ],
);

/**
 * Append-only history, chained by hashes: each row's hash covers its content and the previous row's hash,
 * so a row altered in the database breaks the chain (`recours audit verify`).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    actorId: uuid('actor_id').references(() => users.id),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_dossier_idx').on(t.dossierId)],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    documentDate: date('document_date', { mode: 'string' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedById: uuid('uploaded_by_id')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_dossier_idx').on(t.dossierId)],
);

/** The bytes apart from the metadata, so that listing documents never loads them. */
export const documentContents = pgTable('document_contents', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
});

/** The member's log of every contact: call, e-mail, visit, letter (seed 000: note dates and contents of calls). */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    channel: text('channel', { enum: ['phone', 'email', 'letter', 'visit', 'chat', 'other'] }).notNull(),
    agentName: text('agent_name'),
    reference: text('reference'),
    summary: text('summary').notNull(),
    promises: text('promises'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contacts_dossier_idx').on(t.dossierId)],
);

/** Messages between member and handler; `internal` notes are staff-only and never reach the member. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    /** 'message', or 'document_request' when the handler asks the member for a document. */
    kind: text('kind').notNull().default('message'),
    internal: boolean('internal').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('messages_dossier_idx').on(t.dossierId)],
);

/** In-app notifications; `dedupeKey` makes a reminder job safe to run twice. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set when the e-mail job handled it (sent, or mail disabled): the outbox marker; a sweep re-queues the rest. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_unique').on(t.dedupeKey),
    index('notifications_user_idx').on(t.userId),
  ],
);

/** A complex file sent by a supervisor to the ethics committee: members, opinion, votes, decision. */
export const ethicsReviews = pgTable(
  'ethics_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    requestedById: uuid('requested_by_id')
      .notNull()
      .references(() => users.id),
    question: text('question').notNull(),
    committeeMembers: jsonb('committee_members').notNull().default([]),
    opinion: text('opinion'),
    votes: jsonb('votes').notNull().default([]),
    decision: text('decision'),
    status: text('status', { enum: ['open', 'decided'] })
      .notNull()
      .default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('ethics_dossier_idx').on(t.dossierId)],
);

/** A letter drafted from a file: the text as the member edited it, and how and when it was sent. */
export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentOn: date('sent_on', { mode: 'string' }),
    sendingMethod: text('sending_method'),
    /** Number of the registered letter with acknowledgment of receipt (recommandé avec AR). */
    registeredNumber: text('registered_number'),
  },
  (t) => [index('letters_dossier_idx').on(t.dossierId)],
);

/**
 * Members per product of an organisation (issue 15): the denominator of « réclamations pour 1 000 adhérents ».
 * One row per product and date of count; the latest count on or before a date applies.
 */
export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    product: text('product').notNull(),
    countedOn: date('counted_on', { mode: 'string' }).notNull(),
    members: integer('members').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.product, t.countedOn] })],
);

/** One computation of the weekly spikes (issue 15): the dashboard reads stored runs, never recomputes. */
export const patternRuns = pgTable(
  'pattern_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['done', 'insufficient_history'] }).notNull(),
    /** French explanation when the history is too short (shown instead of an empty chart). */
    message: text('message'),
    /** Weeks analysed and skipped, as returned by the detector. */
    weeks: jsonb('weeks').notNull().default([]),
    durationMs: integer('duration_ms').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pattern_runs_org_idx').on(t.organisationId, t.computedAt)],
);

export const patternAlerts = pgTable(
  'pattern_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => patternRuns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    dimensions: jsonb('dimensions').notNull(),
    observed: integer('observed').notNull(),
    expected: doublePrecision('expected').notNull(),
    score: doublePrecision('score').notNull(),
    explanation: text('explanation').notNull(),
  },
  (t) => [
    index('pattern_alerts_run_idx').on(t.runId),
    index('pattern_alerts_org_week_idx').on(t.organisationId, t.weekStart),
  ],
);
