import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { updateDossier } from '../../db/repositories/dossier-updates.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import {
  filesAround,
  memberKnownTo,
  moveFileContents,
  moveMemberFiles,
} from '../../db/repositories/intake.ts';
import { findUserById, type UserRow } from '../../db/repositories/users.ts';
import { documents, dossiers, users } from '../../db/schema.ts';
import { audienceOf } from '../../domain/dossiers/permissions.ts';
import { type ComplaintSketch, duplicateCandidates, earliestDate } from '../../domain/intake/duplicates.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { logRead, readableDossier } from '../shared/dossier-access.ts';
import { medicalRefusal } from '../shared/medical-marks.ts';
import { logMedicalRead, medicalAccessOf } from '../shared/medical-reads.ts';
import { CLAIM_CODE_DAYS, claimCodeHash, newClaimCode, normaliseMemberNumber } from './member-records.ts';
import { requireHandlingStaff } from './staff.ts';

type Facts = { complaintSentOn?: string; complaintReceivedOn?: string } & Record<string, unknown>;

function receivedOnOf(row: { facts: unknown; createdAt: Date }): string {
  const facts = (row.facts ?? {}) as Facts;
  return facts.complaintReceivedOn ?? facts.complaintSentOn ?? parisDateOf(row.createdAt);
}

/** The organisation's own staff reading the intake of a file (the member sees his file, not this panel). */
async function staffReadable(ctx: AppContext, user: UserRow, dossierId: string) {
  const dossier = await readableDossier(ctx.database.db, user, dossierId);
  if (audienceOf(actorOf(user), dossier).kind !== 'staff') {
    throw new AppError('FORBIDDEN', 'Réservé aux équipes de l’organisme.');
  }
  return dossier;
}

export async function intakeOf(ctx: AppContext, user: UserRow, dossierId: string) {
  const dossier = await staffReadable(ctx, user, dossierId);
  const { db } = ctx.database;
  await logRead(db, ctx, user, dossier.id, 'intake');
  const [member, recordedBy, mergedInto] = await Promise.all([
    findUserById(db, dossier.memberId),
    dossier.recordedById ? findUserById(db, dossier.recordedById) : undefined,
    dossier.mergedIntoId
      ? db
          .select({ id: dossiers.id, reference: dossiers.reference })
          .from(dossiers)
          .where(eq(dossiers.id, dossier.mergedIntoId))
      : undefined,
  ]);
  const mergedFrom = await db
    .select({ id: dossiers.id, reference: dossiers.reference })
    .from(dossiers)
    .where(eq(dossiers.mergedIntoId, dossier.id))
    .orderBy(asc(dossiers.createdAt))
    .limit(20);
  return {
    dossier,
    member: member
      ? {
          id: member.id,
          displayName: member.displayName,
          email: member.email ?? member.contactEmail,
          phone: member.phone,
          memberNumber: member.memberNumber ?? dossier.memberNumber,
          hasAccount: member.email !== null,
        }
      : undefined,
    recordedBy: recordedBy ? { id: recordedBy.id, displayName: recordedBy.displayName } : null,
    mergedInto: mergedInto?.[0] ?? null,
    mergedFrom,
  };
}

export async function duplicatesOf(ctx: AppContext, user: UserRow, dossierId: string) {
  const dossier = await staffReadable(ctx, user, dossierId);
  if (!dossier.organisationId || dossier.mergedIntoId) return [];
  const window = 60 * 86_400_000;
  const rows = await filesAround(
    ctx.database.db,
    dossier.memberId,
    dossier.organisationId,
    new Date(dossier.createdAt.getTime() - window),
    new Date(dossier.createdAt.getTime() + window),
  );
  const sketch = (r: (typeof rows)[number]): ComplaintSketch => ({
    id: r.id,
    memberId: r.memberId,
    organisationId: r.organisationId,
    receivedOn: receivedOnOf(r),
    category: r.category,
    amountCents: r.amountCents,
    text: `${r.title}\n${r.description}`,
  });
  const self = sketch({ ...dossier, organisationId: dossier.organisationId });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return duplicateCandidates(self, rows.map(sketch)).map((c) => {
    const r = byId.get(c.id)!;
    return {
      ...c,
      reference: r.reference,
      title: r.title,
      channel: r.channel,
      status: r.status,
      receivedOn: receivedOnOf(r),
    };
  });
}

/**
 * Merges a duplicate into the file that stays: its pieces, messages, contacts and letters move; its own
 * history stays with it, closed and pointing to the other; the clocks run from the earlier date (the first
 * time the dissatisfaction reached the organisation, ACPR 2024-R-02).
 */
