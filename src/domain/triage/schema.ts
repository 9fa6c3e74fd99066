import { z } from 'zod';
import { deadlineIdSchema, deadlineStatusSchema, partySchema } from '../deadlines/schema.ts';
import '../shared/zod-french.ts';
import { calendarDateSchema } from '../../contracts/calendar-date.ts';
import { DECISION_OUTCOMES } from '../../contracts/decision-outcomes.ts';
import { limitText, TEXT_LIMITS } from '../../contracts/text-limits.ts';
import { CATEGORIES, EVENT_KINDS, NEXT_STEPS, ORGANISATIONS, STAGES } from './labels.ts';

/** Shared by the HTTP route (OpenAPI) and the CLI. */

const calendarDate = calendarDateSchema.describe('Jour calendaire, AAAA-MM-JJ (Europe/Paris).');

/** What the member answered or corrected in the conversation; each answer wins over what the text suggested. */
export const triageAnswersSchema = z
  .strictObject({
    category: z.enum(CATEGORIES).optional().describe('Type de litige, choisi ou corrigé par l’adhérent.'),
    organisation: z.enum(ORGANISATIONS).optional().describe('Organisme en face, choisi ou corrigé.'),
    stage: z.enum(STAGES).optional().describe('Démarche la plus avancée déjà faite, choisie ou corrigée.'),
    complaintSentOn: calendarDate
      .optional()
      .describe('Date d’envoi de la réclamation écrite (pour une décision CPAM : du recours à la CRA).'),
    answerReceivedOn: calendarDate
      .optional()
      .describe('Date de la réponse à la réclamation (pour la CPAM : de la décision de la CRA).'),
    answerOutcome: z
      .enum(DECISION_OUTCOMES)
      .optional()
      .describe('Sens de cette réponse : accepted, partial ou rejected.'),
    decisionNotifiedOn: calendarDate
      .optional()
      .describe('Date de réception de la décision de la CPAM contestée.'),
    terminationRequestSentOn: calendarDate.optional().describe('Date d’envoi de la demande de résiliation.'),
    amountCents: z
      .number({ message: 'Montant attendu en centimes (nombre entier), par exemple 12000 pour 120 €.' })
      .int({ message: 'Montant attendu en centimes (nombre entier), par exemple 12000 pour 120 €.' })
      .min(0, { message: 'Le montant ne peut pas être négatif.' })
      .max(100_000_000, { message: 'Montant trop élevé : au plus 1 000 000 €.' })
      .optional()
      .describe('Montant en jeu, en centimes.'),
  })
  .describe('Réponses et corrections de l’adhérent, toutes facultatives.');
export type TriageAnswers = z.infer<typeof triageAnswersSchema>;
export type AnswerKey = keyof TriageAnswers;
const ANSWER_KEYS_TUPLE = [
  'category',
  'organisation',
  'stage',
  'complaintSentOn',
  'answerReceivedOn',
  'answerOutcome',
  'decisionNotifiedOn',
  'terminationRequestSentOn',
  'amountCents',
] as const satisfies ReadonlyArray<AnswerKey>;
export const ANSWER_KEYS: ReadonlyArray<AnswerKey> = ANSWER_KEYS_TUPLE;

/** The dated facts deadlines rest on (answers fields): read in the text, then confirmed or corrected. */
export const DATED_FACT_KEYS = [
  'complaintSentOn',
  'answerReceivedOn',
  'decisionNotifiedOn',
  'terminationRequestSentOn',
] as const satisfies ReadonlyArray<AnswerKey>;
export type DatedFactKey = (typeof DATED_FACT_KEYS)[number];

