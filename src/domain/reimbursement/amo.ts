/**
 * The Sécurité sociale's share (AMO) of one act: base de remboursement, rate, gross amount, ticket modérateur, and
 * what is withheld from the patient (participation forfaitaire, franchises) or billed to him on top (forfait
 * journalier, flat participation on acts ≥ 120 €, forfait patient urgences). Pure: counters for the daily and
 * yearly caps are passed in and updated by the caller's order of acts.
 *
 * Sources: docs/sources.md §6 unless stated; see parameters.ts for every amount.
 */
import { addDays, type CalendarDate, parts } from '../shared/calendar-date.ts';
import { type Cents, percentOf } from '../shared/money.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { euros, explanation, frenchDate, type ParameterReader, percentText } from './explanations.ts';
import type { DatedParameter, ReimbursementParameters } from './parameters.ts';
import type { ActKind, Explanation } from './schema.ts';

export type Sector = 'secteur_1' | 'secteur_2' | 'non_conventionne';

/** An act with the patient's situation on its date, as the rules need it. */
export interface ActFacts {
  index: number;
  id: string;
  date: CalendarDate;
  kind: ActKind;
  label: string;
  pricePaid: Cents;
  declaredBase?: Cents;
  declaredRate?: number;
  sector: Sector;
  optam: boolean;
  practitionerKey: string;
  parcoursDeSoins: boolean;
  ald: boolean;
  maternity: boolean;
  panier100Sante: boolean;
  quantity: number;
  /** Days billed for a stay, discharge day included; undefined for an ambulatory stay. */
  days?: number;
  psychiatry: boolean;
  heavyAct?: boolean;
  /** Age in whole years on the act's date; undefined when unknown (treated as an adult). */
  age?: number;
  c2s: boolean;
  ame: boolean;
}

export const CONSULTATION_KINDS: readonly ActKind[] = [
  'consultation_generaliste',
  'consultation_specialiste',
  'teleconsultation',
];
/** Acts by doctors outside a hospital stay: the participation forfaitaire applies (L160-13 II CSS). */
export const PF_KINDS: readonly ActKind[] = [...CONSULTATION_KINDS, 'acte_technique'];
/** Acts by doctors: the contrat responsable caps the cover of a non-OPTAM doctor's dépassement. */
export const DOCTOR_KINDS: readonly ActKind[] = [...CONSULTATION_KINDS, 'acte_technique', 'hospitalisation'];
export const NO_AMO_KINDS: readonly ActKind[] = ['non_remboursable', 'chambre_particuliere'];
const HEAVY_ACT_KINDS: readonly ActKind[] = ['acte_technique', 'hospitalisation'];
/** Kinds whose base defaults to the price when absent: their tariffs are regulated and rarely exceeded. */
const BASE_IS_PRICE_KINDS: readonly ActKind[] = ['medicament', 'transport', 'auxiliaire_medical', 'urgences'];

export function isNonOptam(f: Pick<ActFacts, 'sector' | 'optam'>): boolean {
  return (f.sector === 'secteur_2' && !f.optam) || f.sector === 'non_conventionne';
}

const SRC = {
  f17042: 'service-public.fr F17042',
  tm: 'TM = BR − part AMO, avant participation forfaitaire et franchises (ircem.com ; lamie-mutuelle.com)',
  depassement: 'les dépassements ne sont jamais remboursés par l’AMO (service-public.fr F17042)',
  pfExempt:
    'exonérations de la participation forfaitaire (mutame-plus.fr ; defenseconso.fr ; lemediasocial.fr)',
  franchiseExempt:
    'décret n° 2024-114 du 16/02/2024 ; lemediasocial.fr ; latribune.fr (mineurs, assurance maternité, C2S et AME exonérés)',
  withinExpense: 'art. L160-13 CSS : remboursement dans la limite des frais exposés (◐ source secondaire)',
  forfaitJournalier: 'forfait journalier dû pour chaque jour, jour de sortie compris (vie-publique.fr)',
};

