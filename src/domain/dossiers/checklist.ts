import type { DossierCategory } from '../../contracts/categories.ts';
import { publicText } from '../shared/public-text.ts';
import type { DocumentKind } from './documents.ts';

/**
 * The evidence a dispute needs, per category, ticked from the kinds of the documents already uploaded.
 * Sources: seed 000 ("rassembler l'ensemble des factures, courriers et justificatifs", "ordonnances, factures
 * originales, devis signés et feuilles de soins", "relevés de remboursement", "conditions générales, garanties
 * souscrites") and seed 002 ("documents spécifiques selon votre demande : factures et devis, ordonnances,
 * feuilles de soins, correspondances précédentes, contrat de mutuelle").
 */
export interface ChecklistItemRule {
  id: string;
  label: string;
  /** Any one of these kinds ticks the item. */
  kinds: readonly DocumentKind[];
  /** false: useful when relevant ("ordonnance ou devis quand il y en a un"), not expected in every file. */
  required: boolean;
  why: string;
}

const complaintLetter: ChecklistItemRule = {
  id: 'complaint_letter',
  label: 'Copie de votre réclamation écrite',
  kinds: ['letter_sent'],
  required: true,
  // Source: seed 000 (team domain notes).
  why: 'Date le point de départ des délais de réponse (2 mois) et de saisine du médiateur.',
};
const proofOfSending: ChecklistItemRule = {
  id: 'proof_of_sending',
  label: 'Preuve d’envoi ou accusé de réception',
  kinds: ['proof_of_sending'],
  required: true,
  // Source: seed 000, seed 002 (team domain notes).
  why: 'Le recommandé avec accusé de réception prouve la date d’envoi.',
};
const answerReceived: ChecklistItemRule = {
  id: 'answer_received',
  label: 'Réponse ou courrier de l’organisme',
  kinds: ['letter_received'],
  required: false,
  // Source: seed 000, seed 002 (team domain notes).
  why: 'Conservez tous les courriers reçus : la réponse motivée ouvre la médiation.',
};
const contract: ChecklistItemRule = {
  id: 'contract',
  label: 'Contrat ou tableau de garanties',
  kinds: ['contract'],
  required: true,
  // Source: seed 000 : « conditions générales, garanties souscrites » (team domain notes).
  why: 'Les garanties souscrites disent ce qui est dû.',
};

