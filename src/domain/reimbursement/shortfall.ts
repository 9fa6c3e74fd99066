/**
 * Shortfall detection: what the complementary (and optionally the Assurance maladie) actually paid for each act,
 * against what the simulation expects, beyond a tolerance. Each difference comes with a French sentence ready to be
 * quoted in a complaint letter.
 */
import type { Cents } from '../shared/money.ts';
import { euros, frenchDate, percentText } from './explanations.ts';
import type { ActKind, ActResult, GuaranteeRef, Paid, Shortfall } from './schema.ts';

/** The act as a French noun phrase with its article, for "Pour la consultation du 12/03/2026". */
const NOUNS: Record<ActKind, string> = {
  consultation_generaliste: 'la consultation',
  consultation_specialiste: 'la consultation',
  teleconsultation: 'la téléconsultation',
  acte_technique: "l'acte technique",
  sage_femme: 'la consultation de sage-femme',
  dentaire_soins: 'les soins dentaires',
  dentaire_prothese: 'la prothèse dentaire',
  medicament: 'les médicaments',
  auxiliaire_medical: "l'acte paramédical",
  transport: 'le transport',
  hospitalisation: "l'hospitalisation",
  urgences: 'le passage aux urgences',
  chambre_particuliere: 'la chambre particulière',
  optique: "l'équipement d'optique",
  audiologie: "l'aide auditive",
  non_remboursable: 'la dépense',
};

export function actPhrase(act: Pick<ActResult, 'kind' | 'date' | 'pricePaid' | 'forfaitJournalier'>): string {
  const price = `prix ${euros(act.pricePaid)}${act.forfaitJournalier > 0 ? `, forfait journalier ${euros(act.forfaitJournalier)}` : ''}`;
  return `${NOUNS[act.kind]} du ${frenchDate(act.date)} (${price})`;
}

function quoted(g: GuaranteeRef): string {
  return `« ${g.label} : ${g.value} »`;
}

function amcSentence(
  act: ActResult,
  guarantees: GuaranteeRef[],
  expected: Cents,
  paid: Cents,
  difference: Cents,
): string {
  const payers = new Set(act.amcComponents.map((c) => c.payer));
  let who: string;
  if (payers.has('c2s')) who = 'la complémentaire santé solidaire prévoit';
  else if (payers.has('ame')) who = "l'aide médicale de l'État prévoit";
  else if (guarantees.length === 1) who = `votre garantie ${quoted(guarantees[0]!)} prévoit`;
  else if (guarantees.length > 1) who = `vos garanties ${guarantees.map(quoted).join(' et ')} prévoient`;
  else who = 'votre contrat responsable prévoit';
  const gap = difference > 0 ? `soit ${euros(difference)} de moins` : `soit ${euros(-difference)} de plus`;
  let sentence = `Pour ${actPhrase(act)}, ${who} ${euros(expected)} ; vous avez versé ${euros(paid)}, ${gap}.`;
  const imposed = act.amcComponents
    .filter((c) => c.payer === 'contract')
    .reduce((s, c) => s + c.imposedByLaw, 0);
  if (imposed > 0 && difference > 0) {
    sentence += ` Ce montant comprend ${euros(imposed)} que le contrat responsable doit prendre en charge (article R871-2 du code de la sécurité sociale).`;
  }
  return sentence;
}

function amoSentence(act: ActResult, expected: Cents, paid: Cents, difference: Cents): string {
  const retenues = [
    act.participationForfaitaire ? `${euros(act.participationForfaitaire)} de participation forfaitaire` : '',
    act.franchise ? `${euros(act.franchise)} de franchise` : '',
  ].filter(Boolean);
  const how =
    act.heavyActFlat || act.emergencyFlat
      ? `base ${euros(act.baseRemboursement)} moins ${euros(act.heavyActFlat + act.emergencyFlat)} de participation`
      : `base ${euros(act.baseRemboursement)} × ${percentText(act.amoRate)}`;
  const gap = difference > 0 ? `soit ${euros(difference)} de moins` : `soit ${euros(-difference)} de plus`;
  return `Pour ${actPhrase(act)}, l'Assurance maladie devait verser ${euros(expected)} (${how}${retenues.length ? `, moins ${retenues.join(' et ')}` : ''}) ; elle a versé ${euros(paid)}, ${gap}.`;
}

/**
 * Differences beyond `tolerance` cents, in the order of the acts. A positive `difference` is money missing; an
 * overpayment is listed too (direction 'overpaid'), since a member should know before the payer claims it back.
 */
export function detectShortfalls(
  acts: readonly ActResult[],
  paid: readonly Paid[],
  tolerance: Cents,
): Shortfall[] {
  const byId = new Map(acts.map((a) => [a.id, a]));
  const out: Shortfall[] = [];
  for (const p of paid) {
    const act = byId.get(p.actId);
    if (!act) continue;
    const guarantees = act.amcComponents.flatMap((c) => (c.guarantee ? [c.guarantee] : []));
    if (p.amc !== undefined) {
      const difference = act.amc - p.amc;
      if (Math.abs(difference) > tolerance) {
        out.push({
          actId: act.id,
          actIndex: act.index,
          date: act.date,
          payer: 'amc',
          expected: act.amc,
          paid: p.amc,
          difference,
          direction: difference > 0 ? 'underpaid' : 'overpaid',
          guarantees,
          sentence: amcSentence(act, guarantees, act.amc, p.amc, difference),
        });
      }
    }
    if (p.amo !== undefined) {
      const difference = act.amoNet - p.amo;
      if (Math.abs(difference) > tolerance) {
        out.push({
          actId: act.id,
          actIndex: act.index,
          date: act.date,
          payer: 'amo',
          expected: act.amoNet,
          paid: p.amo,
          difference,
          direction: difference > 0 ? 'underpaid' : 'overpaid',
          guarantees: [],
          sentence: amoSentence(act, act.amoNet, p.amo, difference),
        });
      }
    }
  }
  return out.sort(
    (a, b) => a.actIndex - b.actIndex || (a.payer === b.payer ? 0 : a.payer === 'amo' ? -1 : 1),
  );
}