export interface AmoShare {
  baseRemboursement: Cents;
  amoRate: number;
  depassement: Cents;
  amoGross: Cents;
  ticketModerateur: Cents;
  majorationHorsParcours: Cents;
  heavyActFlat: Cents;
  emergencyFlat: Cents;
  participationForfaitaire: Cents;
  franchise: Cents;
  forfaitJournalier: Cents;
  amoNet: Cents;
  explanations: Explanation[];
}

/** Running totals for the caps: per year, per day and per (day, practitioner). */
export interface DeductionCounters {
  pfByYear: Map<number, Cents>;
  franchiseByYear: Map<number, Cents>;
  pfByDayAndPractitioner: Map<string, Cents>;
  paramedicalFranchiseByDay: Map<string, Cents>;
  transportFranchiseByDay: Map<string, Cents>;
}

export function newDeductionCounters(already?: {
  year: number;
  participationForfaitaire: Cents;
  franchises: Cents;
}): DeductionCounters {
  const counters: DeductionCounters = {
    pfByYear: new Map(),
    franchiseByYear: new Map(),
    pfByDayAndPractitioner: new Map(),
    paramedicalFranchiseByDay: new Map(),
    transportFranchiseByDay: new Map(),
  };
  if (already) {
    counters.pfByYear.set(already.year, already.participationForfaitaire);
    counters.franchiseByYear.set(already.year, already.franchises);
  }
  return counters;
}

function required<T>(reader: ParameterReader, param: DatedParameter<T>, date: CalendarDate): T {
  const v = reader.read(param, date);
  // The engine refuses acts before SUPPORTED_FROM, so a missing value here is a programming error.
  if (v === undefined) throw new Error(`parameter ${param.id} has no value on ${date}`);
  return v.value;
}

function sourceOf(reader: ParameterReader, param: DatedParameter, date: CalendarDate): string {
  return reader.read(param, date)?.source ?? param.label;
}

/** The base de remboursement of the act, before it is limited to the price. */
export function resolveBase(
  f: ActFacts,
  params: ReimbursementParameters,
  reader: ParameterReader,
): Result<{ base: Cents; explanation: Explanation }> {
  const field = `acts[${f.index}].baseRemboursement`;
  if (NO_AMO_KINDS.includes(f.kind)) {
    return ok({
      base: 0,
      explanation: explanation(
        'baseRemboursement',
        'base.not_reimbursable',
        f.kind === 'chambre_particuliere'
          ? "La chambre particulière n'est pas remboursée par l'Assurance maladie : seule la complémentaire peut la prendre en charge."
          : "Acte non remboursable par l'Assurance maladie : base de remboursement nulle.",
        SRC.depassement,
        0,
      ),
    });
  }
  if (f.declaredBase !== undefined) {
    return ok({
      base: f.declaredBase,
      explanation: explanation(
        'baseRemboursement',
        'base.declared',
        `Base de remboursement saisie : ${euros(f.declaredBase)}.`,
        'décompte ou feuille de soins',
        f.declaredBase,
      ),
    });
  }
  const fromParam = (param: DatedParameter, code: string, what: string) => {
    const v = reader.read(param, f.date);
    if (v === undefined) {
      return fail<{ base: Cents; explanation: Explanation }>(
        'missing_base',
        `Acte n° ${f.index + 1} : aucun tarif de référence connu au ${frenchDate(f.date)} pour ${what}. Saisissez la base de remboursement figurant sur le décompte.`,
        field,
      );
    }
    return ok({
      base: v.value,
      explanation: explanation(
        'baseRemboursement',
        code,
        `Base de remboursement de ${what} au ${frenchDate(f.date)} : ${euros(v.value)}.`,
        v.source,
        v.value,
      ),
    });
  };
  if (f.kind === 'consultation_generaliste' || f.kind === 'teleconsultation') {
    if (f.sector === 'non_conventionne') {
      return fail(
        'missing_base',
        `Acte n° ${f.index + 1} : pour un médecin non conventionné, la base est le « tarif d'autorité » : saisissez-la depuis le décompte.`,
        field,
      );
    }
    if (f.kind === 'teleconsultation')
      return fromParam(params.teleconsultationBase, 'base.teleconsultation', 'la téléconsultation');
    if (isNonOptam(f)) {
      return fromParam(
        params.gpBaseNonOptam,
        'base.gp_non_optam',
        'la consultation de généraliste secteur 2 hors OPTAM',
      );
    }
    if (f.age !== undefined && f.age < 6) {
      return fromParam(
        params.gpBaseChildUnder6,
        'base.gp_child_under_6',
        "la consultation de généraliste d'un enfant de moins de 6 ans",
      );
    }
    return fromParam(params.gpBase, 'base.gp', 'la consultation de généraliste');
  }
  if (BASE_IS_PRICE_KINDS.includes(f.kind)) {
    return ok({
      base: f.pricePaid,
      explanation: explanation(
        'baseRemboursement',
        'base.price',
        `Base de remboursement non saisie : prise égale au prix (${euros(f.pricePaid)}), les tarifs de ces actes étant fixés.`,
        'hypothèse du simulateur (à vérifier sur le décompte)',
        f.pricePaid,
      ),
    });
  }
  return fail(
    'missing_base',
    `Acte n° ${f.index + 1} : la base de remboursement est nécessaire pour ce type d'acte (${f.kind}). Elle figure sur le décompte de l'Assurance maladie.`,
    field,
  );
}

