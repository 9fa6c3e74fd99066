import { z } from 'zod';
import { SLA_COLOURS } from '../../domain/register/sla.ts';
import { PRIORITIES } from '../priorities.ts';

/**
 * The register's responses (GET /api/v1/register, GET /api/v1/register/dossiers/:id/summary): the route declares
 * them (OpenAPI, serialisation) and the web parses with them; one schema, no copy to keep in step.
 */

/** Counts stop here: « plus de 10 000 » is what a person needs, and an exact count of a million rows is not free. */
export const COUNT_CAP = 10_000;

export const slaClockSchema = z
  .object({
    colour: z
      .enum(SLA_COLOURS)
      .describe(
        'red : dépassé ou dernier jour ; amber : peu de jours ; green : respecté ou marge ; grey : sans objet',
      ),
    dueDate: z.string().nullable().describe('Échéance (AAAA-MM-JJ)'),
    daysLeft: z.number().int().nullable().describe('Jours calendaires restants (négatif : dépassé)'),
    status: z.string().describe('État du délai selon le moteur de délais'),
    actionable: z.boolean().describe('Une action reste à faire avant ou après l’échéance'),
    label: z.string().describe('Libellé court'),
    outcome: z
      .enum(['met', 'late'])
      .nullable()
      .describe('Une fois l’acte fait : met (dans le délai) ou late (en retard) ; null sinon'),
    doneOn: z.string().nullable().describe('Jour de l’acte (accusé de réception ou réponse)'),
    daysLate: z.number().int().nullable().describe('Jours de retard au jour de l’acte (fixe)'),
  })
  .describe('Horloge de délai ACPR');

export const registerEntrySchema = z
  .object({
    id: z.string().uuid(),
    reference: z.string().describe('Référence du dossier'),
    title: z.string().describe('Objet'),
    category: z.string().describe('Catégorie'),
    categoryLabel: z.string().describe('Catégorie en clair'),
    suggestedCategory: z.string().nullable().describe('Catégorie que la lecture du texte suggère'),
    channel: z.string().describe('Canal de réception (web, email, courrier, téléphone…)'),
    status: z.string().describe('Statut'),
    statusLabel: z.string().describe('Statut en clair'),
    priority: z.enum(PRIORITIES).describe('Priorité'),
    memberName: z.string().describe('Adhérent'),
    assignedHandler: z
      .object({ id: z.string().uuid(), name: z.string() })
      .nullable()
      .describe('Conseiller en charge'),
    amountCents: z.number().int().nullable().describe('Montant en jeu, en centimes'),
    complaintSentOn: z.string().nullable().describe('Envoi de la réclamation écrite'),
    complaintReceivedOn: z.string().nullable().describe('Réception de la réclamation'),
    acknowledgedOn: z.string().nullable().describe('Accusé de réception'),
    answerReceivedOn: z.string().nullable().describe('Réponse motivée'),
    decision: z.string().nullable().describe('Sens de la réponse'),
    decisionLabel: z.string().nullable().describe('Sens de la réponse en clair'),
    createdAt: z.string().describe('Ouverture du dossier sur Recours'),
    sla: z
      .object({
        colour: z.enum(SLA_COLOURS).describe('Pire couleur des deux horloges'),
        acknowledgment: slaClockSchema,
        answer: slaClockSchema,
      })
      .describe('Délais ACPR 2024-R-02 (accusé de réception 10 jours ouvrables, réponse 2 mois)'),
  })
  .describe('Ligne du registre');

export const registerPageSchema = z
  .object({
    total: z
      .number()
      .int()
      .describe(`Nombre de dossiers correspondant aux filtres (compté jusqu’à ${COUNT_CAP})`),
    totalCapped: z.boolean().describe(`true : plus de ${COUNT_CAP} dossiers correspondent`),
    limit: z.number().int(),
    offset: z.number().int(),
    sort: z.enum(['urgency', 'date', 'relevance']).describe('Ordre appliqué'),
    nextCursor: z.string().nullable().describe('Curseur de la page suivante ; null : dernière page'),
    today: z.string().describe('Date du jour (Paris) à laquelle les délais sont évalués'),
    items: z.array(registerEntrySchema),
  })
  .describe('Page du registre');
