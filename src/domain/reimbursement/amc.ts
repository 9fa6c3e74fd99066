/**
 * The complementary's share (AMC) of one act: the line of the table of guarantees that applies, its yearly ceilings
 * and counts, the principe indemnitaire, and the rules of the contrat responsable (R871-1 and R871-2 CSS), each
 * adjustment explained. The C2S and the AME replace the contract when the patient has them.
 *
 * Order of the steps, and why:
 * 1. the guarantee as written (mode, value), limited by the line's yearly count and ceiling;
 * 2. principe indemnitaire: never more than the expense left after the AMO (loi Évin art. 9);
 * 3. contrat responsable ceilings: no PF, franchise or out-of-parcours majoration (R871-1), non-OPTAM dépassements
 *    covered up to 100 % BR (R871-2);
 * 4. contrat responsable floors: the full TM, the forfait journalier, the 100 % Santé baskets (R871-2). They come
 *    last because the law prevails over the table's own limits.
 */
import { parts } from '../shared/calendar-date.ts';
import { type Cents, percentOf } from '../shared/money.ts';
import { type ActFacts, type AmoShare, DOCTOR_KINDS, isNonOptam, NO_AMO_KINDS } from './amo.ts';
import { euros, explanation, type ParameterReader, percentText } from './explanations.ts';
import type { ReimbursementParameters } from './parameters.ts';
import type {
  ActKind,
  AmcComponent,
  Contract,
  Explanation,
  Guarantee,
  GuaranteeKind,
  GuaranteeRef,
} from './schema.ts';

const SRC = {
  table: 'tableau de garanties du contrat',
  indemnitaire:
    'principe indemnitaire : loi n° 89-1009 du 31/12/1989 (Évin), art. 9 ; C. mutualité L224-8 ; C. assurances L121-1 (◐ source secondaire)',
  r8711:
    'art. R871-1 CSS : le contrat responsable ne couvre ni la participation forfaitaire, ni les franchises, ni la majoration hors parcours (syngof.fr)',
  nonOptam:
    'art. R871-2 CSS : dépassements des médecins non adhérents à l’OPTAM couverts dans la limite de 100 % BR (mon.apicil.com)',
  tm: 'art. R871-2 CSS : le contrat responsable couvre l’intégralité du ticket modérateur (mutuelle.org ; essentiel-sante-magazine.fr)',
  fj: 'art. R871-2 CSS : forfait journalier couvert sans limitation de durée (mutuelle.org)',
  panier:
    '100 % Santé, sans reste à charge avec un contrat responsable ou la C2S (boursorama.com ; univ-tlse2.fr)',
  c2s: 'complémentaire santé solidaire : ticket modérateur et forfait journalier pris en charge, 100 % Santé sans reste à charge (art. L861-3 CSS, ◐)',
  ame: 'aide médicale de l’État : prise en charge à 100 % des tarifs et du forfait journalier (art. L251-2 CASF ; ◐ source secondaire)',
};

const PANIER_KINDS: readonly ActKind[] = ['optique', 'audiologie', 'dentaire_prothese', 'dentaire_soins'];

export interface GuaranteeUsage {
  amount: Cents;
  count: number;
  /** Part of a yearly flat budget (amountPer 'year') already spent. */
  flat: Cents;
}

/** What each line of the table has paid per period, in the order the acts are processed. */
export class GuaranteeLedger {
  private readonly usage = new Map<string, GuaranteeUsage>();

  constructor(
    private readonly guarantees: readonly Guarantee[],
    /** Calendar year of the earliest act: the period the lines' `alreadyUsed` counters belong to. */
    private readonly baseYear: number,
  ) {}

  periodOf(line: number, date: string): number {
    const g = this.guarantees[line];
    const years = g?.periodYears ?? 1;
    return Math.floor((parts(date).year - this.baseYear) / years);
  }