/** The AMO rate and the rate the act would have had inside the parcours de soins. */
export function resolveRate(
  f: ActFacts,
  params: ReimbursementParameters,
  reader: ParameterReader,
): { rate: number; parcoursRate: number; explanation: Explanation } {
  const done = (rate: number, code: string, text: string, source: string, parcoursRate = rate) => ({
    rate,
    parcoursRate,
    explanation: explanation('amoRate', code, text, source),
  });
  const read = (p: DatedParameter) => required(reader, p, f.date);
  if (NO_AMO_KINDS.includes(f.kind))
    return done(0, 'rate.none', "Pas de remboursement par l'Assurance maladie.", SRC.depassement);
  if (f.declaredRate !== undefined) {
    // A declared rate is the rate the décompte applied. Outside the parcours de soins it is the reduced one: the
    // majoration is measured from the standard consultation rate, never from the declared one (L162-5-3 CSS,
    // service-public F17042), so that a contrat responsable still leaves it uncovered (R871-1 CSS).
    const outside =
      CONSULTATION_KINDS.includes(f.kind) &&
      !f.parcoursDeSoins &&
      !f.ald &&
      !f.maternity &&
      !(f.age !== undefined && f.age < 16);
    if (outside) {
      const standard = read(params.consultationRate);
      return done(
        f.declaredRate,
        'rate.declared_out_of_parcours',
        `Taux saisi : ${percentText(f.declaredRate)}, hors parcours de soins ; le taux dans le parcours serait de ${percentText(standard)}, l'écart est la majoration.`,
        `décompte ou saisie ; ${SRC.f17042}`,
        Math.max(standard, f.declaredRate),
      );
    }
    return done(
      f.declaredRate,
      'rate.declared',
      `Taux saisi : ${percentText(f.declaredRate)}.`,
      'décompte ou saisie',
    );
  }
  if (f.ald) {
    return done(
      read(params.aldRate),
      'rate.ald',
      'Soins en rapport avec une ALD : 100 % de la base.',
      sourceOf(reader, params.aldRate, f.date),
    );
  }
  if (f.maternity) {
    return done(
      read(params.maternityRate),
      'rate.maternity',
      'Assurance maternité (à partir du 6e mois de grossesse) : 100 % de la base.',
      sourceOf(reader, params.maternityRate, f.date),
    );
  }
  const simple = (p: DatedParameter, what: string) =>
    done(
      read(p),
      `rate.${p.id}`,
      `${p.label} : ${percentText(read(p))} (${what}).`,
      sourceOf(reader, p, f.date),
    );
  switch (f.kind) {
    case 'consultation_generaliste':
    case 'consultation_specialiste':
    case 'teleconsultation': {
      const inside = read(params.consultationRate);
      if (f.parcoursDeSoins) {
        return done(
          inside,
          'rate.parcours',
          `Consultation dans le parcours de soins : ${percentText(inside)} de la base.`,
          SRC.f17042,
        );
      }
      if (f.age !== undefined && f.age < 16) {
        // The médecin traitant rule, and so the majoration, applies from 16 (◐ source secondaire).
        return done(
          inside,
          'rate.parcours_under_16',
          `Hors parcours, mais patient de moins de 16 ans : pas de majoration, ${percentText(inside)}.`,
          'art. L162-5-3 CSS : médecin traitant à partir de 16 ans (◐ source secondaire)',
        );
      }
      const outside = read(params.outOfParcoursRate);
      return done(
        outside,
        'rate.out_of_parcours',
        `Hors parcours de soins : ${percentText(outside)} de la base au lieu de ${percentText(inside)}.`,
        SRC.f17042,
        inside,
      );
    }
    case 'acte_technique':
      return simple(params.technicalActRate, 'acte technique');
    case 'sage_femme':
      return simple(params.midwifeRate, 'sage-femme');
    case 'dentaire_soins':
    case 'dentaire_prothese':
      return simple(params.dentalRate, 'dentaire');
    case 'medicament':
      return done(
        read(params.medicineDefaultRate),
        'rate.medicine_default',
        `Taux non saisi : ${percentText(read(params.medicineDefaultRate))}, taux des médicaments à service médical rendu majeur ou important (les autres sont à 30 %, 15 % ou 100 %).`,
        sourceOf(reader, params.medicineDefaultRate, f.date),
      );
    case 'auxiliaire_medical':
      return simple(params.auxiliaryRate, 'auxiliaires médicaux');
    case 'transport':
      return simple(params.transportRate, 'transport');
    case 'hospitalisation':
      return simple(params.hospitalRate, 'hospitalisation');
    case 'urgences':
      return done(
        100,
        'rate.emergency',
        'Passage aux urgences sans hospitalisation : le forfait patient urgences remplace le ticket modérateur.',
        sourceOf(reader, params.emergencyFlat, f.date),
      );
    case 'optique':
      return simple(params.opticalRate, 'optique');
    case 'audiologie':
      return simple(params.hearingRate, 'aides auditives');
    default:
      return done(0, 'rate.none', "Pas de remboursement par l'Assurance maladie.", SRC.depassement);
  }
}

