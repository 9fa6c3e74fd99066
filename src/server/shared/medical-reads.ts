import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { type MedicalAccess, medicalAccess } from '../../domain/access/medical.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { logRead, readableDossier } from './dossier-access.ts';

export function medicalAccessOf(user: UserRow, dossier: DossierRow): MedicalAccess {
  return medicalAccess(actorOf(user), dossier);
}

/** One history event per reading of medical pieces, naming them (ids only: the chain never holds their words). */
export async function logMedicalRead(
  db: Db,
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  part: string,
  pieceIds: readonly string[],
) {
  if (pieceIds.length === 0) return;
  await appendAuditEvent(db, {
    dossierId,
    actorId: user.id,
    type: 'medical.viewed',
    payload: { role: user.role, part, pieceIds: [...pieceIds] },
    occurredAt: ctx.now(),
  });
}

/**
 * Opens a readable file, loads a part of it and logs the reading in one transaction: the `dossier.viewed` event
 * and, when medical pieces were read, the `medical.viewed` event that names them (RGPD art. 9; C. santé publ.
 * L1110-4). A reading that could not be logged returns nothing.
 */
export async function readPartWithMedical<T>(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  part: string,
  load: (tx: Db, dossier: DossierRow, access: MedicalAccess) => Promise<{ value: T; medicalRead: string[] }>,
): Promise<{ dossier: DossierRow; access: MedicalAccess; value: T }> {
  return ctx.database.db.transaction(async (tx) => {
    const dossier = await readableDossier(tx, user, dossierId);
    const access = medicalAccessOf(user, dossier);
    const { value, medicalRead } = await load(tx, dossier, access);
    await logRead(tx, ctx, user, dossier.id, part);
    await logMedicalRead(tx, ctx, user, dossier.id, part, medicalRead);
    return { dossier, access, value };
  });
}
