import { useState } from 'react';
import { TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import { errorMessage } from '../../shared/api-client.ts';
import type { DossierSectionProps } from '../../shared/dossier-section.ts';
import { Field } from '../../shared/ui/form.tsx';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { StatusBadge } from '../../shared/ui/status-badge.tsx';
import { useHandlingAction, useStaffFile } from './api.ts';
import { FormFeedback, StaffSection, useActionForm } from './staff-section.tsx';
import { useStaffSummary } from './summary-api.ts';
import './back-office.css';

const OPEN = new Set(['submitted', 'acknowledged', 'awaiting_member']);
const MIN_REASONS = 30;

const OUTCOMES = [
  { id: 'accepted', label: 'Acceptée', hint: 'L’organisme fait droit à la demande.' },
  { id: 'partial', label: 'Partiellement acceptée', hint: 'Une partie de la demande est accordée.' },
  { id: 'rejected', label: 'Rejetée', hint: 'La demande est refusée, motifs à l’appui.' },
] as const;
type Outcome = (typeof OUTCOMES)[number]['id'];

type Done = (message: string, answerText?: string | null) => void;
interface FormProps {
  dossierId: string;
  done: Done;
}

/**
 * The handler's and the supervisor's actions on a file (POST /api/v1/dossiers/:id/actions/…). The buttons follow
 * the file's status; the API decides and its French refusal is shown next to the form.
 */
export function HandlingSection({ dossierId, user }: DossierSectionProps) {
  const file = useStaffFile(dossierId);
  // Kept here: a form disappears once its action changed the status (the acknowledgment form, the decision).
  const [notice, setNotice] = useState<string | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);
  const done: Done = (message, answerText) => {
    setNotice(message);
    setAnswer(answerText ?? null);
  };
  return (
    <StaffSection
      id="traitement"
      title="Traitement de la réclamation"
      lead="Actions du conseiller : accusé de réception, demande de pièces, note interne, réponse motivée, clôture."
    >
      {file.isPending ? (
        <Loading label="Chargement du traitement…" />
      ) : file.isError ? (
        <ErrorNotice message={errorMessage(file.error)} onRetry={() => file.refetch()} />
      ) : (
        <>
          <p className="handling-status">
            Statut actuel&nbsp;: <StatusBadge status={file.data.status} />
          </p>
          <div role="status" className="handling-notice">
            {notice ? <p className="notice notice--success">{notice}</p> : null}
          </div>
          {answer ? (
            <section className="answer-text" aria-labelledby="reponse-envoyee-titre">
              <h3 id="reponse-envoyee-titre">Réponse envoyée à l’adhérent</h3>
              <p className="answer-text__body">{answer}</p>
            </section>
          ) : null}
          <div className="handling-grid">
            {file.data.status === 'submitted' ? <AcknowledgeForm dossierId={dossierId} done={done} /> : null}
            {OPEN.has(file.data.status) ? <RequestDocumentForm dossierId={dossierId} done={done} /> : null}
            {OPEN.has(file.data.status) ? <DecideForm dossierId={dossierId} done={done} /> : null}
            <NoteForm dossierId={dossierId} done={done} />
            {['answered', 'mediation'].includes(file.data.status) ? (
              <CloseForm dossierId={dossierId} done={done} />
            ) : null}
            {user?.role === 'supervisor' && ['answered', 'closed'].includes(file.data.status) ? (
              <ReopenForm dossierId={dossierId} done={done} />
            ) : null}
          </div>
        </>
      )}
    </StaffSection>
  );
}

function AcknowledgeForm({ dossierId, done }: FormProps) {
  const action = useHandlingAction(dossierId);
  const form = useActionForm([], {}, done);
  // Before sending: is it late, and what exactly will the member read (never a date already past).
  const plan = useStaffSummary(dossierId).data?.acknowledgment ?? null;
  return (
    <form
      className="handling-card"
      aria-labelledby="ar-titre"
      onSubmit={(e) =>
        form.run(
          e,
          () => ({}),
          async () => {
            await action.mutateAsync({ action: 'acknowledge' });
            return plan?.late
              ? 'Accusé de réception enregistré ; l’adhérent a reçu un message d’excuses pour le retard.'
              : 'Accusé de réception enregistré ; l’adhérent a reçu un message avec la date limite de réponse.';
          },
        )
      }
    >
      <h3 id="ar-titre">Accuser réception</h3>
      <FormFeedback id="ar" summary={form.summary} done={form.done} />
      <p className="muted">
        Obligatoire sous 10 jours ouvrables (ACPR 2024-R-02). La date du jour est enregistrée.
      </p>
      {plan?.warning ? (
        <p className="notice notice--warning" id="ar-retard">
          {plan.warning}
        </p>
      ) : null}
      {plan ? (
        <details className="file-details">
          <summary>Message qui sera envoyé à l’adhérent</summary>
          <p className="answer-text__body">{plan.text}</p>
        </details>
      ) : null}
      <button
        type="submit"
        className="button"
        disabled={action.isPending}
        aria-describedby={plan?.warning ? 'ar-retard' : undefined}
      >
        {plan?.late ? 'Accuser réception malgré le retard' : 'Accuser réception'}
      </button>
    </form>
  );
}

