/**
 * Law as data: every amount or rate the reimbursement checker uses, dated and sourced, in the model shared with the
 * deadline rules (src/domain/shared/dated-parameter.ts). Code asks "the value on this date" through `valueOn`,
 * never hard-codes a number. Sources are listed in docs/sources.md (§ reimbursement).
 *
 * Confidence: ✅ confirmed (primary or official source), ◐ secondary source only, ❌ unconfirmed. A value that is
 * not ✅ produces a warning in the explanation of every amount it feeds.
 *
 * The simulator's scope starts on SUPPORTED_FROM: a `from` equal to that date means "in force on that date" (the
 * value may be older); it is not the date of the change.
 */
import type { CalendarDate } from '../shared/calendar-date.ts';
import {
  type DatedValue,
  datedParameter,
  type DatedParameter as SharedDatedParameter,
} from '../shared/dated-parameter.ts';

export type { Confidence, DatedValue } from '../shared/dated-parameter.ts';
export { valueOn } from '../shared/dated-parameter.ts';

export type Unit = 'cents' | 'percent' | 'boolean';
export type DatedParameter<T = number> = SharedDatedParameter<T, Unit>;

/** First day the parameter tables cover. Older acts are refused (see docs/reimbursement.md). */
export const SUPPORTED_FROM: CalendarDate = '2022-01-01';

/** The public scale the amounts and rates below belong to; the texts and pages are named after it. */
const REF = 'barème de l’Assurance maladie';
const IN_FORCE = 'en vigueur au 01/01/2022, début du périmètre du simulateur';

function param<T = number>(
  id: string,
  label: string,
  unit: Unit,
  values: readonly [DatedValue<T>, ...DatedValue<T>[]],
): DatedParameter<T> {
  return datedParameter(id, label, unit, values);
}

/**
 * Choices the reference leaves open (❌/⚠). Each has a documented default; the API and CLI expose them so that a
 * user holding the official text or the décompte can correct them.
 */
export interface ParameterOptions {
  /** ❌ Day the flat participation on acts ≥ 120 € rises from 24 € to 32 €: 22/04/2026 (quechoisir.org) by default; a draft said 01/04/2026. */
  heavyActFlatIncreaseDate?: CalendarDate;
  /** ◐ Day the forfait patient urgences rises from 19,61 € to 23 €: 01/03/2026 by default (draft decrees, AFP 23/02/2026). */
  emergencyFlatIncreaseDate?: CalendarDate;
  /** ⚠ AMO rate for dental care and prostheses since 01/10/2023: 60 % by default; ameli.fr's table shows 70 %. */
  dentalRate?: number;
  /** ⚠ AMO rate for auxiliaires médicaux: 60 % by default; ameli.fr's table shows 70 % for physiotherapists. */
  auxiliaryRate?: number;
  /** ❌ GP consultation base for a secteur 2 doctor outside OPTAM since 22/12/2024 (cents): 23 € carried over by default. */
  nonOptamGpBase?: number;
  /** ❌ Whether a contrat responsable must cover the TM of medicines reimbursed at 30 %: no by default. */
  responsibleCoversModerateMedicineTm?: boolean;
}

export const DEFAULT_HEAVY_ACT_FLAT_INCREASE_DATE: CalendarDate = '2026-04-22';
export const DEFAULT_EMERGENCY_FLAT_INCREASE_DATE: CalendarDate = '2026-03-01';

export interface ReimbursementParameters {
  participationForfaitaire: DatedParameter;
  participationForfaitaireDailyCap: DatedParameter;
  participationForfaitaireYearlyCap: DatedParameter;
  franchiseMedicine: DatedParameter;
  franchiseParamedical: DatedParameter;
  franchiseParamedicalDailyCap: DatedParameter;
  franchiseTransport: DatedParameter;
  franchiseTransportDailyCap: DatedParameter;
  franchiseYearlyCap: DatedParameter;
  forfaitJournalier: DatedParameter;
  forfaitJournalierPsychiatry: DatedParameter;
  heavyActThreshold: DatedParameter;
  heavyActFlat: DatedParameter;
  emergencyFlat: DatedParameter;
  emergencyFlatReduced: DatedParameter;
  gpBase: DatedParameter;
  gpBaseChildUnder6: DatedParameter;
  gpBaseNonOptam: DatedParameter;
  teleconsultationBase: DatedParameter;
  consultationRate: DatedParameter;
  outOfParcoursRate: DatedParameter;
  medicineDefaultRate: DatedParameter;
  hospitalRate: DatedParameter;
  dentalRate: DatedParameter;
  auxiliaryRate: DatedParameter;
  aldRate: DatedParameter;
  maternityRate: DatedParameter;
  midwifeRate: DatedParameter;
  technicalActRate: DatedParameter;
  transportRate: DatedParameter;
  opticalRate: DatedParameter;
  hearingRate: DatedParameter;
  responsibleCoversModerateMedicineTm: DatedParameter<boolean>;
}

