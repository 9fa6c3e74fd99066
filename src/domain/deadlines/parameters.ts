import type { OrganisationKind } from '../../contracts/organisation-kinds.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import {
  type DatedParameter,
  type DatedValue,
  datedParameter,
  valueOnOrOldest,
} from '../shared/dated-parameter.ts';

/**
 * Law as data: every delay the engine uses, with the text it comes from (docs/sources.md) and the date from which
 * it applies, in the model shared with the reimbursement rules (src/domain/shared/dated-parameter.ts). Rule texts
 * render a delay from its parameter (`words`), never write it out: changing a value here changes the dates and the
 * sentences together.
 */
export type Unit = 'jours' | 'jours_ouvrables' | 'semaines' | 'mois' | 'ans' | 'pourcent';

export type DeadlineParameter = DatedParameter<number, Unit>;

/** A delay in force on a date, with its unit and its French wording (« 2 mois », « 10 jours ouvrables »). */
export interface Delay extends DatedValue<number> {
  unit: Unit;
  words: string;
}

/** « 1 an », « 2 ans », « 3 semaines », « 90 jours », « 10 jours ouvrables », « 2 mois ». */
export function durationWords(value: number, unit: Unit): string {
  const plural = value > 1;
  switch (unit) {
    case 'jours':
      return `${value} jour${plural ? 's' : ''}`;
    case 'jours_ouvrables':
      return `${value} jour${plural ? 's' : ''} ouvrable${plural ? 's' : ''}`;
    case 'semaines':
      return `${value} semaine${plural ? 's' : ''}`;
    case 'mois':
      return `${value} mois`;
    case 'ans':
      return `${value} an${plural ? 's' : ''}`;
    case 'pourcent':
      return `${value} %`;
  }
}

/**
 * The delay in force on `date`. A date before the first version gets the oldest one: the rules apply the oldest
 * text they know to older facts and say so in their notes (e.g. complaints before 31/12/2022).
 */
export function delayOn(param: DeadlineParameter, date: CalendarDate): Delay {
  const version = valueOnOrOldest(param, date);
  return { ...version, unit: param.unit, words: durationWords(version.value, param.unit) };
}

function law(
  id: string,
  label: string,
  unit: Unit,
  values: readonly [DatedValue<number>, ...DatedValue<number>[]],
): DeadlineParameter {
  return datedParameter(id, label, unit, values);
}

export const ACPR = 'Recommandation ACPR 2024-R-02 (reprend la 2022-R-01, applicable depuis le 31/12/2022)';

