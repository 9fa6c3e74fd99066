/**
 * Input and output of the reimbursement checker as zod 4 schemas. The HTTP API (OpenAPI through
 * fastify-type-provider-zod) and the CLI use them as they are: every field carries a `.describe()` text and every
 * refusal a French message. Money is integer cents everywhere; percentages are numbers from 0 to 100.
 */
import { z } from 'zod';
import '../shared/zod-french.ts';
import { isCalendarDate, isSupportedDate, UNSUPPORTED_YEAR_MESSAGE } from '../shared/calendar-date.ts';

/** Sane upper bound for any amount: 100 000 € (a typo in the unit is far likelier than a bigger bill). */
export const MAX_AMOUNT_CENTS = 10_000_000;

export const ACT_KINDS = [
  'consultation_generaliste',
  'consultation_specialiste',
  'teleconsultation',
  'acte_technique',
  'sage_femme',
  'dentaire_soins',
  'dentaire_prothese',
  'medicament',
  'auxiliaire_medical',
  'transport',
  'hospitalisation',
  'urgences',
  'chambre_particuliere',
  'optique',
  'audiologie',
  'non_remboursable',
] as const;
export type ActKind = (typeof ACT_KINDS)[number];

/** A table of guarantees also has a line for the forfait journalier, which is not an act but a hospital charge. */
export const GUARANTEE_KINDS = [...ACT_KINDS, 'forfait_journalier'] as const;
export type GuaranteeKind = (typeof GUARANTEE_KINDS)[number];

export const SECTORS = ['secteur_1', 'secteur_2', 'non_conventionne'] as const;
export const GUARANTEE_MODES = [
  'percent_br_including_amo',
  'percent_br_excluding_amo',
  'percent_br_plus_flat',
  'flat',
  'real_expense',
] as const;
export type GuaranteeMode = (typeof GUARANTEE_MODES)[number];

const calendarDate = (what: string) =>
  z
    .string({ error: `${what} : une date au format AAAA-MM-JJ est attendue.` })
    .refine(isCalendarDate, {
      error: (iss) => `${what} : « ${String(iss.input)} » n'est pas une date valide (AAAA-MM-JJ).`,
    })
    .refine((value) => !isCalendarDate(value) || isSupportedDate(value), {
      error: `${what} : ${UNSUPPORTED_YEAR_MESSAGE}`,
    });

const cents = (what: string) =>
  z
    .number({ error: `${what} : un montant en centimes (nombre entier) est attendu.` })
    .int({ error: `${what} : un nombre entier de centimes est attendu (ex. 3000 pour 30,00 €).` })
    .min(0, { error: `${what} ne peut pas être négatif.` })
    .max(MAX_AMOUNT_CENTS, {
      error: `${what} dépasse 100 000 € : vérifiez que le montant est saisi en centimes.`,
    });

const percent = (what: string) =>
  z
    .number({ error: `${what} : un pourcentage (nombre de 0 à 100) est attendu.` })
    .min(0, { error: `${what} doit être compris entre 0 et 100 %.` })
    .max(100, { error: `${what} doit être compris entre 0 et 100 %.` });

const count = (what: string, max: number) =>
  z
    .number({ error: `${what} : un nombre entier est attendu.` })
    .int({ error: `${what} : un nombre entier est attendu.` })
    .min(1, { error: `${what} doit être au moins 1.` })
    .max(max, { error: `${what} ne peut pas dépasser ${max}.` });

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (iss) => `${what} inconnu : « ${String(iss.input)} ». Valeurs possibles : ${values.join(', ')}.`,
  });

