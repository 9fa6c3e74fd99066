import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
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
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DOSSIER_CATEGORIES } from '../contracts/categories.ts';
import { COMPLAINT_CHANNELS, CONTACT_CHANNELS } from '../contracts/channels.ts';
import { DECISION_OUTCOMES } from '../contracts/decision-outcomes.ts';
import { DOSSIER_STATUSES } from '../contracts/dossier-status.ts';
import type { StoredFacts } from '../contracts/facts.ts';
import { ORGANISATION_KINDS } from '../contracts/organisation-kinds.ts';
import { PRIORITIES } from '../contracts/priorities.ts';
import { ROLES } from '../contracts/roles.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A mutual, an insurer, an institution de prévoyance or a CPAM that handles complaints on Recours. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
  slug: text('slug').notNull().unique(),
  /** The mediator user who receives this organisation's referrals on Recours (FNMF, LMA, CTIP or CPAM mediator). */
  mediatorId: uuid('mediator_id').references((): AnyPgColumn => users.id),
  /** Name and address of the competent mediator, quoted in every answer (ACPR: the answer names the mediator). */
  mediatorName: text('mediator_name'),
  mediatorContact: text('mediator_contact'),
  /** Postal address of the complaints department, printed in the window of a letter (several lines). */
  postalAddress: text('postal_address'),
  /** The address members write to (complaints by e-mail become files of the register, docs/intake.md). */
  complaintsEmail: text('complaints_email'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for a member record a handler created from a call or a letter without an e-mail address. */
    email: text('email'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    role: text('role', {
      enum: ROLES,
    }).notNull(),
    /** Null for members: a member belongs to no organisation, he brings disputes against them. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The member's postal address, the sender block of his letters (several lines). */
    postalAddress: text('postal_address'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    phone: text('phone'),
    /**
     * A member record's e-mail address as the member gave it: not a sign-in identity (the record has no
     * `email` until claimed), so a typing error by staff never opens a stranger's account.
     */
    contactEmail: text('contact_email'),
    /**
     * A member record created by this organisation's staff (complaint by post, telephone, branch, e-mail): no
     * password until the member claims it with the code he was given (docs/intake.md).
     */
    recordedByOrganisationId: uuid('recorded_by_organisation_id').references(
      (): AnyPgColumn => organisations.id,
    ),
    memberNumber: text('member_number'),
    /** SHA-256 of the claim code (the code itself is shown once to the handler, for the member). */
    claimCodeHash: text('claim_code_hash'),
    claimCodeExpiresAt: timestamp('claim_code_expires_at', { withTimezone: true }),
    /** Set when the member claimed this record: its files moved to that account. */
    claimedById: uuid('claimed_by_id').references((): AnyPgColumn => users.id),
    /** Set by an admin: the account can no longer sign in; its history and files keep its name (issue 14). */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    uniqueIndex('users_oidc_unique').on(t.oidcIssuer, t.oidcSubject),
    // The register's search by the member's name, accents and case aside (`recours_name`, migration 0005).
    index('users_name_search_idx').using(
      'gin',
      sql`to_tsvector('recours_name'::regconfig, ${t.displayName})`,
    ),
    index('users_recorded_org_idx').on(t.recordedByOrganisationId, t.memberNumber),
    index('users_recorded_contact_idx').on(t.recordedByOrganisationId, sql`lower(${t.contactEmail})`),
    // The administration page's staff list and the « last admin » check (issue 14).
    index('users_organisation_role_idx').on(t.organisationId, t.role),
  ],
);

/**
 * An invitation to a member of staff (issue 14): the account exists from the invitation on, without a password;
 * the link (token after `#`, 7 days) lets the person choose one. Only the token's SHA-256 is kept.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_invitations_user_idx').on(t.userId)],
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
    /** Public id of the session, to list and revoke it without ever exposing its token (hash). */
    id: uuid('id').notNull().defaultRandom(),
    /** The browser that signed in, as it named itself (shortened), so that a member recognises his sessions. */
    userAgent: text('user_agent'),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    uniqueIndex('sessions_id_unique').on(t.id),
    index('sessions_retention_idx').on(t.createdAt, t.id),
  ],
);

/**
 * A sign-up waiting for its address to be confirmed: the account is created only from the link sent to the
 * address, so that the sign-up answer is the same whether or not an account already exists.
 */
