import { useState } from 'react';
import { Link } from 'react-router';
import { hasRole, SUPERVISING_ROLES } from '../../../../src/contracts/roles.ts';
import { TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import { errorMessage } from '../../shared/api-client.ts';
import { formatInstantDate } from '../../shared/format.ts';
import { useSession } from '../../shared/session.ts';
import { Field } from '../../shared/ui/form.tsx';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { type EthicsReview, useEthicsReviews, useEthicsStep } from './api.ts';
import { FormFeedback, useActionForm } from './staff-section.tsx';
import './back-office.css';

const VOTE_LABELS: Record<string, string> = { for: 'Pour', against: 'Contre', abstain: 'Abstention' };

/** The organisation's ethics committee reviews: opinion, votes, decision (supervisor, admin; auditor reads). */
export function EthicsPage() {
  const reviews = useEthicsReviews();
  const session = useSession();
  const canWrite = hasRole(session.data?.user?.role, SUPERVISING_ROLES);
  const list = reviews.data ?? [];
  return (
    <Page
      title="Comité d’éthique"
      lead="Les cas complexes soumis au comité : la question, l’avis, le vote de chaque membre et la décision."
    >
      {reviews.isPending ? (
        <Loading label="Chargement des saisines…" />
      ) : reviews.isError ? (
        <ErrorNotice message={errorMessage(reviews.error)} onRetry={() => reviews.refetch()} />
      ) : list.length === 0 ? (
        <div className="empty-state">
          <p>Aucune saisine du comité. Un superviseur saisit le comité depuis la page d’un dossier.</p>
        </div>
      ) : (
        <ol className="ethics-list">
          {list.map((review) => (
            <li key={review.id}>
              <ReviewCard review={review} canWrite={canWrite} />
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}

function ReviewCard({ review, canWrite }: { review: EthicsReview; canWrite: boolean }) {
  const voted = new Map(review.votes.map((v) => [v.member, v]));
  const prefix = `saisine-${review.id.slice(0, 8)}`;
  return (
    <article className="card ethics-card" aria-labelledby={`${prefix}-titre`}>
      <h2 id={`${prefix}-titre`} className="ethics-card__title">
        Dossier <Link to={`/dossiers/${review.dossierId}`}>{review.reference}</Link> — saisine du{' '}
        {formatInstantDate(review.createdAt)}{' '}
        <span className={`bo-tag ${review.status === 'decided' ? 'bo-tag--done' : 'bo-tag--open'}`}>
          {review.status === 'decided' ? 'Décision rendue' : 'En cours'}
        </span>
      </h2>
      <dl className="facts">
        <div>
          <dt>Question</dt>
          <dd>{review.question}</dd>
        </div>
        <div>
          <dt>Avis du comité</dt>
          <dd>{review.opinion ?? 'Pas encore rendu'}</dd>
        </div>
        <div>
          <dt>Votes</dt>
          <dd>
            Pour&nbsp;: {review.tally.for}, contre&nbsp;: {review.tally.against}, abstention&nbsp;:{' '}
            {review.tally.abstain} — {review.votes.length} sur {review.committeeMembers.length} membres
          </dd>
        </div>
        {review.decision ? (
          <div>
            <dt>Décision</dt>
            <dd>
              {review.decision}
              {review.decidedAt ? ` (le ${formatInstantDate(review.decidedAt)})` : ''}
            </dd>
          </div>
        ) : null}
      </dl>
      <table className="table ethics-votes">
        <caption>Vote des membres du comité</caption>
        <thead>
          <tr>
            <th scope="col">Membre</th>
            <th scope="col">Vote</th>
            <th scope="col">Explication</th>
          </tr>
        </thead>
        <tbody>
          {review.committeeMembers.map((member) => {
            const vote = voted.get(member);
            return (
              <tr key={member}>
                <th scope="row">{member}</th>
                <td>{vote ? VOTE_LABELS[vote.vote] : <span className="muted">Pas encore voté</span>}</td>
                <td>{vote?.comment ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canWrite && review.status === 'open' ? (
        <div className="ethics-forms">
          {review.opinion === null ? (
            <OpinionForm review={review} prefix={prefix} />
          ) : review.votes.length < review.committeeMembers.length ||
            new Set(review.votes.map((v) => v.member)).size < review.committeeMembers.length ? (
            <VoteForm review={review} prefix={prefix} />
          ) : (
            <DecisionForm review={review} prefix={prefix} />
          )}
          {review.opinion !== null &&
          review.votes.length > 0 &&
          review.votes.length < review.committeeMembers.length ? (
            <p className="muted">La décision pourra être enregistrée quand chaque membre aura voté.</p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function OpinionForm({ review, prefix }: { review: EthicsReview; prefix: string }) {
  const step = useEthicsStep();
  const [opinion, setOpinion] = useState('');
  const id = `${prefix}-avis`;
  const form = useActionForm([id], { opinion: id });
  return (
    <form
      noValidate
      onSubmit={(e) =>
        form.run(
          e,
          () =>
            opinion.trim().length < 20 ? { [id]: 'Rédigez l’avis du comité (20 caractères au moins).' } : {},
          async () => {
            await step.mutateAsync({ step: 'opinion', reviewId: review.id, opinion: opinion.trim() });
            return 'Avis enregistré ; les membres peuvent voter.';
          },
        )
      }
    >
      <FormFeedback id={id} summary={form.summary} done={form.done} />
      <Field
        id={id}
        label={`Avis du comité (dossier ${review.reference})`}
        error={form.errors[id]}
        count={{ length: opinion.length, max: TEXT_LIMITS.ethicsOpinion }}
      >
        {(aria) => (
          <textarea {...aria} rows={3} value={opinion} onChange={(e) => setOpinion(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="button" disabled={step.isPending}>
        Enregistrer l’avis
      </button>
    </form>
  );
}

function VoteForm({ review, prefix }: { review: EthicsReview; prefix: string }) {
  const step = useEthicsStep();
  const firstMissing = review.committeeMembers.find((m) => !review.votes.some((v) => v.member === m));
  const [member, setMember] = useState(firstMissing ?? review.committeeMembers[0] ?? '');
  const [vote, setVote] = useState<'for' | 'against' | 'abstain'>('for');
  const [comment, setComment] = useState('');
  const ids = { member: `${prefix}-membre`, vote: `${prefix}-vote`, comment: `${prefix}-commentaire` };
  const form = useActionForm([ids.member, ids.vote, ids.comment], {
    member: ids.member,
    vote: ids.vote,
    comment: ids.comment,
  });
  return (
    <form
      noValidate
      className="ethics-vote-form"
      onSubmit={(e) =>
        form.run(
          e,
          () => ({}),
          async () => {
            await step.mutateAsync({
              step: 'vote',
              reviewId: review.id,
              member,
              vote,
              ...(comment.trim() ? { comment: comment.trim() } : {}),
            });
            setComment('');
            return `Vote de ${member} enregistré.`;
          },
        )
      }
    >
      <FormFeedback id={`${prefix}-votes`} summary={form.summary} done={form.done} />
      <Field id={ids.member} label="Membre" error={form.errors[ids.member]}>
        {(aria) => (
          <select {...aria} value={member} onChange={(e) => setMember(e.target.value)}>
            {review.committeeMembers.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={ids.vote} label="Vote" error={form.errors[ids.vote]}>
        {(aria) => (
          <select
            {...aria}
            value={vote}
            onChange={(e) => setVote(e.target.value as 'for' | 'against' | 'abstain')}
          >
            <option value="for">Pour</option>
            <option value="against">Contre</option>
            <option value="abstain">Abstention</option>
          </select>
        )}
      </Field>
      <Field
        id={ids.comment}
        label="Explication de vote"
        optional
        error={form.errors[ids.comment]}
        count={{ length: comment.length, max: TEXT_LIMITS.ethicsVoteComment }}
      >
        {(aria) => <input {...aria} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <button type="submit" className="button" disabled={step.isPending}>
        Enregistrer le vote
      </button>
    </form>
  );
}

function DecisionForm({ review, prefix }: { review: EthicsReview; prefix: string }) {
  const step = useEthicsStep();
  const [decision, setDecision] = useState('');
  const id = `${prefix}-decision`;
  const form = useActionForm([id], { decision: id });
  return (
    <form
      noValidate
      onSubmit={(e) =>
        form.run(
          e,
          () =>
            decision.trim().length < 10 ? { [id]: 'Rédigez la décision (10 caractères au moins).' } : {},
          async () => {
            await step.mutateAsync({ step: 'decision', reviewId: review.id, decision: decision.trim() });
            return 'Décision enregistrée.';
          },
        )
      }
    >
      <FormFeedback id={id} summary={form.summary} done={form.done} />
      <Field
        id={id}
        label={`Décision finale (dossier ${review.reference})`}
        error={form.errors[id]}
        count={{ length: decision.length, max: TEXT_LIMITS.ethicsDecision }}
      >
        {(aria) => (
          <textarea {...aria} rows={3} value={decision} onChange={(e) => setDecision(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="button" disabled={step.isPending}>
        Enregistrer la décision
      </button>
    </form>
  );
}
