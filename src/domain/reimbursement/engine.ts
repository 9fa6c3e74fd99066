/**
 * The reimbursement checker: acts of care + the patient's situation + the contract's table of guarantees → per act
 * and in total, the AMO share (gross and net), TM, PF, franchises, hospital flat amounts, the AMC share, the reste à
 * charge, each with a French explanation and its source; and the shortfalls against what was actually paid.
 *
 * Pure: no clock, no I/O. Never throws on bad input: every refusal is a Result with a French message and the path
 * of the field at fault (`acts[2].pricePaid`).
 */
import type { z } from 'zod';
import { type CalendarDate, formatFrenchDate, parts } from '../shared/calendar-date.ts';
import { fieldPath } from '../shared/field-path.ts';
import { publicDeep } from '../shared/public-text.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { firstIssue } from '../shared/zod-issues.ts';
import { complementaryAmount, GuaranteeLedger } from './amc.ts';
import { type ActFacts, amoShare, newDeductionCounters } from './amo.ts';
import { euros, explanation, ParameterReader } from './explanations.ts';
import { buildParameters, SUPPORTED_FROM } from './parameters.ts';
import {
  type ActResult,
  type ParsedReimbursementInput,
  ReimbursementInputSchema,
  type ReimbursementOutput,
  type Totals,
} from './schema.ts';
import { detectShortfalls } from './shortfall.ts';

function where(path: readonly PropertyKey[]): string {
  const [head, index] = path;
  if (head === 'acts' && typeof index === 'number') return `Acte n° ${index + 1}`;
  if (head === 'paid' && typeof index === 'number') return `Paiement n° ${index + 1}`;
  if (head === 'contract' && path[1] === 'guarantees' && typeof path[2] === 'number')
    return `Garantie n° ${path[2] + 1}`;
  if (head === 'patient') return 'Patient';
  if (head === 'contract') return 'Contrat';
  if (head === 'options') return 'Options';
  return 'Demande';
}

export function zodErrorToDomain(error: z.ZodError): { code: string; field: string; message: string } {
  if (!error.issues[0]) return { code: 'invalid_input', field: '', message: 'Demande invalide.' };
  const issue = firstIssue(error);
  const message = issue.message || 'Valeur invalide.';
  return {
    code: 'invalid_input',
    field: fieldPath(issue.path),
    message: `${where(issue.path)} : ${message}`,
  };
}

function ageOn(birthDate: CalendarDate, date: CalendarDate): number {
  const b = parts(birthDate);
  const d = parts(date);
  return d.year - b.year - (d.month < b.month || (d.month === b.month && d.day < b.day) ? 1 : 0);
}

function checkSemantics(input: ParsedReimbursementInput): Result<null> {
  const ids = new Map<string, number>();
  for (const [i, act] of input.acts.entries()) {
    if (act.date < SUPPORTED_FROM) {
      return fail(
        'unsupported_date',
        `Acte n° ${i + 1} : la date du ${formatFrenchDate(act.date)} est antérieure au ${formatFrenchDate(SUPPORTED_FROM)}, début des barèmes connus du simulateur.`,
        `acts[${i}].date`,
      );
    }
    const birth = input.patient.birthDate;
    if (birth !== undefined && act.date < birth) {
      return fail(
        'act_before_birth',
        `Acte n° ${i + 1} : l'acte du ${formatFrenchDate(act.date)} précède la naissance du patient (${formatFrenchDate(birth)}). Vérifiez les dates.`,
        `acts[${i}].date`,
      );
    }
    const id = act.id ?? `acte-${i + 1}`;
    if (ids.has(id)) {
      return fail(
        'duplicate_act_id',
        `Acte n° ${i + 1} : l'identifiant « ${id} » est déjà utilisé par l'acte n° ${ids.get(id)! + 1}.`,
        `acts[${i}].id`,
      );
    }
    ids.set(id, i);
  }
  for (const [k, p] of (input.paid ?? []).entries()) {
    if (!ids.has(p.actId)) {
      return fail(
        'unknown_act',
        `Paiement n° ${k + 1} : aucun acte n'a l'identifiant « ${p.actId} » (identifiants connus : ${[...ids.keys()].join(', ')}).`,
        `paid[${k}].actId`,
      );
    }
  }
  return ok(null);
}

const ZERO_TOTALS: Totals = {
  pricePaid: 0,
  forfaitJournalier: 0,
  totalExpense: 0,
  baseRemboursement: 0,
  depassement: 0,
  amoGross: 0,
  ticketModerateur: 0,
  participationForfaitaire: 0,
  franchise: 0,
  amoNet: 0,
  amc: 0,
  resteACharge: 0,
};

