import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { organisations, users } from '../../db/schema.ts';
import { competentMediator } from '../../domain/deadlines/competent-mediator.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';

export interface OrganisationSettings {
  name?: string | undefined;
  postalAddress?: string | null | undefined;
  complaintsEmail?: string | null | undefined;
  mediatorName?: string | null | undefined;
  mediatorContact?: string | null | undefined;
  mediatorId?: string | null | undefined;
}

/** The settings an admin edits, the competent mediator they lead to, and the mediators on Recours to pick from. */
export async function organisationSettings(ctx: AppContext, organisationId: string) {
  const db = ctx.database.db;
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  if (!org) throw new AppError('NOT_FOUND', 'Organisme introuvable.');
  // Mediator accounts are a handful per platform (one per scheme); bounded anyway.
  const mediators = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, 'mediator'), sql`${users.deactivatedAt} is null`))
    .orderBy(asc(users.displayName))
    .limit(100);
  const competent = competentMediator(org);
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    postalAddress: org.postalAddress,
    complaintsEmail: org.complaintsEmail,
    mediatorName: org.mediatorName,
    mediatorContact: org.mediatorContact,
    mediatorId: org.mediatorId,
    competentMediator: { name: competent.name, declared: competent.declared },
    mediators,
  };
}

const CHANGED_FIELDS = [
  'name',
  'postalAddress',
  'complaintsEmail',
  'mediatorName',
  'mediatorContact',
  'mediatorId',
] as const;

export async function updateOrganisationSettings(
  ctx: AppContext,
  admin: UserRow,
  organisationId: string,
  input: OrganisationSettings,
) {
  const db = ctx.database.db;
  const now = ctx.now();
  await db.transaction(async (tx) => {
    const [org] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .for('update')
      .limit(1);
    if (!org) throw new AppError('NOT_FOUND', 'Organisme introuvable.');
    if (input.mediatorId) {
      const [mediator] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.mediatorId), eq(users.role, 'mediator')))
        .limit(1);
      if (!mediator) {
        throw new AppError(
          'UNKNOWN_MEDIATOR',
          'Ce médiateur n’existe pas sur Recours : choisissez-en un dans la liste.',
          'mediatorId',
          422,
        );
      }
    }
    if (input.name && input.name.toLowerCase() !== org.name.toLowerCase()) {
      const [clash] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(sql`lower(${organisations.name}) = ${input.name.toLowerCase()}`, ne(organisations.id, org.id)),
        )
        .limit(1);
      if (clash) throw new AppError('CONFLICT', 'Un autre organisme porte déjà ce nom sur Recours.', 'name');
    }
    if (input.complaintsEmail) {
      const [clash] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(
            sql`lower(${organisations.complaintsEmail}) = ${input.complaintsEmail.toLowerCase()}`,
            ne(organisations.id, org.id),
          ),
        )
        .limit(1);
      if (clash) {
        throw new AppError(
          'CONFLICT',
          'Cette adresse de réclamations est déjà celle d’un autre organisme.',
          'complaintsEmail',
        );
      }
    }
    const changes = Object.fromEntries(
      CHANGED_FIELDS.filter((k) => input[k] !== undefined && input[k] !== org[k]).map((k) => [k, input[k]]),
    );
    if (Object.keys(changes).length === 0) return;
    await tx.update(organisations).set(changes).where(eq(organisations.id, org.id));
    await appendAuditEvent(tx, {
      dossierId: null,
      organisationId,
      actorId: admin.id,
      type: 'organisation.updated',
      // The names of the fields changed, not their values: the history stays free of free text.
      payload: { fields: Object.keys(changes) },
      occurredAt: now,
    });
  });
  return organisationSettings(ctx, organisationId);
}
