/**
 * Terms a member cannot be expected to know, kept as data: those of docs/glossary.md that appear in contracts, and
 * the usual jargon of tables of guarantees. A clause may use them if the contract defines them (a « Définitions »
 * clause, « X : … », « on entend par X », « X désigne … »). `pattern` is matched on the folded text (no accents).
 */
export interface JargonTerm {
  term: string;
  pattern: RegExp;
  /** Plain words to suggest. */
  plain: string;
}

export const JARGON: readonly JargonTerm[] = [
  {
    term: 'base de remboursement',
    pattern: /\bbase de remboursement\b|\bbrss?\b|\bbr\b/,
    plain: 'le tarif de la Sécurité sociale',
  },
  {
    term: 'ticket modérateur',
    pattern: /\bticket moderateur\b|\btm\b/,
    plain: 'la part laissée à votre charge par la Sécurité sociale',
  },
  {
    term: 'participation forfaitaire',
    pattern: /\bparticipation forfaitaire\b/,
    plain: 'les 2 € retenus par consultation',
  },
  {
    term: 'franchise médicale',
    pattern: /\bfranchises? medicales?\b/,
    plain: 'la somme retenue par boîte de médicament ou par acte',
  },
  {
    term: 'forfait journalier',
    pattern: /\bforfait (journalier|hospitalier)\b/,
    plain: 'la somme due par jour d’hospitalisation',
  },
  {
    term: 'dépassement d’honoraires',
    pattern: /\bdepassements? d.honoraires\b/,
    plain: 'la part du prix au-delà du tarif de la Sécurité sociale',
  },
  { term: 'OPTAM', pattern: /\boptam(-co)?\b/, plain: 'médecins qui limitent leurs dépassements' },
  {
    term: 'contrat responsable',
    pattern: /\bcontrats? responsables?\b/,
    plain: 'contrat qui respecte les règles de la loi sur les remboursements',
  },
  { term: 'reste à charge', pattern: /\breste a charge\b/, plain: 'ce que vous payez finalement' },
  {
    term: 'PMSS',
    pattern: /\bpmss\b|\bplafond mensuel de la securite sociale\b/,
    plain: 'le plafond de la Sécurité sociale (montant en euros)',
  },
  { term: 'frais réels', pattern: /\bfrais reels\b/, plain: 'la totalité de ce que vous avez payé' },
  {
    term: 'délai de carence',
    pattern: /\bdelais? de carence\b|\bstage\b/,
    plain: 'la période pendant laquelle vous n’êtes pas encore couvert',
  },
  { term: 'subrogation', pattern: /\bsubrog\w*/, plain: 'la mutuelle agit à votre place' },
  { term: 'tiers payant', pattern: /\btiers payant\b/, plain: 'vous n’avancez pas les frais' },
  {
    term: 'prescription',
    pattern: /\bprescription (biennale|de deux ans)\b|\bprescrite\b/,
    plain: 'le délai de deux ans pour agir',
  },
  {
    term: 'échéance principale',
    pattern: /\becheance principale\b/,
    plain: 'la date anniversaire du contrat',
  },
  { term: 'déchéance', pattern: /\bdecheance\b/, plain: 'la perte du droit à être remboursé' },
  { term: 'ayant droit', pattern: /\bayants? droits?\b/, plain: 'les membres de votre famille couverts' },
  {
    term: 'nomenclature',
    pattern: /\bnomenclature\b|\bngap\b|\bccam\b|\blppr?\b/,
    plain: 'la liste officielle des actes',
  },
];
