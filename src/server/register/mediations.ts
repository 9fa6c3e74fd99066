import { logAuditEvent } from '../../db/repositories/audit.ts';
import { countMediatorFiles, mediatorPage } from '../../db/repositories/dossiers.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { mediationClock } from '../../domain/register/mediation-clock.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { deadlinesOf, todayInParis } from '../shared/deadline-projection.ts';
import { factsOf } from '../shared/handled-dossier.ts';

/** Referrals shown per page, and the cap of the count in the caption (« plus de 10 000 »). */
export const MEDIATIONS_PAGE = 50;
export const MEDIATIONS_COUNT_CAP = 10_000;

/**
 * The mediator's referrals, a page at a time in reference order, each with his 90-day clock (C. consom. R612-5).
 * The engine runs on the page's files only, so the cost of a page does not grow with the mediator's caseload;
 * the listing is logged like the register's.
 */
export async function listMediations(ctx: AppContext, user: UserRow, after: string | undefined) {
  if (user.role !== 'mediator') {
    throw new AppError('FORBIDDEN', 'Cette liste est réservée aux médiateurs.');
  }
  const now = ctx.now();
  const today = todayInParis(now);
  const { db } = ctx.database;
  const [rows, total] = await Promise.all([
    mediatorPage(db, user.id, { after, limit: MEDIATIONS_PAGE + 1 }),
    countMediatorFiles(db, user.id, MEDIATIONS_COUNT_CAP + 1),
  ]);
  const page = rows.slice(0, MEDIATIONS_PAGE);
  const items = page.map((row) => {
    const result = deadlinesOf(row, now);
    const deadline = result.ok ? result.value.deadlines.find((d) => d.id === 'mediation.outcome') : undefined;
    const facts = factsOf(row);
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      organisationName: row.organisationName,
      category: row.category,
      status: row.status,
      amountCents: row.amountCents,
      complaintSentOn: facts.complaintSentOn ?? null,
      clock: mediationClock(deadline, facts, today),
    };
  });
  await logAuditEvent(db, {
    dossierId: null,
    actorId: user.id,
    type: 'register.viewed',
    payload: { total: items.length, shown: items.map((i) => i.id), part: 'mediations' },
    occurredAt: now,
  });
  return {
    items,
    total: Math.min(total, MEDIATIONS_COUNT_CAP),
    totalCapped: total > MEDIATIONS_COUNT_CAP,
    nextAfter: rows.length > MEDIATIONS_PAGE ? (page.at(-1)?.reference ?? null) : null,
  };
}