export const PARAMETERS = {
  complaintAcknowledgment: law(
    'complaintAcknowledgment',
    "Délai d'accusé de réception d'une réclamation",
    'jours_ouvrables',
    [{ value: 10, from: '2022-12-31', source: ACPR, confidence: 'confirmed' }],
  ),
  complaintAnswer: law('complaintAnswer', 'Délai de réponse à une réclamation', 'mois', [
    { value: 2, from: '2022-12-31', source: ACPR, confidence: 'confirmed' },
  ]),
  mediationEarliestWithoutAnswer: law(
    'mediationEarliestWithoutAnswer',
    'Délai sans réponse avant de pouvoir saisir le médiateur',
    'mois',
    [
      {
        value: 2,
        from: '2022-12-31',
        source: `${ACPR} ; conditions de saisine des médiateurs (mediateur-mutualite.fr, clubdesmediateurs.fr)`,
        confidence: 'confirmed',
      },
    ],
  ),
  mediationLatest: law(
    'mediationLatest',
    'Délai maximal de saisine du médiateur après la réclamation écrite',
    'ans',
    [{ value: 1, from: null, source: 'C. consom. art. L612-2 4°', confidence: 'confirmed' }],
  ),
  mediationInadmissibilityNotice: law(
    'mediationInadmissibilityNotice',
    "Délai de notification d'une irrecevabilité par le médiateur",
    'semaines',
    [{ value: 3, from: null, source: 'C. consom. art. L612-2 (dernier alinéa)', confidence: 'confirmed' }],
  ),
  mediationOutcome: law('mediationOutcome', "Délai d'issue de la médiation", 'jours', [
    { value: 90, from: null, source: 'C. consom. art. R612-5', confidence: 'confirmed' },
  ]),
  prescriptionMutuelle: law('prescriptionMutuelle', 'Prescription des actions contre une mutuelle', 'ans', [
    {
      value: 2,
      from: null,
      source: 'C. mutualité art. L221-11 ; interruption : art. L221-12',
      confidence: 'confirmed',
    },
  ]),
  prescriptionInsurer: law('prescriptionInsurer', 'Prescription des actions contre un assureur', 'ans', [
    {
      value: 2,
      from: null,
      source: 'C. assur. art. L114-1 ; interruption : art. L114-2',
      confidence: 'confirmed',
    },
  ]),
  prescriptionInstitution: law(
    'prescriptionInstitution',
    'Prescription des actions contre une institution de prévoyance',
    'ans',
    [
      {
        value: 2,
        from: null,
        source: 'CSS art. L932-13 (texte non relu : à vérifier)',
        confidence: 'unconfirmed',
      },
    ],
  ),
  prescriptionCpam: law('prescriptionCpam', "Prescription de l'action de l'assuré contre la CPAM", 'ans', [
    {
      value: 2,
      from: '2016-01-01',
      source: 'CSS art. L332-1 (version en vigueur depuis le 01/01/2016)',
      confidence: 'confirmed',
    },
  ]),
  mediationSuspensionMinimum: law(
    'mediationSuspensionMinimum',
    'Reprise minimale de la prescription après la médiation',
    'mois',
    [{ value: 6, from: null, source: 'C. civ. art. 2238', confidence: 'confirmed' }],
  ),
  craReferral: law('craReferral', 'Délai de saisine de la commission de recours amiable', 'mois', [
    { value: 2, from: '2019-01-01', source: 'CSS art. R142-1', confidence: 'confirmed' },
  ]),
  craImplicitRejection: law(
    'craImplicitRejection',
    'Silence de la commission de recours amiable valant rejet',
    'mois',
    [
      {
        value: 1,
        from: null,
        source: 'CSS art. R142-6 (version antérieure au décret 2018-928)',
        confidence: 'confirmed',
      },
      { value: 2, from: '2019-01-01', source: 'CSS art. R142-6 (décret 2018-928)', confidence: 'confirmed' },
    ],
  ),
  tribunalReferral: law(
    'tribunalReferral',
    'Délai de saisine du pôle social du tribunal judiciaire',
    'mois',
    [{ value: 2, from: '2019-01-01', source: 'CSS art. R142-1-A et R142-6', confidence: 'confirmed' }],
  ),
  annualTermination: law('annualTermination', "Préavis de résiliation à l'échéance", 'mois', [
    {
      value: 2,
      from: null,
      source: 'C. mutualité art. L221-10 ; C. assur. art. L113-12',
      confidence: 'confirmed',
    },
  ]),
  chatelLateNoticeThreshold: law(
    'chatelLateNoticeThreshold',
    "Avis d'échéance tardif (loi Chatel)",
    'jours',
    [
      {
        value: 15,
        from: null,
        source: 'C. mutualité art. L221-10-1 ; C. assur. art. L113-15-1',
        confidence: 'confirmed',
      },
    ],
  ),
  chatelWindow: law('chatelWindow', 'Délai de résiliation après un avis tardif (loi Chatel)', 'jours', [
    {
      value: 20,
      from: null,
      source: 'C. mutualité art. L221-10-1 ; C. assur. art. L113-15-1',
      confidence: 'confirmed',
    },
  ]),
  terminationRefund: law('terminationRefund', 'Délai de remboursement de la cotisation non courue', 'jours', [
    { value: 30, from: null, source: 'C. mutualité art. L221-10-1 et L221-10-2', confidence: 'confirmed' },
  ]),
  anytimeTerminationAfter: law(
    'anytimeTerminationAfter',
    'Ancienneté ouvrant la résiliation à tout moment',
    'ans',
    [
      {
        value: 1,
        from: '2020-12-01',
        source: 'C. mutualité art. L221-10-2 ; C. assur. art. L113-15-2 (loi 2019-733)',
        confidence: 'confirmed',
      },
    ],
  ),
  anytimeTerminationEffect: law(
    'anytimeTerminationEffect',
    "Prise d'effet de la résiliation à tout moment",
    'mois',
    [
      {
        value: 1,
        from: '2020-12-01',
        source: 'C. mutualité art. L221-10-2 ; C. assur. art. L113-15-2',
        confidence: 'confirmed',
      },
    ],
  ),
  situationChangeWindow: law(
    'situationChangeWindow',
    'Délai de résiliation après un changement de situation',
    'mois',
    [
      {
        value: 3,
        from: null,
        source: 'C. mutualité art. L221-17 ; C. assur. art. L113-16',
        confidence: 'confirmed',
      },
    ],
  ),
  situationChangeEffect: law(
    'situationChangeEffect',
    "Prise d'effet de la résiliation pour changement de situation",
    'mois',
    [
      {
        value: 1,
        from: null,
        source: 'C. mutualité art. L221-17 ; C. assur. art. L113-16',
        confidence: 'confirmed',
      },
    ],
  ),
  portabilityCap: law('portabilityCap', 'Durée maximale de la portabilité', 'mois', [
    { value: 12, from: null, source: 'CSS art. L911-8 (ANI du 11/01/2013)', confidence: 'confirmed' },
  ]),
  evinProposal: law('evinProposal', 'Délai de proposition de maintien (loi Evin)', 'mois', [
    { value: 2, from: null, source: 'Loi Evin n° 89-1009, art. 4', confidence: 'confirmed' },
  ]),
  evinApplication: law('evinApplication', 'Délai de demande de maintien (loi Evin)', 'mois', [
    { value: 6, from: null, source: 'Loi Evin n° 89-1009, art. 4', confidence: 'confirmed' },
  ]),
} as const;

/**
 * Loi Evin maintained cover: premium capped at 100 %, 125 % then 150 % of the active employees' global tariff in
 * years 1, 2 and 3 (décret 90-769 art. 1 as amended by décret 2017-372, for cover starting from 01/07/2017;
 * docs/sources.md). Before that date the cap was 150 % from the first year.
 */
export const EVIN_PREMIUM_CAPS = datedParameter<readonly [number, number, number], 'pourcent'>(
  'evinPremiumCaps',
  'Plafond de la cotisation du maintien (loi Evin), années 1 à 3',
  'pourcent',
  [
    {
      value: [150, 150, 150],
      from: null,
      source: 'Décret n° 90-769 du 30/08/1990, art. 1 (version antérieure au 01/07/2017)',
      confidence: 'confirmed',
    },
    {
      value: [100, 125, 150],
      from: '2017-07-01',
      source:
        'Décret n° 90-769, art. 1, modifié par le décret n° 2017-372 (adhésions à compter du 01/07/2017)',
      confidence: 'confirmed',
    },
  ],
);

export type OrganisationType = OrganisationKind;

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
