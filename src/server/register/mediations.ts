import { logAuditEvent } from '../../db/repositories/audit.ts';
import { listDossiers } from '../../db/repositories/dossiers.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { mediationClock } from '../../domain/register/mediation-clock.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { deadlinesOf, todayInParis } from '../shared/deadline-projection.ts';
import { factsOf } from '../shared/handled-dossier.ts';

/**
 * The mediator's referrals, each with his 90-day clock (C. consom. R612-5). A mediator holds a bounded number of
 * files (listDossiers stops at 500), so the engine runs per file here; the listing is logged like the register's.
 */
export async function listMediations(ctx: AppContext, user: UserRow) {
  if (user.role !== 'mediator') {
    throw new AppError('FORBIDDEN', 'Cette liste est réservée aux médiateurs.');
  }
  const now = ctx.now();
  const today = todayInParis(now);
  const rows = await listDossiers(ctx.database.db, { kind: 'mediator', mediatorId: user.id });
  const items = rows.map((row) => {
    const result = deadlinesOf(row, now);
    const deadline = result.ok ? result.value.deadlines.find((d) => d.id === 'mediation.outcome') : undefined;
    const facts = factsOf(row);
    return { id: row.id, clock: mediationClock(deadline, facts, today) };
  });
  await logAuditEvent(ctx.database.db, {
    dossierId: null,
    actorId: user.id,
    type: 'register.viewed',
    payload: { total: items.length, shown: items.map((i) => i.id), part: 'mediations' },
    occurredAt: now,
  });
  return items;
}
