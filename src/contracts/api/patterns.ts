import { z } from 'zod';
import { DIMENSIONS } from '../../domain/patterns/cells.ts';

/**
 * The stored spikes of an organisation (GET /api/v1/patterns, issue 15): the route declares the answer and the web
 * parses it with the same schema (the « Tendances » page and the dashboard's card).
 */
export const spikeAlertSchema = z.object({
  dimensions: z
    .object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.string().optional()])))
    .describe('La combinaison concernée : catégorie, produit, région, canal (une à trois)'),
  weekStart: z.string().describe('Lundi de la semaine (AAAA-MM-JJ)'),
  observed: z.number().int().describe('Réclamations reçues cette semaine'),
  expected: z.number().describe('Réclamations attendues d’après l’historique'),
  score: z.number().describe('Rareté : −log₁₀ de la probabilité d’un tel nombre (3 = une chance sur 1 000)'),
  explanation: z.string().describe('Explication en français'),
});
export type SpikeAlert = z.infer<typeof spikeAlertSchema>;

/** A theme alert of the latest weekly run, as the dashboard and the spikes' answer show it. */
export const themeAlertSchema = z.object({
  label: z.string().describe('Le thème, par ses mots caractéristiques'),
  kind: z.enum(['new', 'growing']).describe('Nouveau thème ou thème en forte hausse'),
  explanation: z.string().describe('Explication en français'),
  weekStart: z.string().describe('Lundi de la semaine du calcul (AAAA-MM-JJ)'),
});
export type ThemeAlert = z.infer<typeof themeAlertSchema>;

export const storedSpikesSchema = z.object({
  computedAt: z.string().nullable().describe('Date et heure du dernier calcul (null : jamais calculé)'),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  message: z.string().nullable().describe('Ce qui manque quand l’historique est trop court'),
  alerts: z.array(spikeAlertSchema),
  themeAlerts: z
    .array(themeAlertSchema)
    .describe('Thèmes nouveaux ou en forte hausse du dernier calcul hebdomadaire des thèmes'),
});

export const clauseReviewSchema = z
  .object({
    status: z.enum(['scored', 'empty', 'not_french']),
    message: z.string().optional().describe('Pourquoi la clause n’est pas notée (vide, pas en français)'),
    readability: z
      .number()
      .optional()
      .describe('Indice de lisibilité de Kandel et Moles (60 et plus : clair)'),
    level: z.string().optional(),
    words: z.number().int().optional(),
    sentences: z.number().int().optional(),
    longSentences: z
      .array(z.object({ index: z.number().int(), words: z.number().int(), excerpt: z.string() }))
      .optional(),
    undefinedJargon: z.array(z.string()).optional(),
    suggestions: z.array(z.string()).optional(),
  })
  .describe('Relecture de la clause');

export const clauseCountSchema = z.object({
  product: z.string(),
  clauseId: z.string(),
  label: z.string(),
  complaints: z.number().int(),
});

export const productRankingSchema = z.object({
  ranked: z.array(
    clauseCountSchema.extend({ members: z.number().int(), perThousand: z.number(), text: z.string() }),
  ),
  withoutMembership: z.array(clauseCountSchema),
});

