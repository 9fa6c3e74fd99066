import { sql } from 'drizzle-orm';
import type { DossierCategory } from '../../contracts/categories.ts';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { insertMessage } from '../../db/repositories/dossier-messages.ts';
import { insertNewDossier } from '../../db/repositories/dossiers.ts';
import { memberKnownTo } from '../../db/repositories/intake.ts';
import { organisationOf, type UserRow } from '../../db/repositories/users.ts';
import { dossiers } from '../../db/schema.ts';
import {
  RECORDED_CHANNEL_LABELS,
  type RecordedChannel,
  recordedComplaint,
} from '../../domain/intake/recorded-complaint.ts';
import { formatFrenchDate } from '../../domain/shared/calendar-date.ts';
import type { AppContext } from '../context.ts';
import { AppError, domainInputError } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { todayInParis } from '../shared/deadline-projection.ts';
import { dossierSuggestion } from '../shared/triage-suggestion.ts';
import { createMemberRecord, type MemberRecordInput, normaliseMemberNumber } from './member-records.ts';
import { requireHandlingStaff } from './staff.ts';

export interface RecordComplaintInput {
  member: { id: string } | { new: MemberRecordInput };
  channel: RecordedChannel;
  receivedOn: string;
  writtenOn?: string | undefined;
  writtenAtCounter?: boolean | undefined;
  category?: DossierCategory | undefined;
  title: string;
  description: string;
  amountCents?: number | undefined;
  memberNumber?: string | undefined;
  organisationReference?: string | undefined;
}

/** Staff who may record a complaint: those who handle complaints (not the auditor, who only reads). */
export function requireRecordingStaff(user: UserRow): string {
  return requireHandlingStaff(
    user,
    'Seuls les conseillers et superviseurs d’un organisme enregistrent les réclamations reçues hors de l’espace adhérent.',
  );
}

async function existingByKey(db: Db, staffId: string, key: string) {
  const rows = await db
    .select()
    .from(dossiers)
    .where(sql`${dossiers.recordedById} = ${staffId} and ${dossiers.idempotencyKey} = ${key}`)
    .limit(1);
  return rows[0];
}

/**
 * A complaint received by post, e-mail, telephone or at a branch, recorded by a handler (ACPR 2024-R-02: every
 * complaint is identified, whatever its channel). The clocks start from the dates `recordedComplaint` chooses;
 * an oral complaint carries the invitation to confirm it in writing, as a message the member will read.
 */
export async function recordComplaint(
  ctx: AppContext,
  staff: UserRow,
  input: RecordComplaintInput,
  idempotencyKey?: string,
) {
  const organisationId = requireRecordingStaff(staff);
  const now = ctx.now();
  const today = todayInParis(now);
  const decided = recordedComplaint({
    channel: input.channel,
    receivedOn: input.receivedOn,
    writtenOn: input.writtenOn,
    writtenAtCounter: input.writtenAtCounter,
    today,
  });
  if (!decided.ok) throw domainInputError(decided.error);
  const recorded = decided.value;

  const result = await ctx.database.db.transaction(async (tx) => {
    if (idempotencyKey) {
      // Per handler and key: a retried request waits for the first one, then finds its file.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`record:${staff.id}:${idempotencyKey}`}))`,
      );
      const existing = await existingByKey(tx, staff.id, idempotencyKey);
      if (existing) return { dossier: existing, created: false, claimCode: undefined };
    }
    const organisation = await organisationOf(tx, organisationId);
    if (!organisation) throw new AppError('NOT_FOUND', 'Organisme introuvable.');
    let memberId: string;
    let claimCode: string | undefined;
    if ('id' in input.member) {
      const member = await memberKnownTo(tx, organisationId, input.member.id);
      if (!member) {
        throw new AppError(
          'NOT_FOUND',
          'Adhérent introuvable : recherchez-le à nouveau ou créez sa fiche.',
          'member.id',
        );
      }
      memberId = member.id;
    } else {
      const created = await createMemberRecord(tx, organisationId, input.member.new, now);
      memberId = created.record.id;
      claimCode = created.claimCode;
      await appendAuditEvent(tx, {
        dossierId: null,
        organisationId,
        actorId: staff.id,
        type: 'member.recorded',
        payload: { memberId, organisationId },
        occurredAt: now,
      });
    }
    const suggestion = dossierSuggestion(
      {
        title: input.title,
        description: input.description,
        organisationKind: organisation.kind,
        complaintSentOn: recorded.facts.complaintSentOn,
        amountCents: input.amountCents,
      },
      now,
    );
    const dossier = await insertNewDossier(tx, now.getUTCFullYear(), {
      memberId,
      organisationId,
      organisationName: organisation.name,
      organisationKind: organisation.kind,
      category: input.category ?? suggestion.suggestedCategory,
      title: input.title,
      description: input.description,
      amountCents: input.amountCents ?? null,
      memberNumber: input.memberNumber ? normaliseMemberNumber(input.memberNumber) : null,
      organisationReference: input.organisationReference ?? null,
      channel: input.channel,
      facts: recorded.facts,
      // Received by the organisation: never a draft, the clocks run.
      status: 'submitted',
      transmittedAt: now,
      idempotencyKey: idempotencyKey ?? null,
      recordedById: staff.id,
      writtenConfirmationInvitedOn: recorded.writtenConfirmationInvitedOn,
      ...suggestion,
      createdAt: now,
      updatedAt: now,
    });
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: staff.id,
      type: 'dossier.recorded',
      payload: {
        after: { category: dossier.category, status: dossier.status, channel: input.channel },
        oral: recorded.oral,
        facts: recorded.facts,
      },
      occurredAt: now,
    });
    if (recorded.oral) {
      const message = await insertMessage(tx, {
        dossierId: dossier.id,
        authorId: staff.id,
        kind: 'message',
        internal: false,
        body: confirmationInvitation(input.channel, input.receivedOn, organisation),
        createdAt: now,
      });
      await appendAuditEvent(tx, {
        dossierId: dossier.id,
        actorId: staff.id,
        type: 'message.posted',
        payload: { messageId: message.id, kind: 'written_confirmation_invitation', internal: false },
        occurredAt: now,
      });
    }
    return { dossier, created: true, claimCode };
  });
  if (result.created) {
    publishChange({ type: 'status.changed', dossierId: result.dossier.id, audience: 'all', at: now });
  }
  return { ...result, notes: recorded.notes };
}

/** ACPR 2024-R-02: a member whose oral complaint is not settled at once is invited to put it in writing. */
export function confirmationInvitation(
  channel: RecordedChannel,
  receivedOn: string,
  organisation: { name: string; postalAddress: string | null; complaintsEmail: string | null },
): string {
  const how = [
    'en répondant à ce message',
    organisation.complaintsEmail ? `par e-mail à ${organisation.complaintsEmail}` : undefined,
    organisation.postalAddress
      ? `par courrier à ${organisation.postalAddress.replace(/\n+/g, ', ')}`
      : undefined,
  ].filter(Boolean);
  return [
    `Vous nous avez fait part de votre réclamation le ${formatFrenchDate(receivedOn)} (${RECORDED_CHANNEL_LABELS[channel].toLowerCase()}). Nous l’avons enregistrée et nous la traitons dans les délais prévus.`,
    `Si la réponse donnée oralement ne vous satisfait pas entièrement, nous vous invitons à confirmer votre réclamation par écrit : ${how.join(', ')}. Cet écrit vous permettra, si notre réponse ne vous convient pas, de saisir ensuite le médiateur, qui demande une réclamation écrite préalable.`,
    `${organisation.name}`,
  ].join('\n\n');
}
