import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { DossierCategory } from '../../contracts/categories.ts';
import type { OrganisationKind } from '../../contracts/organisation-kinds.ts';
import { logAuditEvent } from '../../db/repositories/audit.ts';
import {
  type DossierRow,
  findByIdempotencyKey,
  findDossier,
  insertCreatedDossier,
  isReferenceCollision,
  listDossiers,
  newReference,
  REFERENCE_DRAWS,
} from '../../db/repositories/dossiers.ts';
import { findSession } from '../../db/repositories/sessions.ts';
import { organisationOf, type UserRow } from '../../db/repositories/users.ts';
import { canCreateDossier, canReadDossier, dossierScope } from '../../domain/access/policy.ts';
import { actorOf } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { deadlinesOf } from '../shared/deadline-projection.ts';
import { dossierSuggestion } from '../shared/triage-suggestion.ts';

export function listVisibleDossiers(ctx: AppContext, user: UserRow) {
  return listDossiers(ctx.database.db, dossierScope(actorOf(user)));
}

/** Loads a file the user may see and logs the access in the tamper-evident history (RGPD art. 9: health data). */
export async function openDossier(ctx: AppContext, user: UserRow, id: string) {
  const { db } = ctx.database;
  const dossier = await findDossier(db, id);
  // Same answer for "absent" and "not yours": the API must not reveal that another member's file exists.
  if (!dossier || !canReadDossier(actorOf(user), dossier)) {
    throw new AppError('NOT_FOUND', 'Dossier introuvable, ou vous n’y avez pas accès.');
  }
  await logAuditEvent(db, {
    dossierId: dossier.id,
    actorId: user.id,
    type: 'dossier.viewed',
    payload: { role: user.role },
    occurredAt: ctx.now(),
  });
  return dossier;
}

export interface CreateDossierInput {
  organisationId?: string | undefined;
  organisationName?: string | undefined;
  organisationKind?: OrganisationKind | undefined;
  category: DossierCategory;
  title: string;
  description: string;
  amountCents?: number | undefined;
  complaintSentOn?: string | undefined;
  idempotencyKey?: string | undefined;
}

/**
 * A member opens a file. `sessionToken` is the session the request came with: the creation's statement checks it
 * again (the session may come from this process's memory, see `sessionRecheckedByStatement`).
 */
export async function createDossier(
  ctx: AppContext,
  user: UserRow,
  input: CreateDossierInput,
  sessionToken: string,
) {
  if (!canCreateDossier(actorOf(user))) {
    throw new AppError('FORBIDDEN', 'Seul un adhérent peut ouvrir un dossier depuis son espace.');
  }
  for (let draw = 1; ; draw++) {
    try {
      return await insertDossierOnce(ctx, user, input, sessionToken);
    } catch (error) {
      // The statement is alone (no transaction to abort): a reference already taken is drawn again.
      if (isReferenceCollision(error) && draw < REFERENCE_DRAWS) continue;
      // Two retries racing with the same key: the unique index let one through; return that one.
      if (input.idempotencyKey && isUniqueViolation(error)) {
        const existing = await findByIdempotencyKey(ctx.database.db, user.id, input.idempotencyKey);
        if (existing) return sameRequestOnly(existing, input);
      }
      throw error;
    }
  }
}

/**
 * The fingerprint of a creation request, stored with its Idempotency-Key: a retry carries the same request; the
 * same key with another request is a client's mistake, refused rather than answered with the first file.
 */