  get(line: number, period: number): GuaranteeUsage {
    const key = `${line}|${period}`;
    let u = this.usage.get(key);
    if (!u) {
      const already = period === 0 ? this.guarantees[line]?.alreadyUsed : undefined;
      const flat = this.guarantees[line]?.amountPer === 'year' ? (already?.amount ?? 0) : 0;
      u = { amount: already?.amount ?? 0, count: already?.count ?? 0, flat };
      this.usage.set(key, u);
    }
    return u;
  }
}

export interface PractitionerFacts {
  sector: ActFacts['sector'];
  optam: boolean;
  panier100Sante: boolean;
}

/**
 * The line of the table that applies to a kind of care: the most specific one (a line for OPTAM or non-OPTAM
 * doctors, or for the 100 % Santé basket, wins over a line for all), then the first in the table.
 */
export function selectGuarantee(
  guarantees: readonly Guarantee[],
  kind: GuaranteeKind,
  facts: PractitionerFacts,
): { index: number; guarantee: Guarantee } | undefined {
  const nonOptam = isNonOptam(facts);
  let best: { index: number; guarantee: Guarantee; score: number } | undefined;
  guarantees.forEach((g, index) => {
    if (g.kind !== kind) return;
    if (g.practitioner === 'optam' && nonOptam) return;
    if (g.practitioner === 'non_optam' && !nonOptam) return;
    if (g.panier === '100_sante' && !facts.panier100Sante) return;
    if (g.panier === 'libre' && facts.panier100Sante) return;
    const score = (g.practitioner === 'any' ? 0 : 1) + (g.panier === 'any' ? 0 : 1);
    if (!best || score > best.score) best = { index, guarantee: g, score };
  });
  return best && { index: best.index, guarantee: best.guarantee };
}

const PER_TEXT = { act: 'par acte', day: 'par jour', year: 'par an' } as const;

function perText(g: Guarantee): string {
  if (g.amountPer === 'year' && g.periodYears > 1) return `tous les ${g.periodYears} ans`;
  return PER_TEXT[g.amountPer];
}

/** The guarantee's value as a table of guarantees writes it: « 200 % BR », « 50,00 € par jour », « frais réels ». */
export function describeGuarantee(g: Guarantee): string {
  const pct = percentText(g.percent ?? 0);
  const amount = euros(g.amount ?? 0);
  let text: string;
  switch (g.mode) {
    case 'percent_br_including_amo':
      text = `${pct} BR`;
      break;
    case 'percent_br_excluding_amo':
      text = `${pct} BR en plus de la Sécurité sociale`;
      break;
    case 'percent_br_plus_flat':
      text = `${pct} BR + ${amount} ${perText(g)}`;
      break;
    case 'flat':
      text = `${amount} ${perText(g)}`;
      break;
    case 'real_expense':
      text = 'frais réels';
      break;
  }
  const limits: string[] = [];
  const period = g.periodYears > 1 ? `tous les ${g.periodYears} ans` : 'par an';
  if (g.yearlyCeiling !== undefined) limits.push(`plafond ${euros(g.yearlyCeiling)} ${period}`);
  if (g.yearlyCount !== undefined)
    limits.push(`${g.yearlyCount} acte${g.yearlyCount > 1 ? 's' : ''} ${period}`);
  return limits.length ? `${text}, ${limits.join(', ')}` : text;
}

export function guaranteeRef(index: number, g: Guarantee): GuaranteeRef {
  return { index, label: g.label, value: describeGuarantee(g) };
}

export interface AmcShare {
  amc: Cents;
  components: AmcComponent[];
  explanations: Explanation[];
}

export interface AmcArgs {
  facts: ActFacts;
  amo: AmoShare;
  contract?: Contract;
  params: ReimbursementParameters;
  reader: ParameterReader;
  ledger?: GuaranteeLedger;
}

