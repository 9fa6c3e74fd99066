import { appendAuditEvent } from '../../db/repositories/audit.ts';
import {
  createInvitation,
  findStaffMember,
  lockActiveAdmins,
  setStaffState,
} from '../../db/repositories/staff.ts';
import { findUserByEmail, insertUser, type UserRow } from '../../db/repositories/users.ts';
import { type AssignableRole, checkStaffChange, type StaffChange } from '../../domain/admin/staff-changes.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { jobQueueOf } from '../shared/job-queue.ts';

const INVITATION_DAYS = 7;

export type StaffRow = NonNullable<Awaited<ReturnType<typeof findStaffMember>>>;

export function staffView(row: StaffRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    active: row.deactivatedAt === null,
    invitationPending: !row.hasPassword,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The invitation goes by e-mail when the platform can send mail; otherwise the link is given to the admin once, to
 * pass on himself (a link that never reached anyone would leave the account unusable).
 */
async function deliverInvitation(
  ctx: AppContext,
  input: { to: string; token: string; displayName: string; organisationName: string; expiresAt: Date },
) {
  const link = `${ctx.config.publicUrl}/invitation#jeton=${input.token}`;
  const queue = jobQueueOf(ctx);
  if (ctx.config.mail.smtpUrl && queue) {
    await queue.send('account-email', {
      kind: 'staff-invitation',
      to: input.to,
      token: input.token,
      displayName: input.displayName,
      organisationName: input.organisationName,
    });
    return { emailSent: true, link: null, expiresAt: input.expiresAt.toISOString() };
  }
  return { emailSent: false, link, expiresAt: input.expiresAt.toISOString() };
}

export async function inviteStaff(
  ctx: AppContext,
  admin: UserRow,
  organisation: { id: string; name: string },
  input: { email: string; displayName: string; role: AssignableRole },
) {
  const db = ctx.database.db;
  if (await findUserByEmail(db, input.email)) {
    throw new AppError(
      'CONFLICT',
      'Cette adresse e-mail a déjà un compte Recours : choisissez une autre adresse.',
      'email',
    );
  }
  const now = ctx.now();
  const { user, token, expiresAt } = await db.transaction(async (tx) => {
    const created = await insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash: null,
      role: input.role,
      organisationId: organisation.id,
    });
    const invitation = await createInvitation(tx, {
      userId: created.id,
      createdBy: admin.id,
      now,
      ttlDays: INVITATION_DAYS,
    });
    await appendAuditEvent(tx, {
      dossierId: null,
      organisationId: organisation.id,
      actorId: admin.id,
      type: 'staff.invited',
      payload: { userId: created.id, role: input.role },
      occurredAt: now,
    });
    return { user: created, ...invitation };
  });
  const member = await findStaffMember(db, organisation.id, user.id);
  const invitation = await deliverInvitation(ctx, {
    to: input.email,
    token,
    displayName: input.displayName,
    organisationName: organisation.name,
    expiresAt,
  });
  return { member: staffView(member!), invitation };
}

/** A new link for an account that has not chosen its password yet (the old link stops working). */
export async function renewInvitation(
  ctx: AppContext,
  admin: UserRow,
  organisation: { id: string; name: string },
  userId: string,
) {
  const db = ctx.database.db;
  const member = await findStaffMember(db, organisation.id, userId);
  if (!member) throw new AppError('NOT_FOUND', 'Compte introuvable dans votre organisme.');
  if (member.hasPassword || !member.email) {
    throw new AppError('CONFLICT', 'Ce compte est déjà utilisé : il n’a pas besoin d’invitation.');
  }
  if (member.deactivatedAt) {
    throw new AppError(
      'CONFLICT',
      'Ce compte est désactivé : réactivez-le avant de renvoyer une invitation.',
    );
  }
  const now = ctx.now();
  const invitation = await db.transaction(async (tx) => {
    const created = await createInvitation(tx, {
      userId,
      createdBy: admin.id,
      now,
      ttlDays: INVITATION_DAYS,
    });
    await appendAuditEvent(tx, {
      dossierId: null,
      organisationId: organisation.id,
      actorId: admin.id,
      type: 'staff.invitation_renewed',
      payload: { userId },
      occurredAt: now,
    });
    return created;
  });
  return deliverInvitation(ctx, {
    to: member.email,
    token: invitation.token,
    displayName: member.displayName,
    organisationName: organisation.name,
    expiresAt: invitation.expiresAt,
  });
}

/** Changes a role or (de)activates an account; the last active admin stays an active admin (domain rule). */
export async function changeStaff(
  ctx: AppContext,
  admin: UserRow,
  organisationId: string,
  userId: string,
  change: StaffChange,
) {
  const db = ctx.database.db;
  const now = ctx.now();
  await db.transaction(async (tx) => {
    const activeAdminIds = await lockActiveAdmins(tx, organisationId);
    const member = await findStaffMember(tx, organisationId, userId);
    if (!member) throw new AppError('NOT_FOUND', 'Compte introuvable dans votre organisme.');
    const active = member.deactivatedAt === null;
    const decision = checkStaffChange({
      actorId: admin.id,
      target: { id: member.id, role: member.role, active },
      change,
      activeAdminIds,
    });
    if (!decision.ok) throw AppError.fromDomain(decision.error);
    const next = decision.value;
    if (next.role === member.role && next.active === active) return;
    await setStaffState(tx, userId, {
      role: next.role,
      deactivatedAt: next.active ? null : (member.deactivatedAt ?? now),
    });
    await appendAuditEvent(tx, {
      dossierId: null,
      organisationId,
      actorId: admin.id,
      type: 'staff.changed',
      payload: {
        userId,
        ...(next.role !== member.role ? { roleFrom: member.role, roleTo: next.role } : {}),
        ...(next.active !== active ? { active: next.active } : {}),
      },
      occurredAt: now,
    });
  });
  const member = await findStaffMember(db, organisationId, userId);
  return staffView(member!);
}
