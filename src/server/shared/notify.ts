import type { Db } from '../../db/client.ts';
import { insertNotifications, type NewNotification } from '../../db/repositories/notifications.ts';
import type { AppContext } from '../context.ts';
import { jobQueueOf } from './job-queue.ts';

/**
 * Creates in-app notifications inside the caller's transaction (the outbox); their e-mails are queued by
 * `queueEmails` once that transaction committed, so that a rolled-back change never sends a mail.
 */
export function notifyInTransaction(tx: Db, items: readonly NewNotification[]): Promise<string[]> {
  return insertNotifications(tx, items);
}

/**
 * One e-mail job per notification. Without a running queue (a one-off script, some tests) nothing is lost: the
 * reminders job re-queues notifications whose e-mail step never ran.
 */
export async function queueEmails(ctx: AppContext, notificationIds: readonly string[]): Promise<void> {
  const queue = jobQueueOf(ctx);
  if (!queue) return;
  for (const notificationId of notificationIds) {
    try {
      await queue.send('notification-email', { notificationId });
    } catch {
      // The sweep of the reminders job will pick it up; the user's change is already saved.
    }
  }
}
