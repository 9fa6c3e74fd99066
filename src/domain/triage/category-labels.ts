import { CATEGORY_LABELS } from '../../contracts/categories.ts';
import { CATEGORIES, type Category, type NextStep, type Organisation, type Stage } from './labels.ts';

export interface CategoryInfo {
  /** French label, as shown to members. */
  label: string;
  /** Noun phrase for the summary sentence ("Je comprends : …"). */
  phrase: string;
  /** The documents to gather for this kind of dispute. */
  documents: string[];
}

const CATEGORY_DETAILS: Readonly<Record<Category, Omit<CategoryInfo, 'label'>>> = {
  reimbursement_contested: {
    phrase: 'un remboursement contesté',
    documents: [
      'décompte de remboursement (relevé de prestations)',
      'facture acquittée ou feuille de soins',
      'devis accepté avant les soins',
      'tableau de garanties et conditions générales du contrat',
      'décompte de la Sécurité sociale pour le même soin',
    ],
  },
  coverage_interpretation: {
    phrase: 'un désaccord sur ce que couvre votre contrat',
    documents: [
      'conditions générales et particulières (ou règlement mutualiste)',
      'tableau de garanties en vigueur à la date des soins',
      'courrier de refus citant la clause appliquée',
      'prescription médicale et devis',
      "bulletin ou certificat d'adhésion",
    ],
  },
  termination: {
    phrase: 'une résiliation refusée ou non prise en compte',
    documents: [
      'copie de la demande de résiliation et preuve de son envoi (accusé de réception, courriel, capture de confirmation)',
      "date d'adhésion et avis d'échéance",
      "relevés bancaires montrant les prélèvements après la date d'effet",
      'justificatif du motif le cas échéant (contrat collectif obligatoire, changement de situation)',
    ],
  },
  contributions: {
    phrase: 'un problème de cotisations (montant, augmentation ou prélèvement)',
    documents: [
      'échéancier ou avis de cotisation',
      'relevés bancaires des prélèvements contestés',
      "courrier annonçant l'augmentation",
      'conditions générales (règles de tarification)',
      'mandat de prélèvement SEPA',
    ],
  },
  service_quality: {
    phrase: 'un problème de qualité de service (réponses, accueil, délais)',
    documents: [
      'liste datée des appels, courriels et courriers restés sans suite',
      'copies des messages envoyés (espace adhérent, ameli)',
      'accusés de réception',
      'nom des interlocuteurs et références de dossier',
    ],
  },
  rights_suspended: {
    phrase: 'des droits suspendus ou fermés (tiers payant refusé, carte)',
    documents: [
      'attestation de droits ou carte de tiers payant',
      'preuve du paiement des cotisations (relevés bancaires)',
      'courrier de suspension ou de radiation',
      'factures payées faute de tiers payant',
    ],
  },
  portability: {
    phrase: 'un maintien de garanties (portabilité) refusé ou interrompu',
    documents: [
      'certificat de travail et attestation employeur',
      'notification des droits au chômage (France Travail)',
      'notice du contrat collectif',
      'courrier de radiation ou de fin de garanties',
    ],
  },
  care_refused: {
    phrase: 'un refus de soins par un professionnel ou un établissement de santé',
    documents: [
      'preuves du refus (SMS, courriel, enregistrement de la prise de rendez-vous, témoignage)',
      'nom et adresse du professionnel, date du refus',
      'attestation de droits (C2S, AME) le cas échéant',
    ],
  },
  cpam_decision: {
    phrase: "une décision de l'Assurance maladie que vous contestez",
    documents: [
      'notification de la décision (avec sa date de réception)',
      "relevé de remboursements ou décompte d'indemnités journalières",
      'prescriptions, certificats et arrêts de travail',
      'courriers échangés avec la CPAM',
    ],
  },
  other: {
    phrase: 'une demande qui ne correspond pas à un litige type',
    documents: ['votre contrat ou carte de tiers payant', 'tout courrier lié à votre demande'],
  },
};

/** Each category with its one label (src/contracts/categories.ts) and what the member should gather. */
export const TRIAGE_CATEGORIES: Readonly<Record<Category, CategoryInfo>> = Object.fromEntries(
  CATEGORIES.map((c) => [c, { label: CATEGORY_LABELS[c], ...CATEGORY_DETAILS[c] }]),
) as Record<Category, CategoryInfo>;

export const ORGANISATION_LABELS: Readonly<Record<Organisation, string>> = {
  mutuelle: 'votre mutuelle',
  insurer: 'votre assureur',
  cpam: 'votre CPAM (Assurance maladie)',
  unknown: 'votre organisme',
};

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  none: 'aucune démarche encore',
  customer_service_contacted: 'service client contacté',
  written_complaint_sent: 'réclamation écrite envoyée',
  reminder_unanswered: 'relance restée sans réponse',
  mediation: 'médiateur saisi',
  court: 'procédure judiciaire engagée',
};

export const NEXT_STEP_LABELS: Readonly<Record<NextStep, string>> = {
  contact_customer_service: 'Contacter le service client',
  written_complaint: 'Envoyer une réclamation écrite',
  formal_notice: 'Envoyer une mise en demeure',
  mediator: 'Saisir le médiateur',
  cpam_cra: 'Saisir la commission de recours amiable (CRA) de la CPAM',
  association_or_defenseur_des_droits: 'Saisir le Défenseur des droits ou une association',
  court: 'Saisir le juge',
};