/** What the line pays as written, before the legal caps and floors; consumes nothing. */
function asWritten(
  g: Guarantee,
  base: { br: Cents; expense: Cents; amoGross: Cents; amoNet: Cents; units: number; days: number },
  usage: GuaranteeUsage,
): { raw: Cents; flatPart: Cents; percentPart: Cents; countUnits: number; text: string } {
  const ref = `Garantie « ${g.label} : ${describeGuarantee(g)} »`;
  const perUnitCount = g.amountPer === 'act' && (g.mode === 'flat' || g.mode === 'percent_br_plus_flat');
  let countUnits = perUnitCount ? base.units : 1;
  const notes: string[] = [];
  if (g.yearlyCount !== undefined) {
    const left = Math.max(0, g.yearlyCount - usage.count);
    if (left < countUnits) {
      notes.push(
        left === 0
          ? `nombre d'actes pris en charge sur la période déjà atteint (${g.yearlyCount})`
          : `${left} acte${left > 1 ? 's' : ''} restant${left > 1 ? 's' : ''} sur la période`,
      );
      countUnits = left;
    }
    if (countUnits === 0)
      return {
        raw: 0,
        flatPart: 0,
        percentPart: 0,
        countUnits,
        text: `${ref} : ${notes.join(' ; ')}, rien à verser.`,
      };
  }
  const units = perUnitCount ? countUnits : g.amountPer === 'day' ? base.days : 1;
  const pct = g.percent ?? 0;
  const fullPercent = percentOf(base.br, pct);
  let percentPart = 0;
  let flatPart = 0;
  let text: string;
  const flatFor = (room: Cents) => {
    const amount = g.amount ?? 0;
    if (g.amountPer === 'year') {
      const left = Math.max(0, amount - usage.flat);
      if (left < amount) notes.push(`forfait déjà consommé à hauteur de ${euros(usage.flat)}`);
      return Math.min(left, Math.max(0, room));
    }
    return amount * units;
  };
  switch (g.mode) {
    case 'percent_br_including_amo':
      percentPart = Math.max(0, fullPercent - base.amoGross);
      text = `${percentText(pct)} × ${euros(base.br)} = ${euros(fullPercent)}, moins ${euros(base.amoGross)} de l'Assurance maladie (avant retenues) = ${euros(percentPart)}`;
      break;
    case 'percent_br_excluding_amo':
      percentPart = fullPercent;
      text = `${percentText(pct)} × ${euros(base.br)} = ${euros(percentPart)}, en plus de l'Assurance maladie`;
      break;
    case 'percent_br_plus_flat':
      percentPart = Math.max(0, fullPercent - base.amoGross);
      flatPart = flatFor(base.expense - base.amoGross - percentPart);
      text = `${percentText(pct)} × ${euros(base.br)} − ${euros(base.amoGross)} = ${euros(percentPart)}, plus le forfait ${euros(flatPart)}`;
      break;
    case 'flat':
      flatPart = flatFor(base.expense - base.amoNet);
      text =
        g.amountPer === 'year'
          ? `forfait annuel : ${euros(flatPart)}`
          : `${euros(g.amount ?? 0)} × ${units} = ${euros(flatPart)}`;
      break;
    case 'real_expense':
      percentPart = Math.max(0, base.expense - base.amoNet);
      text =
        base.amoNet > 0
          ? `frais réels : ${euros(base.expense)} − ${euros(base.amoNet)} versés par l'Assurance maladie = ${euros(percentPart)}`
          : `frais réels : ${euros(percentPart)}`;
      break;
  }
  let raw = percentPart + flatPart;
  if (g.yearlyCeiling !== undefined) {
    const left = Math.max(0, g.yearlyCeiling - usage.amount);
    if (raw > left) {
      notes.push(`plafond de ${euros(g.yearlyCeiling)} sur la période : ${euros(left)} disponibles`);
      raw = left;
    }
  }
  const suffix = notes.length ? ` (${notes.join(' ; ')})` : '';
  return {
    raw,
    flatPart,
    percentPart,
    countUnits,
    text: `${ref} : ${text}${suffix ? `${suffix} → ${euros(raw)}` : ''}.`,
  };
}

