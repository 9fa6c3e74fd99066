import { type FormEvent, useState } from 'react';
import { TEXT_LIMITS } from '../../../../../src/contracts/text-limits.ts';
import { ApiError } from '../../../shared/api-client.ts';
import { ErrorSummary, errorsFromApi, Field, type SummaryItem } from '../../../shared/ui/form.tsx';
import { useRecordSatisfaction, useTimeline } from '../file-api.ts';
import { Section, type SectionProps } from './section.tsx';

const SCORES = [
  { score: 1, label: 'Pas du tout satisfait' },
  { score: 2, label: 'Peu satisfait' },
  { score: 3, label: 'Moyennement satisfait' },
  { score: 4, label: 'Satisfait' },
  { score: 5, label: 'Très satisfait' },
];

const SCORE_ID = 'avis-note-1';
const COMMENT_ID = 'avis-commentaire';

/** An earlier answer, read off the timeline (« … donné votre avis … : 4/5. »). */
function useEarlierScore(dossierId: string): number | null {
  const timeline = useTimeline(dossierId);
  const entry = timeline.data?.entries.find(
    (e) => e.kind === 'event' && /avis sur le traitement/.test(e.text),
  );
  const m = entry ? /(\d)\/5/.exec(entry.text) : null;
  return m ? Number(m[1]) : entry ? 0 : null;
}

/** Once the file is closed, the member says how it was handled: 1 to 5 and a comment, once. */
export function SatisfactionSection({ dossier, isOwner }: SectionProps) {
  const earlier = useEarlierScore(dossier.id);
  const [thanks, setThanks] = useState<number | null>(null);
  const answered = thanks ?? earlier;
  return (
    <Section id="satisfaction" title="Votre avis">
      {answered !== null ? (
        <div className="notice notice--success" role="status">
          <p>
            <strong>Merci pour votre avis.</strong>
            {answered > 0 ? ` Vous avez donné la note de ${answered}/5.` : ''} Il aide l’organisme à mieux
            traiter les réclamations.
          </p>
        </div>
      ) : isOwner ? (
        <SurveyForm dossierId={dossier.id} onDone={setThanks} />
      ) : (
        <p className="muted">Seul l’adhérent qui a porté le dossier donne son avis sur son traitement.</p>
      )}
    </Section>
  );
}

function SurveyForm({ dossierId, onDone }: { dossierId: string; onDone: (score: number) => void }) {
  const record = useRecordSatisfaction(dossierId);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ score?: string; comment?: string }>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (score === null) {
      const message = 'Choisissez une note de 1 à 5.';
      setErrors({ score: message });
      setSummary([{ fieldId: SCORE_ID, message }]);
      return;
    }
    setErrors({});
    setSummary([]);
    const text = comment.trim();
    record.mutate(text ? { score, comment: text } : { score }, {
      onSuccess: () => onDone(score),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409 && /déjà/.test(error.message)) {
          onDone(0);
          return;
        }
        const spread = errorsFromApi(error, { score: SCORE_ID, comment: COMMENT_ID });
        setErrors({ score: spread.fields[SCORE_ID], comment: spread.fields[COMMENT_ID] });
        const items: SummaryItem[] = [];
        if (spread.general) items.push({ message: spread.general });
        if (spread.fields[SCORE_ID]) items.push({ fieldId: SCORE_ID, message: spread.fields[SCORE_ID] });
        if (spread.fields[COMMENT_ID])
          items.push({ fieldId: COMMENT_ID, message: spread.fields[COMMENT_ID] });
        setSummary(items);
      },
    });
  }

  return (
    <>
      <p>Votre dossier est clos. Comment jugez-vous son traitement par l’organisme&nbsp;?</p>
      <ErrorSummary id="avis-erreurs" items={summary} title="Votre avis n’a pas été enregistré" />
      <form noValidate onSubmit={onSubmit} className="form survey-form">
        <fieldset
          className={errors.score ? 'fieldset field--error' : 'fieldset'}
          aria-describedby={errors.score ? 'avis-note-erreur' : undefined}
        >
          <legend>Votre note</legend>
          {errors.score ? (
            <p className="field__error" id="avis-note-erreur">
              <span aria-hidden="true">⚠ </span>
              {errors.score}
            </p>
          ) : null}
          <div className="score-picker">
            {SCORES.map((s) => (
              <label key={s.score} className="score-picker__option">
                <input
                  type="radio"
                  name="avis-note"
                  id={`avis-note-${s.score}`}
                  value={s.score}
                  checked={score === s.score}
                  onChange={() => setScore(s.score)}
                />
                <span>
                  <strong>{s.score}</strong> — {s.label}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          id={COMMENT_ID}
          label="Commentaire"
          optional
          error={errors.comment}
          count={{ length: comment.length, max: TEXT_LIMITS.satisfactionComment }}
        >
          {(aria) => (
            <textarea {...aria} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={record.isPending}>
            Envoyer mon avis
          </button>
        </div>
      </form>
    </>
  );
}
