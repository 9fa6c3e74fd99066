import { createHash } from 'node:crypto';
import type { DossierCategory } from '../../contracts/categories.ts';
import type { OrganisationKind } from '../../contracts/organisation-kinds.ts';
import { appendAuditEvent, logAuditEvent } from '../../db/repositories/audit.ts';
import {
  type DossierRow,
  findByIdempotencyKey,
  findDossier,
  insertDossierWithEvent,
  listDossiers,
  newReference,
} from '../../db/repositories/dossiers.ts';
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

export async function createDossier(ctx: AppContext, user: UserRow, input: CreateDossierInput) {
  if (!canCreateDossier(actorOf(user))) {
    throw new AppError('FORBIDDEN', 'Seul un adhérent peut ouvrir un dossier depuis son espace.');
  }
  try {
    return await insertDossierOnce(ctx, user, input);
  } catch (error) {
    // Two retries racing with the same key: the unique index let one through; return that one.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const existing = await findByIdempotencyKey(ctx.database.db, user.id, input.idempotencyKey);
      if (existing) return sameRequestOnly(existing, input);
    }
    throw error;
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

// No transaction: the file and its first event are written by one statement (atomic on its own), and the reads
// before it need no lock (a key raced by a retry is caught by the unique index, see createDossier). Three round
// trips in all with the session's, where six were made (issue 12).
async function insertDossierOnce(ctx: AppContext, user: UserRow, input: CreateDossierInput) {
  const db = ctx.database.db;
  if (input.idempotencyKey) {
    const existing = await findByIdempotencyKey(db, user.id, input.idempotencyKey);
    if (existing) return sameRequestOnly(existing, input);
  }
  let organisationName = input.organisationName?.trim();
  let organisationKind = input.organisationKind;
  if (input.organisationId) {
    const org = await organisationOf(db, input.organisationId);
    if (!org)
      throw new AppError('VALIDATION', 'Organisme inconnu : choisissez-le dans la liste.', 'organisationId');
    organisationName = org.name;
    organisationKind = org.kind;
  }
  if (!organisationName || !organisationKind) {
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
  const dossier = await insertDossierWithEvent(
    db,
    {
      reference: newReference(now.getUTCFullYear()),
      memberId: user.id,
      organisationId: input.organisationId ?? null,
      organisationName,
      organisationKind,
      category: input.category,
      title: input.title,
      description: input.description,
      amountCents: input.amountCents ?? null,
      facts: input.complaintSentOn ? { complaintSentOn: input.complaintSentOn } : {},
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
  );
  return { dossier, created: true };
}