export const ActSchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe(
        "Identifiant libre de l'acte, repris dans `paid` ; par défaut `acte-1`, `acte-2`… dans l'ordre de saisie.",
      ),
    date: calendarDate("Date de l'acte").describe(
      "Date des soins (AAAA-MM-JJ) ; pour une hospitalisation, le jour d'entrée.",
    ),
    kind: enumOf(ACT_KINDS, "Type d'acte").describe(
      "Type d'acte : consultation_generaliste, consultation_specialiste, teleconsultation, acte_technique (acte technique médical, CCAM), sage_femme, dentaire_soins, dentaire_prothese, medicament, auxiliaire_medical (infirmier, kinésithérapeute…), transport, hospitalisation, urgences (passage sans hospitalisation), chambre_particuliere, optique, audiologie, non_remboursable.",
    ),
    label: z.string().max(200).optional().describe('Libellé libre (ex. « Consultation Dr Martin »).'),
    pricePaid: cents('Le prix payé').describe(
      'Prix facturé, en centimes, dépassements compris, hors forfait journalier (calculé).',
    ),
    baseRemboursement: cents('La base de remboursement')
      .optional()
      .describe(
        'Base de remboursement (BR) de la Sécurité sociale en centimes, pour la ligne entière. Facultative quand un tarif par défaut existe (généraliste, téléconsultation) ; égale au prix pour médicaments, transports, actes paramédicaux et urgences si absente.',
      ),
    amoRate: percent("Le taux de l'Assurance maladie")
      .optional()
      .describe(
        "Taux de remboursement de l'Assurance maladie en % (médicaments : 65, 30, 15 ou 100). Par défaut selon le type d'acte.",
      ),
    sector: enumOf(SECTORS, 'Secteur')
      .optional()
      .describe('Secteur du praticien : secteur_1, secteur_2 ou non_conventionne (défaut secteur_1).'),
    optam: z
      .boolean()
      .optional()
      .describe('Le médecin adhère à un dispositif de pratique tarifaire maîtrisée (OPTAM, OPTAM-CO).'),
    practitionerId: z
      .string()
      .max(64)
      .optional()
      .describe(
        'Identifiant du praticien (RPPS…), pour le plafond journalier de la participation forfaitaire par médecin.',
      ),
    parcoursDeSoins: z
      .boolean()
      .optional()
      .describe(
        'Parcours de soins coordonnés respecté (défaut oui). Hors parcours, les consultations sont remboursées à 30 %.',
      ),
    ald: z.boolean().optional().describe('Soins en rapport avec une affection de longue durée (100 %).'),
    pregnancyFrom6thMonth: z
      .boolean()
      .optional()
      .describe(
        "Soins pendant la période d'assurance maternité ; remplace pour cet acte la valeur du patient.",
      ),
    panier100Sante: z
      .boolean()
      .optional()
      .describe('Équipement du panier 100 % Santé (optique classe A, dentaire, audiologie classe I).'),
    quantity: count('La quantité', 1000)
      .optional()
      .describe(
        'Nombre de boîtes de médicaments, de transports, d’actes paramédicaux ou de séances (défaut 1).',
      ),
    days: count('Le nombre de jours', 3660)
      .optional()
      .describe(
        'Hospitalisation ou chambre particulière : nombre de jours facturés, jour de sortie compris (défaut 1).',
      ),
    psychiatry: z
      .boolean()
      .optional()
      .describe('Hospitalisation en psychiatrie (forfait journalier réduit).'),
    heavyAct: z
      .boolean()
      .optional()
      .describe(
        "L'acte, ou le séjour, comporte un acte d'au moins 120 € : la participation forfaitaire de 24 € (32 € en 2026) remplace le ticket modérateur. Détecté automatiquement pour un acte technique dont la BR atteint 120 €.",
      ),
  })
  .describe('Un acte de soins, ou une ligne de décompte.');

export const PatientSchema = z
  .strictObject({
    birthDate: calendarDate('Date de naissance').optional().describe('Date de naissance (AAAA-MM-JJ).'),
    age: z
      .number({ error: 'Âge : un nombre entier est attendu.' })
      .int({ error: 'Âge : un nombre entier est attendu.' })
      .min(0, { error: "L'âge ne peut pas être négatif." })
      .max(130, { error: "L'âge ne peut pas dépasser 130 ans." })
      .optional()
      .describe(
        "Âge en années, si la date de naissance n'est pas connue (pris comme âge à la date de chaque acte).",
      ),
    c2s: z.boolean().optional().describe('Bénéficiaire de la complémentaire santé solidaire (C2S).'),
    ame: z.boolean().optional().describe("Bénéficiaire de l'aide médicale de l'État (AME)."),
    pregnancyFrom6thMonth: z
      .boolean()
      .optional()
      .describe(
        "Enceinte à partir du 6e mois (ou jusqu'à 12 jours après l'accouchement) pendant tous les actes saisis.",
      ),
    alreadyBorneThisYear: z
      .object({
        year: z
          .number()
          .int()
          .min(2022)
          .max(2100)
          .optional()
          .describe("Année concernée (défaut : l'année du premier acte)."),
        participationForfaitaire: cents('La participation forfaitaire déjà payée')
          .default(0)
          .describe('Participations forfaitaires déjà retenues cette année, en centimes.'),
        franchises: cents('Les franchises déjà payées')
          .default(0)
          .describe('Franchises médicales déjà retenues cette année, en centimes.'),
      })
      .optional()
      .describe('Montants déjà supportés dans l’année, pour appliquer les plafonds annuels de 50 €.'),
  })
  .describe('La situation du patient.');

