import { z } from 'zod';
import '../shared/zod-french.ts';
import { calendarDateSchema } from '../../contracts/calendar-date.ts';
import { answerOutcomeSchema, factsSchema } from '../../contracts/facts.ts';
import { organisationKindSchema } from '../../contracts/organisation-kinds.ts';

export { calendarDateSchema };

export const DEADLINE_IDS = [
  'complaint.acknowledgment',
  'complaint.answer',
  'mediation.referral_window',
  'mediation.inadmissibility_notice',
  'mediation.outcome',
  'prescription.benefits',
  'prescription.contributions',
  'prescription.cpam_benefits',
  'cpam.cra_referral',
  'cpam.cra_decision',
  'cpam.tribunal_referral',
  'termination.annual',
  'termination.anytime',
  'termination.situation_change',
  'termination.effective',
  'termination.refund',
  'portability.end',
  'evin.insurer_proposal',
  'evin.application',
] as const;
export const deadlineIdSchema = z
  .enum(DEADLINE_IDS)
  .describe('Identifiant stable du délai (docs/deadlines.md).');
export type DeadlineId = z.infer<typeof deadlineIdSchema>;

/** Procedural periods prorogued by CPC art. 642 unless the caller says otherwise. */
export const DEFAULT_ROLL_OVER: readonly DeadlineId[] = ['cpam.cra_referral', 'cpam.tribunal_referral'];

export const organisationTypeSchema = organisationKindSchema.describe(
  'Organisme en face : mutuelle (Code de la mutualité), insurer (Code des assurances), institution_prevoyance (CSS), cpam (Assurance maladie).',
);

export const zoneSchema = z
  .enum(['metropole', 'alsace_moselle'], {
    error: (issue) =>
      `Zone inconnue : ${JSON.stringify(issue.input)}. Valeurs possibles : metropole, alsace_moselle.`,
  })
  .describe(
    'Calendrier des jours fériés : metropole, ou alsace_moselle (Vendredi saint et 26 décembre en plus).',
  );

export const contextSchema = z
  .strictObject({
    organisationType: organisationTypeSchema,
    zone: zoneSchema.default('metropole'),
    today: calendarDateSchema.describe(
      "Date du jour à laquelle on évalue l'état de chaque délai (le moteur ne lit pas l'horloge).",
    ),
  })
  .describe('Contexte du dossier.');

export { answerOutcomeSchema, factsSchema };

export const optionsSchema = z
  .strictObject({
    acknowledgmentDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .optional()
      .describe(
        "Nombre de jours pour accuser réception d'une réclamation ; par défaut, le délai en vigueur à la date de la réclamation (ACPR 2024-R-02 : 10).",
      ),
    acknowledgmentDayKind: z
      .enum(['ouvrables', 'ouvres'])
      .default('ouvrables')
      .describe(
        'ouvrables : tous les jours sauf dimanche et fériés ; ouvres : du lundi au vendredi hors fériés.',
      ),
    complaintCountFrom: z
      .enum(['sending', 'receipt'])
      .default('sending')
      .describe(
        'Point de départ des délais de réclamation : envoi (ACPR actuelle) ou réception (anciennes pages).',
      ),
    mediationOutcomeFrom: z
      .enum(['notification', 'complete_file'])
      .default('notification')
      .describe('Départ des 90 jours : notification R612-2 (texte) ou réception du dossier complet.'),
    mutuelleMediator: z
      .enum(['fnmf', 'lma'])
      .default('fnmf')
      .describe("Médiateur d'une mutuelle : FNMF (par défaut) ou LMA si la mutuelle y adhère."),
    prescriptionSuspensionFrom: z
      .enum(['seizure', 'notification'])
      .default('seizure')
      .describe(
        'Début de la suspension de prescription par la médiation : saisine (Cass. com. 11/05/2022) ou notification R612-2.',
      ),
    cpamBenefitsInKindPrescription: z
      .enum(['l332_1', 'unsettled'])
      .default('l332_1')
      .describe(
        'Prestations en nature : appliquer L332-1 (par défaut) ou signaler la base légale comme incertaine.',
      ),
    goodFridayInAlsace: z
      .boolean()
      .default(true)
      .describe('Compter le Vendredi saint comme férié en Alsace-Moselle.'),
    rollOverDeadlines: z
      .array(deadlineIdSchema)
      .default(() => [...DEFAULT_ROLL_OVER])
      .describe(
        'Délais prorogés au jour ouvrable suivant (CPC art. 642) quand ils tombent un samedi, dimanche ou férié.',
      ),
  })
  .describe('Conventions laissées ouvertes par les textes ; chacune a une valeur par défaut.');

export const deadlinesInputSchema = z
  .strictObject({
    context: contextSchema,
    facts: factsSchema.prefault({}),
    options: optionsSchema.prefault({}),
  })
  .describe('Dossier à analyser : contexte, faits datés et conventions de calcul.');

export type DeadlinesInput = z.input<typeof deadlinesInputSchema>;
export type ParsedDeadlinesInput = z.output<typeof deadlinesInputSchema>;
export type Facts = ParsedDeadlinesInput['facts'];
export type Options = ParsedDeadlinesInput['options'];
export type Context = ParsedDeadlinesInput['context'];

