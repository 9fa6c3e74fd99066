import { z } from 'zod';
import { VOTE_CHOICES } from '../../domain/register/ethics.ts';

export const ethicsReviewSchema = z
  .object({
    id: z.string().uuid(),
    dossierId: z.string().uuid(),
    reference: z.string().describe('Référence du dossier'),
    question: z.string().describe('Question posée au comité'),
    committeeMembers: z.array(z.string()).describe('Membres du comité'),
    opinion: z.string().nullable().describe('Avis du comité'),
    votes: z
      .array(
        z.object({
          member: z.string(),
          vote: z.enum(VOTE_CHOICES),
          comment: z.string().optional(),
          recordedAt: z.string(),
        }),
      )
      .describe('Vote de chaque membre'),
    tally: z
      .object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() })
      .describe('Décompte des votes'),
    decision: z.string().nullable().describe('Décision finale'),
    status: z.enum(['open', 'decided']).describe('open : en cours ; decided : décision rendue'),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .describe('Saisine du comité éthique');
export type EthicsReview = z.infer<typeof ethicsReviewSchema>;
export const oneEthicsReviewSchema = z.object({ review: ethicsReviewSchema });
export const ethicsReviewListSchema = z.object({ reviews: z.array(ethicsReviewSchema) });
