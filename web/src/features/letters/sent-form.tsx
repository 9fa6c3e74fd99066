import { type FormEvent, useState } from 'react';
import { parisDayOf } from '../../shared/format.ts';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import {
  SENDING_METHODS,
  type SendingMethod,
  type SentInput,
  type StoredLetter,
  useMarkSent,
} from './api.ts';
import { DECISION_OUTCOMES, frenchDates, SENDING_METHOD_LABELS } from './labels.ts';

interface Values {
  sentOn: string;
  sendingMethod: SendingMethod;
  registeredNumber: string;
  answerOutcome: string;
}

/** « Noter l’envoi »: date, how it left, the registered-mail number; the API records the fact it starts. */
export function SentForm({
  dossierId,
  letter,
  title,
  onDone,
  onCancel,
}: {
  dossierId: string;
  letter: StoredLetter;
  /** The letter's name, for the legend. */
  title: string;
  onDone: (explanation: string) => void;
  onCancel: () => void;
}) {
  const send = useMarkSent(dossierId, letter.id);
  const prefix = `envoi-${letter.id}`;
  const ids = {
    sentOn: `${prefix}-date`,
    sendingMethod: `${prefix}-mode-${SENDING_METHODS[0]}`,
    registeredNumber: `${prefix}-numero`,
    answerOutcome: `${prefix}-sens`,
  };
  const order = [ids.sentOn, ids.sendingMethod, ids.registeredNumber, ids.answerOutcome];
  const apiFields: Record<string, string> = {
    sentOn: ids.sentOn,
    sendingMethod: ids.sendingMethod,
    registeredNumber: ids.registeredNumber,
    answerOutcome: ids.answerOutcome,
  };
  const today = parisDayOf(new Date().toISOString());
  const [values, setValues] = useState<Values>({
    sentOn: today,
    sendingMethod: 'recommande_ar',
    registeredNumber: '',
    answerOutcome: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const isAnswer = letter.type === 'reponse_motivee';
  const registered = values.sendingMethod === 'recommande_ar';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.sentOn) found[ids.sentOn] = 'Indiquez la date d’envoi (exemple\u00a0: 23/11/2026).';
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.sentOn)) {
      found[ids.sentOn] = 'Date d’envoi invalide\u00a0: exemple 23/11/2026.';
    } else if (values.sentOn > today) {
      found[ids.sentOn] =
        'La date d’envoi est dans le futur\u00a0: notez l’envoi une fois le courrier parti.';
    }
    const number = values.registeredNumber.trim();
    if (registered && !number) {
      found[ids.registeredNumber] =
        'Indiquez le numéro du recommandé, qui figure sur la preuve de dépôt\u00a0: il prouve la date d’envoi.';
    }
    setErrors(found);
    setSummary(summaryOf(found, order));
    if (Object.keys(found).length > 0) return;
    const input: SentInput = {
      sentOn: values.sentOn,
      sendingMethod: values.sendingMethod,
      registeredNumber: registered ? number : null,
    };
    if (isAnswer && values.answerOutcome) {
      input.answerOutcome = values.answerOutcome as NonNullable<SentInput['answerOutcome']>;
    }
    // mutateAsync, not mutate's callbacks: once the letter is marked sent the list drops this form, and
    // React Query skips the callbacks of an unmounted component; the parent still has to hear of it.
    send.mutateAsync(input).then(
      (answer) => onDone(`Envoi noté. ${frenchDates(answer.explanation)}`),
      (error: unknown) => {
        const spread = errorsFromApi(error, apiFields);
        setErrors(spread.fields);
        setSummary(summaryOf(spread.fields, order, spread.general));
      },
    );
  }

  return (
    <div className="letter-sent-form">
      <ErrorSummary id={`${prefix}-erreurs`} items={summary} title="L’envoi n’a pas été noté" />
      <form noValidate onSubmit={onSubmit} className="form">
        <fieldset className="fieldset">
          <legend>Envoi du courrier «&nbsp;{title}&nbsp;»</legend>
          <Field
            id={ids.sentOn}
            label="Date d’envoi"
            hint="Date de la preuve de dépôt."
            error={errors[ids.sentOn]}
          >
            {(aria) => (
              <input
                {...aria}
                type="date"
                className="input--short"
                max={today}
                value={values.sentOn}
                onChange={(e) => setValues((v) => ({ ...v, sentOn: e.target.value }))}
              />
            )}
          </Field>
          <fieldset
            className={errors[ids.sendingMethod] ? 'letter-choice field--error' : 'letter-choice'}
            aria-describedby={errors[ids.sendingMethod] ? `${prefix}-mode-erreur` : undefined}
          >
            <legend>Mode d’envoi</legend>
            {errors[ids.sendingMethod] ? (
              <p className="field__error" id={`${prefix}-mode-erreur`}>
                <span aria-hidden="true">⚠ </span>
                {errors[ids.sendingMethod]}
              </p>
            ) : null}
            {SENDING_METHODS.map((method) => (
              <label key={method} className="letter-choice__option">
                <input
                  type="radio"
                  name={`${prefix}-mode`}
                  id={`${prefix}-mode-${method}`}
                  value={method}
                  checked={values.sendingMethod === method}
                  onChange={() => setValues((v) => ({ ...v, sendingMethod: method }))}
                />
                <span>{SENDING_METHOD_LABELS[method]}</span>
              </label>
            ))}
          </fieldset>
          {registered ? (
            <Field
              id={ids.registeredNumber}
              label="Numéro de recommandé avec AR"
              hint="Sur la preuve de dépôt, par exemple 1A 234 567 8901 2."
              error={errors[ids.registeredNumber]}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  className="input--short letter-registered"
                  maxLength={60}
                  autoComplete="off"
                  spellCheck={false}
                  value={values.registeredNumber}
                  onChange={(e) => setValues((v) => ({ ...v, registeredNumber: e.target.value }))}
                />
              )}
            </Field>
          ) : null}
          {isAnswer ? (
            <Field
              id={ids.answerOutcome}
              label="Sens de la réponse"
              optional
              hint="À défaut, la décision enregistrée dans le dossier."
              error={errors[ids.answerOutcome]}
            >
              {(aria) => (
                <select
                  {...aria}
                  className="input--short"
                  value={values.answerOutcome}
                  onChange={(e) => setValues((v) => ({ ...v, answerOutcome: e.target.value }))}
                >
                  <option value="">Décision du dossier</option>
                  {DECISION_OUTCOMES.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button" disabled={send.isPending}>
              Enregistrer l’envoi
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              Annuler
            </button>
            <span role="status" className="muted">
              {send.isPending ? 'Enregistrement…' : ''}
            </span>
          </div>
        </fieldset>
      </form>
    </div>
  );
}
