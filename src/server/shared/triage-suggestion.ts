import type { OrganisationKind } from '../../contracts/organisation-kinds.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { triageText } from '../../domain/triage/answers.ts';
import type { Category, Organisation } from '../../domain/triage/labels.ts';
import { triageModel } from '../../domain/triage/model-loader.ts';
import { type Priority, priorityOf } from '../../domain/triage/priority.ts';
import type { TriageAnswers } from '../../domain/triage/schema.ts';

const ORGANISATION_OF_KIND: Record<OrganisationKind, Organisation | undefined> = {
  mutuelle: 'mutuelle',
  insurer: 'insurer',
  cpam: 'cpam',
  // No triage label of its own: the text decides, the deadlines are those of a mutuelle (docs/triage.md).
  institution_prevoyance: undefined,
};

export interface DossierSuggestion {
  suggestedCategory: Category;
  priority: Priority;
}

/**
 * For the back office, when a member opens a file: the category the text suggests (independent of the one the
 * member chose) and the file's priority. What the form states for sure (organisation kind, complaint date,
 * amount) is passed as answers. A suggestion never blocks the creation of a file: on any refusal, the text alone.
 */
export function dossierSuggestion(
  input: {
    title: string;
    description: string;
    organisationKind: OrganisationKind;
    complaintSentOn?: string | undefined;
    amountCents?: number | undefined;
  },
  now: Date,
): DossierSuggestion {
  const today = parisDateOf(now);
  const text = `${input.title}\n${input.description}`.trim().slice(0, 5000);
  const organisation = ORGANISATION_OF_KIND[input.organisationKind];
  const answers: TriageAnswers = {
    ...(organisation ? { organisation } : {}),
    ...(input.complaintSentOn ? { complaintSentOn: input.complaintSentOn } : {}),
    ...(input.amountCents !== undefined ? { amountCents: input.amountCents } : {}),
  };
  // Only the labels and the deadlines are kept: the words behind the category are not computed.
  const options = { categoryEvidence: false };
  const withAnswers = triageText({ text, answers }, today, triageModel, options);
  const result = withAnswers.ok ? withAnswers : triageText({ text }, today, triageModel, options);
  // Without answers nothing can be refused: a failure here is a programming error.
  if (!result.ok) throw new Error(result.error.message);
  return {
    suggestedCategory: result.value.category,
    priority: priorityOf(result.value, today).priority,
  };
}
