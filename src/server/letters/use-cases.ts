import type { DecisionOutcome } from '../../contracts/decision-outcomes.ts';
import type { StoredFacts } from '../../contracts/facts.ts';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent, logAuditEvent } from '../../db/repositories/audit.ts';
import { updateDossier } from '../../db/repositories/dossier-updates.ts';
import { type DossierRow, findDossier } from '../../db/repositories/dossiers.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { dossiers } from '../../db/schema.ts';
import { medicalAccess } from '../../domain/access/medical.ts';
import { canReadDossier } from '../../domain/access/policy.ts';
import { computeDeadlines } from '../../domain/deadlines/engine.ts';
import { statusAfterFacts } from '../../domain/dossiers/facts.ts';
import { documentForReader, medicalPiecesRead } from '../../domain/dossiers/medical-pieces.ts';
import { draftLetter, letterFromText, letterText, withEditedText } from '../../domain/letters/draft.ts';
import { type MediationChecks, mediationChecks, mediatorOf } from '../../domain/letters/mediation-checks.ts';
import { letterWriteRefusal } from '../../domain/letters/permissions.ts';
import {
  type Letter,
  type LetterDossier,
  type LetterOptionsInput,
  type LetterType,
  letterDossierSchema,
} from '../../domain/letters/schema.ts';
import { factsAfterSending } from '../../domain/letters/sent.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import type { DomainError } from '../../domain/shared/result.ts';
import { firstIssue } from '../../domain/shared/zod-issues.ts';
import type { BundleDocument } from '../../pdf/bundle.ts';
import { renderLetterPdf } from '../../pdf/letter.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { logMedicalRead } from '../shared/medical-reads.ts';
import { letterDossierOf } from './dossier-json.ts';
import {
  documentsWithBytes,
  findLetter,
  insertLetter,
  type LetterRow,
  latestLetterOfType,
  listLetters,
  markSent,
  userById,
} from './repository.ts';

/** A malformed field → 400; a file that does not allow this letter (missing fact, wrong organisation…) → 422. */
function domainError(error: DomainError): AppError {
  return new AppError(error.code, error.message, error.field, error.code === 'invalid_input' ? 400 : 422);
}

const notFound = () => new AppError('NOT_FOUND', 'Dossier introuvable, ou vous n’y avez pas accès.');

/** A file the user may read, its reading logged with the part read (RGPD art. 9: health data). */
async function readDossier(ctx: AppContext, user: UserRow, id: string, part: string, extra: object = {}) {
  const { db } = ctx.database;
  const dossier = await findDossier(db, id);
  if (!dossier || !canReadDossier(actorOf(user), dossier)) throw notFound();
  await logAuditEvent(db, {
    dossierId: dossier.id,
    actorId: user.id,
    type: 'dossier.viewed',
    payload: { role: user.role, part, ...extra },
    occurredAt: ctx.now(),
  });
  return dossier;
}

/** A file the user may see (404 otherwise) and write this type of letter in (403 otherwise). */
async function writableForLetter(db: Db, user: UserRow, id: string, type: LetterType) {
  const dossier = await findDossier(db, id);
  if (!dossier || !canReadDossier(actorOf(user), dossier)) throw notFound();
  const refusal = letterWriteRefusal(actorOf(user), dossier, type);
  if (refusal) throw new AppError(refusal.code, refusal.message, refusal.field);
  if (dossier.erasedAt) {
    throw new AppError(
      'CONFLICT',
      'Les données personnelles de ce dossier ont été effacées à la demande de l’adhérent : aucun courrier ne peut plus en être tiré.',
    );
  }
  return dossier;
}

async function parsedDossier(
  db: Db,
  dossier: DossierRow,
  now: Date,
  extras: Parameters<typeof letterDossierOf>[3],
): Promise<LetterDossier> {
  const input = await letterDossierOf(db, dossier, now, extras);
  const parsed = letterDossierSchema.safeParse(input);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    const field = issue.path.map(String).join('.');
    throw new AppError(
      'INCOMPLETE_DOSSIER',
      `Le dossier ne permet pas de rédiger un courrier : « ${field} » ${issue.message}`,
      field,
      422,
    );
  }
  return parsed.data;
}

export interface DraftRequest {
  type: LetterType;
  options?: LetterOptionsInput | undefined;
  shortfalls?: { sentence: string; amountCents: number }[] | undefined;
  subject?: string | undefined;
  bodyText?: string | undefined;
}

