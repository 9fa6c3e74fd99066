import { z } from 'zod';

export const memberMatchSchema = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  memberNumber: z.string().nullable(),
  phone: z.string().nullable(),
  hasAccount: z.boolean().describe('L’adhérent a un compte et voit ses dossiers dans son espace'),
});
export type MemberMatch = z.infer<typeof memberMatchSchema>;

export const recordedSchema = z.object({
  dossier: z.object({
    id: z.string().uuid(),
    reference: z.string(),
    category: z.string(),
    suggestedCategory: z.string().nullable(),
    status: z.string(),
    writtenConfirmationInvitedOn: z.string().nullable(),
  }),
  claimCode: z
    .string()
    .nullable()
    .describe('Code de rattachement de la fiche créée, à remettre à l’adhérent (affiché une seule fois)'),
  notes: z.array(z.string()).describe('Comment les délais ont été démarrés'),
});
export type Recorded = z.infer<typeof recordedSchema>;

/** GET/PUT /api/v1/dossiers/:id/documents/:docId/text */
export const documentTextSchema = z.object({
  status: z
    .enum(['pending', 'done', 'failed', 'unsupported'])
    .nullable()
    .describe('Lecture automatique : en cours, faite, échouée, format non lu'),
  text: z.string().nullable(),
  correctedAt: z.string().nullable(),
});
export type DocumentText = z.infer<typeof documentTextSchema>;

/** GET /api/v1/intake/members */
export const memberSearchSchema = z.object({ members: z.array(memberMatchSchema) });

/** POST /api/v1/intake/members/:id/claim-code */
export const claimCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });

/** GET /api/v1/dossiers/:id/intake */
export const intakeSchema = z.object({
  channel: z.string(),
  recordedBy: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
  writtenConfirmationInvitedOn: z.string().nullable(),
  identificationPending: z.boolean(),
  member: memberMatchSchema.nullable(),
  mergedInto: z.object({ id: z.string().uuid(), reference: z.string() }).nullable(),
  mergedFrom: z.array(z.object({ id: z.string().uuid(), reference: z.string() })),
});
export type Intake = z.infer<typeof intakeSchema>;

/** GET /api/v1/dossiers/:id/duplicates */
export const duplicatesSchema = z.object({
  candidates: z.array(
    z.object({
      id: z.string().uuid(),
      reference: z.string(),
      title: z.string(),
      channel: z.string(),
      status: z.string(),
      receivedOn: z.string(),
      score: z.number(),
      daysApart: z.number().int(),
      reasons: z.array(z.string()),
    }),
  ),
});

/** POST /api/v1/dossiers/:id/merge */
export const mergedSchema = z.object({ kept: z.string().uuid(), closed: z.string().uuid() });

/** POST /api/v1/me/claim */
export const claimedSchema = z.object({ files: z.number().int() });
export type DuplicateCandidate = z.infer<typeof duplicatesSchema>['candidates'][number];