export const GuaranteeSchema = z
  .strictObject({
    kind: enumOf(GUARANTEE_KINDS, 'Type de garantie').describe(
      "Type d'acte couvert (mêmes valeurs que `acts[].kind`, plus forfait_journalier).",
    ),
    label: z
      .string({ error: 'Libellé de la garantie : un texte est attendu.' })
      .min(1, { error: 'Le libellé de la garantie est vide.' })
      .max(200)
      .describe(
        'Libellé tel qu’il figure au tableau de garanties (ex. « Consultations généralistes OPTAM »).',
      ),
    practitioner: z
      .enum(['any', 'optam', 'non_optam'], { error: 'Praticien : any, optam ou non_optam.' })
      .default('any')
      .describe(
        'optam : praticiens OPTAM ou secteur 1 ; non_optam : secteur 2 hors OPTAM et non conventionnés ; any : tous.',
      ),
    panier: z
      .enum(['any', '100_sante', 'libre'], { error: 'Panier : any, 100_sante ou libre.' })
      .default('any')
      .describe('Panier 100 % Santé, panier libre, ou les deux.'),
    mode: enumOf(GUARANTEE_MODES, 'Mode de garantie').describe(
      'percent_br_including_amo : « 200 % BR », remboursement total Sécurité sociale comprise ; percent_br_excluding_amo : X % de la BR en plus de la Sécurité sociale ; percent_br_plus_flat : « 100 % BR + 150 € » ; flat : forfait en euros (par acte, par jour ou par an) ; real_expense : frais réels.',
    ),
    percent: z
      .number({ error: 'Pourcentage de la garantie : un nombre est attendu.' })
      .min(0, { error: 'Le pourcentage de la garantie ne peut pas être négatif.' })
      .max(1000, { error: 'Le pourcentage de la garantie ne peut pas dépasser 1 000 %.' })
      .optional()
      .describe('Pourcentage de la BR (100 = 100 % BR).'),
    amount: cents('Le forfait de la garantie').optional().describe('Forfait en centimes.'),
    amountPer: z
      .enum(['act', 'day', 'year'], { error: 'Unité du forfait : act, day ou year.' })
      .default('act')
      .describe('Le forfait est dû par acte (ou séance), par jour, ou par an (budget sur la période).'),
    yearlyCeiling: cents('Le plafond annuel')
      .optional()
      .describe('Plafond du remboursement de la ligne sur la période, en centimes.'),
    yearlyCount: count('Le nombre d’actes par période', 1000)
      .optional()
      .describe("Nombre d'actes (ou d'équipements) pris en charge par période."),
    periodYears: count('La période', 10)
      .default(1)
      .describe('Durée de la période en années civiles (2 pour « une paire tous les 2 ans »).'),
    alreadyUsed: z
      .object({
        amount: cents('Le montant déjà remboursé').default(0),
        count: z.number().int().min(0).max(1000).default(0),
      })
      .optional()
      .describe('Déjà consommé sur la période en cours, avant les actes saisis.'),
  })
  .superRefine((g, ctx) => {
    const needsPercent = g.mode.startsWith('percent');
    const needsAmount = g.mode === 'flat' || g.mode === 'percent_br_plus_flat';
    if (needsPercent && g.percent === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['percent'],
        message: `Le mode ${g.mode} demande un pourcentage (percent).`,
      });
    if (needsAmount && g.amount === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `Le mode ${g.mode} demande un forfait en centimes (amount).`,
      });
  })
  .describe('Une ligne du tableau de garanties.');

export const ContractSchema = z
  .strictObject({
    name: z.string().max(200).optional().describe('Nom du contrat.'),
    responsible: z
      .boolean()
      .default(true)
      .describe('Contrat responsable (art. L871-1, R871-1 et R871-2 CSS) ; presque tous le sont.'),
    guarantees: z.array(GuaranteeSchema).max(200).describe('Tableau de garanties.'),
  })
  .describe('Le contrat de complémentaire santé.');

