import { type Actor, ANALYTICS_ROLES, REGISTER_ROLES, SUPERVISING_ROLES } from '../access/roles.ts';
import { fail, ok, type Result } from '../shared/result.ts';

/**
 * The ethics committee (seed 004: "un comité éthique pour l'arbitrage des cas complexes"): a supervisor sends a
 * complex file with a question and the members' names; the committee gives an opinion, each member votes, and the
 * supervisor records the final decision.
 */
export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export interface EthicsVote {
  member: string;
  vote: VoteChoice;
  comment?: string | undefined;
  recordedAt: string;
}

export interface ReviewState {
  organisationId: string | null;
  status: 'open' | 'decided';
  committeeMembers: string[];
  opinion: string | null;
  votes: EthicsVote[];
}

/** The ethics committee: supervisors and admins of the organisation. */
const COMMITTEE_ROLES = SUPERVISING_ROLES;

function sameOrganisation(actor: Actor, organisationId: string | null): boolean {
  return actor.organisationId !== null && actor.organisationId === organisationId;
}

/** Who may list and read reviews: supervisors, admins and auditors of the organisation. */
export function canReadReviews(actor: Actor): Result<true> {
  if (!actor.organisationId || !ANALYTICS_ROLES.includes(actor.role)) {
    return fail(
      'forbidden',
      'Les saisines du comité éthique sont réservées aux superviseurs, administrateurs et auditeurs.',
    );
  }
  return ok(true);
}

export function canRequestReview(
  actor: Actor,
  dossier: { organisationId: string | null; status: string },
  hasOpenReview: boolean,
): Result<true> {
  if (!sameOrganisation(actor, dossier.organisationId) || !REGISTER_ROLES.includes(actor.role)) {
    return fail('not_visible', 'Dossier introuvable, ou vous n’y avez pas accès.');
  }
  if (actor.role !== 'supervisor') {
    return fail('forbidden', 'Seul un superviseur saisit le comité éthique.');
  }
  if (dossier.status === 'closed') {
    return fail('invalid_state', 'Dossier clos : rouvrez-le avant de saisir le comité éthique.');
  }
  if (hasOpenReview) {
    return fail('invalid_state', 'Le comité éthique est déjà saisi de ce dossier : attendez sa décision.');
  }
  return ok(true);
}

function checkCommitteeAction(actor: Actor, review: ReviewState): Result<true> {
  if (!sameOrganisation(actor, review.organisationId)) {
    return fail('not_visible', 'Saisine du comité introuvable, ou vous n’y avez pas accès.');
  }
  if (!COMMITTEE_ROLES.includes(actor.role)) {
    return fail('forbidden', 'Réservé aux superviseurs et administrateurs, secrétaires du comité éthique.');
  }
  if (review.status === 'decided') {
    return fail('invalid_state', 'Le comité a déjà rendu sa décision : la saisine est close.');
  }
  return ok(true);
}

export function canRecordOpinion(actor: Actor, review: ReviewState): Result<true> {
  const base = checkCommitteeAction(actor, review);
  if (!base.ok) return base;
  if (review.votes.length > 0) {
    return fail(
      'invalid_state',
      'Les membres ont commencé à voter : l’avis ne peut plus changer.',
      'opinion',
    );
  }
  return ok(true);
}

export function canVote(actor: Actor, review: ReviewState, member: string): Result<true> {
  const base = checkCommitteeAction(actor, review);
  if (!base.ok) return base;
  if (!review.opinion) {
    return fail('invalid_state', 'Enregistrez d’abord l’avis du comité : les membres votent sur cet avis.');
  }
  if (!review.committeeMembers.includes(member)) {
    return fail(
      'invalid_target',
      `« ${member} » ne fait pas partie du comité (${review.committeeMembers.join(', ')}).`,
      'member',
    );
  }
  return ok(true);
}

export function canDecide(actor: Actor, review: ReviewState): Result<true> {
  const base = checkCommitteeAction(actor, review);
  if (!base.ok) return base;
  if (!review.opinion) return fail('invalid_state', 'Enregistrez d’abord l’avis du comité.');
  const missing = review.committeeMembers.filter((m) => !review.votes.some((v) => v.member === m));
  if (missing.length > 0) {
    return fail('invalid_state', `Tous les membres doivent avoir voté ; manque : ${missing.join(', ')}.`);
  }
  return ok(true);
}

/** A member's new vote replaces his previous one. */
export function withVote(votes: readonly EthicsVote[], vote: EthicsVote): EthicsVote[] {
  return [...votes.filter((v) => v.member !== vote.member), vote];
}

export function tally(votes: readonly EthicsVote[]): Record<VoteChoice, number> {
  const counts: Record<VoteChoice, number> = { for: 0, against: 0, abstain: 0 };
  for (const v of votes) counts[v.vote] += 1;
  return counts;
}
