import {
  OPINION_CONCLUSION_LABELS,
  OPINION_CONCLUSIONS,
} from '../../../../src/domain/dossiers/medical-opinion.ts';

/** The conclusions the adviser chooses from, from the one list the API validates against. */
export const CONCLUSION_OPTIONS = OPINION_CONCLUSIONS.map((id) => ({
  id,
  label: OPINION_CONCLUSION_LABELS[id],
}));