export const PaidSchema = z
  .strictObject({
    actId: z
      .string({ error: 'Paiement : l’identifiant de l’acte (actId) est attendu.' })
      .min(1)
      .describe("Identifiant de l'acte (`acts[].id`, ou `acte-1`…)."),
    amc: cents('Le montant versé par la complémentaire')
      .optional()
      .describe('Montant versé par la complémentaire, en centimes.'),
    amo: cents("Le montant versé par l'Assurance maladie")
      .optional()
      .describe("Montant versé par l'Assurance maladie, en centimes."),
  })
  .describe('Ce qui a été réellement versé pour un acte.');

export const OptionsSchema = z
  .strictObject({
    heavyActFlatIncreaseDate: calendarDate('Date du passage à 32 €')
      .optional()
      .describe(
        'Date du passage de 24 € à 32 € de la participation sur les actes ≥ 120 € (❌ 1er ou 22 avril 2026 ; défaut 2026-04-22).',
      ),
    emergencyFlatIncreaseDate: calendarDate('Date du passage du forfait urgences à 23 €')
      .optional()
      .describe(
        'Date du passage du forfait patient urgences de 19,61 € à 23 € (défaut 2026-03-01, projets de textes).',
      ),
    dentalRate: percent('Le taux dentaire')
      .optional()
      .describe('Taux dentaire depuis le 01/10/2023 (défaut 60 % ; ameli.fr indique 70 %).'),
    auxiliaryRate: percent('Le taux des auxiliaires médicaux')
      .optional()
      .describe('Taux des auxiliaires médicaux (défaut 60 %).'),
    nonOptamGpBase: cents('La base hors OPTAM')
      .optional()
      .describe(
        'BR de la consultation de généraliste secteur 2 hors OPTAM depuis le 22/12/2024 (❌ non confirmée ; défaut 2300).',
      ),
    responsibleCoversModerateMedicineTm: z
      .boolean()
      .optional()
      .describe(
        'Le contrat responsable doit couvrir le TM des médicaments à 30 % (❌ non confirmé ; défaut non).',
      ),
  })
  .describe('Paramètres incertains : les sources divergent.');

export const ReimbursementInputSchema = z
  .strictObject({
    acts: z
      .array(ActSchema, { error: 'La liste des actes (acts) est attendue.' })
      .min(1, { error: 'Saisissez au moins un acte.' })
      .max(500, { error: 'Au plus 500 actes par simulation.' })
      .describe('Actes de soins.'),
    patient: PatientSchema.default({}),
    contract: ContractSchema.optional().describe(
      'Contrat de complémentaire ; sans contrat, aucune part complémentaire.',
    ),
    paid: z
      .array(PaidSchema)
      .max(500)
      .optional()
      .describe('Montants réellement versés, pour détecter les écarts.'),
    tolerance: z
      .number()
      .int()
      .min(0, { error: 'La tolérance ne peut pas être négative.' })
      .max(10_000)
      .default(1)
      .describe('Écart toléré, en centimes, avant de signaler une différence (défaut 1).'),
    options: OptionsSchema.default({}),
  })
  .describe('Demande de simulation de remboursement.');

export type ReimbursementInput = z.input<typeof ReimbursementInputSchema>;
export type ParsedReimbursementInput = z.output<typeof ReimbursementInputSchema>;
export type Act = z.output<typeof ActSchema>;
export type Patient = z.output<typeof PatientSchema>;
export type Guarantee = z.output<typeof GuaranteeSchema>;
export type GuaranteeInput = z.input<typeof GuaranteeSchema>;
export type Contract = z.output<typeof ContractSchema>;
export type Paid = z.output<typeof PaidSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Output

export const ExplanationSchema = z
  .object({
    field: z.string().describe('Montant expliqué (amoGross, participationForfaitaire, amc…), ou `warning`.'),
    code: z.string().describe('Code stable de la règle appliquée.'),
    amount: z.number().int().optional().describe('Montant concerné, en centimes.'),
    text: z.string().describe('Explication en français.'),
    source: z.string().describe('Source juridique ou documentaire.'),
  })
  .describe('Explication d’un montant.');
export type Explanation = z.output<typeof ExplanationSchema>;

export const GuaranteeRefSchema = z.object({
  index: z.number().int().describe('Rang de la ligne dans le tableau de garanties (0 = première).'),
  label: z.string(),
  value: z.string().describe('Valeur de la garantie en clair (« 200 % BR », « 50,00 € par jour »…).'),
});
export type GuaranteeRef = z.output<typeof GuaranteeRefSchema>;