/** Runs the whole simulation. `input` is untrusted (JSON from the API, the CLI or a test). */
export function simulateReimbursement(input: unknown): Result<ReimbursementOutput> {
  const parsed = ReimbursementInputSchema.safeParse(input);
  if (!parsed.success) {
    const e = zodErrorToDomain(parsed.error);
    return fail(e.code, e.message, e.field);
  }
  const data = parsed.data;
  const semantic = checkSemantics(data);
  if (!semantic.ok) return semantic;

  const params = buildParameters(data.options);
  const reader = new ParameterReader();
  const order = data.acts
    .map((_, i) => i)
    .sort((a, b) =>
      data.acts[a]!.date < data.acts[b]!.date ? -1 : data.acts[a]!.date > data.acts[b]!.date ? 1 : a - b,
    );
  const firstYear = parts(data.acts[order[0]!]!.date).year;
  const already = data.patient.alreadyBorneThisYear;
  const counters = newDeductionCounters(
    already && {
      year: already.year ?? firstYear,
      participationForfaitaire: already.participationForfaitaire,
      franchises: already.franchises,
    },
  );
  const ledger = new GuaranteeLedger(data.contract?.guarantees ?? [], firstYear);
  const { patient } = data;
  const results: ActResult[] = new Array(data.acts.length);

  for (const i of order) {
    const act = data.acts[i]!;
    reader.beginAct();
    const age = patient.birthDate !== undefined ? ageOn(patient.birthDate, act.date) : patient.age;
    if (age === undefined) {
      reader.warn(
        'patient.age_unknown',
        "Âge du patient non saisi : il est traité comme majeur (pas d'exonération des mineurs, pas de tarif enfant).",
        'hypothèse du simulateur',
      );
    }
    const facts: ActFacts = {
      index: i,
      id: act.id ?? `acte-${i + 1}`,
      date: act.date,
      kind: act.kind,
      label: act.label ?? act.kind,
      pricePaid: act.pricePaid,
      declaredBase: act.baseRemboursement,
      declaredRate: act.amoRate,
      sector: act.sector ?? 'secteur_1',
      optam: act.optam ?? false,
      // Without an identifier each act counts as a different doctor for the 4 €/day cap: the cautious reading
      // (it never lowers the PF the AMO may withhold).
      practitionerKey: act.practitionerId ?? `act-${i}`,
      parcoursDeSoins: act.parcoursDeSoins ?? true,
      ald: act.ald ?? false,
      maternity: act.pregnancyFrom6thMonth ?? patient.pregnancyFrom6thMonth ?? false,
      panier100Sante: act.panier100Sante ?? false,
      quantity: act.quantity ?? 1,
      days: act.days,
      psychiatry: act.psychiatry ?? false,
      heavyAct: act.heavyAct,
      age,
      c2s: patient.c2s ?? false,
      ame: patient.ame ?? false,
    };
    const amo = amoShare(facts, params, reader, counters);
    if (!amo.ok) return amo;
    const amc = complementaryAmount({
      facts,
      amo: amo.value,
      contract: data.contract,
      params,
      reader,
      ledger,
    });
    const totalExpense = act.pricePaid + amo.value.forfaitJournalier;
    const resteACharge = totalExpense - amo.value.amoNet - amc.amc;
    results[i] = {
      index: i,
      id: facts.id,
      date: act.date,
      kind: act.kind,
      label: facts.label,
      pricePaid: act.pricePaid,
      forfaitJournalier: amo.value.forfaitJournalier,
      totalExpense,
      baseRemboursement: amo.value.baseRemboursement,
      amoRate: amo.value.amoRate,
      depassement: amo.value.depassement,
      amoGross: amo.value.amoGross,
      ticketModerateur: amo.value.ticketModerateur,
      majorationHorsParcours: amo.value.majorationHorsParcours,
      heavyActFlat: amo.value.heavyActFlat,
      emergencyFlat: amo.value.emergencyFlat,
      participationForfaitaire: amo.value.participationForfaitaire,
      franchise: amo.value.franchise,
      amoNet: amo.value.amoNet,
      amc: amc.amc,
      amcComponents: amc.components,
      resteACharge,
      explanations: [
        ...amo.value.explanations,
        ...amc.explanations,
        explanation(
          'resteACharge',
          'reste_a_charge',
          `Reste à charge : ${euros(totalExpense)} − ${euros(amo.value.amoNet)} (Assurance maladie) − ${euros(amc.amc)} (complémentaire) = ${euros(resteACharge)}.`,
          'reste à charge = dépense − remboursement de l’Assurance maladie − remboursement de la complémentaire',
          resteACharge,
        ),
        ...reader.actWarnings(),
      ],
    };
  }

  const totals = results.reduce<Totals>(
    (t, a) => ({
      pricePaid: t.pricePaid + a.pricePaid,
      forfaitJournalier: t.forfaitJournalier + a.forfaitJournalier,
      totalExpense: t.totalExpense + a.totalExpense,
      baseRemboursement: t.baseRemboursement + a.baseRemboursement,
      depassement: t.depassement + a.depassement,
      amoGross: t.amoGross + a.amoGross,
      ticketModerateur: t.ticketModerateur + a.ticketModerateur,
      participationForfaitaire: t.participationForfaitaire + a.participationForfaitaire,
      franchise: t.franchise + a.franchise,
      amoNet: t.amoNet + a.amoNet,
      amc: t.amc + a.amc,
      resteACharge: t.resteACharge + a.resteACharge,
    }),
    ZERO_TOTALS,
  );
  const years = [...new Set([...counters.pfByYear.keys(), ...counters.franchiseByYear.keys()])].sort(
    (a, b) => a - b,
  );
  // Explanations go to members as is: no internal notes, option names or doubts (public-text.ts).
  return ok(
    publicDeep({
      acts: results,
      totals,
      yearCounters: years.map((year) => ({
        year,
        participationForfaitaire: counters.pfByYear.get(year) ?? 0,
        franchises: counters.franchiseByYear.get(year) ?? 0,
      })),
      shortfalls: detectShortfalls(results, data.paid ?? [], data.tolerance),
      warnings: reader.warnings,
    }),
  );
}
