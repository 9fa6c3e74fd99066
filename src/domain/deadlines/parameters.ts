import type { CalendarDate } from '../shared/calendar-date.ts';

/**
 * Law as data: every delay the engine uses, with the text it comes from and the date from which it applies.
 * A parameter that changed over time is a list of versions, newest last; `valueOn` picks the one in force.
 * Markers follow /work/shared/domain/reference.md: a `status` other than 'confirmed' means the source was not
 * read in a primary text and the UI must say so.
 */
export type Unit = 'jours' | 'jours_ouvrables' | 'semaines' | 'mois' | 'ans' | 'pourcent';

export interface Parameter<T = number> {
  value: T;
  unit: Unit;
  /** Date from which this version applies; null = in force before any date the engine handles (not recorded). */
  from: CalendarDate | null;
  source: string;
  status?: 'confirmed' | 'secondary' | 'unconfirmed';
}

export type DatedParameter<T = number> = readonly [Parameter<T>, ...Parameter<T>[]];

/** The version in force on `date` (the oldest one when the date precedes them all). */
export function valueOn<T>(versions: DatedParameter<T>, date: CalendarDate): Parameter<T> {
  let current = versions[0];
  for (const version of versions) if (version.from === null || version.from <= date) current = version;
  return current;
}

export const ACPR = 'Recommandation ACPR 2024-R-02 (reprend la 2022-R-01, applicable depuis le 31/12/2022)';

export const PARAMETERS = {
  complaintAcknowledgment: [
    { value: 10, unit: 'jours_ouvrables', from: '2022-12-31', source: ACPR },
  ] as DatedParameter,
  complaintAnswer: [{ value: 2, unit: 'mois', from: '2022-12-31', source: ACPR }] as DatedParameter,
  mediationEarliestWithoutAnswer: [
    {
      value: 2,
      unit: 'mois',
      from: '2022-12-31',
      source: `${ACPR} ; conditions de saisine des médiateurs (mediateur-mutualite.fr, clubdesmediateurs.fr)`,
    },
  ] as DatedParameter,
  mediationLatest: [
    { value: 1, unit: 'ans', from: null, source: 'C. consom. art. L612-2 4°' },
  ] as DatedParameter,
  mediationInadmissibilityNotice: [
    { value: 3, unit: 'semaines', from: null, source: 'C. consom. art. L612-2 (dernier alinéa)' },
  ] as DatedParameter,
  mediationOutcome: [
    { value: 90, unit: 'jours', from: null, source: 'C. consom. art. R612-5' },
  ] as DatedParameter,
  prescriptionMutuelle: [
    { value: 2, unit: 'ans', from: null, source: 'C. mutualité art. L221-11 ; interruption : art. L221-12' },
  ] as DatedParameter,
  prescriptionInsurer: [
    { value: 2, unit: 'ans', from: null, source: 'C. assur. art. L114-1 ; interruption : art. L114-2' },
  ] as DatedParameter,
  prescriptionInstitution: [
    {
      value: 2,
      unit: 'ans',
      from: null,
      source: 'CSS art. L932-13 (non relu dans la référence : à vérifier)',
      status: 'unconfirmed',
    },
  ] as DatedParameter,
  prescriptionCpam: [
    {
      value: 2,
      unit: 'ans',
      from: '2016-01-01',
      source: 'CSS art. L332-1 (version en vigueur depuis le 01/01/2016)',
    },
  ] as DatedParameter,
  mediationSuspensionMinimum: [
    { value: 6, unit: 'mois', from: null, source: 'C. civ. art. 2238' },
  ] as DatedParameter,
  craReferral: [{ value: 2, unit: 'mois', from: '2019-01-01', source: 'CSS art. R142-1' }] as DatedParameter,
  craImplicitRejection: [
    { value: 1, unit: 'mois', from: null, source: 'CSS art. R142-6 (version antérieure au décret 2018-928)' },
    { value: 2, unit: 'mois', from: '2019-01-01', source: 'CSS art. R142-6 (décret 2018-928)' },
  ] as DatedParameter,
  tribunalReferral: [
    { value: 2, unit: 'mois', from: '2019-01-01', source: 'CSS art. R142-1-A et R142-6' },
  ] as DatedParameter,
  annualTermination: [
    { value: 2, unit: 'mois', from: null, source: 'C. mutualité art. L221-10 ; C. assur. art. L113-12' },
  ] as DatedParameter,
  chatelLateNoticeThreshold: [
    {
      value: 15,
      unit: 'jours',
      from: null,
      source: 'C. mutualité art. L221-10-1 ; C. assur. art. L113-15-1',
    },
  ] as DatedParameter,
  chatelWindow: [
    {
      value: 20,
      unit: 'jours',
      from: null,
      source: 'C. mutualité art. L221-10-1 ; C. assur. art. L113-15-1',
    },
  ] as DatedParameter,
  terminationRefund: [
    { value: 30, unit: 'jours', from: null, source: 'C. mutualité art. L221-10-1 et L221-10-2' },
  ] as DatedParameter,
  anytimeTerminationAfter: [
    {
      value: 1,
      unit: 'ans',
      from: '2020-12-01',
      source: 'C. mutualité art. L221-10-2 ; C. assur. art. L113-15-2 (loi 2019-733)',
    },
  ] as DatedParameter,
  anytimeTerminationEffect: [
    {
      value: 1,
      unit: 'mois',
      from: '2020-12-01',
      source: 'C. mutualité art. L221-10-2 ; C. assur. art. L113-15-2',
    },
  ] as DatedParameter,
  situationChangeWindow: [
    { value: 3, unit: 'mois', from: null, source: 'C. mutualité art. L221-17 ; C. assur. art. L113-16' },
  ] as DatedParameter,
  situationChangeEffect: [
    { value: 1, unit: 'mois', from: null, source: 'C. mutualité art. L221-17 ; C. assur. art. L113-16' },
  ] as DatedParameter,
  portabilityCap: [
    { value: 12, unit: 'mois', from: null, source: 'CSS art. L911-8 (ANI du 11/01/2013)' },
  ] as DatedParameter,
  evinProposal: [
    { value: 2, unit: 'mois', from: null, source: 'Loi Evin n° 89-1009, art. 4' },
  ] as DatedParameter,
  evinApplication: [
    { value: 6, unit: 'mois', from: null, source: 'Loi Evin n° 89-1009, art. 4' },
  ] as DatedParameter,
} as const;

