import { MEDICAL_HOLDER } from '../dossiers/medical-pieces.ts';

/**
 * The words of the « pli confidentiel » cover put before each medical piece of a mediation file. Medical
 * information reaches the mediator under a sealed cover, addressed to him alone (C. santé publ. L1110-4: medical
 * secrecy; CNOM recommendations: medical documents travel « sous pli confidentiel » to the named doctor or
 * person; C. consom. L612-1 and R612-2: the mediator the member referred his file to).
 */
export const CONFIDENTIAL_COVER = {
  title: 'PLI CONFIDENTIEL',
  subtitle: 'Secret médical – à l’attention du seul médiateur',
  body: [
    'La pièce qui suit contient des informations médicales couvertes par le secret médical (article L1110-4 du Code de la santé publique).',
    'Elle est transmise au médiateur saisi du litige, à la demande de l’adhérent, pour le seul examen de ce litige. Elle ne doit pas être communiquée aux services de gestion de l’organisme ; seul son médecin-conseil peut en connaître.',
  ],
  listNote: 'Pièce médicale : jointe sous pli confidentiel, à l’attention du seul médiateur.',
} as const;

/** What the other staff's copy says in place of a medical piece: it exists, its date, who holds it. */
export const WITHHELD_IN_BUNDLE = `Pièce médicale couverte par le secret médical : elle est détenue par ${MEDICAL_HOLDER} et transmise au seul médiateur, sous pli confidentiel. Son contenu ne figure pas dans cet exemplaire.`;
