import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { UserRow } from '../../db/repositories/users.ts';
import { auditEvents, dossiers, users } from '../../db/schema.ts';
import { auditEventLabel } from '../../domain/audit/event-labels.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { latestCheckpoints, proveEvent } from './checkpoints.ts';
import { auditKeysOf } from './signing-key.ts';
import { verifyAuditHistory } from './verify.ts';

/** The history is for auditors and administrators of an organisation (least privilege: RGPD art. 9, art. 32). */
export function requireAuditor(user: UserRow): string {
  if ((user.role !== 'auditor' && user.role !== 'admin') || !user.organisationId) {
    throw new AppError(
      'FORBIDDEN',
      'L’historique est réservé aux auditeurs et aux administrateurs d’un organisme.',
    );
  }
  return user.organisationId;
}

/** Events of the organisation's files and of its own chain: the only ones its auditor may read. */
function scopeOf(organisationId: string): SQL {
  return or(
    eq(auditEvents.chainId, organisationId),
    sql`${auditEvents.dossierId} in (select ${dossiers.id} from ${dossiers} where ${dossiers.organisationId} = ${organisationId})`,
  )!;
}

/**
 * Runs the whole verification (integrity is platform-wide), but details only the breaks of this organisation's
 * files and those of the log itself; the others are counted, not described.
 */
export async function runVerification(ctx: AppContext, user: UserRow) {
  const organisationId = requireAuditor(user);
  const report = await verifyAuditHistory(ctx.database, {
    trustedKeyIds: auditKeysOf(ctx).trustedKeyIds,
    maxBreaks: 10_000,
  });
  const chainIds = [...new Set(report.breaks.map((b) => b.chainId).filter((id): id is string => !!id))];
  const own = new Set(
    chainIds.length === 0
      ? []
      : (
          await ctx.database.db
            .select({ id: dossiers.id })
            .from(dossiers)
            .where(and(eq(dossiers.organisationId, organisationId), inArray(dossiers.id, chainIds)))
        ).map((r) => r.id),
  );
  const visible = report.breaks.filter(
    (b) => b.chainId === null || b.chainId === organisationId || own.has(b.chainId),
  );
  return {
    ...report,
    breaks: visible.slice(0, 1000),
    otherOrganisationsBreaks: report.breakCount - visible.length,
  };
}

export async function checkpointsFor(ctx: AppContext, user: UserRow, limit: number) {
  requireAuditor(user);
  return latestCheckpoints(ctx.database.db, limit);
}

export interface HistoryQuery {
  dossierId?: string | undefined;
  actorId?: string | undefined;
  /** One code or several, comma-separated (one French label may cover an old and a new code). */
  type?: string | undefined;
  /** A file's reference, as staff know it (REC-…). */
  reference?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
}

/** One page of the organisation's history, newest first, keyset on the event number. */
export async function historyFor(ctx: AppContext, user: UserRow, q: HistoryQuery) {
  const organisationId = requireAuditor(user);
  const clauses: SQL[] = [scopeOf(organisationId)];
  if (q.dossierId) clauses.push(eq(auditEvents.dossierId, q.dossierId));
  if (q.actorId) clauses.push(eq(auditEvents.actorId, q.actorId));
  const types = (q.type ?? '').split(',').filter(Boolean);
  if (types.length > 0) clauses.push(inArray(auditEvents.type, types));
  if (q.reference) clauses.push(eq(dossiers.reference, q.reference.trim().toUpperCase()));
  if (q.from) clauses.push(sql`${auditEvents.occurredAt} >= ${q.from}::date`);
  if (q.to) clauses.push(sql`${auditEvents.occurredAt} < ${q.to}::date + 1`);
  if (q.before !== undefined) clauses.push(lt(auditEvents.seq, q.before));
  const rows = await ctx.database.db
    .select({
      id: auditEvents.seq,
      dossierId: auditEvents.dossierId,
      reference: dossiers.reference,
      actorId: auditEvents.actorId,
      actorName: users.displayName,
      actorRole: users.role,
      type: auditEvents.type,
      occurredAt: auditEvents.occurredAt,
      chainSeq: auditEvents.chainSeq,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    .leftJoin(dossiers, eq(dossiers.id, auditEvents.dossierId))
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...clauses))
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit).map((row) => ({ ...row, typeLabel: auditEventLabel(row.type) }));
  return { events: page, nextBefore: rows.length > q.limit ? page.at(-1)!.id : null };
}

export async function proofFor(ctx: AppContext, user: UserRow, eventId: number) {
  const organisationId = requireAuditor(user);
  const [visible] = await ctx.database.db
    .select({ id: auditEvents.seq })
    .from(auditEvents)
    .where(and(eq(auditEvents.seq, eventId), scopeOf(organisationId)));
  const proof = visible ? await proveEvent(ctx.database.db, auditKeysOf(ctx), eventId, ctx.now()) : null;
  if (!proof) throw new AppError('NOT_FOUND', 'Événement introuvable dans l’historique de votre organisme.');
  return proof;
}
