import { eq, sql } from 'drizzle-orm';
import { CATEGORY_LABELS } from '../../contracts/categories.ts';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { appendAuditEvents } from '../../db/repositories/audit-batch.ts';
import {
  insertImportedBatch,
  type ProjectedImportedRow,
  projectImportedRow,
} from '../../db/repositories/complaint-import.ts';
import { ensureKpiCalendar } from '../../db/repositories/kpi-calendar.ts';
import { insertUser } from '../../db/repositories/users.ts';
import { dossiers, organisations, users } from '../../db/schema.ts';
import {
  headerErrors,
  type ImportColumn,
  type ImportedComplaint,
  importedFacts,
  importedStatus,
  parseImportLine,
} from '../../domain/register/import-line.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import type { ImportItem } from './read-records.ts';

const BATCH = 1000;
/** The report lists this many wrong lines; the count covers them all. */
const MAX_REPORTED_ERRORS = 1000;
const PREVIEW = 20;

export interface ImportLineError {
  line: number;
  column: ImportColumn | null;
  message: string;
}

export interface ImportReport {
  organisation: { id: string; name: string; created: boolean };
  lines: number;
  imported: number;
  alreadyImported: number;
  invalid: number;
  errors: ImportLineError[];
  errorsTruncated: boolean;
  /** Problems of the file as a whole (header): nothing is read past them. */
  fileErrors: string[];
  preview: (ImportedComplaint & { line: number })[];
  /** True when the lines were saved; false for a preview, or a refusal of the whole file. */
  committed: boolean;
}

export interface ImportOptions {
  /** The organisation by its name (created if absent, kind mutuelle), or by id (admin page). */
  organisation: { name: string } | { id: string };
  skipInvalid: boolean;
  /** A preview: everything is checked and written, then rolled back. */
  dryRun: boolean;
  actorId: string | null;
  now: Date;
}

class Rollback extends Error {}

function slugOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'organisme';
}

async function resolveOrganisation(tx: Db, target: ImportOptions['organisation']) {
  if ('id' in target) {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, target.id)).limit(1);
    if (!org) throw new ImportRefused('Organisme introuvable.');
    return { org, created: false };
  }
  const name = target.name.trim();
  if (!name) throw new ImportRefused('Nom d’organisme vide : indiquez le nom exact de l’organisme.');
  const [found] = await tx
    .select()
    .from(organisations)
    .where(sql`lower(${organisations.name}) = ${name.toLowerCase()}`)
    .limit(1);
  if (found) return { org: found, created: false };
  const base = slugOf(name);
  const taken = await tx
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(sql`${organisations.slug} like ${`${base}%`}`);
  const slugs = new Set(taken.map((t) => t.slug));
  let slug = base;
  for (let i = 2; slugs.has(slug); i++) slug = `${base}-${i}`;
  const [org] = await tx.insert(organisations).values({ name, kind: 'mutuelle', slug }).returning();
  return { org: org!, created: true };
}

/**
 * Imported complaints have no member account on Recours: they hang on one account per organisation that cannot
 * sign in (no password, no identity provider), so that every file still has the member its schema requires.
 */
async function historyMember(tx: Db, org: { id: string; slug: string }): Promise<string> {
  const email = `historique-importe+${org.slug}@recours.invalid`;
  const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (found) return found.id;
  const user = await insertUser(tx, {
    email,
    displayName: 'Adhérent (historique importé)',
    role: 'member',
    passwordHash: null,
  });
  return user.id;
}

/** The whole import refused before any line (unknown organisation, unreadable header). */
export class ImportRefused extends Error {}

/**
 * Imports a register's history (issue 14): every line checked by the pure rule and the deadline engine, saved in
 * batches of 1 000 inside one transaction. All or nothing unless `skipInvalid`; a reference already imported for
 * the organisation is skipped (idempotent); each file gets a `dossier.imported` history event.
 */