function requestHash(input: CreateDossierInput): string {
  const { idempotencyKey: _key, ...request } = input;
  const canonical = JSON.stringify(
    Object.fromEntries(
      Object.entries(request)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

function sameRequestOnly(existing: DossierRow, input: CreateDossierInput) {
  if (existing.idempotencyHash && existing.idempotencyHash !== requestHash(input)) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'Cette clé d’idempotence a déjà servi pour une autre demande : utilisez une nouvelle clé pour ouvrir un autre dossier.',
      'idempotency-key',
      422,
    );
  }
  return { dossier: existing, created: false };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * The kind of the organisations chosen in the list, which the projection and the triage need before the
 * statement. Never trusted alone: the statement writes nothing if the organisation no longer has this kind, and
 * its name is read from the table by the statement itself.
 */
const organisationKinds = new LRUCache<string, OrganisationKind>({ max: 5_000 });

/**
 * One statement, one round trip in the usual case (issue 12): no transaction, no lock, no read before it. When
 * its guard refuses (a revoked session, an organisation whose kind changed, an Idempotency-Key already used),
 * the cause is read afresh and the creation tried once more.
 */
async function insertDossierOnce(
  ctx: AppContext,
  user: UserRow,
  input: CreateDossierInput,
  sessionToken: string,
) {
  const db = ctx.database.db;
  const first = await tryCreate(ctx, user, input, sessionToken);
  if (first) return { dossier: first, created: true };
  if (input.idempotencyKey) {
    const existing = await findByIdempotencyKey(db, user.id, input.idempotencyKey);
    if (existing) return sameRequestOnly(existing, input);
  }
  const session = await findSession(db, sessionToken, ctx.now());
  if (!session || session.user.id !== user.id) {
    throw new AppError(
      'UNAUTHENTICATED',
      'Votre session a pris fin : reconnectez-vous pour ouvrir un dossier.',
    );
  }
  if (!canCreateDossier(actorOf(session.user))) {
    throw new AppError('FORBIDDEN', 'Seul un adhérent peut ouvrir un dossier depuis son espace.');
  }
  if (input.organisationId) organisationKinds.delete(input.organisationId);
  const second = await tryCreate(ctx, session.user, input, sessionToken);
  if (second) return { dossier: second, created: true };
  if (input.idempotencyKey) {
    const existing = await findByIdempotencyKey(db, user.id, input.idempotencyKey);
    if (existing) return sameRequestOnly(existing, input);
  }
  throw new AppError(
    'CONFLICT',
    'Le dossier n’a pas pu être enregistré (votre compte ou l’organisme a changé à l’instant) : réessayez.',
  );
}

async function organisationKindOf(ctx: AppContext, organisationId: string): Promise<OrganisationKind> {
  const known = organisationKinds.get(organisationId);
  if (known) return known;
  const org = await organisationOf(ctx.database.db, organisationId);
  if (!org) {
    throw new AppError(
      'VALIDATION',
      'Organisme inconnu : choisissez-le dans la liste.',
      'organisationId',
      422,
    );
  }
  organisationKinds.set(organisationId, org.kind);
  return org.kind;
}

/** The file as the statement wrote it, or undefined when its guard refused (nothing written). */
async function tryCreate(ctx: AppContext, user: UserRow, input: CreateDossierInput, sessionToken: string) {
  const organisationName = input.organisationName?.trim() ?? '';
  const organisationKind = input.organisationId
    ? await organisationKindOf(ctx, input.organisationId)
    : input.organisationKind;
  if ((!input.organisationId && !organisationName) || !organisationKind) {
    throw new AppError(
      'VALIDATION',
      'Indiquez l’organisme concerné : choisissez-le dans la liste ou saisissez son nom et son type.',
      'organisationName',
    );
  }
  const now = ctx.now();
  // The facts given at creation are checked as PATCH /facts checks them: by the deadline engine.
  const facts = input.complaintSentOn ? { complaintSentOn: input.complaintSentOn } : {};
  const checked = deadlinesOf({ facts, organisationKind, zone: 'metropole' }, now);
  if (!checked.ok) throw AppError.fromDomain(checked.error);
  const status = input.complaintSentOn ? 'submitted' : 'draft';
  return insertCreatedDossier(
    ctx.database,
    {
      reference: newReference(now.getUTCFullYear()),
      memberId: user.id,
      organisationId: input.organisationId ?? null,
      organisationKind,
      category: input.category,
      title: input.title,
      description: input.description,
      amountCents: input.amountCents ?? null,
      facts,
      status,
      idempotencyKey: input.idempotencyKey ?? null,
      idempotencyHash: input.idempotencyKey ? requestHash(input) : null,
      // Back-office triage (docs/triage.md): the category the text suggests and the file's priority.
      ...dossierSuggestion({ ...input, organisationKind }, now),
      createdAt: now,
      updatedAt: now,
    },
    {
      actorId: user.id,
      type: 'dossier.created',
      payload: { after: { category: input.category, status } },
      occurredAt: now,
    },
    {
      sessionToken,
      role: user.role,
      now,
      organisation: input.organisationId ? { id: input.organisationId, kind: organisationKind } : null,
      organisationName,
    },
  );
}