export const AmcComponentSchema = z.object({
  component: z.enum(['care', 'forfait_journalier']).describe('Soins, ou forfait journalier.'),
  payer: z.enum(['contract', 'c2s', 'ame', 'none']),
  guarantee: GuaranteeRefSchema.nullable(),
  amount: z.number().int(),
  /** Part of `amount` owed only because of a contrat responsable rule (TM, forfait journalier, 100 % Santé). */
  imposedByLaw: z.number().int(),
});
export type AmcComponent = z.output<typeof AmcComponentSchema>;

export const ActResultSchema = z.object({
  index: z.number().int().describe("Rang de l'acte dans la demande."),
  id: z.string(),
  date: z.string(),
  kind: z.enum(ACT_KINDS),
  label: z.string(),
  pricePaid: z.number().int(),
  forfaitJournalier: z.number().int().describe('Forfait journalier dû (hospitalisation).'),
  totalExpense: z.number().int().describe('Dépense totale : prix + forfait journalier.'),
  baseRemboursement: z.number().int(),
  amoRate: z.number(),
  depassement: z.number().int().describe('Prix au-delà de la BR.'),
  amoGross: z
    .number()
    .int()
    .describe("Part de l'Assurance maladie avant participation forfaitaire et franchises."),
  ticketModerateur: z
    .number()
    .int()
    .describe('BR − part AMO brute (comprend la participation de 24/32 € ou le forfait urgences).'),
  majorationHorsParcours: z.number().int().describe('Part du TM due au non-respect du parcours de soins.'),
  heavyActFlat: z
    .number()
    .int()
    .describe('Participation forfaitaire sur acte ≥ 120 € (comprise dans le TM).'),
  emergencyFlat: z.number().int().describe('Forfait patient urgences (compris dans le TM).'),
  participationForfaitaire: z.number().int(),
  franchise: z.number().int(),
  amoNet: z.number().int().describe("Versé par l'Assurance maladie."),
  amc: z.number().int().describe('Dû par la complémentaire.'),
  amcComponents: z.array(AmcComponentSchema),
  resteACharge: z.number().int().describe('Reste à charge du patient.'),
  explanations: z.array(ExplanationSchema),
});
export type ActResult = z.output<typeof ActResultSchema>;

export const TotalsSchema = z.object({
  pricePaid: z.number().int(),
  forfaitJournalier: z.number().int(),
  totalExpense: z.number().int(),
  baseRemboursement: z.number().int(),
  depassement: z.number().int(),
  amoGross: z.number().int(),
  ticketModerateur: z.number().int(),
  participationForfaitaire: z.number().int(),
  franchise: z.number().int(),
  amoNet: z.number().int(),
  amc: z.number().int(),
  resteACharge: z.number().int(),
});
export type Totals = z.output<typeof TotalsSchema>;

export const YearCountersSchema = z.object({
  year: z.number().int(),
  participationForfaitaire: z
    .number()
    .int()
    .describe("Total retenu dans l'année, montants antérieurs compris."),
  franchises: z.number().int(),
});

export const ShortfallSchema = z.object({
  actId: z.string(),
  actIndex: z.number().int(),
  date: z.string(),
  payer: z.enum(['amc', 'amo']).describe('complémentaire ou Assurance maladie'),
  expected: z.number().int(),
  paid: z.number().int(),
  difference: z.number().int().describe('Attendu − versé : positif quand il manque de l’argent.'),
  direction: z.enum(['underpaid', 'overpaid']),
  guarantees: z.array(GuaranteeRefSchema).describe('Lignes du tableau de garanties appliquées.'),
  sentence: z.string().describe('Phrase prête à citer dans une réclamation.'),
});
export type Shortfall = z.output<typeof ShortfallSchema>;

export const ReimbursementOutputSchema = z
  .object({
    acts: z.array(ActResultSchema).describe('Un résultat par acte, dans l’ordre de la demande.'),
    totals: TotalsSchema,
    yearCounters: z
      .array(YearCountersSchema)
      .describe('Participations forfaitaires et franchises cumulées par année.'),
    shortfalls: z.array(ShortfallSchema).describe('Écarts au-delà de la tolérance entre attendu et versé.'),
    warnings: z.array(ExplanationSchema).describe('Paramètres incertains utilisés dans le calcul.'),
  })
  .describe('Résultat de la simulation.');
export type ReimbursementOutput = z.output<typeof ReimbursementOutputSchema>;
