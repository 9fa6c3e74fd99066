/**
 * French département codes (INSEE code officiel géographique): 01 to 95 without 20 (split in 1976 into 2A,
 * Corse-du-Sud, and 2B, Haute-Corse), and the overseas départements 971 Guadeloupe, 972 Martinique, 973 Guyane,
 * 974 La Réunion, 975 Saint-Pierre-et-Miquelon (collectivité, INSEE code kept), 976 Mayotte.
 * The same rule is the CHECK constraint `dossiers_region_check` (migration 0007).
 */
const DEPARTEMENT = /^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$/;

export function isDepartementCode(value: string): boolean {
  return DEPARTEMENT.test(value) && value !== '20';
}

export const REGION_RULE =
  'un code de département à deux chiffres de 01 à 95 (sauf 20), 2A ou 2B pour la Corse, ou 971 à 976 pour l’outre-mer';
