import { ACPR } from '../deadlines/parameters.ts';

/**
 * Every KPI of the dashboard, the API and the CLI, as data: its French label, its exact definition and its source.
 * The keys are the JSON keys of `recours kpi` and `GET /api/v1/kpi` (issue 14); the definitions are rendered as is
 * in the dashboard's « Définitions » and in docs/kpi.md.
 */
export interface KpiDefinition {
  label: string;
  definition: string;
  source: string;
  /** How the value reads: a count, a fraction (0 to 1, four decimals), days, or a score out of 5. */
  unit: 'count' | 'rate' | 'days' | 'score' | 'breakdown';
}

const PERIOD =
  'Réclamations dont la date de réception est dans la période (bornes incluses), évaluées à la date d’arrêté';

export const KPI_DEFINITIONS = {
  count: {
    label: 'Réclamations reçues',
    definition: `${PERIOD}. Date de réception : réception par l’organisme, à défaut envoi de la réclamation, à défaut ouverture du dossier sur Recours. Les brouillons ne comptent pas.`,
    source: `${ACPR} : enregistrement des réclamations`,
    unit: 'count',
  },
  openCount: {
    label: 'Réclamations sans réponse',
    definition: `${PERIOD} : celles qui n’ont pas reçu de réponse sur le fond à la date d’arrêté.`,
    source: ACPR,
    unit: 'count',
  },
  byCategory: {
    label: 'Réclamations par catégorie',
    definition: `${PERIOD} : nombre par catégorie (les dix catégories du tri).`,
    source: 'Questionnaire ACPR protection de la clientèle (ventilation par motif)',
    unit: 'breakdown',
  },
  acknowledgedInTimeRate: {
    label: 'Accusés de réception dans les délais',
    definition:
      'Échéance : date de réception + 10 jours ouvrables (lundi à samedi, jours fériés de métropole exclus, jour de réception non compté). Dans les délais si le premier de l’accusé de réception et de la réponse est au plus tard à l’échéance ; en retard s’il est après, ou s’il n’y a ni l’un ni l’autre et que l’échéance est strictement avant la date d’arrêté ; sinon non compté. Taux = dans les délais / (dans les délais + en retard), à quatre décimales.',
    source: `${ACPR} ; C. trav. L3133-1 (jours fériés) ; CPC art. 641`,
    unit: 'rate',
  },
  answeredInTimeRate: {
    label: 'Réponses dans les deux mois',
    definition:
      'Échéance : date de réception + 2 mois (même quantième, ou dernier jour du mois quand il n’existe pas ; pas de report au jour ouvrable suivant). Dans les délais si la réponse est au plus tard à l’échéance ; en retard si elle est après, ou s’il n’y a pas de réponse et que l’échéance est strictement avant la date d’arrêté ; sinon non compté. Taux à quatre décimales.',
    source: `${ACPR} ; CPC art. 641 al. 2`,
    unit: 'rate',
  },
  medianDaysToAnswer: {
    label: 'Délai médian de réponse',
    definition:
      'Médiane des jours calendaires entre la réception et la réponse, sur les réclamations ayant reçu une réponse (moyenne des deux valeurs centrales pour un nombre pair).',
    source:
      'Indicateur de pilotage ; les médiateurs publient leur délai de traitement dans leur rapport annuel',
    unit: 'days',
  },
  mediationRate: {
    label: 'Taux de saisine du médiateur',
    definition: 'Part des réclamations ayant reçu une réponse pour lesquelles le médiateur a été saisi.',
    source: 'C. consom. L612-1 (droit de recourir gratuitement au médiateur)',
    unit: 'rate',
  },
  satisfactionMean: {
    label: 'Satisfaction moyenne',
    definition: 'Moyenne des notes de satisfaction données (1 à 5), à deux décimales.',
    source: 'Enquête de satisfaction de Recours',
    unit: 'score',
  },
} as const satisfies Record<string, KpiDefinition>;

export type KpiKey = keyof typeof KPI_DEFINITIONS;

/** The breakdowns beside the KPIs, with what each counts (labels shown above each table). */
export const BREAKDOWN_DEFINITIONS = {
  byChannel: { label: 'Par canal', definition: `${PERIOD} : nombre par canal de réception.` },
  byProduct: { label: 'Par produit', definition: `${PERIOD} : nombre par contrat.` },
  byRegion: { label: 'Par département', definition: `${PERIOD} : nombre par département de l’adhérent.` },
  byHandler: {
    label: 'Par conseiller',
    definition: `${PERIOD} : nombre, sans réponse, et délais respectés (mêmes règles que ci-dessus) par conseiller en charge.`,
  },
  backlogByAge: {
    label: 'Stock par ancienneté',
    definition: `${PERIOD} et sans réponse à la date d’arrêté, par jours calendaires écoulés depuis la réception.`,
  },
  outcomes: {
    label: 'Sens des réponses',
    definition: `${PERIOD} et ayant reçu une réponse : favorable, partielle ou défavorable.`,
  },
  reopenings: {
    label: 'Réouvertures',
    definition: `${PERIOD} : nombre de dossiers rouverts au moins une fois après leur réponse.`,
  },
} as const;

/** Ages of the backlog, in calendar days since receipt: the last step is past the 2-month answer deadline. */
export const BACKLOG_BUCKETS = [
  { key: '0-14', label: 'Moins de 15 jours', min: 0, max: 14 },
  { key: '15-30', label: '15 à 30 jours', min: 15, max: 30 },
  { key: '31-61', label: '31 jours à 2 mois', min: 31, max: 61 },
  { key: '62-90', label: 'Plus de 2 mois', min: 62, max: 90 },
  { key: '91+', label: 'Plus de 3 mois', min: 91, max: null },
] as const;

/** Handling time (calendar days from receipt to answer): the dashboard's histogram. */
export const HANDLING_TIME_BUCKETS = [
  { key: '0-10', label: '10 jours ou moins', min: 0, max: 10 },
  { key: '11-20', label: '11 à 20 jours', min: 11, max: 20 },
  { key: '21-30', label: '21 à 30 jours', min: 21, max: 30 },
  { key: '31-45', label: '31 à 45 jours', min: 31, max: 45 },
  { key: '46-61', label: '46 jours à 2 mois', min: 46, max: 61 },
  { key: '62+', label: 'Plus de 2 mois', min: 62, max: null },
] as const;