export async function mergeDossier(ctx: AppContext, user: UserRow, duplicateId: string, intoId: string) {
  if (duplicateId === intoId) {
    throw new AppError('VALIDATION', 'Choisissez un autre dossier que celui-ci.', 'intoId');
  }
  const now = ctx.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    // Lock both rows in a fixed order: two handlers merging crosswise wait instead of deadlocking.
    const locked = await tx
      .select()
      .from(dossiers)
      .where(inArray(dossiers.id, [duplicateId, intoId]))
      .orderBy(asc(dossiers.id))
      .for('update');
    const duplicate = locked.find((d) => d.id === duplicateId);
    const into = locked.find((d) => d.id === intoId);
    const actor = actorOf(user);
    const visible = (d: DossierRow | undefined) => d && audienceOf(actor, d).kind === 'staff';
    if (!visible(duplicate))
      throw new AppError('NOT_FOUND', 'Dossier introuvable, ou vous n’y avez pas accès.');
    requireHandlingStaff(user);
    if (!visible(into)) {
      throw new AppError('VALIDATION', 'Dossier à conserver introuvable dans votre registre.', 'intoId', 422);
    }
    const a = duplicate!;
    const b = into!;
    if (a.mergedIntoId || b.mergedIntoId) {
      throw new AppError('CONFLICT', 'L’un des deux dossiers a déjà été fusionné.');
    }
    if (a.memberId !== b.memberId) {
      throw new AppError(
        'CONFLICT',
        'Les deux dossiers ne concernent pas le même adhérent : ils ne peuvent pas être fusionnés.',
      );
    }
    if (a.erasedAt || b.erasedAt) {
      throw new AppError(
        'CONFLICT',
        'Les données de l’un des dossiers ont été effacées : fusion impossible.',
      );
    }
    const fa = (a.facts ?? {}) as Facts;
    const fb = (b.facts ?? {}) as Facts;
    const facts: Facts = { ...fb };
    const sent = earliestDate(fa.complaintSentOn, fb.complaintSentOn);
    const received = earliestDate(fa.complaintReceivedOn, fb.complaintReceivedOn);
    if (sent) facts.complaintSentOn = sent;
    if (received) facts.complaintReceivedOn = received;
    await moveFileContents(tx, a.id, b.id);
    await updateDossier(tx, b.id, { facts, updatedAt: now });
    // Through the repository: closing the duplicate moves its deadline projection too.
    await updateDossier(tx, a.id, { mergedIntoId: b.id, status: 'closed', closedAt: now, updatedAt: now });
    await appendAuditEvent(tx, {
      dossierId: a.id,
      actorId: user.id,
      type: 'dossier.merged',
      payload: { into: b.id, before: { status: a.status }, after: { status: 'closed' } },
      occurredAt: now,
    });
    await appendAuditEvent(tx, {
      dossierId: b.id,
      actorId: user.id,
      type: 'dossier.merged',
      payload: {
        from: a.id,
        before: {
          facts: { complaintSentOn: fb.complaintSentOn, complaintReceivedOn: fb.complaintReceivedOn },
        },
        after: { facts: { complaintSentOn: sent, complaintReceivedOn: received } },
      },
      occurredAt: now,
    });
    return { kept: b.id, closed: a.id };
  });
  publishChange({ type: 'status.changed', dossierId: result.closed, audience: 'all', at: now });
  publishChange({ type: 'facts.updated', dossierId: result.kept, audience: 'all', at: now });
  return result;
}

/**
 * « À identifier »: the handler says who wrote. Either the sender is indeed a new member (confirm, with his
 * member number), or he is a member already known: the file and the sender's record join that member.
 */
export async function identifyMember(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  input: {
    memberId?: string | undefined;
    memberNumber?: string | undefined;
    displayName?: string | undefined;
  },
) {
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const dossier = await readableDossier(tx, user, dossierId);
    if (audienceOf(actorOf(user), dossier).kind !== 'staff')
      throw new AppError('FORBIDDEN', 'Réservé à l’organisme.');
    requireHandlingStaff(user);
    const sender = await findUserById(tx, dossier.memberId);
    if (input.memberId && input.memberId !== dossier.memberId) {
      const member = await memberKnownTo(tx, dossier.organisationId!, input.memberId);
      if (!member) {
        throw new AppError(
          'VALIDATION',
          'Adhérent introuvable dans votre registre : recherchez-le à nouveau.',
          'memberId',
          422,
        );
      }
      // Only a record without an account is absorbed: an account holder's files are his to keep.
      if (sender && sender.email === null && sender.recordedByOrganisationId === dossier.organisationId) {
        const moved = await moveMemberFiles(tx, sender.id, member.id);
        await tx
          .update(users)
          .set({ claimedById: member.id, claimCodeHash: null })
          .where(eq(users.id, sender.id));
        if (!member.contactEmail && !member.email && sender.contactEmail) {
          await tx.update(users).set({ contactEmail: sender.contactEmail }).where(eq(users.id, member.id));
        }
        for (const m of moved) {
          await appendAuditEvent(tx, {
            dossierId: m.id,
            actorId: user.id,
            type: 'dossier.identified',
            payload: { before: { memberId: sender.id }, after: { memberId: member.id } },
            occurredAt: now,
          });
        }
      } else {
        await tx.update(dossiers).set({ memberId: member.id }).where(eq(dossiers.id, dossier.id));
        await appendAuditEvent(tx, {
          dossierId: dossier.id,
          actorId: user.id,
          type: 'dossier.identified',
          payload: { before: { memberId: dossier.memberId }, after: { memberId: member.id } },
          occurredAt: now,
        });
      }
    } else {
      if (sender && sender.email === null && (input.memberNumber || input.displayName)) {
        await tx
          .update(users)
          .set({
            ...(input.memberNumber ? { memberNumber: normaliseMemberNumber(input.memberNumber) } : {}),
            ...(input.displayName ? { displayName: input.displayName.trim() } : {}),
          })
          .where(eq(users.id, sender.id));
      }
      await appendAuditEvent(tx, {
        dossierId: dossier.id,
        actorId: user.id,
        type: 'dossier.identified',
        payload: { after: { memberId: dossier.memberId, confirmed: true } },
        occurredAt: now,
      });
    }
    await tx
      .update(dossiers)
      .set({ identificationPending: false, updatedAt: now })
      .where(eq(dossiers.id, dossier.id));
  });
  publishChange({ type: 'status.changed', dossierId, audience: 'all', at: now });
}