export const triageRequestSchema = z
  .strictObject({
    text: z
      .string()
      .trim()
      .min(1, { message: 'Décrivez votre situation en quelques mots.' })
      .max(TEXT_LIMITS.triageText, {
        message: `Le texte est limité à ${limitText(TEXT_LIMITS.triageText)} caractères : résumez ou découpez votre message.`,
      })
      .describe("Description libre de la situation, écrite par l'adhérent (français)."),
    today: calendarDate
      .optional()
      .describe(
        "Date de référence pour les dates relatives (« il y a deux mois ») ; par défaut, aujourd'hui à Paris.",
      ),
    answers: triageAnswersSchema.optional(),
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
    nextStepClosesOn: calendarDate
      .nullable()
      .describe('Dernier jour pour cette étape, quand la loi en fixe un et que les dates sont connues.'),
    nextStepRule: z.string().describe('Identifiant de la règle appliquée (table de next-step.ts).'),
    warnings: z.array(z.string()).describe('Alertes (délai peut-être dépassé…).'),
    deadlines: z
      .array(
        z.object({
          id: deadlineIdSchema,
          kind: z.enum(['deadline', 'window', 'milestone']),
          title: z.string(),
          party: partySchema,
          opensOn: calendarDate.nullable().describe("Premier jour où l'on peut agir (fenêtres)."),
          dueDate: calendarDate.nullable().describe('Dernier jour (inclus).'),
          status: deadlineStatusSchema,
          daysLeft: z.number().int().nullable(),
          rule: z.string().describe('La règle appliquée, avec les dates calculées.'),
          source: z.string(),
          action: z.string().describe('Ce qu’il faut faire.'),
        }),
      )
      .describe('Délais du moteur de délais (docs/deadlines.md) qui s’appliquent à ce litige.'),
    amountCents: z
      .number()
      .int()
      .nullable()
      .describe(
        "Montant en jeu indiqué par l'adhérent (les montants lus dans le texte sont dans `amounts`).",
      ),
    answered: z.array(z.enum(ANSWER_KEYS_TUPLE)).describe("Champs fixés par une réponse de l'adhérent."),
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
            .describe('À quoi la date se rapporte (événement lu dans la phrase).'),
          event: z
            .enum(EVENT_KINDS)
            .nullable()
            .describe(
              'Événement de la phrase auquel la date appartient (réclamation, relance, réponse, décision, soins, facture…), null si aucun.',
            ),
          confidence: confidence.describe('Confiance dans ce rattachement, de 0 à 1.'),
        }),
      )
      .describe('Dates citées, résolues.'),
    facts: z
      .array(
        z.object({
          key: z.enum(DATED_FACT_KEYS).describe('Le champ de `answers` qui confirme ou corrige ce fait.'),
          date: calendarDate,
          label: z.string().describe('Le fait, en français (« Réclamation écrite envoyée le »).'),
          confirmed: z
            .boolean()
            .describe("Confirmé par l'adhérent (réponse), ou seulement lu dans le texte."),
          confidence,
          span: z.object(span).nullable().describe('Les mots du texte dont la date a été lue.'),
        }),
      )
      .describe('Dates dont dépendent les délais : lues dans le texte (à confirmer) ou confirmées.'),
    deadlinesConfirmed: z
      .boolean()
      .describe(
        "Vrai quand l'étape et toutes ces dates sont confirmées : les délais peuvent être donnés comme certains.",
      ),
    references: z
      .array(z.object({ ...span, kind: z.enum(['file', 'member', 'social_security']), value: z.string() }))
      .describe('Références (dossier, adhérent, sécurité sociale).'),
    evidence: z
      .array(
        z.object({
          field: z.enum(['category', 'organisation', 'stage', 'nextStep', 'facts']),
          // rule `answer.<field>`: the member's answer; `llm.<field>`: the optional language model (server side).
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
          field: z.enum(['category', 'organisation', 'stage', 'dates', 'amount']),
          question: z.string().describe('Question à poser, en français.'),
          answer: z.enum(ANSWER_KEYS_TUPLE).describe('Le champ de `answers` qui reçoit la réponse.'),
          input: z
            .enum(['choice', 'date', 'amount'])
            .describe('choice : une des options ; date : AAAA-MM-JJ ; amount : centimes.'),
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
