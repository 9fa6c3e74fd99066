import modelJson from './model.json' with { type: 'json' };
import type { TriageModel } from './model.ts';

/** The committed model (scripts/train-triage.ts). The analyser itself takes the model as a parameter. */
export const triageModel = modelJson as unknown as TriageModel;