/** Why the patient is exempt from PF and franchises, or undefined. */
function exemption(f: ActFacts): { code: string; text: string } | undefined {
  if (f.age !== undefined && f.age < 18) return { code: 'minor', text: 'patient mineur' };
  if (f.c2s) return { code: 'c2s', text: 'bénéficiaire de la complémentaire santé solidaire' };
  if (f.ame) return { code: 'ame', text: "bénéficiaire de l'aide médicale de l'État" };
  if (f.maternity)
    return { code: 'maternity', text: 'assurance maternité (à partir du 6e mois de grossesse)' };
  return undefined;
}

function yearOf(date: CalendarDate): number {
  return parts(date).year;
}

/** The participation forfaitaire withheld, with its daily (same doctor) and yearly caps. Updates the counters. */
export function participationForfaitaire(
  f: ActFacts,
  amoGross: Cents,
  params: ReimbursementParameters,
  reader: ParameterReader,
  counters: DeductionCounters,
): { amount: Cents; explanations: Explanation[] } {
  if (!PF_KINDS.includes(f.kind)) {
    const exemptKinds: Partial<Record<ActKind, string>> = {
      dentaire_soins: 'les chirurgiens-dentistes',
      dentaire_prothese: 'les chirurgiens-dentistes',
      sage_femme: 'les sages-femmes',
      auxiliaire_medical: 'les auxiliaires médicaux',
      hospitalisation: "les actes réalisés au cours d'une hospitalisation",
    };
    const who = exemptKinds[f.kind];
    return {
      amount: 0,
      explanations: who
        ? [
            explanation(
              'participationForfaitaire',
              'pf.kind_exempt',
              `Pas de participation forfaitaire pour ${who}.`,
              SRC.pfExempt,
              0,
            ),
          ]
        : [],
    };
  }
  const exempt = exemption(f);
  if (exempt) {
    return {
      amount: 0,
      explanations: [
        explanation(
          'participationForfaitaire',
          `pf.exempt.${exempt.code}`,
          `Pas de participation forfaitaire : ${exempt.text}.`,
          SRC.pfExempt,
          0,
        ),
      ],
    };
  }
  const unit = required(reader, params.participationForfaitaire, f.date);
  // Peeked, not read: its ◐ warning is only worth showing when the cap binds.
  const dailyCap =
    reader.peek(params.participationForfaitaireDailyCap, f.date)?.value ?? Number.POSITIVE_INFINITY;
  const yearlyCap = required(reader, params.participationForfaitaireYearlyCap, f.date);
  const year = yearOf(f.date);
  const dayKey = `${f.date}|${f.practitionerKey}`;
  const usedDay = counters.pfByDayAndPractitioner.get(dayKey) ?? 0;
  const usedYear = counters.pfByYear.get(year) ?? 0;
  const due = unit * f.quantity;
  const dayRoom = Math.max(0, dailyCap - usedDay);
  const yearRoom = Math.max(0, yearlyCap - usedYear);
  const amount = Math.max(0, Math.min(due, dayRoom, yearRoom, amoGross));
  counters.pfByDayAndPractitioner.set(dayKey, usedDay + amount);
  counters.pfByYear.set(year, usedYear + amount);

  const source = sourceOf(reader, params.participationForfaitaire, f.date);
  const out: Explanation[] = [
    explanation(
      'participationForfaitaire',
      'pf.applied',
      `Participation forfaitaire de ${euros(unit)} par acte au ${frenchDate(f.date)}${f.quantity > 1 ? ` × ${f.quantity}` : ''}, retenue sur le remboursement : ${euros(amount)}.`,
      source,
      amount,
    ),
  ];
  if (amount < due) {
    if (yearRoom < due && yearRoom <= dayRoom) {
      out.push(
        explanation(
          'participationForfaitaire',
          'pf.yearly_cap',
          `Plafond annuel de ${euros(yearlyCap)} : ${euros(usedYear)} déjà retenus en ${year}, ${euros(amount)} retenus au lieu de ${euros(due)}.`,
          sourceOf(reader, params.participationForfaitaireYearlyCap, f.date),
          amount,
        ),
      );
    } else if (dayRoom < due) {
      out.push(
        explanation(
          'participationForfaitaire',
          'pf.daily_cap',
          `Plafond de ${euros(dailyCap)} par jour pour un même médecin : ${euros(usedDay)} déjà retenus le ${frenchDate(f.date)}, ${euros(amount)} retenus au lieu de ${euros(due)}.`,
          sourceOf(reader, params.participationForfaitaireDailyCap, f.date),
          amount,
        ),
      );
    } else {
      out.push(
        explanation(
          'participationForfaitaire',
          'pf.limited_to_amo',
          `Participation limitée au remboursement de l'Assurance maladie (${euros(amoGross)}).`,
          SRC.withinExpense,
          amount,
        ),
      );
    }
  }
  return { amount, explanations: out };
}

