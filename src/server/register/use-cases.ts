import type { DossierCategory } from '../../contracts/categories.ts';
import type { ComplaintChannel } from '../../contracts/channels.ts';
import type { DossierStatus } from '../../contracts/dossier-status.ts';
import { REGISTER_ROLES } from '../../contracts/roles.ts';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent, logAuditEvent } from '../../db/repositories/audit.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import { lockDossiers, updateDossier, userById } from '../../db/repositories/handling.ts';
import type { NewNotification } from '../../db/repositories/notifications.ts';
import {
  countCapOf,
  filesWithTextMatching,
  membersNamed,
  type RegisterFilters,
  type RegisterRow,
  registerPage,
  staffWithLoad,
} from '../../db/repositories/register.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import {
  type AssignTarget,
  canApplyAction,
  canAssign,
  canChangePriority,
  type Priority,
} from '../../domain/register/actions.ts';
import { storedClocksOf } from '../../domain/register/projection.ts';
import { type SlaClock, type SlaColour, worstColour } from '../../domain/register/sla.ts';
import { type CalendarDate, formatFrenchDate } from '../../domain/shared/calendar-date.ts';
import type { DomainError, Result } from '../../domain/shared/result.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { acknowledgeInTransaction } from '../handling/use-cases.ts';
import { todayInParis } from '../shared/deadline-projection.ts';
import { type ActionResult, afterCommit, handledOf } from '../shared/handled-dossier.ts';
import { notifyInTransaction, queueEmails } from '../shared/notify.ts';
import { NOT_FOUND_MESSAGE, refusalError } from '../shared/refusal.ts';
import { cursorAfter, positionOf } from './cursor.ts';

function requireStaff(user: UserRow): string {
  if (!REGISTER_ROLES.includes(user.role) || !user.organisationId) {
    throw new AppError('FORBIDDEN', 'Le registre des réclamations est réservé au personnel de l’organisme.');
  }
  return user.organisationId;
}

export interface RegisterQuery {
  status?: DossierStatus[] | undefined;
  category?: DossierCategory[] | undefined;
  channel?: ComplaintChannel[] | undefined;
  handlerId?: string | undefined;
  mine?: boolean | undefined;
  sla?: SlaColour[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  /** Default: relevance when searching, else urgency. */
  sort?: 'urgency' | 'date' | 'relevance' | undefined;
  limit: number;
  offset: number;
  cursor?: string | undefined;
}

export interface RegisterEntry {
  row: RegisterRow;
  clocks: { acknowledgment: SlaClock; answer: SlaClock };
  colour: SlaColour;
}

/** A page row's clocks on `today`, from its stored deadline projection (the engine ran when the file changed). */
function withClocks(row: RegisterRow, today: CalendarDate): RegisterEntry {
  const clocks = storedClocksOf(row, today);
  return { row, clocks, colour: worstColour([clocks.acknowledgment, clocks.answer]) };
}

/**
 * The complaint register of the user's organisation (ACPR: written complaints are recorded and followed):
 * filters, order, count and page in SQL on indexes, SLA clocks from the stored deadline projection.
 */
export async function listRegister(
  ctx: AppContext,
  user: UserRow,
  query: RegisterQuery,
  reader: Db = ctx.database.readDb,
) {
  const organisationId = requireStaff(user);
  const now = ctx.now();
  const today = todayInParis(now);
  // Reads may go to the replica (READ_DATABASE_URL; the primary just after the user's own change, see
  // read-after-write.ts); the access log is a write and goes to the primary.
  const db = reader;
  if (query.from && query.to && query.from > query.to) {
    throw new AppError(
      'VALIDATION',
      `La date de début (${formatFrenchDate(query.from)}) est après la date de fin (${formatFrenchDate(query.to)}) : corrigez l’une des deux.`,
      'from',
    );
  }
  const text = query.q?.trim();
  const sort = query.sort ?? (text ? 'relevance' : 'urgency');
  if (sort === 'relevance' && !text) {
    throw new AppError(
      'VALIDATION',
      'Le tri par pertinence suppose une recherche : saisissez des mots.',
      'sort',
    );
  }
  const filters: RegisterFilters = {
    organisationId,
    statuses: query.status,
    categories: query.category,
    channels: query.channel,
    handlerId: query.mine ? user.id : query.handlerId,
    from: query.from,
    to: query.to,
    sla: query.sla,
    search: text
      ? {
          text,
          memberIds: await membersNamed(db, text),
          documentDossierIds: await filesWithTextMatching(db, organisationId, text),
        }
      : undefined,
    today,
  };
  const position = positionOf(sort, query.cursor, query.offset);
  const { rows, total } = await registerPage(db, filters, position, query.limit);
  const cap = countCapOf(filters);
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = hasMore && last ? cursorAfter(sort, last, position.offset + query.limit) : null;
  const items = page.map((r) => withClocks(r, today));
  // The primary: a replica is read-only (with READ_DATABASE_URL every register page failed here).
  await logAuditEvent(ctx.database.db, {
    dossierId: null,
    organisationId: user.organisationId,
    actorId: user.id,
    type: 'register.viewed',
    // Which files were listed, not what they say: search words may name an illness.
    payload: { total, shown: items.map((e) => e.row.id), search: Boolean(text) },
    occurredAt: now,
  });
  return {
    total: Math.min(total, cap),
    totalCapped: total > cap,
    items,
    nextCursor,
    sort,
    today,
  };
}

export async function listStaff(ctx: AppContext, user: UserRow) {
  const organisationId = requireStaff(user);
  return staffWithLoad(ctx.database.db, organisationId);
}

/**
 * all_or_nothing: one refused file and nothing is applied; eligible: the files that may be changed are, the others
 * are reported with their reason.
 */
export type BulkMode = 'eligible' | 'all_or_nothing';
export type BulkInput = { mode?: BulkMode | undefined } & (
  | { action: 'assign'; dossierIds: string[]; handlerId: string | null }
  | { action: 'priority'; dossierIds: string[]; priority: Priority }
  | { action: 'acknowledge'; dossierIds: string[] }
);

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

const PRIORITY_LABELS: Record<Priority, string> = { normal: 'normale', high: 'haute', urgent: 'urgente' };

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
    const mode = input.mode ?? 'all_or_nothing';
    if (refused.length > 0 && mode === 'all_or_nothing') {
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
          message: error
            ? error.message
            : 'Ce dossier pouvait être traité, mais rien n’a été modifié : vous avez demandé « tout ou rien ».',
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
    for (const { id, row, check } of checks) {
      if (!check.ok) {
        // Eligible mode: the refused file is reported, the others go on (a hidden file keeps its reference hidden).
        const visible = row !== undefined && check.error.code !== 'not_visible';
        results.push({
          dossierId: id,
          reference: visible ? row.reference : null,
          outcome: 'refused',
          message: check.error.message,
        });
        continue;
      }
      const r = row!;
      if (check.value === false) {
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
          message: `Priorité : ${PRIORITY_LABELS[input.priority]}.`,
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