export async function importComplaints(
  db: Db,
  items: AsyncIterable<ImportItem>,
  options: ImportOptions,
): Promise<ImportReport> {
  const today = parisDateOf(options.now);
  let report: ImportReport | undefined;
  try {
    await db.transaction(async (tx) => {
      // The trigram index on `reference` answers `=` too (pg_trgm ≥ 1.6), and the planner, which has no statistics
      // on the rows this very transaction wrote, prefers it to the unique B-tree: each batch's lookup then rechecks
      // every file sharing the references' trigrams (26 s per 1 000 references after 16 000 lines, so the import
      // was quadratic: 20 000 lines in 213 s at load 14). Without bitmap scans only the B-tree can answer.
      await tx.execute(sql`set local enable_bitmapscan = off`);
      // The KPI aggregates' insert trigger stands aside; the days touched are rebuilt in one pass before commit.
      await tx.execute(sql`set local recours.kpi_daily_deferred = 'on'`);
      const touchedDays = new Set<string>();
      const { org, created } = await resolveOrganisation(tx, options.organisation);
      const memberId = await historyMember(tx, org);
      const r: ImportReport = {
        organisation: { id: org.id, name: org.name, created },
        lines: 0,
        imported: 0,
        alreadyImported: 0,
        invalid: 0,
        errors: [],
        errorsTruncated: false,
        fileErrors: [],
        preview: [],
        committed: false,
      };
      report = r;
      const seen = new Set<string>();
      const lineErrors = new Set<number>();
      const addError = (e: ImportLineError) => {
        if (!lineErrors.has(e.line)) {
          lineErrors.add(e.line);
          r.invalid += 1;
        }
        if (r.errors.length < MAX_REPORTED_ERRORS) r.errors.push(e);
        else r.errorsTruncated = true;
      };
      let batch: { line: number; complaint: ImportedComplaint; row: ProjectedImportedRow }[] = [];
      const calendarYears = new Set<number>();

      let inFlight: Promise<void> = Promise.resolve();
      const flush = async () => {
        if (batch.length === 0) return;
        const current = batch;
        batch = [];
        const existing = await tx
          .select({ reference: dossiers.reference, organisationId: dossiers.organisationId })
          .from(dossiers)
          .where(
            // One JSON parameter rather than a thousand bind parameters.
            sql`${dossiers.reference} = any(array(select jsonb_array_elements_text(${JSON.stringify(
              current.map((b) => b.complaint.reference),
            )}::jsonb)))`,
          );
        const owner = new Map(existing.map((e) => [e.reference, e.organisationId]));
        const fresh = current.filter(({ line, complaint }) => {
          if (!owner.has(complaint.reference)) return true;
          if (owner.get(complaint.reference) === org.id) r.alreadyImported += 1;
          else {
            addError({
              line,
              column: 'reference',
              message: `Référence « ${complaint.reference} » déjà utilisée par un autre organisme : donnez une référence propre à cet organisme (un préfixe, par exemple).`,
            });
          }
          return false;
        });
        if (fresh.length === 0) return;
        // One JSON parameter expanded by the server: 20 000 bind parameters per batch cost far more than the rows.
        const inserted = await insertImportedBatch(tx, {
          memberId,
          organisation: org,
          now: options.now,
          rows: fresh.map((f) => f.row),
        });
        const lineOf = new Map(fresh.map((f) => [f.complaint.reference, f.line]));
        await appendAuditEvents(
          tx,
          inserted.map((row) => ({
            dossierId: row.id,
            actorId: options.actorId,
            type: 'dossier.imported',
            // Where the file came from, never its words (the text may describe an illness).
            payload: { source: 'import', line: lineOf.get(row.reference) },
            occurredAt: options.now,
          })),
        );
        r.imported += inserted.length;
        for (const f of fresh) touchedDays.add(f.complaint.receivedOn);
      };

      for await (const item of items) {
        if (item.kind === 'header') {
          if (item.columns.length > 0) r.fileErrors.push(...headerErrors(item.columns));
          if (r.fileErrors.length > 0) break;
          continue;
        }
        r.lines += 1;
        if (item.kind === 'error') {
          addError({ line: item.line, column: null, message: item.message });
          continue;
        }
        const parsed = parseImportLine(item.record, today);
        if (!parsed.ok) {
          for (const e of parsed.errors) addError({ line: item.line, ...e });
          continue;
        }
        const c = parsed.value;
        if (seen.has(c.reference)) {
          addError({
            line: item.line,
            column: 'reference',
            message: `Référence « ${c.reference} » en double dans le fichier : chaque réclamation a sa référence.`,
          });
          continue;
        }
        seen.add(c.reference);
        calendarYears.add(Number(c.receivedOn.slice(0, 4)));
        if (r.preview.length < PREVIEW) r.preview.push({ line: item.line, ...c });
        const row = projectImportedRow(
          {
            reference: c.reference,
            category: c.category,
            title: `${CATEGORY_LABELS[c.category]} (${c.product})`,
            description: c.text,
            status: importedStatus(c),
            channel: c.channel,
            facts: importedFacts(c),
            decision: c.outcome ?? null,
            satisfaction_score: c.satisfaction ?? null,
            product: c.product,
            region: c.region,
          },
          org.kind,
          options.now,
        );
        batch.push({ line: item.line, complaint: c, row });
        if (batch.length >= BATCH) {
          // One batch in the database while the next is read and projected (the engine's processor time then
          // overlaps the server's): at most two batches in memory.
          await inFlight;
          inFlight = flush();
          // Handled when awaited above or below; until then a failure must not count as unhandled.
          inFlight.catch(() => undefined);
        }
      }
      await inFlight;
      await flush();
      // A batch's refusals (reference of another organisation) arrive after later lines' own errors.
      r.errors.sort((a, b) => a.line - b.line);
      if (r.fileErrors.length > 0) throw new Rollback();
      const refused = r.invalid > 0 && !options.skipInvalid;
      if (options.dryRun || refused) throw new Rollback();
      if (calendarYears.size > 0) {
        await ensureKpiCalendar(tx, Math.min(...calendarYears), Math.max(...calendarYears) + 1);
      }
      await tx.execute(sql`set local recours.kpi_daily_deferred = 'off'`);
      if (touchedDays.size > 0) {
        await tx.execute(
          sql`select kpi_daily_rebuild_days(${org.id}::uuid, array(select jsonb_array_elements_text(${JSON.stringify(
            [...touchedDays],
          )}::jsonb)::date))`,
        );
      }
      await appendAuditEvent(tx, {
        dossierId: null,
        organisationId: org.id,
        actorId: options.actorId,
        type: 'register.imported',
        payload: {
          organisationId: org.id,
          organisationCreated: created,
          lines: r.lines,
          imported: r.imported,
          alreadyImported: r.alreadyImported,
          skippedInvalid: r.invalid,
        },
        occurredAt: options.now,
      });
      r.committed = true;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (!report) throw new Error('import report missing');
  return report;
}