function isTmFloorExempt(
  f: ActFacts,
  amo: AmoShare,
  params: ReimbursementParameters,
  reader: ParameterReader,
): string | undefined {
  if (NO_AMO_KINDS.includes(f.kind)) return 'not_reimbursable';
  if (f.kind === 'medicament') {
    if (amo.amoRate === 15) return 'medicine_15';
    const covers = reader.read(params.responsibleCoversModerateMedicineTm, f.date)?.value ?? false;
    if (amo.amoRate === 30 && !covers) return 'medicine_30';
  }
  return undefined;
}

interface ComponentResult {
  component: AmcComponent;
  explanations: Explanation[];
}

function careComponent(args: AmcArgs, contract: Contract): ComponentResult {
  const { facts: f, amo, params, reader, ledger } = args;
  const out: Explanation[] = [];
  const expense = f.pricePaid;
  const restAfterGross = Math.max(0, expense - amo.amoGross);
  const restAfterNet = Math.max(0, expense - amo.amoNet);
  const coverableTm = Math.min(
    restAfterGross,
    Math.max(0, amo.ticketModerateur - amo.majorationHorsParcours),
  );

  const sel = selectGuarantee(contract.guarantees, f.kind, f);
  let amount = 0;
  let ref: GuaranteeRef | null = null;
  let written: ReturnType<typeof asWritten> | undefined;
  let usage: GuaranteeUsage | undefined;
  if (sel) {
    ref = guaranteeRef(sel.index, sel.guarantee);
    usage = ledger?.get(sel.index, ledger.periodOf(sel.index, f.date)) ?? { amount: 0, count: 0, flat: 0 };
    written = asWritten(
      sel.guarantee,
      {
        br: amo.baseRemboursement,
        expense,
        amoGross: amo.amoGross,
        amoNet: amo.amoNet,
        units: f.quantity,
        days: f.days ?? 1,
      },
      usage,
    );
    amount = written.raw;
    out.push(
      explanation('amc', 'amc.guarantee', written.text, `${SRC.table}, ligne ${sel.index + 1}`, amount),
    );
  } else {
    out.push(
      explanation(
        'amc',
        'amc.no_guarantee',
        "Aucune ligne du tableau de garanties ne couvre ce type d'acte.",
        SRC.table,
        0,
      ),
    );
  }

  if (amount > restAfterNet) {
    out.push(
      explanation(
        'amc',
        'amc.indemnitaire',
        `Principe indemnitaire : la complémentaire ne rembourse pas plus que la dépense restant après l'Assurance maladie (${euros(restAfterNet)}) ; ramené de ${euros(amount)} à ${euros(restAfterNet)}.`,
        SRC.indemnitaire,
        restAfterNet,
      ),
    );
    amount = restAfterNet;
  }

  let imposedByLaw = 0;
  if (contract.responsible) {
    const legalCeiling = Math.max(0, restAfterGross - amo.majorationHorsParcours);
    if (amount > legalCeiling) {
      const what = [
        amo.participationForfaitaire ? 'la participation forfaitaire' : '',
        amo.franchise ? 'les franchises' : '',
        amo.majorationHorsParcours ? 'la majoration hors parcours de soins' : '',
      ].filter(Boolean);
      out.push(
        explanation(
          'amc',
          'amc.responsible_excluded',
          `Le contrat responsable ne peut pas prendre en charge ${what.join(', ') || 'ces retenues'} : ramené de ${euros(amount)} à ${euros(legalCeiling)}.`,
          SRC.r8711,
          legalCeiling,
        ),
      );
      amount = legalCeiling;
    }
    if (DOCTOR_KINDS.includes(f.kind) && isNonOptam(f) && amo.depassement > 0) {
      const cap = coverableTm + amo.baseRemboursement;
      if (amount > cap) {
        out.push(
          explanation(
            'amc',
            'amc.responsible_non_optam_cap',
            `Contrat responsable : pour un médecin non adhérent à l'OPTAM, le dépassement n'est couvert que dans la limite de 100 % de la BR (${euros(amo.baseRemboursement)}) ; ramené de ${euros(amount)} à ${euros(cap)}.`,
            SRC.nonOptam,
            cap,
          ),
        );
        amount = cap;
      }
    }

    const exempt = isTmFloorExempt(f, amo, params, reader);
    if (f.panier100Sante && PANIER_KINDS.includes(f.kind) && amount < restAfterGross) {
      imposedByLaw = restAfterGross - amount;
      out.push(
        explanation(
          'amc',
          'amc.responsible_panier_100_sante',
          `Panier 100 % Santé : le contrat responsable prend en charge tout le reste après l'Assurance maladie : ${euros(restAfterGross)}${sel ? ` (le tableau de garanties prévoyait ${euros(amount)})` : ''}.`,
          SRC.panier,
          restAfterGross,
        ),
      );
      amount = restAfterGross;
    } else if (!exempt && amount < coverableTm) {
      imposedByLaw = coverableTm - amount;
      out.push(
        explanation(
          'amc',
          'amc.responsible_tm',
          `Le contrat responsable impose la prise en charge du ticket modérateur : ${euros(coverableTm)}${sel ? ` (le tableau de garanties prévoyait ${euros(amount)})` : ''}.`,
          SRC.tm,
          coverableTm,
        ),
      );
      amount = coverableTm;
    } else if (exempt === 'medicine_15' || exempt === 'medicine_30') {
      out.push(
        explanation(
          'amc',
          `amc.responsible_tm_exempt.${exempt}`,
          exempt === 'medicine_15'
            ? "Médicament à service médical rendu faible (15 %) : le contrat responsable n'est pas tenu d'en couvrir le ticket modérateur."
            : "❌ Médicament à 30 % : l'obligation de couvrir le ticket modérateur n'est pas confirmée ; elle n'est appliquée que si vous indiquez que votre contrat la prévoit.",
          `${SRC.tm} ; obligation non confirmée pour les médicaments à 30 %`,
        ),
      );
    }
  }

  if (usage && written && sel) {
    usage.amount += amount;
    usage.count += written.countUnits;
    if (sel.guarantee.amountPer === 'year') {
      usage.flat += Math.min(written.flatPart, Math.max(0, amount - written.percentPart));
    }
  }
  return {
    component: { component: 'care', payer: 'contract', guarantee: ref, amount, imposedByLaw },
    explanations: out,
  };
}

