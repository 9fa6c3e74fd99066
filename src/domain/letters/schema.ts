import { z } from 'zod';
import { CONTACT_CHANNELS } from '../../contracts/channels.ts';
import { DECISION_OUTCOMES } from '../../contracts/decision-outcomes.ts';
import { organisationKindSchema } from '../../contracts/organisation-kinds.ts';
import { limitText, TEXT_LIMITS } from '../../contracts/text-limits.ts';
import '../shared/zod-french.ts';
import { calendarDateSchema, factsSchema, zoneSchema } from '../deadlines/schema.ts';

/**
 * The "dossier as JSON" a letter is drafted from: everything a letter may quote, and nothing it must look up.
 * The server builds it from the database (src/server/letters/dossier-json.ts); the CLI reads it on stdin.
 */

export const MEMBER_LETTER_TYPES = [
  'reclamation',
  'detail_calcul',
  'relance',
  'mise_en_demeure',
  'saisine_mediateur',
  'recours_cra',
  'resiliation',
  'portabilite',
  'defenseur_des_droits',
  'requete_tribunal',
  'saisine_pole_social',
] as const;
export const ORGANISATION_LETTER_TYPES = ['accuse_reception', 'demande_piece', 'reponse_motivee'] as const;
export const LETTER_TYPES = [...MEMBER_LETTER_TYPES, ...ORGANISATION_LETTER_TYPES] as const;
export type LetterType = (typeof LETTER_TYPES)[number];
export type LetterSide = 'member' | 'organisation';

export const letterTypeSchema = z.enum(LETTER_TYPES, {
  error: (issue) =>
    issue.input === undefined
      ? `Indiquez le type de courrier. Valeurs possibles : ${LETTER_TYPES.join(', ')}.`
      : `Type de courrier inconnu : ${JSON.stringify(issue.input)}. Valeurs possibles : ${LETTER_TYPES.join(', ')}.`,
});

export function sideOf(type: LetterType): LetterSide {
  return (ORGANISATION_LETTER_TYPES as readonly string[]).includes(type) ? 'organisation' : 'member';
}

const lines = (description: string) =>
  z
    .array(z.string().trim().min(1).max(120))
    .max(8, 'Une adresse tient en 8 lignes au plus.')
    .default([])
    .describe(description);

export { organisationKindSchema };

export const mediatorSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    postalAddress: lines('Adresse postale du médiateur, une ligne par élément.'),
    howToSeize: z.string().trim().min(2).max(1000).describe('Comment le saisir (site, courrier).'),
    source: z.string().max(300).optional(),
  })
  .describe('Médiateur compétent ; à défaut, celui du type d’organisme (MEDIATORS).');

export const letterDossierSchema = z
  .strictObject({
    today: calendarDateSchema.describe('Date du courrier (le moteur ne lit pas l’horloge).'),
    place: z.string().trim().min(1).max(80).default('Lyon').describe('Lieu de rédaction.'),
    member: z.strictObject({
      name: z.string().trim().min(2).max(200),
      postalAddress: lines('Adresse postale de l’adhérent, une ligne par élément.'),
      memberNumber: z
        .string()
        .trim()
        .max(60)
        .optional()
        .describe('Numéro d’adhérent ou de sécurité sociale.'),
      email: z.string().trim().max(200).optional(),
    }),
    organisation: z.strictObject({
      name: z.string().trim().min(2).max(200),
      kind: organisationKindSchema,
      department: z
        .string()
        .trim()
        .max(120)
        .optional()
        .describe('Service destinataire (par défaut : Service Réclamations).'),
      postalAddress: lines('Adresse postale du service réclamations, une ligne par élément.'),
      mediator: mediatorSchema.nullable().optional(),
      signatory: z
        .string()
        .trim()
        .max(200)
        .optional()
        .describe('Signataire des courriers de l’organisme (conseiller).'),
    }),
    dossier: z.strictObject({
      reference: z.string().trim().min(1).max(60).describe('Référence Recours (REC-2026-XXXXXX).'),
      organisationReference: z.string().trim().max(100).optional(),
      category: z.string().trim().max(60).default('other'),
      title: z.string().trim().min(1).max(300),
      description: z.string().max(20_000).default(''),
      amountCents: z
        .number()
        .int()
        .min(0)
        .max(100_000_000)
        .optional()
        .describe('Montant en jeu, en centimes.'),
      zone: zoneSchema.default('metropole'),
      facts: factsSchema.prefault({}),
    }),
    contacts: z
      .array(
        z.strictObject({
          date: calendarDateSchema,
          channel: z.enum(CONTACT_CHANNELS),
          agent: z.string().max(200).optional(),
          reference: z.string().max(100).optional(),
          summary: z.string().max(2000),
        }),
      )
      .default([]),
    documents: z
      .array(
        z.strictObject({
          id: z.string().max(100).optional(),
          kind: z.string().max(60),
          title: z.string().trim().min(1).max(300),
          date: calendarDateSchema.optional(),
          fileName: z.string().max(300).optional(),
          mimeType: z.string().max(100).optional(),
        }),
      )
      .default([]),
    shortfalls: z
      .array(
        z.strictObject({
          sentence: z.string().trim().min(1).max(2000).describe('Phrase du simulateur de remboursement.'),
          amountCents: z.number().int().describe('Montant manquant, en centimes.'),
        }),
      )
      .default([]),
    letters: z
      .array(
        z.strictObject({
          type: letterTypeSchema,
          date: calendarDateSchema.describe("Date d'envoi."),
          registeredNumber: z.string().max(60).optional(),
          sendingMethod: z.string().max(40).optional(),
        }),
      )
      .default([])
      .describe('Courriers déjà envoyés.'),
  })
  .describe('Dossier à partir duquel un courrier est rédigé.');

