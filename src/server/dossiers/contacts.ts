import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  contactListSchema,
  type contactSchema,
  MEDICAL_FIELD_HELP,
  oneContactSchema,
} from '../../contracts/api/dossiers.ts';
import { CONTACT_CHANNELS } from '../../contracts/channels.ts';
import { TEXT_LIMITS } from '../../contracts/text-limits.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import {
  type ContactRow,
  findContact,
  insertContact,
  listContacts,
  setContactMedical,
} from '../../db/repositories/dossier-contacts.ts';
import { updateDossier } from '../../db/repositories/dossier-updates.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { canMarkMedical, canUnmarkMedical } from '../../domain/access/medical.ts';
import { contactForReader, medicalPiecesRead, type Withheld } from '../../domain/dossiers/medical-pieces.ts';
import { actorOf, requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { dossierParams, erasedConflict, readableDossier, writableDossier } from '../shared/dossier-access.ts';
import { medicalRefusal } from '../shared/medical-marks.ts';
import { medicalAccessOf, readPartWithMedical } from '../shared/medical-reads.ts';

export function contactView(row: ContactRow & Partial<Withheld>): z.infer<typeof contactSchema> {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    channel: row.channel,
    agentName: row.agentName,
    reference: row.reference,
    summary: row.summary,
    promises: row.promises,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    medical: row.medical,
    withheld: row.withheld ?? false,
  };
}

const optionalText = (max: number, description: string) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined))
    .describe(description);

/** Quick entry (seed 002: "notez le nom de votre interlocuteur et l'heure d'appel"): channel and summary suffice. */
const newContactSchema = z.object({
  channel: z
    .enum(CONTACT_CHANNELS, {
      error: () => `Canal inconnu. Valeurs possibles : ${CONTACT_CHANNELS.join(', ')}.`,
    })
    .describe('phone (téléphone), email, letter (courrier), visit (agence), chat, other'),
  summary: z
    .string({ error: 'Résumez ce qui a été dit.' })
    .trim()
    .min(3, 'Résumez ce qui a été dit (3 caractères au moins).')
    .max(TEXT_LIMITS.contactSummary)
    .describe('Ce qui a été dit'),
  occurredAt: z.iso
    .datetime({
      offset: true,
      error: 'Date et heure attendues au format ISO 8601 (2026-11-23T09:30:00+01:00).',
    })
    .optional()
    .describe('Date et heure du contact ; maintenant par défaut'),
  agentName: optionalText(200, 'Nom de l’interlocuteur'),
  reference: optionalText(200, 'Numéro de dossier ou d’appel'),
  promises: optionalText(TEXT_LIMITS.contactPromises, 'Ce qui a été promis, et pour quand'),
  medical: z
    .boolean()
    .default(false)
    .describe(`true : échange médical (avec un médecin, un expert…). ${MEDICAL_FIELD_HELP}`),
});
type NewContactInput = z.output<typeof newContactSchema>;

export async function logContact(ctx: AppContext, user: UserRow, dossierId: string, input: NewContactInput) {
  const now = ctx.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  // A minute of tolerance for clocks; a contact logged "tomorrow" is a typo.
  if (occurredAt.getTime() > now.getTime() + 60_000) {
    throw new AppError(
      'VALIDATION',
      'La date du contact est dans le futur : indiquez quand l’échange a eu lieu.',
      'occurredAt',
    );
  }
  const contact = await ctx.database.db.transaction(async (tx) => {
    const dossier = await writableDossier(
      tx,
      user,
      dossierId,
      'contact.write',
      'Seuls l’adhérent et les conseillers de l’organisme peuvent noter un contact.',
    );
    if (input.medical && !canMarkMedical(actorOf(user), dossier)) throw medicalRefusal('medical', 'mark');
    const row = await insertContact(tx, {
      dossierId,
      occurredAt,
      channel: input.channel,
      agentName: input.agentName ?? null,
      reference: input.reference ?? null,
      summary: input.summary,
      promises: input.promises ?? null,
      createdById: user.id,
      createdAt: now,
      medical: input.medical,
    });
    await updateDossier(tx, dossierId, { updatedAt: now });
    await appendAuditEvent(tx, {
      dossierId,
      actorId: user.id,
      type: 'contact.logged',
      payload: {
        contactId: row.id,
        after: { channel: row.channel, occurredAt: occurredAt.toISOString(), medical: row.medical },
      },
      occurredAt: now,
    });
    return row;
  });
  publishChange({ type: 'contact.logged', dossierId, audience: 'all', id: contact.id, at: now });
  return contact;
}