function RequestDocumentForm({ dossierId, done }: FormProps) {
  const action = useHandlingAction(dossierId);
  const [documents, setDocuments] = useState('');
  const [message, setMessage] = useState('');
  const form = useActionForm(
    ['pieces-liste', 'pieces-message'],
    {
      documents: 'pieces-liste',
      'documents.0': 'pieces-liste',
      message: 'pieces-message',
    },
    done,
  );
  const list = documents
    .split('\n')
    .map((d) => d.trim())
    .filter(Boolean);
  return (
    <form
      className="handling-card"
      aria-labelledby="pieces-titre"
      noValidate
      onSubmit={(e) =>
        form.run(
          e,
          () => (list.length === 0 ? { 'pieces-liste': 'Indiquez au moins une pièce à fournir.' } : {}),
          async () => {
            await action.mutateAsync({
              action: 'request-document',
              documents: list,
              ...(message.trim() ? { message: message.trim() } : {}),
            });
            setDocuments('');
            setMessage('');
            return `Demande envoyée à l’adhérent (${list.length} pièce${list.length > 1 ? 's' : ''}) ; le dossier attend sa réponse.`;
          },
        )
      }
    >
      <h3 id="pieces-titre">Demander des pièces</h3>
      <FormFeedback id="pieces" summary={form.summary} done={form.done} />
      <Field
        id="pieces-liste"
        label="Pièces demandées"
        hint="Une pièce par ligne (exemple : devis du dentiste)."
        error={form.errors['pieces-liste']}
      >
        {(aria) => (
          <textarea {...aria} rows={3} value={documents} onChange={(e) => setDocuments(e.target.value)} />
        )}
      </Field>
      <Field
        id="pieces-message"
        label="Précisions pour l’adhérent"
        optional
        error={form.errors['pieces-message']}
        count={{ length: message.length, max: TEXT_LIMITS.documentRequestMessage }}
      >
        {(aria) => (
          <textarea {...aria} rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="button" disabled={action.isPending}>
        Demander les pièces
      </button>
    </form>
  );
}

function NoteForm({ dossierId, done }: FormProps) {
  const action = useHandlingAction(dossierId);
  const [text, setText] = useState('');
  const form = useActionForm(['note-texte'], { text: 'note-texte' }, done);
  return (
    <form
      className="handling-card handling-card--internal"
      aria-labelledby="note-titre"
      noValidate
      onSubmit={(e) =>
        form.run(
          e,
          () => (text.trim().length < 2 ? { 'note-texte': 'Écrivez la note (2 caractères au moins).' } : {}),
          async () => {
            await action.mutateAsync({ action: 'note', text: text.trim() });
            setText('');
            return 'Note interne enregistrée.';
          },
        )
      }
    >
      <h3 id="note-titre">
        <span aria-hidden="true">🔒 </span>Note interne — jamais visible par l’adhérent
      </h3>
      <FormFeedback id="note" summary={form.summary} done={form.done} />
      <Field
        id="note-texte"
        label="Texte de la note interne"
        error={form.errors['note-texte']}
        count={{ length: text.length, max: TEXT_LIMITS.internalNote }}
      >
        {(aria) => <textarea {...aria} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <button type="submit" className="button button--secondary" disabled={action.isPending}>
        Enregistrer la note interne
      </button>
    </form>
  );
}

function DecideForm({ dossierId, done }: FormProps) {
  const action = useHandlingAction(dossierId);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reasons, setReasons] = useState('');
  const form = useActionForm(
    ['decision-acceptee', 'decision-motifs'],
    {
      outcome: 'decision-acceptee',
      reasons: 'decision-motifs',
    },
    done,
  );
  return (
    <form
      className="handling-card handling-card--wide"
      aria-labelledby="decision-titre"
      noValidate
      onSubmit={(e) =>
        form.run(
          e,
          () => {
            const errors: Record<string, string> = {};
            if (!outcome) errors['decision-acceptee'] = 'Choisissez le sens de la décision.';
            if (reasons.trim().length < MIN_REASONS) {
              errors['decision-motifs'] =
                `Motivez la décision : ${MIN_REASONS} caractères au moins (ACPR : réponse motivée).`;
            }
            return errors;
          },
          async () => {
            if (!outcome) return '';
            const result = await action.mutateAsync({ action: 'decide', outcome, reasons: reasons.trim() });
            return {
              message: 'Réponse motivée envoyée à l’adhérent.',
              answerText: result.answerText ?? null,
            };
          },
        )
      }
    >
      <h3 id="decision-titre">Rendre la réponse motivée</h3>
      <FormFeedback id="decision" summary={form.summary} done={form.done} />
      <fieldset
        className="fieldset"
        aria-describedby={form.errors['decision-acceptee'] ? 'decision-sens-erreur' : undefined}
      >
        <legend>Sens de la décision</legend>
        {form.errors['decision-acceptee'] ? (
          <p className="field__error" id="decision-sens-erreur">
            <span aria-hidden="true">⚠ </span>
            {form.errors['decision-acceptee']}
          </p>
        ) : null}
        {OUTCOMES.map((o, index) => {
          const id = index === 0 ? 'decision-acceptee' : `decision-${o.id}`;
          return (
            <div className="radio" key={o.id}>
              <input
                type="radio"
                id={id}
                name="decision-sens"
                value={o.id}
                checked={outcome === o.id}
                onChange={() => setOutcome(o.id)}
                aria-describedby={`${id}-aide`}
              />
              <label htmlFor={id}>{o.label}</label>
              <span className="field__hint" id={`${id}-aide`}>
                {o.hint}
              </span>
            </div>
          );
        })}
      </fieldset>
      <Field
        id="decision-motifs"
        label="Motifs de la décision"
        hint={`Adressés à l’adhérent, ${MIN_REASONS} caractères au moins. Le texte envoyé nomme aussi le médiateur compétent et comment le saisir.`}
        error={form.errors['decision-motifs']}
        count={{ length: reasons.length, max: TEXT_LIMITS.decisionReasons }}
      >
        {(aria) => (
          <textarea {...aria} rows={5} value={reasons} onChange={(e) => setReasons(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="button" disabled={action.isPending}>
        Envoyer la réponse motivée
      </button>
    </form>
  );
}

function CloseForm({ dossierId, done }: FormProps) {
  const action = useHandlingAction(dossierId);
  const [reason, setReason] = useState('');
  const form = useActionForm(['cloture-motif'], { reason: 'cloture-motif' }, done);
  return (
    <form
      className="handling-card"
      aria-labelledby="cloture-titre"
      noValidate
      onSubmit={(e) =>
        form.run(
          e,
          () => ({}),
          async () => {
            await action.mutateAsync({
              action: 'close',
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            });
            setReason('');
            return 'Dossier clos.';
          },
        )
      }
    >
      <h3 id="cloture-titre">Clore le dossier</h3>
      <FormFeedback id="cloture" summary={form.summary} done={form.done} />
      <Field
        id="cloture-motif"
        label="Motif de clôture (note interne)"
        optional
        error={form.errors['cloture-motif']}
        count={{ length: reason.length, max: TEXT_LIMITS.closeReason }}
      >
        {(aria) => <textarea {...aria} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" className="button button--secondary" disabled={action.isPending}>
        Clore le dossier
      </button>
    </form>
  );
}

function ReopenForm({ dossierId, done }: FormProps) {
  const action = useHandlingAction(dossierId);
  const [reason, setReason] = useState('');
  const form = useActionForm(['reouverture-motif'], { reason: 'reouverture-motif' }, done);
  return (
    <form
      className="handling-card"
      aria-labelledby="reouverture-titre"
      noValidate
      onSubmit={(e) =>
        form.run(
          e,
          () =>
            reason.trim().length < 10
              ? { 'reouverture-motif': 'Indiquez le motif de la réouverture (10 caractères au moins).' }
              : {},
          async () => {
            await action.mutateAsync({ action: 'reopen', reason: reason.trim() });
            setReason('');
            return 'Dossier rouvert ; le motif est enregistré en note interne.';
          },
        )
      }
    >
      <h3 id="reouverture-titre">Rouvrir le dossier (superviseur)</h3>
      <FormFeedback id="reouverture" summary={form.summary} done={form.done} />
      <Field
        id="reouverture-motif"
        label="Motif de la réouverture"
        error={form.errors['reouverture-motif']}
        count={{ length: reason.length, max: TEXT_LIMITS.reopenReason }}
      >
        {(aria) => <textarea {...aria} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" className="button button--secondary" disabled={action.isPending}>
        Rouvrir le dossier
      </button>
    </form>
  );
}
