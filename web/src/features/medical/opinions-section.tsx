import { type FormEvent, useState } from 'react';
import { TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import { errorMessage } from '../../shared/api-client.ts';
import type { DossierSectionProps } from '../../shared/dossier-section.ts';
import { formatInstantDate } from '../../shared/format.ts';
import { ChoiceGroup } from '../../shared/ui/choice-group.tsx';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type Opinion, useAnswerOpinion, useOpinions, useRequestOpinion } from './api.ts';
import { CONCLUSION_OPTIONS } from './conclusions.ts';

/**
 * The medical adviser's opinions on a file (docs/medical-secrecy.md): a handler asks, the adviser answers; the
 * handler reads the conclusion and the summary, never the medical detail. The file's deadlines run on meanwhile.
 */
export function OpinionsSection({ dossierId, user, canWrite }: DossierSectionProps) {
  const opinions = useOpinions(dossierId);
  const handler = canWrite && (user?.role === 'handler' || user?.role === 'supervisor');
  const adviser = user?.role === 'medical_adviser';
  return (
    <section id="avis-medical" className="section card file-section" aria-labelledby="avis-medical-titre">
      <h2 id="avis-medical-titre" tabIndex={-1}>
        Avis du médecin-conseil
      </h2>
      <p className="file-section__lead">
        {adviser
          ? 'Les questions des conseillers sur ce dossier. Votre conclusion et votre résumé leur sont montrés ; le détail médical reste couvert par le secret médical.'
          : 'Le médecin-conseil de l’organisme lit les pièces médicales et rend un avis. Les conseillers en voient la conclusion, jamais le détail médical. Les délais du dossier continuent de courir pendant ce temps.'}
      </p>
      {opinions.isPending ? (
        <Loading label="Chargement des avis…" />
      ) : opinions.isError ? (
        <ErrorNotice message={errorMessage(opinions.error)} onRetry={() => opinions.refetch()} />
      ) : opinions.data.length === 0 ? (
        <p className="muted">Aucun avis demandé pour ce dossier.</p>
      ) : (
        <ol className="opinion-list">
          {opinions.data.map((opinion) => (
            <li key={opinion.id}>
              <OpinionCard dossierId={dossierId} opinion={opinion} canAnswer={adviser} />
            </li>
          ))}
        </ol>
      )}
      {handler ? <RequestForm dossierId={dossierId} /> : null}
    </section>
  );
}

function OpinionCard({
  dossierId,
  opinion,
  canAnswer,
}: {
  dossierId: string;
  opinion: Opinion;
  canAnswer: boolean;
}) {
  const prefix = `avis-${opinion.id.slice(0, 8)}`;
  return (
    <article className="opinion" aria-labelledby={`${prefix}-titre`}>
      <h3 id={`${prefix}-titre`} className="opinion__title">
        Demande du {formatInstantDate(opinion.requestedAt)} — {opinion.conclusionLabel ?? opinion.statusLabel}
      </h3>
      <dl className="facts">
        <div>
          <dt>Question</dt>
          <dd>{opinion.question}</dd>
        </div>
        {opinion.summary ? (
          <div>
            <dt>Ce que l’avis signifie pour le dossier</dt>
            <dd>{opinion.summary}</dd>
          </div>
        ) : null}
        {opinion.medicalDetail ? (
          <div>
            <dt>Détail médical (secret médical)</dt>
            <dd>{opinion.medicalDetail}</dd>
          </div>
        ) : opinion.medicalDetailWithheld ? (
          <div>
            <dt>Détail médical</dt>
            <dd className="withheld">Couvert par le secret médical : seul le médecin-conseil le détient.</dd>
          </div>
        ) : null}
      </dl>
      {canAnswer && opinion.status === 'requested' ? (
        <AnswerForm dossierId={dossierId} opinionId={opinion.id} prefix={prefix} />
      ) : null}
    </article>
  );
}