/**
 * Loi Evin maintained cover: premium capped at 100 %, 125 % then 150 % of the active employees' global tariff in
 * years 1, 2 and 3 (décret 90-769 art. 1 as amended by décret 2017-372, for cover starting from 01/07/2017;
 * reference §5). Before that date the cap was 150 % from the first year.
 */
export const EVIN_PREMIUM_CAPS = [
  {
    value: [150, 150, 150],
    unit: 'pourcent',
    from: null,
    source: 'Décret 90-769, art. 1 (version antérieure)',
  },
  {
    value: [100, 125, 150],
    unit: 'pourcent',
    from: '2017-07-01',
    source: 'Décret 90-769, art. 1, modifié par le décret 2017-372 (adhésions à compter du 01/07/2017)',
  },
] as DatedParameter<readonly [number, number, number]>;

export type OrganisationType = 'mutuelle' | 'insurer' | 'institution_prevoyance' | 'cpam';

export interface Mediator {
  name: string;
  howToSeize: string;
  source: string;
}

export const MEDIATORS = {
  fnmf: {
    name: 'Médiateur de la Mutualité Française (FNMF)',
    howToSeize:
      'Formulaire en ligne sur mediateur-mutualite.fr ou courrier au Médiateur de la Mutualité Française, avec la copie de votre réclamation écrite et de la réponse reçue (ou la preuve de l’absence de réponse).',
    source: 'C. consom. art. L612-1 et L616-1 ; mediateur-mutualite.fr',
  },
  lma: {
    name: 'La Médiation de l’Assurance (LMA)',
    howToSeize:
      'Formulaire en ligne sur mediation-assurance.org ou courrier à La Médiation de l’Assurance, avec la copie de votre réclamation écrite et de la réponse reçue (ou la preuve de l’absence de réponse).',
    source: 'C. consom. art. L612-1 et L616-1 ; clubdesmediateurs.fr',
  },
  ctip: {
    name: 'Médiateur de la protection sociale (CTIP)',
    howToSeize:
      'Formulaire en ligne sur ctip.asso.fr ou courrier au Médiateur de la protection sociale (CTIP), avec la copie de votre réclamation écrite et de la réponse reçue (ou la preuve de l’absence de réponse).',
    source: 'C. consom. art. L612-1 et L616-1 ; ctip.asso.fr',
  },
  cpam: {
    name: 'Médiateur de votre CPAM',
    howToSeize:
      'Depuis votre compte ameli (messagerie) ou par courrier au médiateur de votre caisse ; gratuit. Une démarche préalable auprès du service concerné est obligatoire.',
    source: 'CSS art. L217-7-1 ; service-public.fr F20849',
  },
} as const satisfies Record<string, Mediator>;
