/**
 * The sense of an answer to a complaint: the organisation's decision, the answer a member reports, a mediator's
 * or the CRA's outcome. Each surface words it for its reader in a `Record<DecisionOutcome, …>`, so a new outcome
 * is pointed at everywhere by the type checker.
 */
export const DECISION_OUTCOMES = ['accepted', 'partial', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The staff's words (register, handling, exports). */
export const DECISION_OUTCOME_LABELS = {
  accepted: 'Acceptée',
  partial: 'Partiellement acceptée',
  rejected: 'Rejetée',
} as const satisfies Record<DecisionOutcome, string>;
