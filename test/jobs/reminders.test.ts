import { eq, like, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { dossiers, notifications } from '../../src/db/schema.ts';
import { runDeadlineReminders } from '../../src/server/jobs/handlers.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries({
    supervisor: 'superviseur@demo.recours.fr',
    handler: 'conseiller@demo.recours.fr',
    member: 'adherent@demo.recours.fr',
    member2: 'adherent2@demo.recours.fr',
  })) {
    s[who] = await t.login(email);
  }
});
afterAll(() => t.close());

type Notice = {
  id: string;
  kind: string;
  title: string;
  body: string;
  reference: string | null;
  readAt: string | null;
};
async function noticesOf(who: string, query = '') {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/notifications${query}`,
    headers: as(s[who]!),
  });
  expect(res.statusCode).toBe(200);
  return res.json() as { unread: number; notifications: Notice[] };
}

describe('deadline-reminders job', () => {
  it('creates reminders for handlers and members from the deadline engine, once (idempotent)', async () => {
    const first = await runDeadlineReminders(t.ctx);
    expect(first.full).toBe(true);
    expect(first.created).toBeGreaterThan(5);
    const second = await runDeadlineReminders(t.ctx);
    expect(second.created).toBe(0);
    const total = await t.ctx.database.db.select().from(notifications);
    expect(total.length).toBe(first.created);
  });

  it('reads the files page by page (never all at once): pages of 3 files find the same reminders', async () => {
    const { db } = t.ctx.database;
    const keys = async () =>
      (await db.select({ key: notifications.dedupeKey }).from(notifications)).map((r) => r.key).sort();
    const before = await keys();
    await db.delete(notifications);
    const pages: number[] = [];
    const { created } = await runDeadlineReminders(t.ctx, async (ids) => void pages.push(ids.length), {
      pageSize: 3,
      full: true,
    });
    expect(created).toBe(before.length);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(created);
    expect(await keys()).toEqual(before);
  });

  it('the other runs of the day read only the files changed since the previous run began; the next day, all', async () => {
    const { db } = t.ctx.database;
    const at = (iso: string) => ({ ...t.ctx, now: () => new Date(iso) });
    const live = await db.select({ id: dossiers.id }).from(dossiers).where(ne(dossiers.status, 'closed'));
    // The demo files were written at 10:00 (UTC), the full run of the day began then: read again at 12:00.
    expect((await runDeadlineReminders(at('2026-11-23T12:00:00Z'))).full).toBe(false);
    const quiet = await runDeadlineReminders(at('2026-11-23T14:00:00Z'));
    expect(quiet).toEqual({ full: false, read: 0, created: 0 });
    // One file changed after that run: its reminders (deleted here) are made again, and nothing else is read.
    const [file] = await db
      .select({ id: notifications.dossierId })
      .from(notifications)
      .where(like(notifications.kind, 'reminder.complaint.%'))
      .limit(1);
    const gone = await db.delete(notifications).where(eq(notifications.dossierId, file!.id!)).returning();
    await db
      .update(dossiers)
      .set({ updatedAt: new Date('2026-11-23T14:30:00Z') })
      .where(eq(dossiers.id, file!.id!));
    const changed = await runDeadlineReminders(at('2026-11-23T15:00:00Z'));
    expect(changed).toEqual({ full: false, read: 1, created: gone.length });
    const nextDay = await runDeadlineReminders(at('2026-11-24T08:00:00Z'));
    expect(nextDay.full).toBe(true);
    expect(nextDay.read).toBe(live.length);
  });

  it('an unassigned overdue file goes to the supervisors: the dental file, acknowledgment late since 26/09/2026', async () => {
    const { notifications: list } = await noticesOf('supervisor');
    const dental = list.filter((n) => n.body.includes('26/09/2026'));
    expect(dental.map((n) => n.kind)).toContain('reminder.complaint.acknowledgment.overdue');
    expect(dental[0]!.title).toMatch(
      /^Dossier REC-2026-\w{6} : accusé de réception de la réclamation en retard$/,
    );
  });

  it('a handler receives the reminders of his own files: due within 2 days, or overdue', async () => {
    const { notifications: list } = await noticesOf('handler');
    expect(list.length).toBeGreaterThan(0);
    expect(
      list.every((n) => /^reminder\.complaint\.(acknowledgment|answer)\.(due_soon|overdue)$/.test(n.kind)),
    ).toBe(true);
  });

  it('a member is reminded, on his own account only, that his window to seize the mediator closes (L612-2)', async () => {
    const { db } = t.ctx.database;
    const rows = await db
      .select({ userId: notifications.userId, title: notifications.title, body: notifications.body })
      .from(notifications)
      .where(eq(notifications.kind, 'reminder.mediation.referral_window.j15'));
    // The demo file rejected 355 days ago: the one-year window closes within 15 days.
    expect(rows).toHaveLength(1);
    const owner = (await db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, rows[0]!.userId) }))!;
    expect(owner.role).toBe('member');
    expect(owner.email).toMatch(/@demo\.recours\.fr$/);
    expect(rows[0]!.title).toMatch(/un délai se termine dans \d+ jours$/);
    expect(rows[0]!.body).toContain('Saisine du médiateur : Médiateur de la Mutualité Française');
    // The example members' own notifications are their own business: none of them has a deadline this close.
    expect((await noticesOf('member')).notifications).toEqual([]);
  });
});

describe('GET /api/v1/notifications and POST /api/v1/notifications/:id/read', () => {
  it('lists my notifications with the unread count; marks one read; someone else’s is not found', async () => {
    const before = await noticesOf('supervisor');
    expect(before.unread).toBe(before.notifications.length);
    const first = before.notifications[0]!;
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${first.id}/read`,
      headers: as(s.handler!),
    });
    expect(other.statusCode).toBe(404);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${first.id}/read`,
      headers: as(s.supervisor!),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe('2026-11-23T10:00:00.000Z');
    const after = await noticesOf('supervisor');
    expect(after.unread).toBe(before.unread - 1);
    const unreadOnly = await noticesOf('supervisor', '?unread=true');
    expect(unreadOnly.notifications.some((n) => n.id === first.id)).toBe(false);
  });

  it('requires a session, and the CSRF token to mark read', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    const supervisor = (await findUserByEmail(t.ctx.database.db, 'superviseur@demo.recours.fr'))!;
    const [row] = await t.ctx.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, supervisor.id));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${row!.id}/read`,
      headers: { cookie: s.supervisor!.cookie },
    });
    expect(res.statusCode).toBe(403);
  });
});
