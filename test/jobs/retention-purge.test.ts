import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateDossier } from '../../src/db/repositories/dossier-updates.ts';
import { auditEvents, documents, dossiers, notifications, sessions } from '../../src/db/schema.ts';
import { SYSTEM_CHAIN_ID } from '../../src/domain/audit/event-hash.ts';
import { retentionRules } from '../../src/domain/dossiers/retention.ts';
import { jobHandlers } from '../../src/server/jobs/handlers.ts';
import { purgeRetention } from '../../src/server/jobs/retention-purge.ts';
import { createMailer } from '../../src/server/mail/mailer.ts';
import { createJobQueue, type JobQueue } from '../../src/server/shared/job-queue.ts';
import { auditTypes, demoDossiers, loginAll, PDF_BYTES, upload } from '../api/dossier-support.ts';
import { verifyHistory } from '../support/audit.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The clock of the purge: 23/11/2031, five years after the demo's « now » (23/11/2026).
const NOW = new Date('2031-11-23T10:00:00Z');
let t: TestApp;
let s: Awaited<ReturnType<typeof loginAll>>;
let ids: Awaited<ReturnType<typeof demoDossiers>>;
let queue: JobQueue;
let draftId: string;
let dryRun: Awaited<ReturnType<typeof purgeRetention>>;

const line = (report: Awaited<ReturnType<typeof purgeRetention>>, kind: string) =>
  report.lines.find((l) => l.kind === kind)!;

beforeAll(async () => {
  t = await createTestApp();
  s = await loginAll(t);
  ids = demoDossiers(t);
  await upload(t, s.member, ids.crown, { kind: 'invoice' }, { name: 'facture.pdf', bytes: PDF_BYTES });
  await upload(t, s.member, ids.termination, { kind: 'invoice' }, { name: 'facture.pdf', bytes: PDF_BYTES });
  const { db } = t.database;
  await db.transaction(async (tx) => {
    // Closed exactly five years ago (C. civ. art. 2224): due, the end instant included.
    await updateDossier(tx, ids.crown, { status: 'closed', closedAt: new Date('2026-11-23T10:00:00Z') });
    // Closed a day later: kept one more day.
    await updateDossier(tx, ids.termination, {
      status: 'closed',
      closedAt: new Date('2026-11-24T10:00:00Z'),
    });
  });
  const [draft] = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(and(eq(dossiers.status, 'draft'), isNull(dossiers.transmittedAt)))
    .limit(1);
  draftId = draft!.id;
  // A draft untouched for four years (⚠ 3 years).
  await db.transaction((tx) => updateDossier(tx, draftId, { updatedAt: new Date('2027-10-01T00:00:00Z') }));
  // A reminder of an open file, a year old at NOW (⚠ 12 months): deleted; the file itself stays.
  await db.insert(notifications).values({
    userId: s.member2.userId,
    dossierId: ids.glasses,
    kind: 'test',
    title: 'Rappel',
    body: 'Rappel',
    dedupeKey: 'retention-test',
    createdAt: new Date('2030-11-01T00:00:00Z'),
  });
  const queueMailer = createMailer(t.ctx.config, () => {});
  queue = createJobQueue(t.database, jobHandlers({ ...t.ctx, now: () => NOW }, queueMailer), {
    mode: 'manual',
  });
  await queue.start();
});
afterAll(async () => {
  await queue.stop();
  await t.close();
});

