import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { logAuditEvent } from '../../db/repositories/audit.ts';
import { type DossierRow, findDossier } from '../../db/repositories/dossiers.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { canReadDossier } from '../../domain/access/policy.ts';
import { canDo, type DossierAction } from '../../domain/dossiers/permissions.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';

export const dossierParams = z.object({
  id: z.string().uuid('Identifiant de dossier invalide').describe('Identifiant du dossier'),
});

const notFound = () => new AppError('NOT_FOUND', 'Dossier introuvable, ou vous n’y avez pas accès.');

/** A file the user may see, or 404 (same answer for "absent" and "not yours"). No audit row: see `logRead`. */
export async function readableDossier(db: Db, user: UserRow, id: string): Promise<DossierRow> {
  const dossier = await findDossier(db, id);
  if (!dossier || !canReadDossier(actorOf(user), dossier)) throw notFound();
  return dossier;
}

/**
 * A file the user may change in this way: 404 if he may not see it, 403 if he sees it but may not do this (he
 * already knows it exists), 409 once its personal data were erased.
 */
export async function writableDossier(
  db: Db,
  user: UserRow,
  id: string,
  action: DossierAction,
  refusal: string,
): Promise<DossierRow> {
  const dossier = await readableDossier(db, user, id);
  if (!canDo(actorOf(user), dossier, action)) throw new AppError('FORBIDDEN', refusal);
  if (dossier.erasedAt) throw erasedConflict();
  return dossier;
}

export const erasedConflict = () =>
  new AppError(
    'CONFLICT',
    'Les données personnelles de ce dossier ont été effacées à la demande de l’adhérent : il ne peut plus être modifié.',
  );

/** Every reading of a file's health data is an audit event (RGPD art. 9), with the part that was read, in its own
 * short transaction (`logAuditEvent`).
 */
export function logRead(
  db: Db,
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  part: string,
  extra: Record<string, unknown> = {},
) {
  return logAuditEvent(db, {
    dossierId,
    actorId: user.id,
    type: 'dossier.viewed',
    payload: { role: user.role, part, ...extra },
    occurredAt: ctx.now(),
  });
}

/** Opens a readable file and logs the reading of `part` in one step. */
export async function readDossierPart(ctx: AppContext, user: UserRow, id: string, part: string) {
  const { db } = ctx.database;
  const dossier = await readableDossier(db, user, id);
  await logRead(db, ctx, user, dossier.id, part);
  return dossier;
}