/** Franchises médicales on medicines, paramedical acts and transports, with daily and yearly caps. */
export function franchise(
  f: ActFacts,
  available: Cents,
  params: ReimbursementParameters,
  reader: ParameterReader,
  counters: DeductionCounters,
): { amount: Cents; explanations: Explanation[] } {
  const spec =
    f.kind === 'medicament'
      ? {
          unit: params.franchiseMedicine,
          daily: undefined,
          byDay: undefined,
          what: 'par boîte de médicament',
          plural: 'médicaments',
        }
      : f.kind === 'auxiliaire_medical'
        ? {
            unit: params.franchiseParamedical,
            daily: params.franchiseParamedicalDailyCap,
            byDay: counters.paramedicalFranchiseByDay,
            what: 'par acte paramédical',
            plural: 'actes paramédicaux',
          }
        : f.kind === 'transport'
          ? {
              unit: params.franchiseTransport,
              daily: params.franchiseTransportDailyCap,
              byDay: counters.transportFranchiseByDay,
              what: 'par transport',
              plural: 'transports',
            }
          : undefined;
  if (!spec) return { amount: 0, explanations: [] };
  const exempt = exemption(f);
  if (exempt) {
    return {
      amount: 0,
      explanations: [
        explanation(
          'franchise',
          `franchise.exempt.${exempt.code}`,
          `Pas de franchise médicale : ${exempt.text}.`,
          SRC.franchiseExempt,
          0,
        ),
      ],
    };
  }
  const unit = required(reader, spec.unit, f.date);
  const yearlyCap = required(reader, params.franchiseYearlyCap, f.date);
  const year = yearOf(f.date);
  const usedYear = counters.franchiseByYear.get(year) ?? 0;
  const due = unit * f.quantity;
  const dailyCap = spec.daily ? required(reader, spec.daily, f.date) : undefined;
  const usedDay = spec.byDay?.get(f.date) ?? 0;
  const dayRoom = dailyCap === undefined ? Number.POSITIVE_INFINITY : Math.max(0, dailyCap - usedDay);
  const yearRoom = Math.max(0, yearlyCap - usedYear);
  const amount = Math.max(0, Math.min(due, dayRoom, yearRoom, available));
  spec.byDay?.set(f.date, usedDay + amount);
  counters.franchiseByYear.set(year, usedYear + amount);

  const out: Explanation[] = [
    explanation(
      'franchise',
      'franchise.applied',
      `Franchise médicale de ${euros(unit)} ${spec.what} au ${frenchDate(f.date)}${f.quantity > 1 ? ` × ${f.quantity}` : ''} : ${euros(amount)} retenus.`,
      sourceOf(reader, spec.unit, f.date),
      amount,
    ),
  ];
  if (amount < due) {
    if (yearRoom < due && yearRoom <= dayRoom) {
      out.push(
        explanation(
          'franchise',
          'franchise.yearly_cap',
          `Plafond annuel des franchises de ${euros(yearlyCap)} : ${euros(usedYear)} déjà retenus en ${year}, ${euros(amount)} retenus au lieu de ${euros(due)}.`,
          sourceOf(reader, params.franchiseYearlyCap, f.date),
          amount,
        ),
      );
    } else if (dailyCap !== undefined && dayRoom < due) {
      out.push(
        explanation(
          'franchise',
          'franchise.daily_cap',
          `Plafond journalier de ${euros(dailyCap)} pour les ${spec.plural} : ${euros(usedDay)} déjà retenus le ${frenchDate(f.date)}, ${euros(amount)} retenus au lieu de ${euros(due)}.`,
          spec.daily ? sourceOf(reader, spec.daily, f.date) : '',
          amount,
        ),
      );
    } else {
      out.push(
        explanation(
          'franchise',
          'franchise.limited_to_amo',
          `Franchise limitée au remboursement de l'Assurance maladie (${euros(available)}) ; le solde peut être retenu sur des remboursements ultérieurs.`,
          SRC.withinExpense,
          amount,
        ),
      );
    }
  }
  return { amount, explanations: out };
}