describe('the retention purge', () => {
  it('counts what is past its period without changing anything in a dry run (no identifier printed)', async () => {
    const before = await t.database.db.select({ id: documents.id }).from(documents);
    const report = await purgeRetention(t.database.db, NOW, t.ctx.config.retention, { dryRun: true });
    expect(report.dryRun).toBe(true);
    // The demo's other closed files are older than the crown file: all due too.
    expect(line(report, 'closed_dossier')).toMatchObject({ action: 'anonymise', done: 0 });
    expect(line(report, 'closed_dossier').due).toBeGreaterThanOrEqual(1);
    expect(line(report, 'abandoned_draft').due).toBeGreaterThanOrEqual(1);
    expect(line(report, 'dossier_documents').due).toBeGreaterThanOrEqual(1);
    dryRun = report;
    // Every session and notification of the demo is years old at NOW.
    expect(line(report, 'session').due).toBeGreaterThan(0);
    expect(line(report, 'notification').due).toBeGreaterThan(0);
    expect(line(report, 'access_log')).toMatchObject({ action: 'keep', due: null });
    expect(line(report, 'inactive_account')).toMatchObject({ action: 'keep', due: null });
    const text = JSON.stringify(report);
    for (const id of Object.values(ids)) expect(text).not.toContain(id);
    expect(text).not.toContain('Couronne');
    expect(await t.database.db.select({ id: documents.id }).from(documents)).toHaveLength(before.length);
  });

  it('erases what is due in the job, records it in the history without personal data, and leaves the rest', async () => {
    await queue.send('retention-purge', { reason: 'manual' });
    expect(await queue.runOnce('retention-purge')).toBe(1);
    const { db } = t.database;
    // Exactly what the dry run announced.
    const erased = await db.select({ id: dossiers.id }).from(dossiers).where(isNotNull(dossiers.erasedAt));
    expect(erased).toHaveLength(line(dryRun, 'closed_dossier').due! + line(dryRun, 'abandoned_draft').due!);
    const [crown] = await db.select().from(dossiers).where(eq(dossiers.id, ids.crown));
    expect(crown!.erasedAt).not.toBeNull();
    expect(crown!.title).toBe('Dossier effacé');
    expect(await db.select().from(documents).where(eq(documents.dossierId, ids.crown))).toHaveLength(0);
    const [draft] = await db.select().from(dossiers).where(eq(dossiers.id, draftId));
    expect(draft!.erasedAt).not.toBeNull();
    // Closed a day later: nothing touched, its piece kept.
    const [termination] = await db.select().from(dossiers).where(eq(dossiers.id, ids.termination));
    expect(termination!.erasedAt).toBeNull();
    expect(await db.select().from(documents).where(eq(documents.dossierId, ids.termination))).toHaveLength(1);
    // An open file is never due.
    const [glasses] = await db.select().from(dossiers).where(eq(dossiers.id, ids.glasses));
    expect(glasses!.erasedAt).toBeNull();
    expect(await db.select().from(sessions)).toHaveLength(0);
    expect(await db.select().from(notifications)).toHaveLength(0);

    const event = (await auditTypes(t, ids.crown)).find((e) => e.type === 'dossier.retention_applied');
    expect(event?.payload).toMatchObject({
      rule: { kind: 'closed_dossier', amount: 60, unit: 'months' },
      documentsDeleted: 1,
    });
    const platform = await db.select().from(auditEvents).where(eq(auditEvents.chainId, SYSTEM_CHAIN_ID));
    const purged = platform.filter((e) => e.type === 'privacy.retention_purged');
    expect(purged.map((e) => (e.payload as { rule: { kind: string } }).rule.kind).sort()).toEqual([
      'notification',
      'session',
    ]);
    expect(JSON.stringify(purged)).not.toMatch(/@|Camille/);
    // The history still verifies: nothing of it was deleted.
    expect((await verifyHistory(t.database)).ok).toBe(true);
  });

  it('is idempotent: a second run finds nothing more', async () => {
    const events = (await t.database.db.select({ seq: auditEvents.seq }).from(auditEvents)).length;
    const report = await purgeRetention(t.database.db, NOW, t.ctx.config.retention, { dryRun: false });
    for (const l of report.lines) expect(l.done).toBe(0);
    expect(line(report, 'closed_dossier').due).toBe(0);
    expect((await t.database.db.select({ seq: auditEvents.seq }).from(auditEvents)).length).toBe(events);
  });

  it('deletes a closed file’s pieces alone when their period is shorter (RETENTION_DOCUMENT_MONTHS)', async () => {
    const rules = retentionRules({ RETENTION_DOCUMENT_MONTHS: '12' });
    if (!rules.ok) throw new Error(rules.error.message);
    const report = await purgeRetention(t.database.db, NOW, rules.value, { dryRun: false });
    expect(line(report, 'dossier_documents')).toMatchObject({ due: 1, done: 1 });
    expect(line(report, 'closed_dossier').done).toBe(0);
    const { db } = t.database;
    expect(await db.select().from(documents).where(eq(documents.dossierId, ids.termination))).toHaveLength(0);
    const [termination] = await db.select().from(dossiers).where(eq(dossiers.id, ids.termination));
    expect(termination!.erasedAt).toBeNull();
    const event = (await auditTypes(t, ids.termination)).find((e) => e.type === 'dossier.retention_applied');
    expect(event?.payload).toMatchObject({
      rule: { kind: 'dossier_documents', amount: 12 },
      documentsDeleted: 1,
    });
    expect((await verifyHistory(t.database)).ok).toBe(true);
  });
});