/** The letter as drafted from the file, with the caller's edits applied (subject, text). */
function composeLetter(d: LetterDossier, request: DraftRequest): Letter {
  const drafted = draftLetter(request.type, d, request.options ?? {});
  const edited = request.subject !== undefined || request.bodyText !== undefined;
  if (!drafted.ok) {
    // A letter that cannot be drafted from the file may still be written by hand (subject and text given).
    if (request.subject !== undefined && request.bodyText !== undefined) {
      const own = letterFromText(request.type, d, { subject: request.subject, bodyText: request.bodyText });
      if (!own.ok) throw domainError(own.error);
      return own.value;
    }
    throw domainError(drafted.error);
  }
  if (!edited) return drafted.value;
  const text = letterText(drafted.value);
  const result = withEditedText(
    drafted.value,
    { subject: request.subject ?? text.subject, bodyText: request.bodyText ?? text.bodyText },
    mediatorOf(d),
  );
  if (!result.ok) throw domainError(result.error);
  return result.value;
}

export async function previewLetter(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  request: DraftRequest,
) {
  const { db } = ctx.database;
  const dossier = await writableForLetter(db, user, dossierId, request.type);
  const d = await parsedDossier(db, dossier, ctx.now(), { shortfalls: request.shortfalls, author: user });
  const letter = composeLetter(d, request);
  await logAuditEvent(db, {
    dossierId: dossier.id,
    actorId: user.id,
    type: 'dossier.viewed',
    payload: { role: user.role, part: 'letter_preview', letterType: request.type },
    occurredAt: ctx.now(),
  });
  return { letter, text: letterText(letter) };
}

export function pdfUrlOf(row: Pick<LetterRow, 'id' | 'dossierId'>) {
  return `/api/v1/dossiers/${row.dossierId}/letters/${row.id}/pdf`;
}

/** Drafts (or takes the edited text), stores the final text and its audit event in one transaction. */
export async function createLetter(ctx: AppContext, user: UserRow, dossierId: string, request: DraftRequest) {
  const { db } = ctx.database;
  const dossier = await writableForLetter(db, user, dossierId, request.type);
  const d = await parsedDossier(db, dossier, ctx.now(), { shortfalls: request.shortfalls, author: user });
  const letter = composeLetter(d, request);
  const text = letterText(letter);
  const now = ctx.now();
  const row = await db.transaction(async (tx) => {
    const stored = await insertLetter(tx, {
      dossierId: dossier.id,
      type: request.type,
      subject: text.subject,
      body: text.bodyText,
      createdById: user.id,
      createdAt: now,
    });
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: user.id,
      type: 'letter.created',
      payload: {
        letterId: stored.id,
        letterType: request.type,
        edited: request.subject !== undefined || request.bodyText !== undefined,
      },
      occurredAt: now,
    });
    return stored;
  });
  return { row, letter };
}

export async function listDossierLetters(ctx: AppContext, user: UserRow, dossierId: string) {
  const dossier = await readDossier(ctx, user, dossierId, 'letters');
  return listLetters(ctx.database.db, dossier.id);
}

async function storedLetter(ctx: AppContext, dossier: DossierRow, row: LetterRow): Promise<Letter> {
  const { db } = ctx.database;
  const author = await userById(db, row.createdById);
  const d = await parsedDossier(db, dossier, ctx.now(), { today: parisDateOf(row.createdAt), author });
  const letter = letterFromText(row.type as LetterType, d, { subject: row.subject, bodyText: row.body });
  if (!letter.ok) throw domainError(letter.error);
  return letter.value;
}

/** The stored letter as a PDF, from its final text; the reading is logged. */
export async function letterPdf(ctx: AppContext, user: UserRow, dossierId: string, letterId: string) {
  const dossier = await readDossier(ctx, user, dossierId, 'letter_pdf', { letterId });
  const row = await findLetter(ctx.database.db, dossier.id, letterId);
  if (!row) throw new AppError('NOT_FOUND', 'Courrier introuvable dans ce dossier.', 'letterId');
  const letter = await storedLetter(ctx, dossier, row);
  return { row, pdf: await renderLetterPdf(letter) };
}

export interface SentRequest {
  sentOn: string;
  sendingMethod: 'recommande_ar' | 'lettre_simple' | 'email' | 'remise_main';
  registeredNumber?: string | null | undefined;
  answerOutcome?: DecisionOutcome | undefined;
}

