import { appendAuditEvent } from '../../db/repositories/audit.ts';
import {
  clauseForUpdate,
  deleteClause,
  insertClauses,
  updateClause,
  upsertMemberships,
} from '../../db/repositories/pattern-clauses.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { reviewClause } from '../../domain/patterns/clauses/clarity.ts';
import { clauseTopicOf, MAX_CLAUSES, splitContract } from '../../domain/patterns/clauses/import.ts';
import type { CalendarDate } from '../../domain/shared/calendar-date.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';

/**
 * The organisation's contract clauses and membership counts (issue 15, § 3): each change in one transaction with
 * its history event, so the clarity review and the rates per 1 000 members always have a recorded origin.
 */

const UNKNOWN_CLAUSE =
  'Cette clause n’existe pas ou plus (supprimée entre-temps ?) : rechargez la page « Tendances ».';

export async function importClauses(
  ctx: AppContext,
  user: UserRow,
  organisationId: string,
  input: { text: string; title?: string | undefined; product?: string | null | undefined },
) {
  const clauses = splitContract(input.text, input.title ?? 'Clause importée');
  if (clauses.length === 0 || clauses.every((c) => c.text.trim() === '')) {
    throw new AppError(
      'VALIDATION',
      'Le texte du contrat est vide : collez le texte des clauses (une ligne « Article … » ouvre chaque clause).',
      'text',
    );
  }
  if (clauses.length > MAX_CLAUSES) {
    throw new AppError(
      'VALIDATION',
      `Trop de clauses en un import (${clauses.length}) : ${MAX_CLAUSES} au plus. Importez le contrat en plusieurs fois.`,
      'text',
    );
  }
  const product = input.product ?? null;
  const now = ctx.now();
  const rows = await ctx.database.db.transaction(async (tx) => {
    const inserted = await insertClauses(tx, organisationId, product, clauses, user.id, now);
    await appendAuditEvent(tx, {
      dossierId: null,
      organisationId,
      actorId: user.id,
      type: 'patterns.clauses_imported',
      payload: { clauses: inserted.length, product },
      occurredAt: now,
    });
    return inserted;
  });
  return rows.map((row, i) => ({
    id: row.id,
    title: row.title,
    topic: clauses[i]!.topic,
    review: reviewClause(clauses[i]!.text),
  }));
}

export async function editClause(
  ctx: AppContext,
  user: UserRow,
  organisationId: string,
  id: string,
  change: { title?: string | undefined; text?: string | undefined; product?: string | null | undefined },
) {
  const now = ctx.now();
  const clause = await ctx.database.db.transaction(async (tx) => {
    const before = await clauseForUpdate(tx, organisationId, id);
    if (!before) throw new AppError('UNKNOWN_CLAUSE', UNKNOWN_CLAUSE, 'id', 422);
    const title = change.title ?? before.title;
    const text = change.text ?? before.text;
    const product = change.product === undefined ? before.product : change.product;
    const after = await updateClause(tx, organisationId, before.id, {
      title,
      text,
      product,
      topic: clauseTopicOf(title, text),
    });
    await appendAuditEvent(tx, {
      dossierId: null,
      organisationId,
      actorId: user.id,
      type: 'patterns.clause_edited',
      payload: {
        clauseId: before.id,
        title,
        changed: (['title', 'text', 'product'] as const).filter((k) => before[k] !== after![k]),
      },
      occurredAt: now,
    });
    return after!;
  });
  return { ...clause, review: reviewClause(clause.text) };
}

export async function removeClause(ctx: AppContext, user: UserRow, organisationId: string, id: string) {
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const deleted = await deleteClause(tx, organisationId, id);
    if (!deleted) throw new AppError('UNKNOWN_CLAUSE', UNKNOWN_CLAUSE, 'id', 422);
    await appendAuditEvent(tx, {
      dossierId: null,
      organisationId,
      actorId: user.id,
      type: 'patterns.clause_deleted',
      payload: { clauseId: deleted.id, title: deleted.title, product: deleted.product },
      occurredAt: now,
    });
  });
}

/** Returns how many products were counted. */
export async function saveMemberships(
  ctx: AppContext,
  user: UserRow,
  organisationId: string,
  input: { countedOn: CalendarDate; products: { product: string; members: number }[] },
) {
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    await upsertMemberships(tx, organisationId, input.countedOn, input.products, now);
    await appendAuditEvent(tx, {
      dossierId: null,
      organisationId,
      actorId: user.id,
      type: 'patterns.memberships_imported',
      payload: { countedOn: input.countedOn, products: input.products.length },
      occurredAt: now,
    });
  });
  return input.products.length;
}
