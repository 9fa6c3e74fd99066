import { z } from 'zod';
import { editedLetterSchema } from '../../domain/letters/schema.ts';

/**
 * A file's letters (/api/v1/dossiers/:id/letters…, mediation bundle checks): the routes declare these answers and
 * the web parses with them (decision 0015).
 */

export const letterSchema = z.object({
  id: z.string().uuid(),
  type: z.string(),
  subject: z.string(),
  body: z.string().describe('Texte final du courrier (paragraphes séparés par une ligne vide)'),
  createdAt: z.string(),
  sentOn: z.string().nullable(),
  sendingMethod: z.string().nullable(),
  registeredNumber: z.string().nullable(),
  pdfUrl: z.string(),
});

export type StoredLetter = z.infer<typeof letterSchema>;
export const letterListSchema = z.object({ letters: z.array(letterSchema) });

export const structuredLetterSchema = z
  .object({
    type: z.string(),
    side: z.enum(['member', 'organisation']),
    sender: z.array(z.string()),
    recipient: z.array(z.string()),
    placeAndDate: z.string(),
    sendingNote: z.string().optional(),
    subject: z.string(),
    references: z.array(z.object({ label: z.string(), value: z.string() })),
    salutation: z.string(),
    body: z.array(z.string()),
    closing: z.string(),
    signature: z.array(z.string()),
    enclosures: z.array(z.string()),
    legalBasis: z.array(z.string()),
    answerBy: z.object({ date: z.string(), rule: z.string() }).optional(),
  })
  .describe('Courrier structuré (expéditeur, destinataire, objet, références, corps, pièces)');

/** GET …/letters/preview: the letter drafted from the file, not stored. */
export const letterPreviewSchema = z.object({ letter: structuredLetterSchema, text: editedLetterSchema });
export type LetterPreview = z.infer<typeof letterPreviewSchema>;

/** POST …/letters (201) */
export const createdLetterSchema = z.object({ letter: letterSchema, pdfUrl: z.string() });

/** POST …/letters/:letterId/sent */
export const sentLetterSchema = z.object({
  letter: letterSchema,
  recorded: z.array(z.object({ field: z.string(), value: z.unknown() })),
  explanation: z.string(),
});

export const admissibilityCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z
    .enum(['ok', 'fail', 'warning'])
    .describe('ok : remplie ; fail : non remplie ; warning : à vérifier'),
  detail: z.string(),
  letterLine: z.string(),
  source: z.string(),
});

export type AdmissibilityCheck = z.infer<typeof admissibilityCheckSchema>;

export const mediationChecksSchema = z.object({
  mediator: z.object({
    name: z.string(),
    postalAddress: z.array(z.string()),
    howToSeize: z.string(),
  }),
  admissible: z
    .boolean()
    .describe('false : le médiateur refuserait la saisine (voir les conditions non remplies)'),
  checks: z.array(admissibilityCheckSchema),
  window: z.object({ opensOn: z.string().nullable(), closesOn: z.string().nullable() }).nullable(),
});

export type MediationChecks = z.infer<typeof mediationChecksSchema>;