/** Records how and when a letter left, and the fact it starts (validated by the deadline engine), in one go. */
export async function markLetterSent(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  letterId: string,
  request: SentRequest,
) {
  const { db } = ctx.database;
  const existing = await findDossier(db, dossierId);
  if (!existing || !canReadDossier(actorOf(user), existing)) throw notFound();
  const row = await findLetter(db, existing.id, letterId);
  if (!row) throw new AppError('NOT_FOUND', 'Courrier introuvable dans ce dossier.', 'letterId');
  const type = row.type as LetterType;
  const dossier = await writableForLetter(db, user, dossierId, type);
  if (row.sentOn) {
    throw new AppError('CONFLICT', `Ce courrier est déjà marqué comme envoyé (le ${row.sentOn}).`, 'sentOn');
  }
  if (request.sendingMethod === 'recommande_ar' && !request.registeredNumber?.trim()) {
    throw new AppError(
      'VALIDATION',
      'Indiquez le numéro du recommandé (il figure sur la preuve de dépôt) : il prouve la date d’envoi.',
      'registeredNumber',
    );
  }
  const today = parisDateOf(ctx.now());
  const facts = dossier.facts ?? {};
  const outcome = request.answerOutcome ?? dossier.decision ?? undefined;
  const { patch, explanation } = factsAfterSending(type, request.sentOn, facts, { answerOutcome: outcome });
  const merged = { ...facts, ...patch } as StoredFacts;
  const check = computeDeadlines({
    context: { organisationType: dossier.organisationKind, zone: dossier.zone, today },
    facts: merged,
  });
  if (!check.ok) {
    const touched = check.error.field && Object.keys(patch).some((k) => check.error.field === `facts.${k}`);
    throw new AppError(check.error.code, check.error.message, touched ? 'sentOn' : check.error.field, 422);
  }
  const now = ctx.now();
  const recorded = Object.entries(patch).map(([field, value]) => ({ field, value }));
  const updated = await db.transaction(async (tx) => {
    const letter = await markSent(tx, row.id, {
      sentOn: request.sentOn,
      sendingMethod: request.sendingMethod,
      registeredNumber: request.registeredNumber?.trim() || null,
    });
    if (recorded.length) {
      const status = statusAfterFacts(dossier.status, merged);
      // Through the repository: the deadline projection follows the new facts (issue 12).
      await updateDossier(tx, dossier.id, { facts: merged, status, updatedAt: now });
    }
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: user.id,
      type: 'letter.sent',
      payload: {
        letterId: row.id,
        letterType: type,
        sentOn: request.sentOn,
        sendingMethod: request.sendingMethod,
        facts: recorded.map((r) => ({
          field: r.field,
          before: facts[r.field as keyof StoredFacts] ?? null,
          after: r.value,
        })),
      },
      occurredAt: now,
    });
    return letter;
  });
  return { letter: updated, recorded, explanation };
}

async function bundleParts(
  ctx: AppContext,
  dossier: DossierRow,
  medicalPieces: 'include' | 'exclude' = 'exclude',
) {
  const { db } = ctx.database;
  const d = await parsedDossier(db, dossier, ctx.now(), { medicalPieces });
  const checks = mediationChecks(d);
  if (!checks.ok) throw domainError(checks.error);
  return { d, checks: checks.value };
}

export async function mediationBundleChecks(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
): Promise<MediationChecks> {
  const dossier = await readDossier(ctx, user, dossierId, 'mediation_checks');
  return (await bundleParts(ctx, dossier)).checks;
}

/**
 * The mediation file: the stored referral letter (or a fresh draft), summary, chronology and documents. Medical
 * pieces go in under a « pli confidentiel » cover for those who may read them (the member, the mediator); for the
 * organisation's other staff they are listed with their date and holder, their bytes never loaded (L1110-4).
 */
export async function mediationBundle(ctx: AppContext, user: UserRow, dossierId: string) {
  const { db } = ctx.database;
  const dossier = await findDossier(db, dossierId);
  if (!dossier || !canReadDossier(actorOf(user), dossier)) throw notFound();
  const access = medicalAccess(actorOf(user), dossier);
  const withMedical = access === 'content';
  const { d, checks } = await bundleParts(ctx, dossier, withMedical ? 'include' : 'exclude');
  const stored = await latestLetterOfType(db, dossier.id, 'saisine_mediateur');
  let letter: Letter;
  if (stored) letter = await storedLetter(ctx, dossier, stored);
  else {
    const drafted = draftLetter('saisine_mediateur', d);
    if (!drafted.ok) throw domainError(drafted.error);
    letter = drafted.value;
  }
  const rows = await documentsWithBytes(db, dossier.id, { withMedical });
  const documents: BundleDocument[] = rows.map((r) => {
    const seen = documentForReader(access, { ...r, fileName: r.fileName });
    return {
      title: seen.title,
      kind: r.kind,
      date: r.documentDate ?? undefined,
      fileName: seen.fileName,
      mimeType: r.mimeType,
      bytes: r.bytes ?? new Uint8Array(),
      medical: r.medical,
      withheld: seen.withheld,
    };
  });
  // pdf-lib and fontkit, imported at the first bundle rather than when the server starts (docs/performance.md).
  const { renderMediationBundle } = await import('../../pdf/bundle.ts');
  const pdf = await renderMediationBundle({ letter, dossier: d, checks, documents });
  // The reading and the medical pieces it contains, in one transaction, before the file leaves.
  await db.transaction(async (tx) => {
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: user.id,
      type: 'dossier.viewed',
      payload: { role: user.role, part: 'mediation_bundle' },
      occurredAt: ctx.now(),
    });
    await logMedicalRead(tx, ctx, user, dossier.id, 'mediation_bundle', medicalPiecesRead(access, rows));
  });
  return { pdf, checks, reference: dossier.reference };
}