/** GET /api/v1/patterns/themes/latest: the themes the weekly job stored, read as they are. */
export const storedThemesSchema = z.object({
  computedAt: z.string().nullable().describe('Date et heure du dernier calcul (null : jamais calculé)'),
  weekStart: z.string().nullable().describe('Lundi de la dernière semaine analysée'),
  period: z
    .object({ from: z.string(), to: z.string() })
    .nullable()
    .describe('Les 16 semaines dont les textes sont lus'),
  recentFrom: z.string().nullable().describe('Début des 4 semaines récentes comparées aux 12 précédentes'),
  message: z.string().nullable().describe('Pourquoi aucun thème ne se dégage, ou pas encore de calcul'),
  textsPerWeek: z.number().int().describe('Textes lus au plus par semaine (échantillon reproductible)'),
  weeks: z.array(
    z.object({
      weekStart: z.string(),
      complaints: z.number().int().describe('Réclamations avec une description'),
      texts: z.number().int().describe('Textes lus parmi elles'),
    }),
  ),
  themes: z.array(
    z.object({
      label: z.string(),
      terms: z.array(z.string()),
      complaints: z.number().int().describe('Réclamations du thème parmi les textes lus (5 au moins)'),
      examples: z.array(z.string()).describe('Extraits anonymisés'),
      weekly: z.array(z.object({ weekStart: z.string(), complaints: z.number().int() })),
      recent: z.number().int().describe('Réclamations du thème dans les 4 semaines récentes'),
      earlier: z.number().int().describe('Réclamations du thème dans les 12 semaines précédentes'),
      recentShare: z.number().describe('Part des textes lus des 4 semaines récentes (0 à 1)'),
      earlierShare: z.number().describe('Part des textes lus des 12 semaines précédentes (0 à 1)'),
      alert: z.object({ kind: z.enum(['new', 'growing']), explanation: z.string() }).nullable(),
    }),
  ),
});
export type StoredThemes = z.infer<typeof storedThemesSchema>;

/** GET /api/v1/patterns/clauses */
export const clauseSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string().describe('Texte de la clause, tel qu’importé ou modifié'),
  product: z.string().nullable(),
  topic: z.string().nullable(),
  review: clauseReviewSchema,
});
export type Clause = z.infer<typeof clauseSchema>;

export const clauseReportSchema = z.object({
  clauses: z.array(clauseSchema),
  toRewrite: z.array(
    z.object({
      clauseId: z.string(),
      label: z.string(),
      complaints: z.number().int(),
      perThousand: z.number().optional(),
      readability: z.number().nullable(),
      priority: z.number(),
      reasons: z.array(z.string()),
      suggestions: z.array(z.string()),
    }),
  ),
  ranking: productRankingSchema.describe('Garanties et clauses par réclamations pour 1 000 adhérents'),
  products: productRankingSchema.describe('Produits par réclamations pour 1 000 adhérents'),
});
export type ClauseReport = z.infer<typeof clauseReportSchema>;

/** GET /api/v1/patterns/rule-changes */
export const ruleChangesSchema = z.object({
  changes: z.array(
    z.object({
      parameter: z.string(),
      label: z.string(),
      table: z.enum(['remboursement', 'délais']),
      from: z.string(),
      before: z.string().nullable(),
      after: z.string(),
      source: z.string(),
      confidence: z.enum(['confirmed', 'secondary', 'unconfirmed']),
      letters: z.array(z.object({ type: z.string(), label: z.string() })),
      deadlines: z.array(z.object({ id: z.string(), label: z.string() })),
      checks: z.array(z.string()),
      explanation: z.string(),
    }),
  ),
});
export type RuleChanges = z.infer<typeof ruleChangesSchema>;

/** PATCH /api/v1/patterns/clauses/:id */
export const editedClauseSchema = z.object({ clause: clauseSchema });

/** DELETE /api/v1/patterns/clauses/:id */
export const deletedClauseSchema = z.object({ id: z.string() });

/** GET /api/v1/patterns/memberships */
export const membershipsSchema = z.object({
  memberships: z.array(z.object({ product: z.string(), countedOn: z.string(), members: z.number().int() })),
});

/** PUT /api/v1/patterns/memberships */
export const savedMembershipsSchema = z.object({ products: z.number().int() });

/** POST /api/v1/patterns/clauses (201) */
export const importedClausesSchema = z.object({
  clauses: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      topic: z.string().nullable(),
      review: clauseReviewSchema,
    }),
  ),
});
export type Theme = StoredThemes['themes'][number];
export type RewriteItem = ClauseReport['toRewrite'][number];
export type RuleChange = RuleChanges['changes'][number];
