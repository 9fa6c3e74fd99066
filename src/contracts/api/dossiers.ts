import { z } from 'zod';
import { deadlineSchema } from '../../domain/deadlines/schema.ts';
import { DOCUMENT_KINDS } from '../../domain/dossiers/documents.ts';
import { STEP_IDS } from '../../domain/escalation/ladder.ts';
import { LETTER_TYPES } from '../../domain/letters/schema.ts';
import { CONTACT_CHANNELS } from '../channels.ts';
import { ORGANISATION_KINDS } from '../organisation-kinds.ts';
import { PRIORITIES } from '../priorities.ts';
import { ROLES } from '../roles.ts';

/**
 * A file and its parts (/api/v1/dossiers/…): the routes declare these answers (OpenAPI, serialisation) and the
 * web parses with them; one schema, no copy to keep in step (decision 0015).
 */

/** The API's one-line explanation of the medical mark (OpenAPI descriptions). */
export const MEDICAL_FIELD_HELP =
  'Pièce médicale : couverte par le secret médical (C. santé publ. L1110-4), son contenu n’est lu que par l’adhérent, le médecin-conseil de l’organisme et le médiateur saisi ; les autres personnels voient seulement qu’elle existe, sa date et qui la détient';

export const dossierSchema = z.object({
  id: z.string().uuid(),
  reference: z.string().describe('Référence lisible du dossier (REC-2026-XXXXXX)'),
  organisationId: z.string().uuid().nullable(),
  organisationName: z.string(),
  organisationKind: z.enum(ORGANISATION_KINDS),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.string(),
  amountCents: z.number().int().nullable().describe('Montant en jeu, en centimes'),
  complaintSentOn: z.string().nullable().describe('Date d’envoi de la réclamation écrite (faits du dossier)'),
  suggestedCategory: z
    .string()
    .nullable()
    .describe('Type de litige suggéré par le texte du dossier (docs/triage.md), pour le back office'),
  priority: z.enum(PRIORITIES).describe('Priorité de traitement (priorityOf, docs/triage.md)'),
  transmittedAt: z
    .string()
    .nullable()
    .describe('Transmis à l’organisme le… ; null tant que le dossier est un brouillon privé'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Dossier = z.infer<typeof dossierSchema>;
export const dossierListSchema = z.object({ dossiers: z.array(dossierSchema) });
export const oneDossierSchema = z.object({ dossier: dossierSchema });

export const organisationSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
});
export type Organisation = z.infer<typeof organisationSchema>;
export const organisationListSchema = z.object({ organisations: z.array(organisationSchema) });

/** POST /api/v1/dossiers/:id/transmit */
export const transmittedSchema = z.object({
  status: z.string(),
  transmittedAt: z.string().describe('Date et heure de la transmission'),
});

/** POST /api/v1/me/erasure-request (202) */
export const erasureAnswerSchema = z.object({
  erased: z.array(z.object({ id: z.string().uuid(), reference: z.string() })).describe('Dossiers effacés'),
  pending: z
    .array(z.object({ id: z.string().uuid(), reference: z.string(), organisationName: z.string() }))
    .describe('Dossiers transmis à l’organisme, qui répond sous un mois'),
  message: z.string(),
});
export type ErasureAnswer = z.infer<typeof erasureAnswerSchema>;

export const documentSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  kindLabel: z.string().describe('Nature de la pièce, en français'),
  title: z.string(),
  documentDate: z.string().nullable().describe('Date portée sur la pièce (AAAA-MM-JJ), si connue'),
  fileName: z.string(),
  mimeType: z.string().describe('Type reconnu à partir du contenu du fichier'),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('Empreinte SHA-256 du fichier, preuve de son intégrité'),
  uploadedById: z.string().uuid(),
  uploadedAt: z.string(),
  contentUrl: z.string().describe('Adresse pour afficher ou télécharger la pièce'),
  medical: z.boolean().describe(MEDICAL_FIELD_HELP),
  withheld: z
    .boolean()
    .describe(
      'Pièce médicale que vous ne pouvez pas lire : titre, nom de fichier et empreinte sont masqués, le contenu refusé',
    ),
  heldBy: z.string().nullable().describe('Qui détient le contenu d’une pièce médicale'),
});
export type DossierDocument = z.infer<typeof documentSchema>;
export const documentListSchema = z.object({ documents: z.array(documentSchema) });
export const oneDocumentSchema = z.object({ document: documentSchema });