export const signupRequests = pgTable(
  'signup_requests',
  {
    /** SHA-256 of the token of the confirmation link. */
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signup_requests_email_idx').on(t.email)],
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
    organisationKind: text('organisation_kind', { enum: ORGANISATION_KINDS }).notNull(),
    category: text('category', { enum: DOSSIER_CATEGORIES }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: DOSSIER_STATUSES }).notNull().default('draft'),
    amountCents: integer('amount_cents'),
    assignedHandlerId: uuid('assigned_handler_id').references(() => users.id),
    mediatorId: uuid('mediator_id').references(() => users.id),
    memberNumber: text('member_number'),
    /** The reference the organisation gave the member (file number, claim number). */
    organisationReference: text('organisation_reference'),
    /** How the complaint reached the organisation (ACPR: oral and written complaints both count). */
    channel: text('channel', { enum: COMPLAINT_CHANNELS }).notNull().default('web'),
    zone: text('zone', { enum: ['metropole', 'alsace_moselle'] })
      .notNull()
      .default('metropole'),
    /** Dated facts of the dispute, the input of the deadline engine (src/domain/deadlines/schema.ts). */
    facts: jsonb('facts').$type<StoredFacts>().notNull().default({}),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('normal'),
    suggestedCategory: text('suggested_category'),
    decision: text('decision', { enum: DECISION_OUTCOMES }),
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
    /**
     * When the member sent the file to the organisation (« Transmettre à l'organisme »). Until then the file is a
     * private draft: the organisation's staff neither see it nor its messages (issue 16, RGPD art. 25).
     */
    transmittedAt: timestamp('transmitted_at', { withTimezone: true }),
    /**
     * French full-text search, accent- and case-insensitive: `recours_fr` is french_stem behind unaccent
     * (migration 0005). Reference, title and the organisation's reference weigh more than the description.
     */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('recours_fr'::regconfig, coalesce(${dossiers.reference}, '') || ' ' || coalesce(${dossiers.organisationReference}, '') || ' ' || coalesce(${dossiers.title}, '')), 'A') || setweight(to_tsvector('recours_fr'::regconfig, coalesce(${dossiers.description}, '') || ' ' || coalesce(${dossiers.organisationName}, '')), 'B')`,
    ),
    // The deadline projection (issue 12, src/domain/register/projection.ts): written by the one deadline engine
    // in the transaction of every change of facts or status; the register orders, filters and colours from it.
    complaintOn: date('complaint_on', { mode: 'string' }),
    slaAckDueOn: date('sla_ack_due_on', { mode: 'string' }),
    slaAckStatus: text('sla_ack_status'),
    slaAckDone: boolean('sla_ack_done'),
    slaAckActionable: boolean('sla_ack_actionable'),
    slaAnswerDueOn: date('sla_answer_due_on', { mode: 'string' }),
    slaAnswerStatus: text('sla_answer_status'),
    slaAnswerDone: boolean('sla_answer_done'),
    slaAnswerActionable: boolean('sla_answer_actionable'),
    nextDueOn: date('next_due_on', { mode: 'string' }),
    nextDueClock: text('next_due_clock'),
    nextDueParty: text('next_due_party'),
    mediationOpensOn: date('mediation_opens_on', { mode: 'string' }),
    mediationDueOn: date('mediation_due_on', { mode: 'string' }),
    /**
     * The days the file's worst colour turns amber and red (src/domain/register/colour-days.ts; '-infinity': red
     * since always, 'infinity': never; null: grey): the colour filters compare them with today's date.
     */
    slaAmberOn: date('sla_amber_on', { mode: 'string' }),
    slaRedOn: date('sla_red_on', { mode: 'string' }),
    /** PROJECTION_VERSION that wrote the columns above; null or older: projected again at start. */
    projectionVersion: integer('projection_version'),
    /** The contract the complaint is about, by its commercial name (issue 14: KPIs and patterns by product). */
    product: text('product'),
    /** Département code of the member (« 75 », « 2A », « 971 »), checked by src/domain/register/regions.ts. */
    region: text('region'),
    /*
     * The complaint's dates, derived from `facts` by the database itself: the deadline engine's facts stay the one
     * source of truth, and these columns exist only so that KPIs, exports and BI views can filter, group and index
     * them in SQL (issue 14). `recours_fact_date` is defined in migration 0007.
     * received_on: receipt by the organisation, else sending, else the day the file was opened (Paris).
     */
    receivedOn: date('received_on', { mode: 'string' }).generatedAlwaysAs(
      (): SQL =>
        sql`coalesce(recours_fact_date(${dossiers.facts}, 'complaintReceivedOn'), recours_fact_date(${dossiers.facts}, 'complaintSentOn'), (${dossiers.createdAt} at time zone 'Europe/Paris')::date)`,
    ),
    acknowledgedOn: date('acknowledged_on', { mode: 'string' }).generatedAlwaysAs(
      (): SQL => sql`recours_fact_date(${dossiers.facts}, 'acknowledgedOn')`,
    ),
    answeredOn: date('answered_on', { mode: 'string' }).generatedAlwaysAs(
      (): SQL => sql`recours_fact_date(${dossiers.facts}, 'answerReceivedOn')`,
    ),
    mediationReferredOn: date('mediation_referred_on', { mode: 'string' }).generatedAlwaysAs(
      (): SQL => sql`recours_fact_date(${dossiers.facts}, 'mediatorSeizedOn')`,
    ),
    /** A retried creation carries the same key and gets the same file back (no duplicates). */
    idempotencyKey: text('idempotency_key'),
    /** The staff member who recorded a complaint received by post, telephone, e-mail or at a branch. */
    recordedById: uuid('recorded_by_id').references(() => users.id),
    /** « À identifier »: an e-mail from an unknown sender; the handler still has to find the member. */
    identificationPending: boolean('identification_pending').notNull().default(false),
    /** An oral complaint: the day the member was invited to confirm it in writing (ACPR 2024-R-02). */
    writtenConfirmationInvitedOn: date('written_confirmation_invited_on', { mode: 'string' }),
    /** A duplicate merged into another file: it stays, closed, with its own history. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => dossiers.id),
    /** SHA-256 of the creation request the key came with: the same key with another request is refused. */
    idempotencyHash: text('idempotency_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossiers_member_idx').on(t.memberId),
    index('dossiers_org_idx').on(t.organisationId),
    index('dossiers_mediator_idx').on(t.mediatorId),
    // The complaint register filters an organisation's files by status and by handler (back office, issue 5).
    index('dossiers_org_status_idx').on(t.organisationId, t.status),
    // Workload per handler (open files): an index-only count per handler.
    index('dossiers_handler_idx').on(t.assignedHandlerId, t.status),
    uniqueIndex('dossiers_idempotency_unique').on(t.memberId, t.idempotencyKey),
    index('dossiers_search_idx').using('gin', t.searchVector),
    // Register pages on indexes, keyset order (docs/decisions/0007-deadline-projection.md). Migration 0018 adds
    // INCLUDE (next_due_on, transmitted_at, status and the colour days), which drizzle cannot declare: the colour
    // and status filters are then checked in the index, without reading the table, deep in the list.
    index('dossiers_register_urgency_idx').on(
      t.organisationId,
      sql`coalesce(${t.nextDueOn}, 'infinity'::date)`,
      t.reference,
    ),
    // Amber and red files by the day they turn red (migration 0018 adds INCLUDE: the amber day, next due date,
    // reference, transmitted_at, status), docs/decisions/0017-register-colour-filters.md.
    index('dossiers_register_colour_idx').on(t.organisationId, t.slaRedOn),
    index('dossiers_register_date_idx').on(t.organisationId, t.complaintOn, t.reference),
    // Part of a reference, or the organisation's reference, typed in the search box (pg_trgm).
    index('dossiers_reference_trgm_idx').using('gin', sql`${t.reference} gin_trgm_ops`),
    index('dossiers_org_reference_trgm_idx').using('gin', sql`${t.organisationReference} gin_trgm_ops`),
    // KPIs, exports and BI select an organisation's complaints by date of receipt (issue 14).
    index('dossiers_org_received_idx').on(t.organisationId, t.receivedOn),
    // The retention purge pages through what may be past its period, in keyset order (src/server/jobs/retention-purge.ts).
    index('dossiers_retention_closed_idx')
      .on(t.closedAt, t.id)
      .where(sql`${t.status} = 'closed' and ${t.erasedAt} is null`),
    index('dossiers_retention_draft_idx')
      .on(t.updatedAt, t.id)
      .where(sql`${t.status} = 'draft' and ${t.transmittedAt} is null and ${t.erasedAt} is null`),
  ],
);

/**
 * Append-only history (docs/decisions/0004-audit-history.md): one hash chain per file (`chain_id` = the file, or
 * the nil UUID for events without a file), numbered by `chain_seq`; `hash` covers every column (the timestamp in
 * microseconds) and the previous hash. Written only by `appendAuditEvent` (one SQL statement).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    chainId: uuid('chain_id').notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    actorId: uuid('actor_id').references(() => users.id),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_dossier_idx').on(t.dossierId),
    uniqueIndex('audit_chain_seq_unique').on(t.chainId, t.chainSeq),
    index('audit_actor_idx').on(t.actorId, t.seq),
    index('audit_type_idx').on(t.type, t.seq),
    index('audit_occurred_idx').on(t.occurredAt, t.seq),
  ],
);

/**
 * The head of every chain, updated in the same statement as the append: its row lock orders one file's events
 * (files do not wait on each other), and it records the newest event so that deleting it is detected.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chainId: uuid('chain_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  prevHash: text('prev_hash').notNull(),
});

/** Events appended but not yet in the Merkle log (Trillian's "unsequenced" queue); emptied by the sequencer. */
export const auditLogPending = pgTable('audit_log_pending', {
  eventSeq: bigint('event_seq', { mode: 'number' }).primaryKey(),
});

/** The Merkle log (RFC 9162): leaf `leaf_index` is the event `event_seq`, whose hash is the leaf hash. */
export const auditLogLeaves = pgTable(
  'audit_log_leaves',
  {
    leafIndex: bigint('leaf_index', { mode: 'number' }).primaryKey(),
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('audit_log_leaves_event_unique').on(t.eventSeq)],
);

/** Complete subtrees of 256 leaves and more (level ≥ 8), so that roots and proofs read a few rows, not the log. */
export const auditLogNodes = pgTable(
  'audit_log_nodes',
  {
    level: integer('level').notNull(),
    idx: bigint('idx', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.idx] })],
);

/** Signed tree heads (checkpoints) of the Merkle log, Ed25519; the text signed is stored as it was signed. */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    rootHash: text('root_hash').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    keyId: text('key_id').notNull(),
    publicKey: text('public_key').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_size_idx').on(t.treeSize)],
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
    /**
     * Under medical secrecy (C. santé publ. L1110-4): content readable by the member, the organisation's medical
     * adviser and the referred mediator only (src/domain/access/medical.ts). Never copied into a search column.
     */
    medical: boolean('medical').notNull().default(false),
    uploadedById: uuid('uploaded_by_id')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Text read from a scan by OCR (or its text layer), corrected by the handler; searchable. */
    ocrText: text('ocr_text'),
    ocrStatus: text('ocr_status', { enum: ['pending', 'done', 'failed', 'unsupported'] }),
    ocrCorrectedAt: timestamp('ocr_corrected_at', { withTimezone: true }),
  },
  (t) => [
    index('documents_dossier_idx').on(t.dossierId),
    index('documents_ocr_search_idx').using(
      'gin',
      sql`to_tsvector('recours_fr'::regconfig, coalesce(${t.ocrText}, ''))`,
    ),
  ],
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
    channel: text('channel', { enum: CONTACT_CHANNELS }).notNull(),
    agentName: text('agent_name'),
    reference: text('reference'),
    summary: text('summary').notNull(),
    promises: text('promises'),
    /**
     * Under medical secrecy (C. santé publ. L1110-4): content readable by the member, the organisation's medical
     * adviser and the referred mediator only (src/domain/access/medical.ts). Never copied into a search column.
     */
    medical: boolean('medical').notNull().default(false),
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
    /**
     * Under medical secrecy (C. santé publ. L1110-4): content readable by the member, the organisation's medical
     * adviser and the referred mediator only (src/domain/access/medical.ts). Never copied into a search column.
     */
    medical: boolean('medical').notNull().default(false),
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
    index('notifications_retention_idx').on(t.createdAt, t.id),
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

/** Every e-mail received at a complaints address, and what became of it (threading, loops, rejected parts). */
export const inboundEmails = pgTable(
  'inbound_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The Message-ID header: the same message delivered twice is recorded once. */
    messageId: text('message_id').notNull(),
    fromAddress: text('from_address').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    outcome: text('outcome', {
      enum: ['appended', 'new_file', 'to_identify', 'dropped'],
    }).notNull(),
    reason: text('reason'),
    attachmentsRefused: integer('attachments_refused').notNull().default(0),
  },
  (t) => [
    uniqueIndex('inbound_emails_message_unique').on(t.organisationId, t.messageId),
    index('inbound_emails_sender_idx').on(t.organisationId, t.fromAddress, t.receivedAt),
  ],
);

/** The e-mail a staff message left as (files received by e-mail are answered by e-mail); one per message. */
export const outboundEmails = pgTable('outbound_emails', {
  messageId: uuid('message_id')
    .primaryKey()
    .references(() => messages.id),
  dossierId: uuid('dossier_id')
    .notNull()
    .references(() => dossiers.id),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  smtpMessageId: text('smtp_message_id'),
});

/**
 * A handler's request for the medical adviser's opinion on a file, and the opinion once given
 * (src/domain/dossiers/medical-opinion.ts). The organisation is copied from the file so that the adviser's queue
 * is one index range, whatever the number of files.
 */
export const medicalOpinions = pgTable(
  'medical_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestedById: uuid('requested_by_id')
      .notNull()
      .references(() => users.id),
    /** Written by the handler, who has no medical detail to give. */
    question: text('question').notNull(),
    status: text('status', { enum: ['requested', 'answered'] })
      .notNull()
      .default('requested'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    adviserId: uuid('adviser_id').references(() => users.id),
    conclusion: text('conclusion', {
      enum: ['favourable', 'unfavourable', 'partial', 'more_information'],
    }),
    /** For the handler, without medical detail. */
    summary: text('summary'),
    /** Under medical secrecy: the member, the medical adviser and the referred mediator only. */
    medicalDetail: text('medical_detail'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('medical_opinions_dossier_idx').on(t.dossierId, t.requestedAt),
    // The adviser's queue: oldest request first, keyset-paginated on (requested_at, id).
    index('medical_opinions_queue_idx').on(t.organisationId, t.status, t.requestedAt, t.id),
  ],
);
/**
 * The acknowledgment due date of every calendar day, generated from the domain's holiday calendar
 * (src/domain/kpi/calendar.ts) so that SQL aggregates apply exactly the rule of the pure module: 10 jours
 * ouvrables, Monday to Saturday, public holidays of metropolitan France excluded, the day of receipt not counted.
 */
export const kpiCalendar = pgTable('kpi_calendar', {
  day: date('day', { mode: 'string' }).primaryKey(),
  acknowledgmentDueOn: date('acknowledgment_due_on', { mode: 'string' }).notNull(),
});

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

/**
 * The deadline-reminders job's one row (migration 0022): the Paris day of its last full scan of the live files and
 * when its last run began; the other runs of the day read only the files changed since (src/server/jobs/handlers.ts).
 */
export const reminderScans = pgTable('reminder_scans', {
  id: smallint('id').primaryKey().default(1),
  fullScanOn: date('full_scan_on', { mode: 'string' }).notNull(),
  lastRunStartedAt: timestamp('last_run_started_at', { withTimezone: true }).notNull(),
});

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

/**
 * The themes of one organisation and week (issue 15 §2), computed by the weekly job over the texts of the 16 weeks
 * ending with that week: one run per organisation and week (a re-run replaces it), 26 weeks kept.
 */
export const patternThemeRuns = pgTable(
  'pattern_theme_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Monday of the week judged (the last complete week when the job ran). */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['done', 'not_enough_texts'] }).notNull(),
    /** French explanation when the texts are too few (shown instead of an empty list). */
    message: text('message'),
    /** Per week: complaints with a description, and texts read among them (the sample). */
    weeks: jsonb('weeks').notNull().default([]),
    recentFrom: date('recent_from', { mode: 'string' }),
    recentTexts: integer('recent_texts').notNull().default(0),
    earlierTexts: integer('earlier_texts').notNull().default(0),
    durationMs: integer('duration_ms').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('pattern_theme_runs_org_week_unique').on(t.organisationId, t.weekStart)],
);

/** A theme of a run: its words, anonymised examples, weekly trend and alert (none below five complaints). */
export const patternThemes = pgTable(
  'pattern_themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => patternThemeRuns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    terms: jsonb('terms').$type<string[]>().notNull(),
    complaints: integer('complaints').notNull(),
    examples: jsonb('examples').$type<string[]>().notNull(),
    weekly: jsonb('weekly').$type<{ weekStart: string; complaints: number }[]>().notNull(),
    recent: integer('recent').notNull(),
    earlier: integer('earlier').notNull(),
    recentShare: doublePrecision('recent_share').notNull(),
    earlierShare: doublePrecision('earlier_share').notNull(),
    alertKind: text('alert_kind', { enum: ['new', 'growing'] }),
    alertExplanation: text('alert_explanation'),
    alertPValue: doublePrecision('alert_p_value'),
  },
  (t) => [index('pattern_themes_run_idx').on(t.runId, t.position)],
);

/**
 * Clauses of a contract imported as text for the clarity review (issue 15 §3). The topic links a clause to the
 * complaints that dispute it (`garantie:<kind>` or `conditions:<topic>`, src/domain/patterns/clauses/link.ts).
 */
export const contractClauses = pgTable(
  'contract_clauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The contract's commercial name, as on the files (`dossiers.product`); null for every product. */
    product: text('product'),
    title: text('title').notNull(),
    text: text('text').notNull(),
    topic: text('topic'),
    importedById: uuid('imported_by_id')
      .notNull()
      .references(() => users.id),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('contract_clauses_org_idx').on(t.organisationId, t.importedAt, t.id)],
);