export type LetterDossierInput = z.input<typeof letterDossierSchema>;
export type LetterDossier = z.output<typeof letterDossierSchema>;
export type Mediator = z.output<typeof mediatorSchema>;

export const terminationGroundSchema = z.enum(['annual', 'anytime', 'situation_change'], {
  error: (issue) =>
    `Motif de résiliation inconnu : ${JSON.stringify(issue.input)}. Valeurs possibles : annual, anytime, situation_change.`,
});

export const letterOptionsSchema = z
  .strictObject({
    answerDays: z
      .number()
      .int()
      .min(8, 'Laissez au moins 8 jours pour répondre.')
      .max(60)
      .default(15)
      .describe('Mise en demeure : délai laissé pour répondre, en jours calendaires (15 par défaut).'),
    terminationGround: terminationGroundSchema
      .optional()
      .describe('Résiliation : motif (à défaut, facts.terminationGround, sinon annual).'),
    situationChange: z
      .string()
      .trim()
      .max(300)
      .optional()
      .describe('Résiliation pour changement de situation : lequel (déménagement, retraite…).'),
    decision: z
      .object({
        outcome: z.enum(DECISION_OUTCOMES, {
          error: 'Sens de la décision attendu : accepted, partial ou rejected.',
        }),
        reasons: z
          .string()
          .trim()
          .min(10, 'Motivez la décision (10 caractères au moins).')
          .max(TEXT_LIMITS.letterDecisionReasons),
        amountGrantedCents: z.number().int().min(0).optional(),
      })
      .optional()
      .describe('Réponse motivée : sens, motifs et montant accordé.'),
    requestedDocuments: z
      .array(z.string().trim().min(2).max(300))
      .max(20)
      .optional()
      .describe('Demande de pièce : pièces demandées.'),
  })
  .describe('Précisions propres à certains types de courriers.');
export type LetterOptionsInput = z.input<typeof letterOptionsSchema>;
export type LetterOptions = z.output<typeof letterOptionsSchema>;

/** A letter, structured: the renderer lays it out, the editor shows `bodyText(letter)`. */
export interface Letter {
  type: LetterType;
  side: LetterSide;
  sender: string[];
  recipient: string[];
  place: string;
  date: string;
  /** "Lyon, le 23/11/2026". */
  placeAndDate: string;
  /** "Lettre recommandée avec accusé de réception", when the letter should go that way. */
  sendingNote?: string;
  subject: string;
  references: { label: string; value: string }[];
  salutation: string;
  body: string[];
  closing: string;
  signature: string[];
  enclosures: string[];
  /** Articles and texts the letter relies on (also quoted in the body). */
  legalBasis: string[];
  /** The date the recipient is asked to answer or act by, from the deadline engine where it applies. */
  answerBy?: { date: string; rule: string };
}

export const editedLetterSchema = z.strictObject({
  subject: z.string().trim().min(3, 'L’objet doit faire 3 caractères au moins.').max(300),
  bodyText: z
    .string()
    .trim()
    .min(20, 'Le texte du courrier doit faire 20 caractères au moins.')
    .max(
      TEXT_LIMITS.letterBody,
      `Le texte du courrier dépasse ${limitText(TEXT_LIMITS.letterBody)} caractères.`,
    ),
});
export type EditedLetter = z.output<typeof editedLetterSchema>;