function forfaitJournalierComponent(args: AmcArgs, contract: Contract): ComponentResult {
  const { facts: f, amo, ledger } = args;
  const fj = amo.forfaitJournalier;
  const out: Explanation[] = [];
  const sel = selectGuarantee(contract.guarantees, 'forfait_journalier', f);
  let amount = 0;
  let ref: GuaranteeRef | null = null;
  let usage: GuaranteeUsage | undefined;
  let written: ReturnType<typeof asWritten> | undefined;
  if (sel) {
    ref = guaranteeRef(sel.index, sel.guarantee);
    usage = ledger?.get(sel.index, ledger.periodOf(sel.index, f.date)) ?? { amount: 0, count: 0, flat: 0 };
    // The forfait journalier has no BR: a percentage applies to the forfait itself.
    written = asWritten(
      sel.guarantee,
      { br: fj, expense: fj, amoGross: 0, amoNet: 0, units: 1, days: f.days ?? 1 },
      usage,
    );
    amount = Math.min(written.raw, fj);
    out.push(
      explanation(
        'amc',
        'amc.forfait_journalier.guarantee',
        written.text,
        `${SRC.table}, ligne ${sel.index + 1}`,
        amount,
      ),
    );
  } else {
    out.push(
      explanation(
        'amc',
        'amc.forfait_journalier.no_guarantee',
        'Aucune ligne du tableau de garanties pour le forfait journalier.',
        SRC.table,
        0,
      ),
    );
  }
  let imposedByLaw = 0;
  if (contract.responsible && amount < fj) {
    imposedByLaw = fj - amount;
    out.push(
      explanation(
        'amc',
        'amc.responsible_forfait_journalier',
        `Le contrat responsable impose la prise en charge du forfait journalier sans limitation de durée : ${euros(fj)}${sel ? ` (le tableau de garanties prévoyait ${euros(amount)})` : ''}.`,
        SRC.fj,
        fj,
      ),
    );
    amount = fj;
  }
  if (usage && written) {
    usage.amount += amount;
    usage.count += written.countUnits;
    if (sel?.guarantee.amountPer === 'year') usage.flat += amount;
  }
  return {
    component: { component: 'forfait_journalier', payer: 'contract', guarantee: ref, amount, imposedByLaw },
    explanations: out,
  };
}

