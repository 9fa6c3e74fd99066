import { appendAuditEvent, logAuditEvent } from '../../db/repositories/audit.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import { lockDossiers, updateDossier, userById } from '../../db/repositories/handling.ts';
import type { NewNotification } from '../../db/repositories/notifications.ts';
import { type RegisterRow, registerRows, staffWithLoad } from '../../db/repositories/register.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import {
  type AssignTarget,
  canApplyAction,
  canAssign,
  canChangePriority,
  type Priority,
} from '../../domain/register/actions.ts';
import {
  compareUrgency,
  type SlaClock,
  type SlaColour,
  slaClocksOf,
  type UrgencyKey,
  urgencyKey,
  worstColour,
} from '../../domain/register/sla.ts';
import type { DomainError, Result } from '../../domain/shared/result.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { deadlinesOf, todayInParis } from '../dossiers/deadlines.ts';
import { AppError } from '../errors.ts';
import {
  type ActionResult,
  acknowledgeInTransaction,
  afterCommit,
  factsOf,
  handledOf,
} from '../handling/use-cases.ts';
import { notifyInTransaction, queueEmails } from '../notifications/notify.ts';
import { NOT_FOUND_MESSAGE, refusalError } from './refusal.ts';

const STAFF = new Set(['handler', 'supervisor', 'auditor', 'admin']);

function requireStaff(user: UserRow): string {
  if (!STAFF.has(user.role) || !user.organisationId) {
    throw new AppError('FORBIDDEN', 'Le registre des réclamations est réservé au personnel de l’organisme.');
  }
  return user.organisationId;
}

