import type { FastifyBaseLogger } from 'fastify';
import type { TextReading } from '../../domain/triage/analyse.ts';
import { applyProposal, type LabelProposal } from '../../domain/triage/answers.ts';
import { ORGANISATION_LABELS, STAGE_LABELS, TRIAGE_CATEGORIES } from '../../domain/triage/category-labels.ts';
import {
  CATEGORIES,
  type Category,
  ORGANISATIONS,
  type Organisation,
  STAGES,
  type Stage,
} from '../../domain/triage/labels.ts';
import type { Config } from '../config.ts';

/**
 * Optional: asks an OpenAI-compatible language model (POST {TRIAGE_LLM_URL}/chat/completions) for the category,
 * the organisation and the stage of a text. Off unless configured. Its answer is only a proposal: each label is
 * taken only when it belongs to the closed label sets, is recorded as evidence « modèle de langage », and the
 * next step and every date stay computed by the rules. Any failure (network, status, timeout, malformed JSON)
 * falls back silently to the local reading; the failure is logged without the member's text.
 */

export const LLM_TIMEOUT_MS = 5000;

type LlmConfig = NonNullable<Config['triageLlm']>;
type Logger = Pick<FastifyBaseLogger, 'warn'>;

const SYSTEM_PROMPT = [
  'Tu classes des litiges de complémentaire santé et d’Assurance maladie décrits par des assurés français.',
  'Réponds uniquement par un objet JSON {"category": …, "organisation": …, "stage": …} dont chaque valeur est',
  'exactement une des étiquettes proposées, ou null si le texte ne permet pas de conclure.',
  `category : ${CATEGORIES.map((c) => `${c} (${TRIAGE_CATEGORIES[c].label})`).join(' ; ')}.`,
  `organisation : ${ORGANISATIONS.map((o) => `${o} (${ORGANISATION_LABELS[o]})`).join(' ; ')}.`,
  `stage (démarche la plus avancée déjà faite par l'assuré) : ${STAGES.map((s) => `${s} (${STAGE_LABELS[s]})`).join(' ; ')}.`,
].join('\n');

/** The labels of the model's answer that belong to the label sets; the rest is ignored. */
export function proposalOf(content: string): LabelProposal {
  const parsed: unknown = JSON.parse(content);
  if (typeof parsed !== 'object' || parsed === null) throw new Error('réponse non JSON objet');
  const answer = parsed as Record<string, unknown>;
  const proposal: LabelProposal = {};
  if ((CATEGORIES as ReadonlyArray<unknown>).includes(answer.category))
    proposal.category = answer.category as Category;
  if ((ORGANISATIONS as ReadonlyArray<unknown>).includes(answer.organisation))
    proposal.organisation = answer.organisation as Organisation;
  if ((STAGES as ReadonlyArray<unknown>).includes(answer.stage)) proposal.stage = answer.stage as Stage;
  return proposal;
}

export async function askLanguageModel(
  config: LlmConfig,
  text: string,
  timeoutMs = LLM_TIMEOUT_MS,
): Promise<LabelProposal> {
  const response = await fetch(`${config.url.replace(/\/+$/, '')}/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
    },
    body: JSON.stringify({
      model: config.model,
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: text },
      ],
    }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { choices?: Array<{ message?: { content?: unknown } }> };
  const content = body.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new Error('réponse sans choices[0].message.content');
  return proposalOf(content);
}

/** The reading, adjusted by the language model when one is configured and answers in time; else unchanged. */
export async function refineWithLanguageModel(
  reading: TextReading,
  config: Config['triageLlm'],
  log: Logger,
  timeoutMs = LLM_TIMEOUT_MS,
): Promise<TextReading> {
  if (!config) return reading;
  try {
    const proposal = await askLanguageModel(config, reading.text, timeoutMs);
    if (Object.keys(proposal).length === 0) {
      log.warn({ model: config.model }, 'triage LLM: no valid label in the answer, local analysis kept');
      return reading;
    }
    return applyProposal(reading, proposal, config.model);
  } catch (error) {
    // Never the text: it may hold health data.
    const e = error as Error;
    log.warn(
      { model: config.model, error: e.name === 'TimeoutError' ? 'timeout' : e.message },
      'triage LLM unavailable, local analysis kept',
    );
    return reading;
  }
}
