import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { factsAnswerSchema, timelineSchema } from '../../contracts/api/dossiers.ts';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { listContacts } from '../../db/repositories/dossier-contacts.ts';
import { listDocuments } from '../../db/repositories/dossier-documents.ts';
import { eventsOf, peopleByIds } from '../../db/repositories/dossier-history.ts';
import { listMessages } from '../../db/repositories/dossier-messages.ts';
import { lockDossier, updateDossier } from '../../db/repositories/dossier-updates.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import type { MedicalAccess } from '../../domain/access/medical.ts';
import { canReadDossier } from '../../domain/access/policy.ts';
import { deadlineSchema } from '../../domain/deadlines/schema.ts';
import { type FactsPatch, mergeFacts, statusAfterFacts } from '../../domain/dossiers/facts.ts';
import {
  contactForReader,
  documentForReader,
  medicalPiecesRead,
  messageForReader,
} from '../../domain/dossiers/medical-pieces.ts';
import { audienceOf, canDo } from '../../domain/dossiers/permissions.ts';
import { buildTimeline, type TimelineActor, type TimelineAudience } from '../../domain/dossiers/timeline.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { actorOf, requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { deadlinesOf, mediatorChoiceOf } from '../shared/deadline-projection.ts';
import { dossierParams } from '../shared/dossier-access.ts';
import { medicalAccessOf, readPartWithMedical } from '../shared/medical-reads.ts';

/**
 * Everything a viewer may see of a file, as plain data for the pure timeline. Medical pieces reach the timeline
 * already masked for a viewer who may not read them (C. santé publ. L1110-4); `medicalRead` names those he read.
 */
export async function timelineOf(
  db: Db,
  dossier: DossierRow,
  viewer: { id: string; audience: TimelineAudience; medical: MedicalAccess },
  now: Date,
): Promise<z.infer<typeof timelineSchema> & { medicalRead: string[] }> {
  const includeInternal = viewer.audience === 'staff';
  // One after the other: `db` is usually the reading's transaction, one connection that runs one query at a time
  // (node-postgres queues concurrent ones, a use it deprecates).
  const events = await eventsOf(db, dossier.id);
  const contactRows = await listContacts(db, dossier.id);
  const documentRows = await listDocuments(db, dossier.id);
  const messageRows = dossier.organisationId ? await listMessages(db, dossier.id, { includeInternal }) : [];
  const mediator = await mediatorChoiceOf(db, dossier);
  const contacts = contactRows.map((c) => contactForReader(viewer.medical, c));
  const documents = documentRows.map((d) => documentForReader(viewer.medical, d));
  const messages = messageRows.map((m) => ({ ...m, message: messageForReader(viewer.medical, m.message) }));
  const medicalRead = medicalPiecesRead(viewer.medical, [
    ...contactRows,
    ...documentRows,
    ...messageRows.map((m) => m.message),
  ]);
  const people = await peopleByIds(db, [
    ...events.map((e) => e.actorId),
    ...contacts.map((c) => c.createdById),
    ...documents.map((d) => d.uploadedById),
  ]);
  const actor = (id: string | null): TimelineActor => {
    const p = id ? people.get(id) : undefined;
    return { id, name: p?.displayName ?? null, role: p?.role ?? null };
  };
  const deadlines = deadlinesOf(dossier, now, mediator);
  const timeline = buildTimeline({
    audience: viewer.audience,
    viewerId: viewer.id,
    today: parisDateOf(now),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      actor: actor(e.actorId),
      payload: e.payload as Record<string, unknown>,
    })),
    contacts: contacts.map((c) => ({
      ...c,
      occurredAt: c.occurredAt.toISOString(),
      author: actor(c.createdById),
    })),
    documents: documents.map((d) => ({
      ...d,
      uploadedAt: d.uploadedAt.toISOString(),
      author: actor(d.uploadedById),
    })),
    messages: messages.map(({ message, author }) => ({
      ...message,
      createdAt: message.createdAt.toISOString(),
      author: { id: author.id, name: author.displayName, role: author.role },
    })),
    facts: (dossier.facts ?? {}) as Record<string, unknown>,
    deadlines: deadlines.ok ? deadlines.value.deadlines : null,
  });
  return {
    ...timeline,
    deadlinesError: deadlines.ok ? null : deadlines.error.message,
    deadlines: deadlines.ok ? deadlines.value.deadlines : [],
    facts: (dossier.facts ?? {}) as Record<string, unknown>,
    satisfactionScore: dossier.satisfactionScore,
    medicalRead,
  };
}