/** A new claim code for a member record (the old one stops working); shown once, to give to the member. */
export async function renewClaimCode(ctx: AppContext, user: UserRow, memberId: string) {
  requireHandlingStaff(user);
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const member = await memberKnownTo(tx, user.organisationId!, memberId);
    if (!member || member.email !== null || member.recordedByOrganisationId !== user.organisationId) {
      throw new AppError(
        'NOT_FOUND',
        'Fiche introuvable, ou l’adhérent a déjà un compte : il voit ses dossiers dans son espace.',
      );
    }
    const code = newClaimCode();
    const expiresAt = new Date(now.getTime() + CLAIM_CODE_DAYS * 86_400_000);
    await tx
      .update(users)
      .set({ claimCodeHash: claimCodeHash(code), claimCodeExpiresAt: expiresAt })
      .where(eq(users.id, member.id));
    await appendAuditEvent(tx, {
      dossierId: null,
      organisationId: user.organisationId,
      actorId: user.id,
      type: 'member.claim_code_renewed',
      payload: { memberId: member.id },
      occurredAt: now,
    });
    return { code, expiresAt };
  });
}

export interface DocumentText {
  status: 'pending' | 'done' | 'failed' | 'unsupported' | null;
  text: string | null;
  correctedAt: string | null;
}

async function documentOf(db: Db, dossierId: string, documentId: string) {
  const [row] = await db
    .select({
      id: documents.id,
      medical: documents.medical,
      ocrStatus: documents.ocrStatus,
      ocrText: documents.ocrText,
      ocrCorrectedAt: documents.ocrCorrectedAt,
    })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.dossierId, dossierId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Pièce introuvable dans ce dossier.');
  return row;
}

export async function readDocumentTextOf(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  documentId: string,
): Promise<DocumentText> {
  return ctx.database.db.transaction(async (tx) => {
    const dossier = await readableDossier(tx, user, dossierId);
    const row = await documentOf(tx, dossier.id, documentId);
    // The text of a medical piece is its content: medical secrecy (C. santé publ. L1110-4, docs/medical-secrecy.md).
    if (row.medical && medicalAccessOf(user, dossier) !== 'content') throw medicalRefusal();
    await logRead(tx, ctx, user, dossier.id, 'document_text', { documentId });
    if (row.medical) await logMedicalRead(tx, ctx, user, dossier.id, 'document_text', [row.id]);
    return {
      status: row.ocrStatus,
      text: row.ocrText,
      correctedAt: row.ocrCorrectedAt?.toISOString() ?? null,
    };
  });
}

/** The handler corrects what the OCR read; the correction is searchable and never overwritten by a re-read. */
export async function correctDocumentText(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  documentId: string,
  text: string,
) {
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const dossier = await readableDossier(tx, user, dossierId);
    if (audienceOf(actorOf(user), dossier).kind !== 'staff')
      throw new AppError('FORBIDDEN', 'Réservé à l’organisme.');
    requireHandlingStaff(user);
    const row = await documentOf(tx, dossier.id, documentId);
    if (row.medical && medicalAccessOf(user, dossier) !== 'content') throw medicalRefusal();
    await tx
      .update(documents)
      .set({ ocrText: text, ocrStatus: 'done', ocrCorrectedAt: now })
      .where(eq(documents.id, row.id));
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: user.id,
      type: 'document.text_corrected',
      payload: { documentId: row.id, characters: text.length },
      occurredAt: now,
    });
  });
  publishChange({ type: 'document.updated', dossierId, audience: 'staff', id: documentId, at: now });
  return readDocumentTextOf(ctx, user, dossierId, documentId);
}
