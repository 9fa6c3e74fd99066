import { and, eq, isNull } from 'drizzle-orm';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { documentBytes } from '../../db/repositories/dossier-documents.ts';
import { findDossier } from '../../db/repositories/dossiers.ts';
import { findUserById, organisationOf } from '../../db/repositories/users.ts';
import { documents, dossiers, messages, outboundEmails } from '../../db/schema.ts';
import type { AppContext } from '../context.ts';
import { publishChange } from '../live/bus.ts';
import type { Mailer } from '../mail/mailer.ts';
import { dossierSuggestion } from '../shared/triage-suggestion.ts';
import { readDocumentText } from './ocr.ts';

/** Document kinds and files whose text is read: letters, and every piece of a complaint received off-line. */
const READ_KINDS = new Set(['letter_received', 'letter_sent']);

export function wantsOcr(
  document: { kind: string; mimeType: string },
  dossier: { channel: string },
): boolean {
  if (!['application/pdf', 'image/jpeg', 'image/png'].includes(document.mimeType)) return false;
  return READ_KINDS.has(document.kind) || dossier.channel !== 'web';
}

/** The OCR job: reads the text, stores it for search and for the handler to correct, refreshes the triage. */
export async function runDocumentOcr(ctx: AppContext, documentId: string): Promise<void> {
  const { db } = ctx.database;
  const [document] = await db.select().from(documents).where(eq(documents.id, documentId)).limit(1);
  // Read once; never over a handler's correction.
  if (!document || document.ocrCorrectedAt || ['done', 'unsupported'].includes(document.ocrStatus ?? ''))
    return;
  const owner = await findDossier(db, document.dossierId);
  if (!owner || owner.erasedAt || !wantsOcr(document, owner)) return;
  const bytes = await documentBytes(db, document.id);
  if (!bytes) return;
  const outcome = await readDocumentText(bytes, document.mimeType);
  const now = ctx.now();
  await db.transaction(async (tx) => {
    const text = outcome.status === 'done' ? outcome.text : null;
    const [updated] = await tx
      .update(documents)
      .set({ ocrStatus: outcome.status, ocrText: text })
      // A handler's correction made meanwhile wins over the machine.
      .where(and(eq(documents.id, document.id), isNull(documents.ocrCorrectedAt)))
      .returning({ id: documents.id });
    if (!updated) return;
    await appendAuditEvent(tx, {
      dossierId: document.dossierId,
      actorId: null,
      type: 'document.text_read',
      // The size of the text, never the text: the history must hold no health data.
      payload: {
        documentId: document.id,
        status: outcome.status,
        ...(outcome.status === 'done'
          ? { method: outcome.method, pages: outcome.pages, characters: outcome.text.length }
          : {}),
      },
      occurredAt: now,
    });
    const dossier = await findDossier(tx, document.dossierId);
    // A medical piece never feeds the staff's triage (docs/medical-secrecy.md).
    if (text && dossier && dossier.channel !== 'web' && !document.medical) {
      const suggestion = dossierSuggestion(
        {
          title: dossier.title,
          description: `${dossier.description}\n${text}`,
          organisationKind: dossier.organisationKind,
        },
        now,
      );
      await tx
        .update(dossiers)
        .set({ suggestedCategory: suggestion.suggestedCategory })
        .where(eq(dossiers.id, dossier.id));
    }
  });
  publishChange({
    type: 'document.updated',
    dossierId: document.dossierId,
    audience: 'staff',
    id: document.id,
    at: now,
  });
}

/**
 * A staff message on a file received by e-mail leaves by e-mail, reference in the subject, answers to the
 * complaints address so that the member's reply threads back. Once per message (outbound_emails).
 */
export async function sendReplyEmail(ctx: AppContext, mailer: Mailer, messageId: string): Promise<void> {
  const { db } = ctx.database;
  const [message] = await db.select().from(messages).where(eq(messages.id, messageId)).limit(1);
  if (!message || message.internal) return;
  const dossier = await findDossier(db, message.dossierId);
  if (dossier?.channel !== 'email' || dossier.erasedAt || !dossier.organisationId) return;
  if (message.authorId === dossier.memberId) return;
  const [member, organisation] = await Promise.all([
    findUserById(db, dossier.memberId),
    organisationOf(db, dossier.organisationId),
  ]);
  const to = member?.email ?? member?.contactEmail;
  if (!to || !organisation) return;
  const [claimed] = await db
    .insert(outboundEmails)
    .values({ messageId: message.id, dossierId: dossier.id })
    .onConflictDoNothing()
    .returning();
  if (!claimed) return;
  try {
    const sent = await mailer.send({
      to,
      subject: `[${dossier.reference}] ${message.kind === 'document_request' ? 'Pièce demandée pour votre réclamation' : 'Votre réclamation'}`,
      text: [
        message.body,
        '',
        '—',
        `Pour répondre, répondez à cet e-mail en gardant la référence ${dossier.reference} dans l’objet : votre réponse et ses pièces jointes rejoindront votre dossier.`,
      ].join('\n'),
      ...(organisation.complaintsEmail ? { replyTo: organisation.complaintsEmail } : {}),
    });
    await db
      .update(outboundEmails)
      .set({ sentAt: ctx.now(), smtpMessageId: sent.messageId ?? null })
      .where(eq(outboundEmails.messageId, message.id));
  } catch (error) {
    // Give the claim back: pg-boss retries with backoff.
    await db.delete(outboundEmails).where(eq(outboundEmails.messageId, message.id));
    throw error;
  }
}