/**
 * Forfait journalier for a stay: one per day from the admission day, discharge day included, each day at the amount
 * in force on that day (so a stay across 01/03/2026 mixes 20 € and 23 €).
 */
export function forfaitJournalier(
  date: CalendarDate,
  days: number,
  psychiatry: boolean,
  params: ReimbursementParameters,
  reader: ParameterReader,
): { amount: Cents; explanation: Explanation } {
  const param = psychiatry ? params.forfaitJournalierPsychiatry : params.forfaitJournalier;
  const segments: { value: Cents; days: number; from: CalendarDate; source: string }[] = [];
  for (let k = 0; k < days; k++) {
    const day = addDays(date, k);
    const v = reader.read(param, day);
    if (v === undefined) throw new Error(`forfait journalier unknown on ${day}`);
    const last = segments.at(-1);
    if (last && last.value === v.value) last.days += 1;
    else segments.push({ value: v.value, days: 1, from: day, source: v.source });
  }
  const amount = segments.reduce((sum, s) => sum + s.value * s.days, 0);
  const detail = segments
    .map(
      (s) => `${s.days} jour${s.days > 1 ? 's' : ''} à ${euros(s.value)} (à partir du ${frenchDate(s.from)})`,
    )
    .join(' + ');
  return {
    amount,
    explanation: explanation(
      'forfaitJournalier',
      psychiatry ? 'forfait_journalier.psychiatry' : 'forfait_journalier.applied',
      `${param.label}, jour de sortie compris : ${detail} = ${euros(amount)}.`,
      [...new Set([SRC.forfaitJournalier, ...segments.map((s) => s.source)])].join(' ; '),
      amount,
    ),
  };
}

