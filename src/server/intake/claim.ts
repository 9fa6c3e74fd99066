import { eq } from 'drizzle-orm';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { claimableRecords, moveMemberFiles } from '../../db/repositories/intake.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { users } from '../../db/schema.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { claimCodeHash, normaliseMemberNumber } from './member-records.ts';

const WRONG = () =>
  new AppError(
    'NOT_FOUND',
    'Code ou identifiant incorrect, ou code expiré : vérifiez-les, ou demandez un nouveau code à votre organisme.',
    'code',
  );

/**
 * A member who signed up claims the record an organisation's staff created for him (complaint by post, phone,
 * branch or e-mail): the code he was given, and his member number or the e-mail address he gave. Every file
 * of the record, with its whole history, moves to his account.
 */
export async function claimMemberRecord(
  ctx: AppContext,
  user: UserRow,
  input: { code: string; memberNumber?: string | undefined; email?: string | undefined },
) {
  if (user.role !== 'member') {
    throw new AppError('FORBIDDEN', 'Seul un adhérent rattache à son compte les dossiers ouverts pour lui.');
  }
  if (!input.memberNumber && !input.email) {
    throw new AppError(
      'VALIDATION',
      'Indiquez votre numéro d’adhérent ou l’adresse e-mail donnée à l’organisme.',
      'memberNumber',
    );
  }
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const records = await claimableRecords(tx, claimCodeHash(input.code), now);
    const record = records.length === 1 ? records[0] : undefined;
    if (!record || record.id === user.id) throw WRONG();
    const numberMatches =
      input.memberNumber !== undefined &&
      record.memberNumber !== null &&
      normaliseMemberNumber(input.memberNumber) === record.memberNumber;
    const emailMatches =
      input.email !== undefined &&
      record.contactEmail !== null &&
      input.email.trim().toLowerCase() === record.contactEmail.toLowerCase();
    if (!numberMatches && !emailMatches) throw WRONG();
    const moved = await moveMemberFiles(tx, record.id, user.id);
    await tx
      .update(users)
      .set({ claimedById: user.id, claimCodeHash: null, claimCodeExpiresAt: null })
      .where(eq(users.id, record.id));
    if (!user.postalAddress && record.postalAddress) {
      await tx.update(users).set({ postalAddress: record.postalAddress }).where(eq(users.id, user.id));
    }
    for (const file of moved) {
      await appendAuditEvent(tx, {
        dossierId: file.id,
        actorId: user.id,
        type: 'dossier.claimed',
        payload: { before: { memberId: record.id }, after: { memberId: user.id } },
        occurredAt: now,
      });
    }
    return { files: moved.length };
  });
}