export type RegisterPage = z.infer<typeof registerPageSchema>;

/** What a handler reads first on a file. */
export const staffSummarySchema = z
  .object({
    id: z.string().uuid(),
    reference: z.string(),
    status: z.string(),
    priority: z.enum(PRIORITIES),
    member: z.object({
      name: z.string().describe('Adhérent'),
      email: z.string().nullable().describe('Adresse électronique'),
      postalAddress: z.string().nullable().describe('Adresse postale'),
      memberNumber: z.string().nullable().describe('Numéro d’adhérent'),
    }),
    organisationReference: z.string().nullable().describe('Référence de l’organisme'),
    assignedHandler: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    clocks: z.object({ acknowledgment: slaClockSchema, answer: slaClockSchema }),
    nextAction: z
      .object({
        what: z.string().describe('Ce qui est à faire'),
        dueDate: z.string().nullable().describe('Avant le'),
        by: z.string().describe('Par qui'),
        party: z.enum(['organisation', 'member']),
      })
      .nullable()
      .describe('Prochaine action due'),
    answer: z
      .object({
        answeredOn: z.string().describe('Répondu le'),
        outcome: z.string().nullable(),
        outcomeLabel: z.string().nullable().describe('Sens de la réponse en clair'),
      })
      .nullable(),
    acknowledgment: z
      .object({
        warning: z.string().nullable().describe('Avertissement avant un accusé tardif'),
        text: z.string().describe('Texte qui sera envoyé à l’adhérent'),
        late: z.boolean(),
      })
      .nullable()
      .describe('Seulement quand l’accusé de réception est possible'),
    today: z.string(),
  })
  .describe('Synthèse du dossier pour le personnel');
export type StaffSummary = z.infer<typeof staffSummarySchema>;
export type SlaClockView = z.infer<typeof slaClockSchema>;
export type RegisterEntryView = z.infer<typeof registerEntrySchema>;

export const bulkResultSchema = z
  .object({
    dossierId: z.string().uuid(),
    reference: z.string().nullable().describe('Référence (absente pour un dossier introuvable)'),
    outcome: z
      .enum(['done', 'unchanged', 'refused', 'not_applied'])
      .describe(
        'done : fait ; unchanged : déjà ainsi ; refused : refusé ; not_applied : non appliqué (tout ou rien)',
      ),
    message: z.string().describe('Ce qui a été fait, ou pourquoi pas'),
  })
  .describe('Résultat pour un dossier');
export type BulkResult = z.infer<typeof bulkResultSchema>;

/** GET /api/v1/register/handlers */
export const handlerListSchema = z.object({
  handlers: z.array(
    z.object({
      id: z.string().uuid(),
      displayName: z.string().describe('Nom'),
      role: z.string().describe('handler ou supervisor'),
      openFiles: z.number().int().describe('Dossiers ouverts attribués'),
    }),
  ),
});
export type Handler = z.infer<typeof handlerListSchema>['handlers'][number];

/** GET /api/v1/register/mediations: the files entrusted to the signed-in mediator. */
export const mediationPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      reference: z.string(),
      title: z.string(),
      organisationName: z.string(),
      category: z.string(),
      status: z.string(),
      amountCents: z.number().int().nullable(),
      complaintSentOn: z.string().nullable().describe('Date d’envoi de la réclamation écrite'),
      clock: z.object({
        colour: z.enum(SLA_COLOURS),
        dueDate: z.string().nullable().describe('Avis attendu au plus tard le'),
        label: z.string().describe('Libellé court'),
      }),
    }),
  ),
  total: z.number().int().describe('Nombre de dossiers confiés (plafonné)'),
  totalCapped: z.boolean().describe('Vrai quand il y en a davantage que le nombre indiqué'),
  nextAfter: z.string().nullable().describe('À passer en « after » pour la page suivante'),
});
export type MediationPage = z.infer<typeof mediationPageSchema>;

/** POST /api/v1/register/assign, /bulk */
export const bulkResultsSchema = z.object({ results: z.array(bulkResultSchema) });
