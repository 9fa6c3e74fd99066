import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { staffOf } from '../../db/repositories/dossier-notifications.ts';
import { updateDossier } from '../../db/repositories/dossier-updates.ts';
import {
  answerMedicalOpinion,
  insertMedicalOpinion,
  listMedicalOpinions,
  lockMedicalOpinion,
  type MedicalOpinionRow,
  medicalQueuePage,
  type QueueCursor,
} from '../../db/repositories/medical-opinions.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import {
  canGiveMedicalOpinion,
  canReadMedicalQueue,
  canRequestMedicalOpinion,
} from '../../domain/access/medical.ts';
import { canAnswer, type OpinionConclusion, opinionFor } from '../../domain/dossiers/medical-opinion.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { erasedConflict, readableDossier } from '../shared/dossier-access.ts';
import { readPartWithMedical } from '../shared/medical-reads.ts';
import { notifyInTransaction, queueEmails } from '../shared/notify.ts';

/**
 * The medical adviser's work (issue 18): a handler asks for an opinion, the adviser answers with a conclusion, a
 * summary for the handler and a medical detail kept under secrecy. Nothing here changes the file's status or its
 * facts: the answer deadlines run on while the adviser works (ACPR 2024-R-02).
 */
export async function requestMedicalOpinion(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  question: string,
) {
  const now = ctx.now();
  const { opinion, notificationIds } = await ctx.database.db.transaction(async (tx) => {
    const dossier = await readableDossier(tx, user, dossierId);
    if (!canRequestMedicalOpinion(actorOf(user), dossier)) {
      throw new AppError(
        'FORBIDDEN',
        'Seuls les conseillers et superviseurs de l’organisme demandent l’avis du médecin-conseil.',
      );
    }
    if (dossier.erasedAt) throw erasedConflict();
    const opinion = await insertMedicalOpinion(tx, {
      dossierId: dossier.id,
      organisationId: dossier.organisationId!,
      requestedById: user.id,
      question,
      requestedAt: now,
    });
    await updateDossier(tx, dossier.id, { updatedAt: now });
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: user.id,
      type: 'medical_opinion.requested',
      payload: { opinionId: opinion.id },
      occurredAt: now,
    });
    const advisers = await staffOf(tx, dossier.organisationId!, ['medical_adviser']);
    const notificationIds = await notifyInTransaction(
      tx,
      advisers.map((a) => ({
        userId: a.id,
        dossierId: dossier.id,
        kind: 'medical_opinion_requested',
        title: `Avis médical demandé — dossier ${dossier.reference}`,
        body: 'Un conseiller demande votre avis sur ce dossier : il figure dans votre file d’avis médicaux.',
        dedupeKey: `medical-opinion:${opinion.id}:${a.id}`,
        createdAt: now,
      })),
    );
    return { opinion, notificationIds };
  });
  await queueEmails(ctx, notificationIds);
  publishChange({ type: 'medical_opinion.requested', dossierId, audience: 'staff', id: opinion.id, at: now });
  return opinion;
}

/** Every opinion of the file; the medical detail only to those who may read it, its reading in the history. */
export async function readMedicalOpinions(ctx: AppContext, user: UserRow, dossierId: string) {
  const { value } = await readPartWithMedical(
    ctx,
    user,
    dossierId,
    'medical_opinions',
    async (tx, _dossier, access) => {
      const rows = await listMedicalOpinions(tx, dossierId);
      return {
        value: rows.map((r) => opinionFor(access, r)),
        medicalRead: access === 'content' ? rows.filter((r) => r.medicalDetail).map((r) => r.id) : [],
      };
    },
  );
  return value;
}

export interface OpinionAnswer {
  conclusion: OpinionConclusion;
  summary: string;
  medicalDetail?: string | undefined;
}

export async function answerOpinion(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  opinionId: string,
  answer: OpinionAnswer,
) {
  const now = ctx.now();
  const { row, notificationIds } = await ctx.database.db.transaction(async (tx) => {
    const dossier = await readableDossier(tx, user, dossierId);
    if (!canGiveMedicalOpinion(actorOf(user), dossier)) {
      throw new AppError('FORBIDDEN', 'Seul le médecin-conseil de l’organisme rend un avis médical.');
    }
    if (dossier.erasedAt) throw erasedConflict();
    const opinion = await lockMedicalOpinion(tx, dossier.id, opinionId);
    if (!opinion) throw new AppError('NOT_FOUND', 'Demande d’avis introuvable dans ce dossier.');
    if (!canAnswer(opinion)) {
      throw new AppError(
        'CONFLICT',
        'Cet avis a déjà été rendu. Pour le compléter, le conseiller fait une nouvelle demande.',
      );
    }
    const row = await answerMedicalOpinion(tx, opinion.id, {
      adviserId: user.id,
      conclusion: answer.conclusion,
      summary: answer.summary,
      medicalDetail: answer.medicalDetail?.trim() ? answer.medicalDetail.trim() : null,
      answeredAt: now,
    });
    await updateDossier(tx, dossier.id, { updatedAt: now });
    // The conclusion is the organisation's to know; the medical detail never enters the chain.
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: user.id,
      type: 'medical_opinion.given',
      payload: { opinionId: row.id, conclusion: row.conclusion, medicalDetail: row.medicalDetail !== null },
      occurredAt: now,
    });
    const notificationIds = await notifyInTransaction(tx, [
      {
        userId: opinion.requestedById,
        dossierId: dossier.id,
        kind: 'medical_opinion_given',
        title: `Avis du médecin-conseil rendu — dossier ${dossier.reference}`,
        body: 'Le médecin-conseil a rendu son avis : sa conclusion figure dans le dossier.',
        dedupeKey: `medical-opinion-given:${opinion.id}`,
        createdAt: now,
      },
    ]);
    return { row, notificationIds };
  });
  await queueEmails(ctx, notificationIds);
  publishChange({ type: 'medical_opinion.given', dossierId, audience: 'staff', id: row.id, at: now });
  return opinionFor('content', row);
}

export interface QueueQuery {
  status: MedicalOpinionRow['status'];
  after?: QueueCursor | undefined;
  limit: number;
}

/** The adviser's queue: his organisation's requests, oldest first, one page at a time. */
export async function medicalQueue(ctx: AppContext, user: UserRow, query: QueueQuery) {
  if (!canReadMedicalQueue(actorOf(user))) {
    throw new AppError(
      'FORBIDDEN',
      'La file des avis médicaux est réservée au médecin-conseil de l’organisme.',
    );
  }
  const rows = await medicalQueuePage(
    ctx.database.db,
    user.organisationId!,
    query.status,
    query.after ?? null,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next =
    rows.length > query.limit && last ? { requestedAt: last.opinion.requestedAt, id: last.opinion.id } : null;
  return { entries: page, next };
}