export const deadlineStatusSchema = z
  .enum(['open', 'met', 'missed', 'not_applicable_yet', 'suspended', 'not_enforceable', 'passed'])
  .describe(
    "open : en cours (daysLeft = 0 le dernier jour) ; met : respecté ; missed : dépassé ; not_applicable_yet : pas encore ouvert ou fait déclencheur manquant ; suspended : suspendu (médiation) ; not_enforceable : inopposable (R142-1-A III) ; passed : date d'effet atteinte (jalon).",
  );
export type DeadlineStatus = z.infer<typeof deadlineStatusSchema>;

export const partySchema = z
  .enum(['organisation', 'member', 'mediator', 'cpam'])
  .describe('Qui doit agir avant la date.');
export type Party = z.infer<typeof partySchema>;

/** What a program reads instead of parsing `rule` (issue 16): each field belongs to the deadlines that name it. */
export const deadlineDetailsSchema = z
  .object({
    annualNotice: z
      .object({
        ordinaryNoticeBy: calendarDateSchema.describe('Date limite ordinaire : échéance − 2 mois.'),
        chatelNoticeBy: calendarDateSchema
          .nullable()
          .describe(
            "Date limite prolongée par la loi Chatel (avis tardif + 20 jours) ; null si l'avis n'est pas tardif.",
          ),
        noticeSentOn: calendarDateSchema.nullable().describe("Envoi de l'avis d'échéance, s'il est connu."),
        noticeLate: z
          .boolean()
          .nullable()
          .describe(
            "Avis envoyé moins de 15 jours avant la date ordinaire, ou après ; null si la date d'envoi est inconnue.",
          ),
      })
      .optional(),
    refundPeriod: z
      .object({
        from: calendarDateSchema.describe("Premier jour qui n'est plus couvert (date d'effet)."),
        to: calendarDateSchema
          .nullable()
          .describe('Dernier jour de la période déjà payée ; null si inconnu.'),
        refundBy: calendarDateSchema.describe('Date limite du remboursement.'),
      })
      .optional(),
    portabilityMonths: z.number().int().optional().describe('Durée de la portabilité, en mois.'),
    premiumCaps: z
      .array(
        z.object({
          year: z.number().int().describe('Année du maintien (1 à 3).'),
          from: calendarDateSchema,
          to: calendarDateSchema,
          maxPercentOfActive: z.number().int().describe('Plafond en % du tarif des salariés actifs.'),
          maxMonthlyPremiumCents: z
            .number()
            .int()
            .nullable()
            .describe('Cotisation mensuelle maximale, en centimes ; null sans le tarif des actifs.'),
        }),
      )
      .optional(),
    missing: z
      .array(z.string())
      .optional()
      .describe('Ce qui manque pour calculer la date (« non calculable »), en français.'),
  })
  .describe('Données structurées propres à certains délais.');

export const deadlineSchema = z.object({
  id: deadlineIdSchema,
  kind: z
    .enum(['deadline', 'window', 'milestone'])
    .describe(
      'deadline : agir au plus tard le ; window : agir entre opensOn et dueDate ; milestone : date d’effet.',
    ),
  title: z.string().describe('Intitulé en français.'),
  party: partySchema,
  opensOn: calendarDateSchema.nullable().describe("Premier jour où l'on peut agir (fenêtres), sinon null."),
  dueDate: calendarDateSchema
    .nullable()
    .describe('Dernier jour (inclus), ou date d’effet d’un jalon ; null si inconnu.'),
  status: deadlineStatusSchema,
  daysLeft: z
    .number()
    .int()
    .nullable()
    .describe(
      'Jours calendaires de today à dueDate (0 = dernier jour, négatif = dépassé) ; null sans objet.',
    ),
  rolledOver: z.boolean().describe('true si la date a été reportée au jour ouvrable suivant (CPC art. 642).'),
  rule: z.string().describe('La règle appliquée au dossier, en français, avec les dates calculées.'),
  source: z.string().describe('Texte ou recommandation.'),
  action: z.string().describe('Ce que l’adhérent ou le gestionnaire doit faire.'),
  computation: z.string().describe('Comment la date a été comptée (jours sautés, report, suspension).'),
  notes: z.array(z.string()).describe('Mises en garde (points non tranchés, conditions).'),
  doneOn: calendarDateSchema
    .optional()
    .describe(
      'Jour où la partie a agi (accusé de réception, réponse, saisine), quand il est connu : met ou missed se lisent avec lui.',
    ),
  mediator: z
    .object({ name: z.string(), howToSeize: z.string(), source: z.string() })
    .optional()
    .describe('Médiateur compétent (délais de médiation).'),
  details: deadlineDetailsSchema.optional(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const conventionSchema = z.object({
  option: z.string().describe("Nom de l'option."),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
  isDefault: z.boolean(),
  explanation: z.string().describe('Ce que la valeur retenue signifie, en français.'),
});
export type Convention = z.infer<typeof conventionSchema>;

export const deadlinesOutputSchema = z
  .object({
    today: calendarDateSchema,
    organisationType: organisationTypeSchema,
    zone: zoneSchema,
    deadlines: z.array(deadlineSchema),
    conventions: z.array(conventionSchema),
  })
  .describe('Délais applicables au dossier, avec leur état à la date du jour.');
export type DeadlinesOutput = z.infer<typeof deadlinesOutputSchema>;