export async function readTimeline(ctx: AppContext, user: UserRow, dossierId: string) {
  const { value } = await readPartWithMedical(ctx, user, dossierId, 'timeline', async (tx, dossier) => {
    const audience = audienceOf(actorOf(user), dossier).kind;
    const medical = medicalAccessOf(user, dossier);
    const { medicalRead, ...timeline } = await timelineOf(
      tx,
      dossier,
      { id: user.id, audience, medical },
      ctx.now(),
    );
    return { value: timeline, medicalRead };
  });
  return value;
}

/**
 * Records dated facts. The deadline engine is the judge: if it refuses the merged facts (a date in the future,
 * an answer before the complaint…) its French error and field are returned as 422 and nothing is saved.
 */
export async function recordFacts(ctx: AppContext, user: UserRow, dossierId: string, patch: FactsPatch) {
  const now = ctx.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    const dossier = await lockDossier(tx, dossierId);
    const actor = actorOf(user);
    if (!dossier || !canReadDossier(actor, dossier)) {
      throw new AppError('NOT_FOUND', 'Dossier introuvable, ou vous n’y avez pas accès.');
    }
    if (!canDo(actor, dossier, 'facts.write')) {
      throw new AppError(
        'FORBIDDEN',
        'Seuls l’adhérent et les conseillers de l’organisme datent les faits du dossier.',
      );
    }
    if (dossier.erasedAt) {
      throw new AppError(
        'CONFLICT',
        'Les données personnelles de ce dossier ont été effacées : il ne peut plus être modifié.',
      );
    }
    const current = (dossier.facts ?? {}) as Record<string, unknown>;
    const { facts, changes } = mergeFacts(current, patch);
    const checked = deadlinesOf({ ...dossier, facts }, now);
    if (!checked.ok) throw AppError.fromDomain(checked.error);
    if (changes.length === 0) return { dossier, changed: false };
    const status = statusAfterFacts(dossier.status, facts);
    const updated = await updateDossier(tx, dossier.id, { facts, status, updatedAt: now });
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: user.id,
      type: 'dossier.facts_updated',
      payload: { changes, before: { facts: current }, after: { facts } },
      occurredAt: now,
    });
    if (status !== dossier.status) {
      await appendAuditEvent(tx, {
        dossierId: dossier.id,
        actorId: user.id,
        type: 'dossier.status_changed',
        payload: { before: { status: dossier.status }, after: { status }, reason: 'facts' },
        occurredAt: now,
      });
    }
    return { dossier: updated, changed: true, statusChanged: status !== dossier.status };
  });
  if (result.changed) {
    publishChange({ type: 'facts.updated', dossierId, audience: 'all', at: now });
    if ('statusChanged' in result && result.statusChanged) {
      publishChange({ type: 'status.changed', dossierId, audience: 'all', at: now });
    }
  }
  return result.dossier;
}

const factValueSchema = z.union([z.string(), z.boolean(), z.array(z.string()), z.null()]);

export async function timelineRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/dossiers/:id/timeline',
    {
      schema: {
        tags: ['Dossiers'],
        summary: 'Historique complet du dossier, échéances comprises, et la prochaine chose à faire',
        params: dossierParams,
        response: { 200: timelineSchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => readTimeline(ctx, requireUser(request), request.params.id),
  );

  r.patch(
    '/api/v1/dossiers/:id/facts',
    {
      schema: {
        tags: ['Dossiers'],
        summary: 'Dater les faits du dossier (réclamation envoyée, réponse reçue, décision notifiée…)',
        description:
          'Fusion : une valeur fixe le fait, null l’efface, un champ absent le garde. Noms des faits : docs/deadlines.md. Le moteur de délais valide le résultat ; en cas de refus, rien n’est enregistré (422).',
        params: dossierParams,
        body: z.object({
          facts: z
            .record(z.string(), factValueSchema)
            .describe('Faits à modifier, par exemple { "complaintSentOn": "2026-09-15" }'),
        }),
        response: {
          200: factsAnswerSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
          422: errorBodySchema.describe('Le moteur de délais refuse ces faits ; le champ en cause est nommé'),
        },
      },
    },
    async (request) => {
      const dossier = await recordFacts(ctx, requireUser(request), request.params.id, request.body.facts);
      return { facts: dossier.facts as Record<string, unknown>, status: dossier.status };
    },
  );
}
