/**
 * The longest texts the API accepts, in characters. The routes refuse more (never cut it), and the forms count
 * against the same number while the person types (issue 16: « no silent truncation »), so both read it here.
 */
export const TEXT_LIMITS = {
  /** A new file's description (member) and a complaint recorded by the organisation. */
  complaintDescription: 20_000,
  /** A message of the conversation between the member and the handler. */
  message: 10_000,
  /** A contact of the log: what was said, and what was promised. */
  contactSummary: 5_000,
  contactPromises: 2_000,
  /** The satisfaction survey's free comment. */
  satisfactionComment: 2_000,
  /** A letter's edited text, and the reasons of a decision drafted into it. */
  letterBody: 30_000,
  letterDecisionReasons: 5_000,
  /** The handler's actions on a file. */
  documentRequestMessage: 2_000,
  internalNote: 5_000,
  decisionReasons: 10_000,
  closeReason: 2_000,
  reopenReason: 2_000,
  /** The ethics committee: the question put to it, its opinion, its final decision, a member's explanation of vote. */
  ethicsQuestion: 5_000,
  ethicsOpinion: 20_000,
  ethicsDecision: 20_000,
  ethicsVoteComment: 2_000,
  /** The mediator's proposal of a solution. */
  mediationProposal: 20_000,
  /** The medical adviser: the handler's question, the summary for the handler, the medical detail. */
  medicalQuestion: 2_000,
  medicalSummary: 4_000,
  medicalDetail: 20_000,
  /** The diagnostic's free description of a situation. */
  triageText: 5_000,
  /** The organisation's settings: the complaints service's postal address and the mediator's. */
  postalAddress: 400,
  mediatorContact: 400,
  /** A table of guarantees pasted as CSV or JSON for the reimbursement check. */
  guaranteeTable: 200_000,
} as const;

/** « 5 000 »: a limit as the messages write it. */
export function limitText(max: number): string {
  return max.toLocaleString('fr-FR');
}
