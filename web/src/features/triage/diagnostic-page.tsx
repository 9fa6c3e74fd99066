import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { limitText, TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import {
  ORGANISATION_LABELS,
  STAGE_LABELS,
  TRIAGE_CATEGORIES,
} from '../../../../src/domain/triage/category-labels.ts';
import { CATEGORIES, ORGANISATIONS, STAGES } from '../../../../src/domain/triage/labels.ts';
import { errorMessage } from '../../shared/api-client.ts';
import { formatDate, formatEuros, parseEurosToCents } from '../../shared/format.ts';
import { useSession } from '../../shared/session.ts';
import { Field } from '../../shared/ui/form.tsx';
import { ErrorNotice, Page } from '../../shared/ui/page.tsx';
import { type Diagnosis, type Question, type TriageAnswers, useTriage } from './api.ts';
import {
  type Conversation,
  evidenceQuotes,
  loadConversation,
  openQuestions,
  saveConversation,
  type Turn,
} from './conversation.ts';
import { DiagnosisCard } from './diagnosis-card.tsx';
import './triage.css';
import { MedicalSecrecyNote } from '../../shared/ui/medical-secrecy-note.tsx';

const NBSP = '\u00a0';

function assistantTurn(id: number, diagnosis: Diagnosis, skipped: string[], first: boolean): Turn {
  const next = openQuestions(diagnosis, skipped)[0];
  return {
    id,
    role: 'assistant',
    summary: first
      ? diagnosis.summary
      : `C’est noté. ${diagnosis.summary.replace(/^Je comprends/, 'Je comprends donc')}`,
    evidence: first ? evidenceQuotes(diagnosis) : [],
    question: next ? next.question : null,
  };
}

/** How an answer reads in the conversation. */
function answerText(question: Question, value: string | number): string {
  if (question.input === 'choice')
    return question.options.find((o) => o.value === value)?.label ?? String(value);
  if (question.input === 'amount') return formatEuros(Number(value));
  const [y, m, d] = String(value).split('-');
  return `Le ${d}/${m}/${y}`;
}

/**
 * « Diagnostic »: the member (or a handler on the phone with him) describes the situation in his own words; the
 * assistant says what it understood and why, asks only what is still open, lets every conclusion be corrected,
 * and ends with the next step, its deadlines (from the deadline engine) and a pre-filled file.
 */
export function DiagnosticPage() {
  const triage = useTriage();
  const session = useSession();
  const navigate = useNavigate();
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [diagnosis, setDiagnosis] = useState<Diagnosis | null>(null);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  // Back from the sign-in page: the conversation comes back from sessionStorage and is diagnosed again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival.
  useEffect(() => {
    const stored = loadConversation();
    if (!stored) return;
    setConversation(stored);
    triage.mutate({ text: stored.text, answers: stored.answers }, { onSuccess: setDiagnosis });
  }, []);

  useEffect(() => {
    saveConversation(conversation);
  }, [conversation]);

  // After each turn, focus goes to what needs the member next: the new question, or the diagnosis.
  useEffect(() => {
    if (focusKey === 0) return;
    (questionRef.current ?? resultRef.current)?.focus();
  }, [focusKey]);

  function ask(next: Conversation) {
    setConversation(next);
    triage.mutate(
      { text: next.text, answers: next.answers },
      {
        onSuccess: (d) => {
          setDiagnosis(d);
          setConversation((c) =>
            c
              ? {
                  ...c,
                  turns: [...c.turns, assistantTurn(c.turns.length, d, c.skipped, c.turns.length === 1)],
                }
              : c,
          );
          setFocusKey((k) => k + 1);
        },
      },
    );
  }

  function onDescribe(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = draft.trim();
    if (text.length === 0) {
      setDraftError(
        `Décrivez votre situation en quelques mots${NBSP}: ce qui s’est passé, avec quel organisme.`,
      );
      return;
    }
    if (text.length > TEXT_LIMITS.triageText) {
      setDraftError(
        `Le texte est limité à ${limitText(TEXT_LIMITS.triageText)} caractères${NBSP}: résumez-le.`,
      );
      return;
    }
    setDraftError(null);
    ask({ text, answers: {}, skipped: [], turns: [{ id: 0, role: 'member', text }] });
  }

  function answer(
    question: Question | null,
    key: keyof TriageAnswers,
    value: string | number,
    said?: string,
  ) {
    const text = said ?? (question ? answerText(question, value) : String(value));
    state({ [key]: value } as TriageAnswers, text);
  }

  /** Records the member's answers (a confirmation is an answer equal to what was read) and asks again. */
  function state(answers: TriageAnswers, text: string) {
    if (!conversation) return;
    ask({
      ...conversation,
      answers: { ...conversation.answers, ...answers },
      turns: [...conversation.turns, { id: conversation.turns.length, role: 'member', text }],
    });
  }

  function skip(question: Question) {
    if (!conversation || !diagnosis) return;
    const skipped = [...conversation.skipped, question.id];
    const member: Turn = { id: conversation.turns.length, role: 'member', text: 'Je ne sais pas.' };
    setConversation({
      ...conversation,
      skipped,
      turns: [
        ...conversation.turns,
        member,
        assistantTurn(conversation.turns.length + 1, diagnosis, skipped, false),
      ],
    });
    setFocusKey((k) => k + 1);
  }

  function restart() {
    setConversation(null);
    setDiagnosis(null);
    setDraft('');
    triage.reset();
  }

  const question =
    diagnosis && conversation ? (openQuestions(diagnosis, conversation.skipped)[0] ?? null) : null;
  const user = session.data?.user ?? null;

  return (
    <Page
      title="Diagnostic"
      heading="Diagnostic de votre litige"
      lead={`Décrivez ce qui se passe avec vos mots${NBSP}: Recours vous dit ce qu’il comprend, vous pose les questions utiles, puis vous indique la prochaine étape et ses délais.`}
    >
      <div className="triage">
        <section aria-labelledby="conversation-titre" className="triage__conversation">
          <h2 id="conversation-titre" className="sr-only">
            Conversation
          </h2>
          <div role="log" aria-live="polite" aria-labelledby="conversation-titre" className="chat">
            {conversation?.turns.map((turn) => (
              <ChatTurn key={turn.id} turn={turn} />
            ))}
            {triage.isPending ? (
              <p className="chat__pending">
                <span className="chat__who">Recours</span> analyse votre message…
              </p>
            ) : null}
          </div>

          {triage.isError ? (
            <ErrorNotice
              message={errorMessage(triage.error)}
              onRetry={conversation ? () => ask(conversation) : undefined}
            />
          ) : null}

          {conversation ? null : <MedicalSecrecyNote id="diagnostic-secret-medical" />}
          {conversation ? null : (
            <form noValidate onSubmit={onDescribe} className="form card">
              <Field
                id="diagnostic-texte"
                label="Décrivez votre situation avec vos mots"
                hint={
                  <>
                    Par exemple{NBSP}: «{NBSP}ma mutuelle ne m’a remboursé que 9{NBSP}€ sur ma couronne{NBSP}
                    ». Inutile de donner votre nom ou votre numéro de sécurité sociale.
                  </>
                }
                error={draftError ?? undefined}
                count={{ length: draft.length, max: TEXT_LIMITS.triageText }}
              >
                {(aria) => (
                  <textarea {...aria} rows={5} value={draft} onChange={(e) => setDraft(e.target.value)} />
                )}
              </Field>
              <div className="form__actions">
                <button type="submit" className="button" disabled={triage.isPending}>
                  Analyser ma situation
                </button>
              </div>
            </form>
          )}

          {diagnosis && conversation && !triage.isPending ? (
            <Understanding diagnosis={diagnosis} onState={state} />
          ) : null}

          {question && !triage.isPending ? (
            <QuestionForm
              key={`${question.id}:${conversation?.turns.length}`}
              question={question}
              headingRef={questionRef}
              onAnswer={(value) => answer(question, question.answer, value)}
              onSkip={() => skip(question)}
            />
          ) : null}
        </section>

        {diagnosis && conversation && !question && !triage.isPending ? (
          <DiagnosisCard
            diagnosis={diagnosis}
            conversation={conversation}
            user={user}
            headingRef={resultRef}
            onSignInFirst={() => {
              saveConversation(conversation);
              navigate('/connexion?retour=/diagnostic');
            }}
            onOpened={(id) => {
              saveConversation(null);
              navigate(`/dossiers/${id}`);
            }}
          />
        ) : null}

        {conversation ? (
          <p>
            <button type="button" className="button button--tertiary" onClick={restart}>
              Recommencer avec une autre situation
            </button>
          </p>
        ) : null}
      </div>
    </Page>
  );
}

function ChatTurn({ turn }: { turn: Turn }) {
  if (turn.role === 'member') {
    return (
      <div className="chat__turn chat__turn--member">
        <p className="chat__who">Vous</p>
        <p className="chat__text">{turn.text}</p>
      </div>
    );
  }
  return (
    <div className="chat__turn chat__turn--assistant">
      <p className="chat__who">Recours</p>
      <p className="chat__text">{turn.summary}</p>
      {turn.evidence.length > 0 ? (
        <div className="chat__evidence">
          <p>Ce qui m’a conduit à cette lecture{NBSP}:</p>
          <ul>
            {turn.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="chat__text">
        {turn.question
          ? `Une question${NBSP}: ${turn.question}`
          : 'Je n’ai plus de question. Voici mon diagnostic.'}
      </p>
    </div>
  );
}

type Correctable = 'category' | 'organisation' | 'stage';

const CORRECTABLE: Record<Correctable, { label: string; options: Array<{ value: string; label: string }> }> =
  {
    category: {
      label: 'Type de litige',
      options: CATEGORIES.map((c) => ({ value: c, label: TRIAGE_CATEGORIES[c].label })),
    },
    organisation: {
      label: 'Organisme',
      options: ORGANISATIONS.filter((o) => o !== 'unknown').map((o) => ({
        value: o,
        label: capitalise(ORGANISATION_LABELS[o]),
      })),
    },
    stage: {
      label: 'Étape atteinte',
      options: STAGES.map((s) => ({ value: s, label: capitalise(STAGE_LABELS[s]) })),
    },
  };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function valueLabel(diagnosis: Diagnosis, field: Correctable): string {
  if (field === 'category') return diagnosis.categoryLabel;
  if (field === 'organisation')
    return diagnosis.organisation === 'unknown'
      ? 'Pas encore identifié'
      : capitalise(ORGANISATION_LABELS[diagnosis.organisation]);
  return capitalise(STAGE_LABELS[diagnosis.stage]);
}

/**
 * What was understood, each item with « Confirmer » and « Corriger »: the labels, and every date the deadlines
 * rest on. Nothing read in the text is taken as certain until the member confirms it (issue #11).
 */
function Understanding({
  diagnosis,
  onState,
}: {
  diagnosis: Diagnosis;
  onState: (answers: TriageAnswers, said: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [choice, setChoice] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const inputRef = useRef<HTMLSelectElement & HTMLInputElement>(null);
  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing]);
  const answered = (key: string) => (diagnosis.answered as string[]).includes(key);

  const confirmButton = (key: string, label: string, onClick: () => void) =>
    answered(key) ? null : (
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={`Confirmer${NBSP}: ${label.toLowerCase()}`}
        onClick={onClick}
      >
        Confirmer
      </button>
    );
  const editActions = (
    <span className="understood__actions">
      <button type="submit" className="button button--small">
        Valider
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          setEditing(null);
          setDateError(null);
        }}
      >
        Annuler
      </button>
    </span>
  );

  return (
    <section className="card triage__understood" aria-labelledby="compris-titre">
      <h2 id="compris-titre">Ce que j’ai compris</h2>
      {diagnosis.deadlinesConfirmed ? null : (
        <p className="field__hint">
          Vérifiez chaque élément{NBSP}: les délais ne sont certains qu’une fois l’étape et les dates
          confirmées.
        </p>
      )}
      <dl className="understood">
        {(Object.keys(CORRECTABLE) as Correctable[]).map((field) => {
          const spec = CORRECTABLE[field];
          const selectId = `corriger-${field}`;
          const current = valueLabel(diagnosis, field);
          const canConfirm = !(field === 'organisation' && diagnosis.organisation === 'unknown');
          return (
            <div key={field} className="understood__item">
              <dt>{spec.label}</dt>
              <dd>
                <span>{current}</span>
                {answered(field) ? <span className="understood__mark"> (votre réponse)</span> : null}
                {editing === field ? (
                  <form
                    className="understood__edit"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const option = spec.options.find((o) => o.value === choice);
                      if (!option) return;
                      setEditing(null);
                      onState(
                        { [field]: option.value } as TriageAnswers,
                        `Correction${NBSP}: ${spec.label.toLowerCase()}${NBSP}: ${option.label}`,
                      );
                    }}
                  >
                    <label htmlFor={selectId}>{`${spec.label}, corrigé`}</label>
                    <select
                      id={selectId}
                      ref={inputRef}
                      value={choice}
                      onChange={(e) => setChoice(e.target.value)}
                    >
                      {spec.options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    {editActions}
                  </form>
                ) : (
                  <span className="understood__actions">
                    {canConfirm
                      ? confirmButton(field, spec.label, () =>
                          onState(
                            { [field]: diagnosis[field] } as TriageAnswers,
                            `C’est exact${NBSP}: ${spec.label.toLowerCase()}${NBSP}: ${current}`,
                          ),
                        )
                      : null}
                    <button
                      type="button"
                      className="button button--tertiary button--small"
                      aria-label={`Corriger${NBSP}: ${spec.label.toLowerCase()}`}
                      onClick={() => {
                        setChoice(
                          field === 'organisation' && diagnosis.organisation === 'unknown'
                            ? 'mutuelle'
                            : diagnosis[field],
                        );
                        setEditing(field);
                      }}
                    >
                      Corriger
                    </button>
                  </span>
                )}
              </dd>
            </div>
          );
        })}
        {diagnosis.facts.map((fact) => {
          const inputId = `corriger-${fact.key}`;
          const label = fact.label.replace(/ le$/, '');
          // A negative answer read in the text is confirmed with its sense.
          const withOutcome = (date: string): TriageAnswers =>
            fact.key === 'answerReceivedOn'
              ? {
                  answerReceivedOn: date,
                  answerOutcome: diagnosis.answered.includes('answerOutcome') ? undefined : 'rejected',
                }
              : ({ [fact.key]: date } as TriageAnswers);
          return (
            <div key={fact.key} className="understood__item">
              <dt>{label}</dt>
              <dd>
                <span>{formatDate(fact.date)}</span>
                {fact.confirmed ? (
                  <span className="understood__mark"> (votre réponse)</span>
                ) : (
                  <span className="understood__mark">
                    {' '}
                    (à confirmer{fact.span ? `, lu dans «${NBSP}${fact.span.text}${NBSP}»` : ''})
                  </span>
                )}
                {editing === fact.key ? (
                  <form
                    className="understood__edit"
                    noValidate
                    onSubmit={(e) => {
                      e.preventDefault();
                      if (!/^\d{4}-\d{2}-\d{2}$/.test(choice)) {
                        setDateError('Indiquez une date complète (jour, mois, année).');
                        return;
                      }
                      setEditing(null);
                      setDateError(null);
                      onState(
                        withOutcome(choice),
                        `Correction${NBSP}: ${label.toLowerCase()} le ${formatDate(choice)}`,
                      );
                    }}
                  >
                    <label htmlFor={inputId}>{`${label}, date corrigée`}</label>
                    {dateError ? (
                      <p className="field__error" id={`${inputId}-erreur`}>
                        <span aria-hidden="true">⚠ </span>
                        {dateError}
                      </p>
                    ) : null}
                    <input
                      id={inputId}
                      ref={inputRef}
                      type="date"
                      value={choice}
                      aria-invalid={dateError ? true : undefined}
                      aria-describedby={dateError ? `${inputId}-erreur` : undefined}
                      onChange={(e) => setChoice(e.target.value)}
                    />
                    {editActions}
                  </form>
                ) : (
                  <span className="understood__actions">
                    {fact.confirmed
                      ? null
                      : confirmButton(fact.key, label, () =>
                          onState(
                            withOutcome(fact.date),
                            `C’est exact${NBSP}: ${label.toLowerCase()} le ${formatDate(fact.date)}`,
                          ),
                        )}
                    <button
                      type="button"
                      className="button button--tertiary button--small"
                      aria-label={`Corriger${NBSP}: ${label.toLowerCase()}`}
                      onClick={() => {
                        setChoice(fact.date);
                        setDateError(null);
                        setEditing(fact.key);
                      }}
                    >
                      Corriger
                    </button>
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

function QuestionForm({
  question,
  headingRef,
  onAnswer,
  onSkip,
}: {
  question: Question;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onAnswer: (value: string | number) => void;
  onSkip: () => void;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingId = `question-${question.id}`;
  const inputId = `reponse-${question.id}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (question.input === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        setError('Indiquez une date complète (jour, mois, année).');
        return;
      }
      onAnswer(value);
    } else {
      const parsed = parseEurosToCents(value);
      if (!parsed.ok || parsed.cents === null) {
        setError(parsed.ok ? 'Indiquez un montant en euros, par exemple 120,50.' : parsed.message);
        return;
      }
      onAnswer(parsed.cents);
    }
  }

  return (
    <section className="card triage__question" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="triage__question-title">
        {question.question}
      </h2>
      {question.input === 'choice' ? (
        <ul className="choices" aria-labelledby={headingId}>
          {question.options.map((o) => (
            <li key={o.value}>
              <button type="button" className="button button--secondary" onClick={() => onAnswer(o.value)}>
                {capitalise(o.label)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <form noValidate onSubmit={submit} className="form">
          <div className={error ? 'field field--error' : 'field'}>
            <label htmlFor={inputId}>{question.input === 'date' ? 'Date' : 'Montant en euros'}</label>
            {error ? (
              <p className="field__error" id={`${inputId}-erreur`}>
                <span aria-hidden="true">⚠ </span>
                {error}
              </p>
            ) : null}
            <input
              id={inputId}
              type={question.input === 'date' ? 'date' : 'text'}
              inputMode={question.input === 'amount' ? 'decimal' : undefined}
              className="input--short"
              value={value}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-erreur` : undefined}
              onChange={(e) => setValue(e.target.value)}
            />
          </div>
          <div className="form__actions">
            <button type="submit" className="button">
              Valider
            </button>
          </div>
        </form>
      )}
      <p>
        <button type="button" className="button button--tertiary" onClick={onSkip}>
          Je ne sais pas
        </button>
      </p>
    </section>
  );
}