const RULES: Record<DossierCategory, readonly ChecklistItemRule[]> = {
  reimbursement_contested: [
    {
      id: 'reimbursement_statement',
      label: 'Décompte de remboursement contesté',
      kinds: ['reimbursement_statement'],
      required: true,
      // Source: seed 000 : « relevés de remboursement » (team domain notes).
      why: 'Montre ce qui a été versé.',
    },
    {
      id: 'invoice_or_care_sheet',
      label: 'Facture ou feuille de soins',
      kinds: ['invoice', 'care_sheet'],
      required: true,
      // Source: seed 000 : « factures originales, feuilles de soins » (team domain notes).
      why: 'Montre ce que vous avez payé.',
    },
    contract,
    {
      id: 'prescription_or_quote',
      label: 'Ordonnance ou devis, s’il y en a un',
      kinds: ['prescription', 'quote'],
      required: false,
      // Source: seed 000 : « devis signés » (team domain notes).
      why: 'Dentaire, optique, audio : le devis et l’ordonnance fixent ce qui était prévu.',
    },
    complaintLetter,
    proofOfSending,
    answerReceived,
  ],
  coverage_interpretation: [
    contract,
    {
      id: 'refusal',
      label: 'Refus ou réponse de l’organisme',
      kinds: ['letter_received', 'reimbursement_statement'],
      required: true,
      // Source: seed 002 : « correspondances précédentes » (team domain notes).
      why: 'Le motif du refus est ce que l’on conteste.',
    },
    {
      id: 'invoice_or_quote',
      label: 'Facture ou devis des soins',
      kinds: ['invoice', 'quote', 'care_sheet'],
      required: true,
      // Source: seed 002 : « factures et devis médicaux » (team domain notes).
      why: 'Le montant en jeu.',
    },
    {
      id: 'prescription',
      label: 'Ordonnance, s’il y en a une',
      kinds: ['prescription'],
      required: false,
      // Source: seed 002 : « ordonnances médicales » (team domain notes).
      why: 'Certaines garanties dépendent d’une prescription.',
    },
    complaintLetter,
    proofOfSending,
  ],
  termination: [
    {
      id: 'termination_letter',
      label: 'Lettre de résiliation',
      kinds: ['letter_sent'],
      required: true,
      // Source: seed 000 : litiges de résiliation (team domain notes).
      why: 'Prouve la demande et son motif.',
    },
    {
      id: 'termination_proof',
      label: 'Preuve d’envoi de la résiliation',
      kinds: ['proof_of_sending'],
      required: true,
      // Source: seed 002 : « courrier recommandé avec accusé de réception » (team domain notes).
      why: 'La date d’envoi fait courir le préavis.',
    },
    {
      id: 'bank_statements',
      label: 'Relevés bancaires des prélèvements contestés',
      kinds: ['bank_statement'],
      required: true,
      // Source: seed 000 : « erreurs de cotisation » (team domain notes).
      why: 'Montrent les cotisations prélevées après la fin du contrat.',
    },
    contract,
    answerReceived,
  ],
  contributions: [
    {
      id: 'bank_statements',
      label: 'Relevés bancaires des prélèvements',
      kinds: ['bank_statement'],
      required: true,
      // Source: seed 000 : « vérifier les erreurs de cotisation » (team domain notes).
      why: 'Montrent les montants prélevés.',
    },
    {
      id: 'contribution_notice',
      label: 'Échéancier ou avis de cotisation',
      kinds: ['letter_received', 'contract'],
      required: true,
      // Source: seed 000 : « information claire sur les montants des cotisations » (team domain notes).
      why: 'Montre ce qui était dû.',
    },
    complaintLetter,
    proofOfSending,
  ],
  service_quality: [
    complaintLetter,
    proofOfSending,
    {
      id: 'exchanges',
      label: 'Courriers et e-mails échangés',
      kinds: ['letter_received', 'letter_sent'],
      required: false,
      // Source: seed 002 : « notez le nom de votre interlocuteur » (team domain notes).
      why: 'Avec le journal des contacts, ils datent les manquements.',
    },
  ],
  rights_suspended: [
    {
      id: 'suspension_notice',
      label: 'Courrier de suspension ou refus de tiers payant',
      kinds: ['letter_received'],
      required: true,
      // Source: seed 002 : « correspondances précédentes » (team domain notes).
      why: 'Le motif invoqué par l’organisme.',
    },
    {
      id: 'proof_of_payment',
      label: 'Relevés prouvant le paiement des cotisations',
      kinds: ['bank_statement'],
      required: true,
      // Source: seed 000 (team domain notes).
      why: 'Une suspension pour impayé se conteste avec les prélèvements.',
    },
    contract,
    complaintLetter,
  ],
  portability: [
    {
      id: 'employment_end',
      label: 'Certificat de travail ou attestation de fin de contrat',
      kinds: ['other', 'letter_received'],
      required: true,
      // Source: seed 002 : « documents spécifiques selon votre demande » (team domain notes).
      why: 'La date de fin du contrat de travail ouvre la portabilité.',
    },
    contract,
    {
      id: 'invoice_or_statement',
      label: 'Factures ou décomptes non remboursés',
      kinds: ['invoice', 'care_sheet', 'reimbursement_statement'],
      required: false,
      // Source: seed 000 (team domain notes).
      why: 'Les soins refusés pendant la portabilité.',
    },
    complaintLetter,
  ],
  care_refused: [
    {
      id: 'refusal',
      label: 'Refus de prise en charge',
      kinds: ['letter_received'],
      required: true,
      // Source: seed 002 : « correspondances précédentes » (team domain notes).
      why: 'Le motif du refus.',
    },
    {
      id: 'quote',
      label: 'Devis ou demande de prise en charge',
      kinds: ['quote'],
      required: true,
      // Source: seed 000 : « devis signés » (team domain notes).
      why: 'Ce qui a été demandé.',
    },
    {
      id: 'prescription',
      label: 'Ordonnance',
      kinds: ['prescription'],
      required: false,
      // Source: seed 002 : « ordonnances médicales » (team domain notes).
      why: 'L’ordonnance montre que les soins ont été prescrits.',
    },
    contract,
    complaintLetter,
  ],
  cpam_decision: [
    {
      id: 'cpam_notification',
      label: 'Notification de la décision de la CPAM',
      kinds: ['letter_received'],
      required: true,
      why: 'Sa date de notification fait courir les 2 mois pour saisir la commission de recours amiable (CSS R142-1).',
    },
    {
      id: 'care_evidence',
      label: 'Feuilles de soins, factures ou ordonnance en cause',
      kinds: ['care_sheet', 'invoice', 'prescription'],
      required: true,
      // Source: seed 002 : « feuilles de soins, ordonnances » (team domain notes).
      why: 'Les soins dont le remboursement est refusé.',
    },
    {
      id: 'reimbursement_statement',
      label: 'Relevé de remboursement de l’Assurance maladie',
      kinds: ['reimbursement_statement'],
      required: false,
      // Source: seed 000 : « relevés de remboursement » (team domain notes).
      why: 'Montre ce que l’Assurance maladie a versé ou refusé.',
    },
    {
      id: 'cra_letter',
      label: 'Copie du recours à la commission de recours amiable',
      kinds: ['letter_sent'],
      required: false,
      why: 'Une fois envoyé, avec sa preuve d’envoi.',
    },
    { ...proofOfSending, required: false },
  ],
  other: [
    {
      id: 'exchanges',
      label: 'Courriers échangés avec l’organisme',
      kinds: ['letter_received', 'letter_sent'],
      required: true,
      // Source: seed 000 : « rassembler l’ensemble des factures, courriers et justificatifs » (team domain notes).
      why: 'Rassemblez tous les courriers, factures et justificatifs liés au litige.',
    },
    { ...contract, required: false },
    { ...proofOfSending, required: false },
  ],
};

