import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A mutual, an insurer, an institution de prévoyance or a CPAM that handles complaints on Recours. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['mutuelle', 'insurer', 'institution_prevoyance', 'cpam'] }).notNull(),
  slug: text('slug').notNull().unique(),
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
    complaintSentOn: date('complaint_sent_on', { mode: 'string' }),
    assignedHandlerId: uuid('assigned_handler_id').references(() => users.id),
    mediatorId: uuid('mediator_id').references(() => users.id),
    /** A retried creation carries the same key and gets the same file back (no duplicates). */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossiers_member_idx').on(t.memberId),
    index('dossiers_org_idx').on(t.organisationId),
    index('dossiers_mediator_idx').on(t.mediatorId),
    uniqueIndex('dossiers_idempotency_unique').on(t.memberId, t.idempotencyKey),
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
