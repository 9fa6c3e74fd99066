import { and, asc, eq, gt, gte, inArray, isNotNull } from 'drizzle-orm';
import type { DossierStatus } from '../../contracts/dossier-status.ts';
import { foldKpiDailySlots } from '../../db/repositories/kpi-daily.ts';
import {
  claimForEmail,
  insertNotifications,
  type NewNotification,
  releaseEmailClaim,
  unsentNotificationIds,
} from '../../db/repositories/notifications.ts';
import { dossiers, reminderScans, users } from '../../db/schema.ts';
import { remindersFor } from '../../domain/register/reminders.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { takeCheckpoint } from '../audit/checkpoints.ts';
import { auditKeysOf } from '../audit/signing-key.ts';
import type { AppContext } from '../context.ts';
import { runDocumentOcr, sendReplyEmail } from '../intake/intake-jobs.ts';
import { accountEmail } from '../mail/account-mails.ts';
import type { Mailer } from '../mail/mailer.ts';
import { deadlinesOf } from '../shared/deadline-projection.ts';
import type { JobHandlers } from '../shared/job-queue.ts';
import { notifyInTransaction, queueEmails } from '../shared/notify.ts';
import { purgeRetention } from './retention-purge.ts';
import { runWeeklyPatternsForAll } from './weekly-patterns.ts';

/** Statuses whose files still have running deadlines (drafts too: a CPAM decision's 2 months run before filing). */
const LIVE_STATUSES: DossierStatus[] = [
  'draft',
  'submitted',
  'acknowledged',
  'awaiting_member',
  'answered',
  'mediation',
];

/** Files read per page by the reminders scan: the job's memory is one page, whatever the number of files. */
export const REMINDER_PAGE_SIZE = 1_000;

/**
 * How far before the previous run's start a same-day run looks for changed files: a change committed just after
 * that start may carry a time a little before it (the time is taken in the transaction, before its commit).
 */
export const REMINDER_SCAN_OVERLAP_MS = 5 * 60_000;

export interface ReminderRun {
  /** Every live file was read (first run of the Paris day, or asked), else only the files changed since. */
  full: boolean;
  /** Files read. */
  read: number;
  /** Notifications created. */
  created: number;
}

/**
 * Stores the reminders due today, once each, from the deadline engine: the dedupe key (file, deadline, threshold,
 * due date, recipient) makes a second run, or two workers, harmless. A file's reminders change only with the day
 * or with the file: the first run of a Paris day reads every live file, in keyset pages (the job holds one page,
 * whatever the number of files); the other runs read only the files changed (updated_at) since the previous run
 * began. `onPage` receives the ids of the notifications each page created (their e-mails are queued page by page).
 */
export async function runDeadlineReminders(
  ctx: AppContext,
  onPage: (created: string[]) => Promise<void> = async () => {},
  options: { pageSize?: number; full?: boolean } = {},
): Promise<ReminderRun> {
  const { db } = ctx.database;
  const now = ctx.now();
  const today = parisDateOf(now);
  const pageSize = options.pageSize ?? REMINDER_PAGE_SIZE;
  const [state] = await db.select().from(reminderScans).limit(1);
  const full = options.full === true || state === undefined || state.fullScanOn < today;
  const changedSince = full
    ? undefined
    : new Date(state!.lastRunStartedAt.getTime() - REMINDER_SCAN_OVERLAP_MS);
  const supervisors = new Map<string, string[]>();
  const supervisorRows = await db
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .where(and(eq(users.role, 'supervisor'), isNotNull(users.organisationId)));
  for (const s of supervisorRows) {
    supervisors.set(s.organisationId!, [...(supervisors.get(s.organisationId!) ?? []), s.id]);
  }
  let created = 0;
  let read = 0;
  for (let after: string | undefined; ; ) {
    const rows = await db
      .select({
        id: dossiers.id,
        reference: dossiers.reference,
        status: dossiers.status,
        facts: dossiers.facts,
        organisationKind: dossiers.organisationKind,
        organisationId: dossiers.organisationId,
        transmittedAt: dossiers.transmittedAt,
        zone: dossiers.zone,
        memberId: dossiers.memberId,
        assignedHandlerId: dossiers.assignedHandlerId,
      })
      .from(dossiers)
      .where(
        and(
          inArray(dossiers.status, LIVE_STATUSES),
          changedSince === undefined ? undefined : gte(dossiers.updatedAt, changedSince),
          after === undefined ? undefined : gt(dossiers.id, after),
        ),
      )
      .orderBy(asc(dossiers.id))
      .limit(pageSize);
    if (rows.length === 0) break;
    read += rows.length;
    after = rows.at(-1)!.id;
    const items: NewNotification[] = [];
    for (const row of rows) {
      const result = deadlinesOf(row, now);
      if (!result.ok) continue;
      const facts = (row.facts ?? {}) as { acknowledgedOn?: string; answerReceivedOn?: string };
      const reminders = remindersFor(
        // A draft not yet transmitted has no staff side: its reminders go to the member only (issue 16).
        {
          reference: row.reference,
          status: row.status,
          onRecours: row.organisationId !== null && row.transmittedAt !== null,
          facts,
        },
        result.value.deadlines,
      );
      for (const r of reminders) {
        // Staff reminders go to the handler in charge; an unassigned file's go to the organisation's supervisors.
        const recipients =
          r.audience === 'member'
            ? [row.memberId]
            : row.assignedHandlerId
              ? [row.assignedHandlerId]
              : (supervisors.get(row.organisationId ?? '') ?? []);
        for (const userId of recipients)
          items.push({
            userId,
            dossierId: row.id,
            kind: `reminder.${r.deadlineId}.${r.threshold}`,
            title: r.title,
            body: r.body,
            dedupeKey: `reminder:${row.id}:${r.deadlineId}:${r.threshold}:${r.dueDate}:${userId}`,
            createdAt: now,
          });
      }
    }
    // The page's reminders in one statement per thousand: not a transaction per file (each skipped if stored).
    const page = await insertNotifications(db, items);
    created += page.length;
    if (page.length > 0) await onPage(page);
  }
  // Marked once the run is over: a run that failed half-way is done again in full by the next one of the day.
  const mark = { fullScanOn: full ? today : state!.fullScanOn, lastRunStartedAt: now };
  await db
    .insert(reminderScans)
    .values({ id: 1, ...mark })
    .onConflictDoUpdate({ target: reminderScans.id, set: mark });
  return { full, read, created };
}