/** Puts a contact-log entry under medical secrecy (or lifts it); the history records who, never the words. */
export async function markContact(
  ctx: AppContext,
  user: UserRow,
  dossierId: string,
  contactId: string,
  medical: boolean,
) {
  const now = ctx.now();
  const result = await ctx.database.db.transaction(async (tx) => {
    const dossier = await readableDossier(tx, user, dossierId);
    const actor = actorOf(user);
    const contact = await findContact(tx, dossier.id, contactId);
    if (!contact) throw new AppError('NOT_FOUND', 'Contact introuvable dans ce dossier.');
    const allowed = medical ? canMarkMedical(actor, dossier) : canUnmarkMedical(actor, dossier);
    if (!allowed) throw medicalRefusal('medical', medical ? 'mark' : 'unmark');
    if (dossier.erasedAt) throw erasedConflict();
    if (contact.medical === medical)
      return { row: contact, access: medicalAccessOf(user, dossier), changed: false };
    const row = await setContactMedical(tx, contact.id, medical);
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: user.id,
      type: medical ? 'medical.marked' : 'medical.unmarked',
      payload: { piece: 'contact', contactId: row.id },
      occurredAt: now,
    });
    return { row, access: medicalAccessOf(user, dossier), changed: true };
  });
  if (result.changed)
    publishChange({ type: 'contact.updated', dossierId, audience: 'all', id: contactId, at: now });
  return contactForReader(result.access, result.row);
}

export async function readContacts(ctx: AppContext, user: UserRow, dossierId: string) {
  const { value } = await readPartWithMedical(
    ctx,
    user,
    dossierId,
    'contacts',
    async (tx, dossier, access) => {
      const rows = await listContacts(tx, dossier.id);
      return {
        value: rows.map((row) => contactForReader(access, row)),
        medicalRead: medicalPiecesRead(access, rows),
      };
    },
  );
  return value;
}

export async function contactRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/dossiers/:id/contacts',
    {
      schema: {
        tags: ['Journal des contacts'],
        summary:
          'Journal des contacts avec l’organisme (appels, e-mails, courriers, visites), du plus ancien au plus récent',
        params: dossierParams,
        response: {
          200: contactListSchema,
          401: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const rows = await readContacts(ctx, requireUser(request), request.params.id);
      return { contacts: rows.map(contactView) };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/contacts',
    {
      schema: {
        tags: ['Journal des contacts'],
        summary: 'Noter un contact : canal et résumé suffisent, la date est maintenant par défaut',
        params: dossierParams,
        body: newContactSchema,
        response: {
          201: oneContactSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const contact = await logContact(ctx, requireUser(request), request.params.id, request.body);
      reply.status(201);
      return { contact: contactView(contact) };
    },
  );

  r.patch(
    '/api/v1/dossiers/:id/contacts/:contactId',
    {
      schema: {
        tags: ['Journal des contacts'],
        summary: 'Placer un contact sous secret médical, ou lever ce secret',
        description:
          'L’adhérent, les conseillers et le médecin-conseil placent un échange sous secret médical ; seuls l’adhérent et le médecin-conseil le lèvent.',
        params: dossierParams.extend({
          contactId: z.string().uuid('Identifiant de contact invalide').describe('Identifiant du contact'),
        }),
        body: z.object({ medical: z.boolean().describe(MEDICAL_FIELD_HELP) }),
        response: {
          200: oneContactSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (request) => {
      const contact = await markContact(
        ctx,
        requireUser(request),
        request.params.id,
        request.params.contactId,
        request.body.medical,
      );
      return { contact: contactView(contact) };
    },
  );
}