/** C2S and AME: the TM (without the out-of-parcours majoration), the forfait journalier and the 100 % Santé baskets. */
function solidarityShare(args: AmcArgs): AmcShare {
  const { facts: f, amo } = args;
  const payer = f.c2s ? 'c2s' : 'ame';
  const name = f.c2s ? 'la complémentaire santé solidaire (C2S)' : "l'aide médicale de l'État (AME)";
  const source = f.c2s ? SRC.c2s : SRC.ame;
  const restAfterGross = Math.max(0, f.pricePaid - amo.amoGross);
  const tm = Math.min(restAfterGross, Math.max(0, amo.ticketModerateur - amo.majorationHorsParcours));
  const care = f.panier100Sante && PANIER_KINDS.includes(f.kind) ? restAfterGross : tm;
  const out: Explanation[] = [
    explanation(
      'amc',
      `amc.${payer}`,
      f.panier100Sante && PANIER_KINDS.includes(f.kind)
        ? `Panier 100 % Santé : ${name} prend en charge tout le reste après l'Assurance maladie : ${euros(care)}.`
        : `${name[0]!.toUpperCase()}${name.slice(1)} prend en charge le ticket modérateur : ${euros(care)}.`,
      source,
      care,
    ),
  ];
  const components: AmcComponent[] = [
    { component: 'care', payer, guarantee: null, amount: care, imposedByLaw: care },
  ];
  if (amo.forfaitJournalier > 0) {
    out.push(
      explanation(
        'amc',
        `amc.${payer}.forfait_journalier`,
        `Forfait journalier pris en charge par ${name} : ${euros(amo.forfaitJournalier)}.`,
        source,
        amo.forfaitJournalier,
      ),
    );
    components.push({
      component: 'forfait_journalier',
      payer,
      guarantee: null,
      amount: amo.forfaitJournalier,
      imposedByLaw: amo.forfaitJournalier,
    });
  }
  if (args.contract) {
    out.push(
      explanation(
        'amc',
        `amc.${payer}.replaces_contract`,
        `Le patient bénéficie de ${name}, qui tient lieu de complémentaire : le tableau de garanties saisi n'est pas utilisé.`,
        source,
      ),
    );
  }
  return { amc: components.reduce((s, c) => s + c.amount, 0), components, explanations: out };
}

/** The AMC share of one act. Updates the ledger of the table's ceilings and counts. */
export function complementaryAmount(args: AmcArgs): AmcShare {
  const { facts: f, amo, contract } = args;
  if (f.c2s || f.ame) return solidarityShare(args);
  if (!contract) {
    return {
      amc: 0,
      components: [],
      explanations: [
        explanation(
          'amc',
          'amc.no_contract',
          'Pas de complémentaire santé saisie : aucune part complémentaire.',
          SRC.table,
          0,
        ),
      ],
    };
  }
  const components: AmcComponent[] = [];
  const explanations: Explanation[] = [];
  const care = careComponent(args, contract);
  components.push(care.component);
  explanations.push(...care.explanations);
  if (amo.forfaitJournalier > 0) {
    const fj = forfaitJournalierComponent(args, contract);
    components.push(fj.component);
    explanations.push(...fj.explanations);
  }
  const amc = components.reduce((s, c) => s + c.amount, 0);
  explanations.push(
    explanation('amc', 'amc.total', `Part complémentaire due : ${euros(amc)}.`, SRC.table, amc),
  );
  return { amc, components, explanations };
}