/** The e-mail of one notification: the reference and the deadline, never the file's content (RGPD art. 5-1-c). */
export function notificationEmail(
  notification: { title: string; body: string },
  user: { displayName: string },
  publicUrl: string,
): { subject: string; text: string } {
  return {
    subject: `[Recours] ${notification.title}`,
    text: [
      `Bonjour ${user.displayName},`,
      '',
      notification.body,
      '',
      `Connectez-vous à Recours pour consulter le dossier : ${publicUrl}`,
      '',
      'Par souci de confidentialité, cet e-mail ne contient aucun détail de votre dossier.',
      'Recours – message automatique, merci de ne pas y répondre.',
    ].join('\n'),
  };
}

export function jobHandlers(ctx: AppContext, mailer: Mailer): JobHandlers {
  return {
    async 'deadline-reminders'() {
      await runDeadlineReminders(ctx, (created) => queueEmails(ctx, created));
      // Outbox sweep: notifications whose e-mail job was lost between commit and queueing (crash, no queue).
      const now = ctx.now();
      const lost = await unsentNotificationIds(
        ctx.database.db,
        new Date(now.getTime() - 10 * 60_000),
        new Date(now.getTime() - 7 * 86_400_000),
      );
      await queueEmails(ctx, lost);
    },
    async 'audit-checkpoint'() {
      await takeCheckpoint(ctx.database.db, auditKeysOf(ctx), ctx.now());
    },
    async 'weekly-patterns'() {
      await runWeeklyPatternsForAll(ctx, notifyInTransaction, (ids) => queueEmails(ctx, ids));
    },
    async 'notification-email'({ notificationId }) {
      const { db } = ctx.database;
      const claimed = await claimForEmail(db, notificationId, ctx.now());
      if (!claimed) return; // already sent, or gone
      // A member record without an e-mail address (a complaint taken by telephone) reads it in his space.
      if (!claimed.user.email) return;
      const mail = notificationEmail(claimed.notification, claimed.user, ctx.config.publicUrl);
      try {
        await mailer.send({ to: claimed.user.email, ...mail });
      } catch (error) {
        // Give the claim back so that the retry (pg-boss backoff) sends it.
        await releaseEmailClaim(db, notificationId);
        throw error;
      }
    },
    async 'document-ocr'({ documentId }) {
      await runDocumentOcr(ctx, documentId);
    },
    async 'intake-reply-email'({ messageId }) {
      await sendReplyEmail(ctx, mailer, messageId);
    },
    async 'account-email'(mail) {
      await mailer.send(accountEmail(mail, ctx.config.publicUrl));
    },
    async 'retention-purge'() {
      await purgeRetention(ctx.database.db, ctx.now(), ctx.config.retention, { dryRun: false });
    },
    async 'kpi-daily-fold'() {
      await foldKpiDailySlots(ctx.database.db, parisDateOf(ctx.now()));
    },
  };
}
