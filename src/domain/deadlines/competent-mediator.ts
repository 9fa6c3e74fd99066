import type { OrganisationKind } from '../../contracts/organisation-kinds.ts';
import { MEDIATORS, type Mediator } from './parameters.ts';

/** The consumer mediation schemes Recours knows (C. consom. L612-1, L616-1; CSS L217-7-1 for the CPAM). */
export type MediatorScheme = keyof typeof MEDIATORS;

/** What an organisation declared on Recours about its mediator (free text, as the admin typed it). */
export interface MediatorChoice {
  mediatorName?: string | null | undefined;
  mediatorContact?: string | null | undefined;
}

export interface OrganisationMediatorChoice extends MediatorChoice {
  kind: OrganisationKind;
}

export interface CompetentMediator extends Mediator {
  /** The scheme whose rules apply (the deadline engine's `mutuelleMediator` option follows it). */
  scheme: MediatorScheme;
  /** True when the organisation named its mediator; false when Recours falls back on its family's. */
  declared: boolean;
  /** The declared postal lines, one per line (empty when none was declared). */
  postalAddress: string[];
}

const FAMILY_MEDIATOR: Record<OrganisationKind, MediatorScheme> = {
  // Reference §3: the FNMF mediator for a mutuelle unless it adheres to LMA; LMA for an insurer; CTIP for an
  // institution de prévoyance; the CPAM's own mediator (CSS L217-7-1).
  mutuelle: 'fnmf',
  insurer: 'lma',
  institution_prevoyance: 'ctip',
  cpam: 'cpam',
};

/** Which scheme a declared name designates; undefined for a mediator Recours does not know by name. */
export function schemeOfName(name: string): MediatorScheme | undefined {
  const n = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/\blma\b|mediation de l.assurance/.test(n)) return 'lma';
  if (/mutualite|\bfnmf\b/.test(n)) return 'fnmf';
  if (/\bctip\b|protection sociale/.test(n)) return 'ctip';
  if (/\bcpam\b|caisse primaire|assurance maladie/.test(n)) return 'cpam';
  return undefined;
}

function lines(text: string | null | undefined): string[] {
  if (!text?.trim()) return [];
  const parts = text.includes('\n') ? text.split('\n') : text.split(/,\s*/);
  return parts
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * THE competent mediator of an organisation, decided here only (issue 13): the one it declared on Recours, or else
 * the mediator of its family. A mutuelle that adheres to La Médiation de l'Assurance names LMA, and then LMA — never
 * the FNMF mediator — appears in its answers, mediation checks, letters and deadlines (C. consom. L616-1: the
 * professional gives the details of the mediator he comes under).
 */
export function competentMediator(org: OrganisationMediatorChoice): CompetentMediator {
  const declaredName = org.mediatorName?.trim();
  const family = FAMILY_MEDIATOR[org.kind];
  if (!declaredName) {
    return { ...MEDIATORS[family], scheme: family, declared: false, postalAddress: [] };
  }
  const recognised = schemeOfName(declaredName);
  const scheme = recognised ?? family;
  const postalAddress = lines(org.mediatorContact);
  // A mediator Recours does not know: its own contact, since the scheme's website would be the wrong one.
  const howToSeize = recognised
    ? MEDIATORS[recognised].howToSeize
    : `Adressez-lui votre demande par écrit${postalAddress.length ? ` (${postalAddress.join(', ')})` : ''}, avec la copie de votre réclamation écrite et de la réponse reçue (ou la preuve de l’absence de réponse).`;
  return {
    name: declaredName,
    howToSeize,
    source: recognised ? MEDIATORS[recognised].source : 'C. consom. art. L612-1 et L616-1',
    scheme,
    declared: true,
    postalAddress,
  };
}

/** The deadline engine's option for a mutuelle's mediator, from the organisation's choice. */
export function mutuelleMediatorOption(org: OrganisationMediatorChoice): 'fnmf' | 'lma' {
  return competentMediator(org).scheme === 'lma' ? 'lma' : 'fnmf';
}