export function buildParameters(options: ParameterOptions = {}): ReimbursementParameters {
  const heavyDate = options.heavyActFlatIncreaseDate ?? DEFAULT_HEAVY_ACT_FLAT_INCREASE_DATE;
  const emergencyDate = options.emergencyFlatIncreaseDate ?? DEFAULT_EMERGENCY_FLAT_INCREASE_DATE;
  const franchiseDecree =
    'décret n° 2024-114 du 16/02/2024 (montants des franchises et plafonds journaliers)';

  return {
    // PF: L160-13 II CSS. 1 € until 14/05/2024, 2 € from 15/05/2024 (service-public F17042; décret 2024-113 du
    // 16/02/2024 allowed 2 to 3 €, the UNCAM decision set 2 € from 15/05/2024).
    participationForfaitaire: param('participationForfaitaire', 'Participation forfaitaire', 'cents', [
      {
        value: 100,
        from: SUPPORTED_FROM,
        source: `${REF} (PF 1 € avant le 15/05/2024)`,
        confidence: 'confirmed',
        note: IN_FORCE,
      },
      {
        value: 200,
        from: '2024-05-15',
        source: `${REF} ; service-public.fr F17042 ; décret n° 2024-113 du 16/02/2024`,
        confidence: 'confirmed',
      },
    ]),
    participationForfaitaireDailyCap: param(
      'participationForfaitaireDailyCap',
      'Plafond journalier de la participation forfaitaire (même médecin)',
      'cents',
      [
        {
          value: 400,
          from: SUPPORTED_FROM,
          source: `${REF} (◐ 4 €/jour pour un même médecin)`,
          confidence: 'secondary',
          note: 'Plafond de 4 €/jour pour un même médecin : source secondaire seulement (certaines sources parlent de 4 participations par jour).',
        },
      ],
    ),
    participationForfaitaireYearlyCap: param(
      'participationForfaitaireYearlyCap',
      'Plafond annuel de la participation forfaitaire',
      'cents',
      [
        {
          value: 5000,
          from: SUPPORTED_FROM,
          source: `${REF} (plafond 50 €/an, maintenu en 2024 : latribune.fr)`,
          confidence: 'confirmed',
        },
      ],
    ),
    franchiseMedicine: param('franchiseMedicine', 'Franchise médicale par boîte de médicament', 'cents', [
      { value: 50, from: SUPPORTED_FROM, source: franchiseDecree, confidence: 'confirmed', note: IN_FORCE },
      { value: 100, from: '2024-03-31', source: `${REF} ; ${franchiseDecree}`, confidence: 'confirmed' },
    ]),
    franchiseParamedical: param('franchiseParamedical', 'Franchise médicale par acte paramédical', 'cents', [
      { value: 50, from: SUPPORTED_FROM, source: franchiseDecree, confidence: 'confirmed', note: IN_FORCE },
      { value: 100, from: '2024-03-31', source: `${REF} ; ${franchiseDecree}`, confidence: 'confirmed' },
    ]),
    franchiseParamedicalDailyCap: param(
      'franchiseParamedicalDailyCap',
      'Plafond journalier des franchises sur actes paramédicaux',
      'cents',
      [
        {
          value: 200,
          from: SUPPORTED_FROM,
          source: franchiseDecree,
          confidence: 'confirmed',
          note: IN_FORCE,
        },
        { value: 400, from: '2024-03-31', source: `${REF} ; ${franchiseDecree}`, confidence: 'confirmed' },
      ],
    ),
    franchiseTransport: param('franchiseTransport', 'Franchise médicale par transport sanitaire', 'cents', [
      { value: 200, from: SUPPORTED_FROM, source: franchiseDecree, confidence: 'confirmed', note: IN_FORCE },
      { value: 400, from: '2024-03-31', source: `${REF} ; ${franchiseDecree}`, confidence: 'confirmed' },
    ]),
    franchiseTransportDailyCap: param(
      'franchiseTransportDailyCap',
      'Plafond journalier des franchises sur transports',
      'cents',
      [
        {
          value: 400,
          from: SUPPORTED_FROM,
          source: franchiseDecree,
          confidence: 'confirmed',
          note: IN_FORCE,
        },
        { value: 800, from: '2024-03-31', source: `${REF} ; ${franchiseDecree}`, confidence: 'confirmed' },
      ],
    ),
    // Franchises and PF each have their own 50 € yearly cap (latribune.fr 31/03/2024: "les deux plafonds annuels").
    franchiseYearlyCap: param('franchiseYearlyCap', 'Plafond annuel des franchises médicales', 'cents', [
      {
        value: 5000,
        from: SUPPORTED_FROM,
        source: `${REF} (plafond 50 €/an) ; ${franchiseDecree}`,
        confidence: 'confirmed',
      },
    ]),
    forfaitJournalier: param('forfaitJournalier', 'Forfait journalier hospitalier', 'cents', [
      {
        value: 2000,
        from: SUPPORTED_FROM,
        source: `${REF} (20 € de 2018 au 28/02/2026 : vie-publique.fr)`,
        confidence: 'confirmed',
        note: IN_FORCE,
      },
      {
        value: 2300,
        from: '2026-03-01',
        source: `${REF} (23 € depuis le 01/03/2026 : quechoisir.org 01/03/2026 ; pourquoidocteur.fr)`,
        confidence: 'confirmed',
      },
    ]),
    forfaitJournalierPsychiatry: param(
      'forfaitJournalierPsychiatry',
      'Forfait journalier en psychiatrie',
      'cents',
      [
        {
          value: 1500,
          from: SUPPORTED_FROM,
          source: `${REF} (15 € en psychiatrie jusqu'au 28/02/2026)`,
          confidence: 'confirmed',
          note: IN_FORCE,
        },
        {
          value: 1700,
          from: '2026-03-01',
          source: `${REF} (17 € en psychiatrie depuis le 01/03/2026)`,
          confidence: 'confirmed',
        },
      ],
    ),
    heavyActThreshold: param('heavyActThreshold', 'Seuil des actes lourds', 'cents', [
      { value: 12000, from: SUPPORTED_FROM, source: `${REF} (actes ≥ 120 €)`, confidence: 'confirmed' },
    ]),
    heavyActFlat: param('heavyActFlat', 'Participation forfaitaire sur les actes ≥ 120 €', 'cents', [
      {
        value: 2400,
        from: SUPPORTED_FROM,
        source: `${REF} (24 € avant avril 2026)`,
        confidence: 'confirmed',
        note: IN_FORCE,
      },
      {
        value: 3200,
        from: heavyDate,
        source: `${REF} (32 € en avril 2026 ; date : quechoisir.org 22/04, un projet indiquait le 01/04)`,
        confidence: 'unconfirmed',
        note: `Date du passage de 24 € à 32 € incertaine (1er ou 22 avril 2026) : ${heavyDate === DEFAULT_HEAVY_ACT_FLAT_INCREASE_DATE ? 'le 22/04/2026 est retenu par défaut' : 'la date que vous avez indiquée est retenue'}.`,
      },
    ]),
    // Forfait patient urgences: arrêté du 17/12/2021 (19,61 €, minoré 8,49 €) from 01/01/2022.
    emergencyFlat: param('emergencyFlat', 'Forfait patient urgences', 'cents', [
      {
        value: 1961,
        from: '2022-01-01',
        source: `${REF} ; arrêté du 17/12/2021 (19,61 € depuis le 01/01/2022)`,
        confidence: 'confirmed',
      },
      {
        value: 2300,
        from: emergencyDate,
        source: `${REF} (19,61 € → 23 €) ; date : projets de textes, AFP 23/02/2026 (boursorama.com)`,
        confidence: 'secondary',
        note: 'Date du passage à 23 € tirée de projets de textes (01/03/2026) : à vérifier au Journal officiel.',
      },
    ]),
    emergencyFlatReduced: param('emergencyFlatReduced', 'Forfait patient urgences minoré (ALD)', 'cents', [
      {
        value: 849,
        from: '2022-01-01',
        source: 'Arrêté du 17/12/2021 (forfait patient urgences minoré : 8,49 €)',
        confidence: 'secondary',
      },
      {
        value: 996,
        from: emergencyDate,
        source: `${REF} (9,96 € minoré) ; date : projets de textes, AFP 23/02/2026`,
        confidence: 'secondary',
        note: 'Date du passage à 9,96 € tirée de projets de textes : à vérifier.',
      },
    ]),
    gpBase: param('gpBase', 'Base de remboursement de la consultation de médecin généraliste', 'cents', [
      {
        value: 2500,
        from: SUPPORTED_FROM,
        source: 'Tarif de la consultation G à 25 € (◐ source secondaire)',
        confidence: 'secondary',
        note: 'Tarif antérieur au 22/12/2023 non vérifié dans le barème publié : vérifiez la BR sur le décompte.',
      },
      {
        value: 2650,
        from: '2023-12-22',
        source: `${REF} (26,50 € avant décembre 2024 : mon.apicil.com)`,
        confidence: 'secondary',
        note: 'Date de début (22/12/2023) tirée d’une source secondaire : vérifiez-la sur le décompte.',
      },
      {
        value: 3000,
        from: '2024-12-22',
        source: `${REF} ; service-public.fr F17042 (30 € depuis le 22/12/2024)`,
        confidence: 'confirmed',
      },
    ]),
    gpBaseChildUnder6: param(
      'gpBaseChildUnder6',
      'Base de la consultation de généraliste pour un enfant de moins de 6 ans',
      'cents',
      [
        {
          value: 3500,
          from: '2024-12-22',
          source: `${REF} (enfants de moins de 6 ans : 35 € ; defenseconso.fr ; verspieren.com)`,
          confidence: 'confirmed',
          note: 'Date de début supposée identique à celle du tarif de 30 € (22/12/2024).',
        },
      ],
    ),
    gpBaseNonOptam: param(
      'gpBaseNonOptam',
      'Base de la consultation de généraliste secteur 2 hors OPTAM',
      'cents',
      [
        {
          value: 2300,
          from: SUPPORTED_FROM,
          source: `${REF} (23 € hors OPTAM avant décembre 2024 : mon.apicil.com)`,
          confidence: 'confirmed',
        },
        {
          value: options.nonOptamGpBase ?? 2300,
          from: '2024-12-22',
          source:
            options.nonOptamGpBase === undefined
              ? `${REF} (❌ base hors OPTAM après le 22/12/2024 non confirmée : 23 € reconduits)`
              : 'Base indiquée par vous (relevé de remboursement de l’Assurance maladie)',
          confidence: options.nonOptamGpBase === undefined ? 'unconfirmed' : 'confirmed',
          note:
            options.nonOptamGpBase === undefined
              ? 'Base hors OPTAM après le 22/12/2024 non confirmée : 23 € retenus par défaut, saisissez la BR de votre décompte.'
              : undefined,
        },
      ],
    ),
    teleconsultationBase: param('teleconsultationBase', 'Base de la téléconsultation', 'cents', [
      {
        value: 2500,
        from: '2024-12-22',
        source: `${REF} (téléconsultation 25 € ; defenseconso.fr ; verspieren.com)`,
        confidence: 'confirmed',
        note: 'Date de début non publiée dans le barème : 22/12/2024 retenu ; saisissez la BR pour un acte antérieur.',
      },
    ]),
    consultationRate: param(
      'consultationRate',
      'Taux des consultations dans le parcours de soins',
      'percent',
      [
        {
          value: 70,
          from: SUPPORTED_FROM,
          source: `${REF} ; service-public.fr F17042 (70 % avec le médecin traitant)`,
          confidence: 'confirmed',
        },
      ],
    ),
    outOfParcoursRate: param('outOfParcoursRate', 'Taux hors parcours de soins', 'percent', [
      {
        value: 30,
        from: SUPPORTED_FROM,
        source: `${REF} ; service-public.fr F17042 (30 % hors parcours de soins)`,
        confidence: 'confirmed',
      },
    ]),
    medicineDefaultRate: param(
      'medicineDefaultRate',
      'Taux des médicaments (service médical rendu majeur ou important)',
      'percent',
      [
        {
          value: 65,
          from: SUPPORTED_FROM,
          source: `${REF} (médicaments 65/30/15/100 % : mnt.fr)`,
          confidence: 'confirmed',
        },
      ],
    ),
    hospitalRate: param('hospitalRate', "Taux de l'hospitalisation", 'percent', [
      {
        value: 80,
        from: SUPPORTED_FROM,
        source: `${REF} (hospitalisation 80 % : vie-publique.fr fiche 37905)`,
        confidence: 'confirmed',
      },
    ]),
    dentalRate: param('dentalRate', 'Taux des soins et prothèses dentaires', 'percent', [
      {
        value: 70,
        from: SUPPORTED_FROM,
        source: `${REF} (70 % avant octobre 2023)`,
        confidence: 'confirmed',
        note: IN_FORCE,
      },
      options.dentalRate === undefined
        ? {
            value: 60,
            from: '2023-10-01',
            source: `${REF} (60 % depuis octobre 2023 : ofracar.fr ; francetvinfo.fr)`,
            confidence: 'secondary',
            note: 'Le tableau récapitulatif d’ameli.fr (24/09/2024) indique 70 % : vérifiez le taux sur votre décompte.',
          }
        : {
            value: options.dentalRate,
            from: '2023-10-01',
            source: 'Taux indiqué par vous (relevé de remboursement de l’Assurance maladie)',
            confidence: 'confirmed',
          },
    ]),
    auxiliaryRate: param('auxiliaryRate', 'Taux des auxiliaires médicaux', 'percent', [
      options.auxiliaryRate === undefined
        ? {
            value: 60,
            from: SUPPORTED_FROM,
            source: `${REF} (◐ auxiliaires médicaux 60 % : aide-sociale.fr ; hyperassur.com)`,
            confidence: 'secondary',
            note: 'ameli.fr indique 70 % pour les masseurs-kinésithérapeutes : vérifiez le taux sur votre décompte.',
          }
        : {
            value: options.auxiliaryRate,
            from: SUPPORTED_FROM,
            source: 'Taux indiqué par vous (relevé de remboursement de l’Assurance maladie)',
            confidence: 'confirmed',
          },
    ]),
    aldRate: param('aldRate', 'Taux des soins liés à une ALD', 'percent', [
      { value: 100, from: SUPPORTED_FROM, source: `${REF} (ALD 100 %)`, confidence: 'confirmed' },
    ]),
    maternityRate: param('maternityRate', "Taux de l'assurance maternité (à partir du 6e mois)", 'percent', [
      {
        value: 100,
        from: SUPPORTED_FROM,
        source:
          'assurance maternité, prise en charge à 100 % du 6e mois à 12 jours après l’accouchement (◐ source secondaire)',
        confidence: 'secondary',
      },
    ]),
    midwifeRate: param('midwifeRate', 'Taux des actes de sage-femme', 'percent', [
      {
        value: 70,
        from: SUPPORTED_FROM,
        source: 'ameli.fr (◐ source secondaire)',
        confidence: 'secondary',
        note: 'Taux tiré d’une source secondaire : vérifiez-le sur votre décompte.',
      },
    ]),
    technicalActRate: param('technicalActRate', 'Taux des actes techniques médicaux', 'percent', [
      {
        value: 70,
        from: SUPPORTED_FROM,
        source: 'ameli.fr (◐ source secondaire)',
        confidence: 'secondary',
        note: 'Taux tiré d’une source secondaire : vérifiez-le sur votre décompte.',
      },
    ]),
    transportRate: param('transportRate', 'Taux des transports sanitaires', 'percent', [
      {
        value: 65,
        from: SUPPORTED_FROM,
        source: 'ameli.fr (◐ source secondaire)',
        confidence: 'secondary',
        note: 'Taux tiré d’une source secondaire : vérifiez-le sur votre décompte.',
      },
    ]),
    opticalRate: param('opticalRate', "Taux de l'optique", 'percent', [
      {
        value: 60,
        from: SUPPORTED_FROM,
        source: 'ameli.fr (◐ source secondaire)',
        confidence: 'secondary',
        note: 'Taux tiré d’une source secondaire : vérifiez-le sur votre décompte.',
      },
    ]),
    hearingRate: param('hearingRate', 'Taux des aides auditives', 'percent', [
      {
        value: 60,
        from: SUPPORTED_FROM,
        source: 'ameli.fr (◐ source secondaire)',
        confidence: 'secondary',
        note: 'Taux tiré d’une source secondaire : vérifiez-le sur votre décompte.',
      },
    ]),
    responsibleCoversModerateMedicineTm: {
      id: 'responsibleCoversModerateMedicineTm',
      label: 'Le contrat responsable couvre le TM des médicaments à 30 %',
      unit: 'boolean',
      values: [
        {
          value: options.responsibleCoversModerateMedicineTm ?? false,
          from: SUPPORTED_FROM,
          source:
            options.responsibleCoversModerateMedicineTm === undefined
              ? `art. R871-2 CSS (❌ non confirmé ; seule l'exception des médicaments à service médical rendu faible est confirmée)`
              : 'Indiqué par vous : votre contrat prend en charge le ticket modérateur des médicaments à service médical rendu modéré',
          confidence: options.responsibleCoversModerateMedicineTm === undefined ? 'unconfirmed' : 'confirmed',
        },
      ],
    },
  };
}