export const checklistSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string().describe('La pièce à réunir'),
      required: z.boolean().describe('false : utile quand elle existe (ordonnance, devis…)'),
      why: z.string().describe('Pourquoi elle compte, avec sa source'),
      done: z.boolean().describe('Une pièce de cette nature est déjà au dossier'),
      documentIds: z.array(z.string().uuid()),
    }),
  ),
  missing: z.number().int().describe('Pièces indispensables encore manquantes'),
  complete: z.boolean(),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const contactSchema = z.object({
  id: z.string().uuid(),
  occurredAt: z.string().describe('Date et heure du contact (ISO 8601)'),
  channel: z.enum(CONTACT_CHANNELS),
  agentName: z.string().nullable().describe('Nom de l’interlocuteur'),
  reference: z.string().nullable().describe('Numéro de dossier ou d’appel donné par l’organisme'),
  summary: z.string().describe('Ce qui a été dit'),
  promises: z.string().nullable().describe('Ce qui a été promis, et pour quand'),
  createdById: z.string().uuid(),
  createdAt: z.string(),
  medical: z.boolean().describe(`Échange médical. ${MEDICAL_FIELD_HELP}`),
  withheld: z.boolean().describe('Échange médical que vous ne pouvez pas lire : son contenu est masqué'),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactListSchema = z.object({ contacts: z.array(contactSchema) });
export const oneContactSchema = z.object({ contact: contactSchema });

export const messageSchema = z.object({
  id: z.string().uuid(),
  body: z.string(),
  kind: z.enum(['message', 'document_request']).describe('message, ou document_request (pièce demandée)'),
  internal: z.boolean().describe('Note interne : visible des seuls personnels de l’organisme'),
  medical: z.boolean().describe(`Message médical. ${MEDICAL_FIELD_HELP}`),
  withheld: z.boolean().describe('Message médical que vous ne pouvez pas lire : son texte est remplacé'),
  author: z.object({ id: z.string().uuid(), displayName: z.string(), role: z.enum(ROLES) }),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;
export const messageListSchema = z.object({ messages: z.array(messageSchema) });
export const oneMessageSchema = z.object({ message: messageSchema });

const nextStepSchema = z
  .object({
    deadlineId: z.string(),
    text: z.string().describe('Quoi faire et avant quand, en une phrase'),
    action: z.string(),
    dueDate: z.string(),
    daysLeft: z.number().int(),
  })
  .nullable();

export type NextStep = z.infer<typeof nextStepSchema>;

export const timelineEntrySchema = z.object({
  kind: z.enum(['event', 'fact', 'contact', 'document', 'message', 'note', 'deadline']),
  at: z.string().describe('Instant ISO 8601, ou jour AAAA-MM-JJ (fait daté, pièce datée, échéance)'),
  text: z.string().describe('La ligne de l’historique, en français, pour la personne qui la lit'),
  detail: z.string().nullable(),
  ref: z.string().describe('Origine : document:…, contact:…, message:…, deadline:…, event:…'),
  upcoming: z.boolean().describe('Échéance encore à venir'),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineSchema = z.object({
  entries: z.array(timelineEntrySchema),
  next: nextStepSchema.describe('Prochaine échéance de l’adhérent : quoi faire et avant quand'),
  waitingFor: nextStepSchema.describe('Prochaine échéance de l’autre partie (organisme, médiateur, CPAM)'),
  deadlinesError: z.string().nullable().describe('Pourquoi les échéances n’ont pas pu être calculées'),
  deadlines: z
    .array(deadlineSchema)
    .describe(
      'Les échéances du dossier telles que le moteur de délais les calcule (règle, calcul, source, notes)',
    ),
  facts: z.record(z.string(), z.unknown()).describe('Les faits datés du dossier (noms : docs/deadlines.md)'),
  satisfactionScore: z
    .number()
    .int()
    .nullable()
    .describe('Note de satisfaction déjà donnée (1 à 5), sinon null'),
});
export type Timeline = z.infer<typeof timelineSchema>;

/** PATCH /api/v1/dossiers/:id/facts */
export const factsAnswerSchema = z.object({
  facts: z.record(z.string(), z.unknown()).describe('Faits du dossier après modification'),
  status: z.string(),
});

/** POST /api/v1/dossiers/:id/satisfaction (201) */
export const satisfactionSchema = z.object({ score: z.number().int(), comment: z.string().nullable() });

export const escalationStepSchema = z.object({
  id: z.enum(STEP_IDS),
  title: z.string(),
  status: z
    .enum(['done', 'open', 'not_yet', 'closed'])
    .describe(
      'done : faite ; open : possible maintenant ; not_yet : condition manquante ; closed : trop tard ou exclue',
    ),
  why: z.string().describe('Pourquoi, avec les dates qui décident'),
  action: z.string(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  source: z.string(),
  letterType: z
    .enum(LETTER_TYPES)
    .optional()
    .describe('Le courrier que Recours rédige pour cette marche, quand elle est ouverte'),
});
export type EscalationStep = z.infer<typeof escalationStepSchema>;
export const escalationSchema = z.object({ steps: z.array(escalationStepSchema) });
