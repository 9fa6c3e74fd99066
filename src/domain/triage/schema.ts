import { z } from 'zod';
import { isCalendarDate } from '../shared/calendar-date.ts';
import { CATEGORIES, NEXT_STEPS, ORGANISATIONS, STAGES } from './labels.ts';

/** Shared by the HTTP route (OpenAPI) and the CLI. */

const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'Date attendue au format AAAA-MM-JJ (par exemple 2026-11-23).' })
  .describe('Jour calendaire, AAAA-MM-JJ (Europe/Paris).');

export const triageRequestSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, { message: 'Décrivez votre situation en quelques mots.' })
      .max(5000, { message: 'Le texte est limité à 5 000 caractères : résumez ou découpez votre message.' })
      .describe("Description libre de la situation, écrite par l'adhérent (français)."),
    today: calendarDate
      .optional()
      .describe(
        "Date de référence pour les dates relatives (« il y a deux mois ») ; par défaut, aujourd'hui à Paris.",
      ),
  })
  .describe("Demande d'analyse d'un texte libre.");
export type TriageRequest = z.infer<typeof triageRequestSchema>;

const confidence = z.number().min(0).max(1);
const span = {
  text: z.string().describe('Les mots du texte original.'),
  start: z.number().int().min(0).describe('Position du premier caractère dans le texte.'),
  end: z.number().int().min(0).describe('Position après le dernier caractère.'),
};

export const diagnosisSchema = z
  .object({
    category: z.enum(CATEGORIES).describe('Type de litige.'),
    categoryLabel: z.string().describe('Libellé français du type de litige.'),
    organisation: z.enum(ORGANISATIONS).describe('Organisme avec lequel existe le litige.'),
    stage: z.enum(STAGES).describe('Démarche la plus avancée déjà faite.'),
    nextStep: z.enum(NEXT_STEPS).describe('Prochaine étape recommandée.'),
    nextStepLabel: z.string().describe('Libellé français de la prochaine étape.'),
    nextStepReason: z.string().describe('Pourquoi cette étape, en français, avec la règle de droit.'),
    nextStepSources: z.array(z.string()).describe('Textes cités (articles, recommandations).'),
    nextStepOpensOn: calendarDate
      .nullable()
      .describe("Premier jour où l'étape est ouverte, si elle ne l'est pas encore."),
    nextStepRule: z.string().describe('Identifiant de la règle appliquée (table de next-step.ts).'),
    warnings: z.array(z.string()).describe('Alertes (délai peut-être dépassé…).'),
    confidence: z
      .object({
        category: confidence,
        organisation: confidence,
        stage: confidence,
        nextStep: confidence,
        overall: confidence,
      })
      .describe('Confiance de 0 à 1 par champ, et globale.'),
    categoryAlternatives: z
      .array(z.object({ category: z.enum(CATEGORIES), label: z.string(), probability: confidence }))
      .describe('Les trois types de litige les plus probables, du plus au moins probable.'),
    amounts: z
      .array(z.object({ ...span, cents: z.number().int().describe('Montant en centimes.') }))
      .describe('Montants cités.'),
    dates: z
      .array(
        z.object({
          ...span,
          date: calendarDate,
          kind: z.enum(['absolute', 'relative']),
          precision: z
            .enum(['day', 'month'])
            .describe('`month` : seul le mois était donné ; la date est le 1er.'),
          role: z
            .enum(['complaint', 'reminder', 'decision', 'termination', 'other'])
            .describe('À quoi la date se rapporte (mot le plus proche).'),
        }),
      )
      .describe('Dates citées, résolues.'),
    references: z
      .array(z.object({ ...span, kind: z.enum(['file', 'member', 'social_security']), value: z.string() }))
      .describe('Références (dossier, adhérent, sécurité sociale).'),
    evidence: z
      .array(
        z.object({
          field: z.enum(['category', 'organisation', 'stage', 'nextStep', 'facts']),
          rule: z.string().describe('Règle ou modèle qui a conclu.'),
          detail: z.string().describe('Ce qui a été vu, en clair.'),
          spans: z.array(z.object(span)).describe('Passages du texte qui ont compté.'),
        }),
      )
      .describe('Ce qui a conduit à chaque conclusion.'),
    questions: z
      .array(
        z.object({
          id: z.string(),
          field: z.enum(['category', 'organisation', 'stage', 'dates']),
          question: z.string().describe('Question à poser, en français.'),
          options: z
            .array(z.object({ value: z.string(), label: z.string() }))
            .describe('Réponses proposées (vide : réponse libre).'),
        }),
      )
      .describe('Ce qui reste à demander : en cas de doute, on demande au lieu de deviner.'),
    summary: z.string().describe('Reformulation en une phrase : « Je comprends : … ».'),
    documents: z.array(z.string()).describe('Pièces à rassembler pour ce type de litige.'),
  })
  .describe(
    "Diagnostic d'un texte libre : type de litige, organisme, étape, prochaine démarche et questions ouvertes.",
  );
export type Diagnosis = z.infer<typeof diagnosisSchema>;