function RequestForm({ dossierId }: { dossierId: string }) {
  const request = useRequestOpinion(dossierId);
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [done, setDone] = useState('');
  const id = 'avis-question';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone('');
    const text = question.trim();
    if (text.length < 10) {
      const message = 'Formulez votre question en une phrase au moins (10 caractères).';
      setError(message);
      setSummary([{ fieldId: id, message }]);
      return;
    }
    setError(undefined);
    setSummary([]);
    request.mutate(text, {
      onSuccess: () => {
        setQuestion('');
        setDone('Demande envoyée au médecin-conseil.');
      },
      onError: (failure) => {
        const spread = errorsFromApi(failure, { question: id });
        setError(spread.fields[id]);
        setSummary(summaryOf(spread.fields, [id], spread.general));
      },
    });
  }

  return (
    <>
      <ErrorSummary id="avis-demande-erreurs" items={summary} title="La demande n’a pas été envoyée" />
      <form noValidate onSubmit={onSubmit} className="form">
        <Field
          id={id}
          label="Votre question au médecin-conseil"
          hint="Sans détail médical : le médecin-conseil lit lui-même les pièces médicales du dossier."
          error={error}
          count={{ length: question.length, max: TEXT_LIMITS.medicalQuestion }}
        >
          {(aria) => (
            <textarea {...aria} rows={2} value={question} onChange={(e) => setQuestion(e.target.value)} />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={request.isPending}>
            Demander un avis médical
          </button>
          <span role="status" className="muted">
            {request.isPending ? 'Envoi…' : done}
          </span>
        </div>
      </form>
    </>
  );
}

function AnswerForm({
  dossierId,
  opinionId,
  prefix,
}: {
  dossierId: string;
  opinionId: string;
  prefix: string;
}) {
  const answer = useAnswerOpinion(dossierId);
  const ids = {
    conclusion: `${prefix}-conclusion`,
    summary: `${prefix}-resume`,
    medicalDetail: `${prefix}-detail`,
  };
  const order = Object.values(ids);
  const [conclusion, setConclusion] = useState('');
  const [summaryText, setSummaryText] = useState('');
  const [detail, setDetail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!conclusion) found[ids.conclusion] = 'Choisissez la conclusion de votre avis.';
    if (summaryText.trim().length < 10) {
      found[ids.summary] = 'Écrivez pour le conseiller ce que l’avis signifie (10 caractères au moins).';
    }
    setErrors(found);
    setSummary(summaryOf(found, order));
    if (Object.keys(found).length > 0) return;
    answer.mutate(
      {
        opinionId,
        answer: {
          conclusion,
          summary: summaryText.trim(),
          ...(detail.trim() ? { medicalDetail: detail.trim() } : {}),
        },
      },
      {
        onError: (failure) => {
          const spread = errorsFromApi(failure, ids);
          setErrors(spread.fields);
          setSummary(summaryOf(spread.fields, order, spread.general));
        },
      },
    );
  }

  return (
    <>
      <ErrorSummary id={`${prefix}-erreurs`} items={summary} title="L’avis n’a pas été enregistré" />
      <form noValidate onSubmit={onSubmit} className="form">
        <ChoiceGroup
          id={ids.conclusion}
          name={ids.conclusion}
          legend="Conclusion"
          error={errors[ids.conclusion]}
          choices={CONCLUSION_OPTIONS.map((c) => ({ value: c.id, label: c.label }))}
          value={conclusion}
          onChange={setConclusion}
        />
        <Field
          id={ids.summary}
          label="Résumé pour le conseiller"
          hint="Ce que l’avis signifie pour le dossier, sans détail médical : le conseiller le lit."
          error={errors[ids.summary]}
          count={{ length: summaryText.length, max: TEXT_LIMITS.medicalSummary }}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={3}
              value={summaryText}
              onChange={(e) => setSummaryText(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={ids.medicalDetail}
          label="Détail médical"
          optional
          hint="Couvert par le secret médical : lu par l’adhérent, par vous et par le médiateur s’il est saisi, jamais par les conseillers."
          error={errors[ids.medicalDetail]}
          count={{ length: detail.length, max: TEXT_LIMITS.medicalDetail }}
        >
          {(aria) => (
            <textarea {...aria} rows={4} value={detail} onChange={(e) => setDetail(e.target.value)} />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={answer.isPending}>
            Rendre l’avis
          </button>
        </div>
      </form>
    </>
  );
}