export interface RegisterQuery {
  status?: string[] | undefined;
  category?: string[] | undefined;
  channel?: string[] | undefined;
  handlerId?: string | undefined;
  mine?: boolean | undefined;
  sla?: SlaColour[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  sort: 'urgency' | 'date';
  limit: number;
  offset: number;
}

export interface RegisterEntry {
  row: RegisterRow;
  clocks: { acknowledgment: SlaClock; answer: SlaClock };
  colour: SlaColour;
  urgency: UrgencyKey;
}

function withClocks(row: RegisterRow, now: Date): RegisterEntry {
  const result = deadlinesOf(row, now);
  // A file whose stored facts the engine refuses shows grey clocks rather than breaking the whole register.
  const clocks = slaClocksOf(result.ok ? result.value.deadlines : undefined, {
    status: row.status,
    facts: factsOf(row),
  });
  const list = [clocks.acknowledgment, clocks.answer];
  return { row, clocks, colour: worstColour(list), urgency: urgencyKey(list) };
}

/**
 * The complaint register of the user's organisation (ACPR: written complaints are recorded and followed):
 * filters in SQL, SLA clocks from the deadline engine, urgency order from the pure rule, one page at a time.
 */
export async function listRegister(ctx: AppContext, user: UserRow, query: RegisterQuery) {
  const organisationId = requireStaff(user);
  const now = ctx.now();
  const { db } = ctx.database;
  const rows = await registerRows(db, {
    organisationId,
    statuses: query.status,
    categories: query.category,
    channels: query.channel,
    handlerId: query.mine ? user.id : query.handlerId,
    from: query.from,
    to: query.to,
    q: query.q,
  });
  // The clocks of every candidate are needed only to filter by colour or to order by urgency.
  const needsAll = query.sort === 'urgency' || (query.sla?.length ?? 0) > 0;
  let entries: (RegisterEntry | RegisterRow)[] = needsAll ? rows.map((r) => withClocks(r, now)) : rows;
  if (query.sla?.length) {
    const wanted = new Set(query.sla);
    entries = (entries as RegisterEntry[]).filter((e) => wanted.has(e.colour));
  }
  if (query.sort === 'urgency') {
    (entries as RegisterEntry[]).sort((a, b) =>
      compareUrgency(
        { urgency: a.urgency, tieBreak: a.row.reference },
        { urgency: b.urgency, tieBreak: b.row.reference },
      ),
    );
  } else {
    const dateOf = (e: RegisterEntry | RegisterRow) => ('row' in e ? e.row : e);
    entries.sort((a, b) => {
      const ra = dateOf(a);
      const rb = dateOf(b);
      if (ra.complaintDate !== rb.complaintDate) return ra.complaintDate < rb.complaintDate ? 1 : -1;
      return ra.reference < rb.reference ? -1 : 1;
    });
  }
  const page = entries
    .slice(query.offset, query.offset + query.limit)
    .map((e) => ('row' in e ? e : withClocks(e, now)));
  await logAuditEvent(db, {
    dossierId: null,
    organisationId: user.organisationId,
    actorId: user.id,
    type: 'register.viewed',
    // Which files were listed, not what they say: search words may name an illness.
    payload: { total: entries.length, shown: page.map((e) => e.row.id), search: Boolean(query.q?.trim()) },
    occurredAt: now,
  });
  return { total: entries.length, items: page, today: todayInParis(now) };
}

export async function listStaff(ctx: AppContext, user: UserRow) {
  const organisationId = requireStaff(user);
  return staffWithLoad(ctx.database.db, organisationId);
}

export type BulkInput =
  | { action: 'assign'; dossierIds: string[]; handlerId: string | null }
  | { action: 'priority'; dossierIds: string[]; priority: Priority }
  | { action: 'acknowledge'; dossierIds: string[] };

export interface BulkResult {
  dossierId: string;
  reference: string | null;
  outcome: 'done' | 'unchanged' | 'refused' | 'not_applied';
  message: string;
}

/** A bulk request refused as a whole: nothing was applied; `results` says which files blocked it and why. */
export class BulkRefusedError extends AppError {
  constructor(
    error: AppError,
    readonly results: BulkResult[],
  ) {
    super(error.code, error.message, error.field, error.status);
  }
}

const SEVERITY = ['not_visible', 'forbidden', 'invalid_target', 'invalid_state'];

/**
 * Assign, change priority or acknowledge several files at once. Every file is checked by the same pure rules as
 * one by one; if any is refused nothing is applied (all or nothing, one transaction), and each change is audited.
 */
export async function runBulk(ctx: AppContext, user: UserRow, input: BulkInput) {
  const actor = actorOf(user);
  const ids = [...new Set(input.dossierIds)];
  const now = ctx.now();
  const today = todayInParis(now);
  const outcome = await ctx.database.db.transaction(async (tx) => {
    let target: (AssignTarget & { displayName?: string }) | null = null;
    if (input.action === 'assign' && input.handlerId) {
      // An unknown user is a target no rule accepts: the refusal (400 on handlerId) then comes after the file's
      // own checks, so that nobody learns anything about files he may not see.
      target = (await userById(tx, input.handlerId)) ?? {
        id: input.handlerId,
        role: 'member',
        organisationId: null,
      };
    }
    const rows = new Map((await lockDossiers(tx, ids)).map((r) => [r.id, r]));
    const checkOf = (row: DossierRow): Result<boolean> => {
      const handled = handledOf(row);
      if (input.action === 'assign') return canAssign(actor, handled, target);
      if (input.action === 'priority') {
        const allowed = canChangePriority(actor, handled);
        return allowed.ok ? { ok: true, value: row.priority !== input.priority } : allowed;
      }
      return canApplyAction(actor, handled, 'acknowledge');
    };
    const checks = ids.map((id): { id: string; row: DossierRow | undefined; check: Result<boolean> } => {
      const row = rows.get(id);
      if (!row)
        return { id, row, check: { ok: false, error: { code: 'not_visible', message: NOT_FOUND_MESSAGE } } };
      return { id, row, check: checkOf(row) };
    });
    const refused = checks.filter((c) => !c.check.ok);
    if (refused.length > 0) {
      const worst = refused
        .map((c) => (c.check as { ok: false; error: DomainError }).error)
        .sort((a, b) => SEVERITY.indexOf(a.code) - SEVERITY.indexOf(b.code))[0]!;
      const results: BulkResult[] = checks.map(({ id, row, check }) => {
        const error = check.ok ? undefined : check.error;
        // A file one may not see keeps its reference hidden (as a 404 would).
        const visible = row !== undefined && error?.code !== 'not_visible';
        return {
          dossierId: id,
          reference: visible ? row.reference : null,
          outcome: error ? 'refused' : 'not_applied',
          message: error ? error.message : 'Non appliqué : la demande groupée a été refusée.',
        };
      });
      const count = refused.length;
      const base = refusalError(worst);
      throw new BulkRefusedError(
        new AppError(
          base.code,
          `${count} dossier${count > 1 ? 's' : ''} sur ${ids.length} ne peu${count > 1 ? 'vent' : 't'} pas être traité${count > 1 ? 's' : ''} : aucune modification n’a été faite. Premier motif : ${worst.message}`,
          worst.field ?? 'dossierIds',
          base.status,
        ),
        results,
      );
    }
    const results: BulkResult[] = [];
    const notificationIds: string[] = [];
    const acknowledged: ActionResult[] = [];
    for (const { row, check } of checks) {
      const r = row!;
      if (check.ok && check.value === false) {
        results.push({
          dossierId: r.id,
          reference: r.reference,
          outcome: 'unchanged',
          message: 'Déjà dans cet état : rien à changer.',
        });
        continue;
      }
      if (input.action === 'assign') {
        await updateDossier(tx, r.id, { assignedHandlerId: target?.id ?? null }, now);
        await appendAuditEvent(tx, {
          dossierId: r.id,
          actorId: actor.id,
          type: 'dossier.assigned',
          payload: {
            before: { assignedHandlerId: r.assignedHandlerId },
            after: { assignedHandlerId: target?.id ?? null },
          },
          occurredAt: now,
        });
        if (target && target.id !== actor.id) {
          const notice: NewNotification = {
            userId: target.id,
            dossierId: r.id,
            kind: 'dossier.assigned',
            title: `Dossier ${r.reference} : il vous est attribué`,
            body: 'Un superviseur vous a attribué ce dossier. Consultez le registre des réclamations.',
            dedupeKey: `assigned:${r.id}:${target.id}:${now.toISOString()}`,
            createdAt: now,
          };
          notificationIds.push(...(await notifyInTransaction(tx, [notice])));
        }
        results.push({
          dossierId: r.id,
          reference: r.reference,
          outcome: 'done',
          message: target ? `Attribué à ${target.displayName ?? 'ce conseiller'}.` : 'Attribution retirée.',
        });
      } else if (input.action === 'priority') {
        await updateDossier(tx, r.id, { priority: input.priority }, now);
        await appendAuditEvent(tx, {
          dossierId: r.id,
          actorId: actor.id,
          type: 'dossier.priority_changed',
          payload: { before: { priority: r.priority }, after: { priority: input.priority } },
          occurredAt: now,
        });
        results.push({
          dossierId: r.id,
          reference: r.reference,
          outcome: 'done',
          message: `Priorité : ${input.priority}.`,
        });
      } else {
        const done = await acknowledgeInTransaction({ tx, ctx, actor, row: r, now, today });
        acknowledged.push(done);
        results.push({
          dossierId: r.id,
          reference: r.reference,
          outcome: 'done',
          message: 'Accusé de réception enregistré et envoyé à l’adhérent.',
        });
      }
    }
    return { results, notificationIds, acknowledged };
  });
  await queueEmails(ctx, outcome.notificationIds);
  for (const done of outcome.acknowledged) await afterCommit(ctx, done);
  return outcome.results;
}