/** The complete AMO share of one act. Updates the PF and franchise counters. */
export function amoShare(
  f: ActFacts,
  params: ReimbursementParameters,
  reader: ParameterReader,
  counters: DeductionCounters,
): Result<AmoShare> {
  const out: Explanation[] = [];
  const baseResult = resolveBase(f, params, reader);
  if (!baseResult.ok) return baseResult;
  let base = baseResult.value.base;
  out.push(baseResult.value.explanation);
  if (base > f.pricePaid) {
    out.push(
      explanation(
        'baseRemboursement',
        'base.limited_to_price',
        `La base (${euros(base)}) dépasse le prix payé : l'Assurance maladie rembourse dans la limite des frais exposés, base ramenée à ${euros(f.pricePaid)}.`,
        SRC.withinExpense,
        f.pricePaid,
      ),
    );
    base = f.pricePaid;
  }
  const depassement = f.pricePaid - base;
  if (depassement > 0) {
    out.push(
      explanation(
        'depassement',
        'depassement',
        `Dépassement (prix au-delà de la base) : ${euros(depassement)}, jamais remboursé par l'Assurance maladie.`,
        SRC.depassement,
        depassement,
      ),
    );
  }

  const rate = resolveRate(f, params, reader);
  out.push(rate.explanation);

  let amoGross = percentOf(base, rate.rate);
  let heavyActFlat = 0;
  let emergencyFlat = 0;
  let grossText = `${euros(base)} × ${percentText(rate.rate)} = ${euros(amoGross)}`;
  let grossSource = rate.explanation.source;

  const threshold = required(reader, params.heavyActThreshold, f.date);
  const heavy =
    HEAVY_ACT_KINDS.includes(f.kind) && (f.heavyAct ?? (f.kind === 'acte_technique' && base >= threshold));
  if (heavy && rate.rate < 100) {
    const flatValue = required(reader, params.heavyActFlat, f.date);
    heavyActFlat = Math.min(flatValue, base);
    amoGross = base - heavyActFlat;
    grossText = `acte d'au moins ${euros(threshold)} : la participation de ${euros(flatValue)} remplace le ticket modérateur, ${euros(base)} − ${euros(heavyActFlat)} = ${euros(amoGross)}`;
    grossSource = sourceOf(reader, params.heavyActFlat, f.date);
    const newer = params.heavyActFlat.values.at(-1);
    if (newer && f.date >= '2026-04-01' && f.date < '2026-04-22' && newer.from !== '2026-04-01') {
      out.push(
        explanation(
          'warning',
          'heavy_act_flat.uncertain_date',
          `❌ Acte du ${frenchDate(f.date)} : la participation sur les actes ≥ 120 € est passée à 32 € le 1er ou le 22 avril 2026 selon les sources ; ${euros(flatValue)} retenus.`,
          grossSource,
        ),
      );
    }
  } else if (heavy) {
    out.push(
      explanation(
        'heavyActFlat',
        'heavy_act_flat.exempt',
        'Acte ≥ 120 € pris en charge à 100 % : pas de participation forfaitaire de 24 €/32 €.',
        grossSource,
        0,
      ),
    );
  }
  if (f.kind === 'urgences') {
    const flatParam = f.ald ? params.emergencyFlatReduced : params.emergencyFlat;
    const flatValue = f.maternity ? 0 : required(reader, flatParam, f.date);
    emergencyFlat = Math.min(flatValue, base);
    amoGross = base - emergencyFlat;
    grossSource = sourceOf(reader, flatParam, f.date);
    grossText = f.maternity
      ? `assurance maternité : pas de forfait patient urgences, ${euros(amoGross)}`
      : `${f.ald ? 'forfait patient urgences minoré (ALD)' : 'forfait patient urgences'} de ${euros(flatValue)} à la charge du patient : ${euros(base)} − ${euros(emergencyFlat)} = ${euros(amoGross)}`;
  }
  out.push(
    explanation(
      'amoGross',
      'amo.gross',
      `Part de l'Assurance maladie avant retenues : ${grossText}.`,
      grossSource,
      amoGross,
    ),
  );

  const ticketModerateur = base - amoGross;
  const majoration =
    rate.parcoursRate > rate.rate && CONSULTATION_KINDS.includes(f.kind)
      ? Math.max(0, percentOf(base, rate.parcoursRate) - amoGross)
      : 0;
  out.push(
    explanation(
      'ticketModerateur',
      'tm',
      `Ticket modérateur : ${euros(base)} − ${euros(amoGross)} = ${euros(ticketModerateur)}${majoration > 0 ? `, dont ${euros(majoration)} de majoration hors parcours de soins` : ''}.`,
      SRC.tm,
      ticketModerateur,
    ),
  );

  const pf = participationForfaitaire(f, amoGross, params, reader, counters);
  out.push(...pf.explanations);
  const fr = franchise(f, amoGross - pf.amount, params, reader, counters);
  out.push(...fr.explanations);

  let fj = 0;
  if (f.kind === 'hospitalisation') {
    if (f.days === undefined) {
      out.push(
        explanation(
          'forfaitJournalier',
          'forfait_journalier.ambulatory',
          'Nombre de jours non saisi : séjour ambulatoire, pas de forfait journalier.',
          SRC.forfaitJournalier,
          0,
        ),
      );
    } else if (f.maternity) {
      out.push(
        explanation(
          'forfaitJournalier',
          'forfait_journalier.exempt.maternity',
          'Assurance maternité : pas de forfait journalier.',
          'assurance maternité (◐ source secondaire)',
          0,
        ),
      );
    } else {
      const computed = forfaitJournalier(f.date, f.days, f.psychiatry, params, reader);
      fj = computed.amount;
      out.push(computed.explanation);
    }
  }

  const amoNet = amoGross - pf.amount - fr.amount;
  out.push(
    explanation(
      'amoNet',
      'amo.net',
      pf.amount || fr.amount
        ? `Versé par l'Assurance maladie : ${euros(amoGross)}${pf.amount ? ` − ${euros(pf.amount)} de participation forfaitaire` : ''}${fr.amount ? ` − ${euros(fr.amount)} de franchise` : ''} = ${euros(amoNet)}.`
        : `Versé par l'Assurance maladie : ${euros(amoNet)}, sans participation forfaitaire ni franchise.`,
      f.kind === 'consultation_generaliste' ? SRC.f17042 : SRC.tm,
      amoNet,
    ),
  );

  return ok({
    baseRemboursement: base,
    amoRate: rate.rate,
    depassement,
    amoGross,
    ticketModerateur,
    majorationHorsParcours: majoration,
    heavyActFlat,
    emergencyFlat,
    participationForfaitaire: pf.amount,
    franchise: fr.amount,
    forfaitJournalier: fj,
    amoNet,
    explanations: out,
  });
}