export interface ChecklistItem {
  id: string;
  label: string;
  required: boolean;
  why: string;
  done: boolean;
  /** The documents that tick the item. */
  documentIds: string[];
}

export interface Checklist {
  items: ChecklistItem[];
  /** Required items still missing. */
  missing: number;
  complete: boolean;
}

/** A category unknown to this list (a newer one) gets the generic "other" list rather than nothing. */
export function checklistRules(category: string): readonly ChecklistItemRule[] {
  return RULES[category as DossierCategory] ?? RULES.other;
}

/**
 * Ticks each item from the documents' kinds. One document ticks every item its kind satisfies: a "courrier
 * envoyé" is both the complaint and, for a termination, the termination letter (a person files one letter).
 */
export function checklistOf(category: string, documents: readonly { id: string; kind: string }[]): Checklist {
  const items = checklistRules(category).map((rule) => {
    const documentIds = documents
      .filter((d) => (rule.kinds as readonly string[]).includes(d.kind))
      .map((d) => d.id);
    return {
      id: rule.id,
      label: rule.label,
      required: rule.required,
      // The rule cites its research notes for developers; the member reads the reason only (public-text.ts).
      why: publicText(rule.why),
      done: documentIds.length > 0,
      documentIds,
    };
  });
  const missing = items.filter((i) => i.required && !i.done).length;
  return { items, missing, complete: missing === 0 };
}
