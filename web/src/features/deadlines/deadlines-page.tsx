import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  ErrorSummary,
  errorsFromApi,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import { Page } from '../../shared/ui/page.tsx';
import { type DeadlinesResult, useComputeDeadlines } from './api.ts';
import { DeadlineTimeline } from './deadline-timeline.tsx';
import { DeadlinesForm } from './deadlines-form.tsx';
import {
  buildInput,
  type DeadlinesFormValues,
  exampleValues,
  initialValues,
  readableMessage,
} from './form-model.ts';
import './deadlines.css';

/** « Calculer mes délais » (public): the dates of a dispute in, a French timeline of what is due, by whom, why. */
export function DeadlinesPage() {
  const compute = useComputeDeadlines();
  const [values, setValues] = useState<DeadlinesFormValues>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [result, setResult] = useState<DeadlinesResult | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  // A new answer takes the focus (and the screen reader's attention) to its heading.
  useEffect(() => {
    if (result) resultsHeading.current?.focus();
  }, [result]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A half-typed date reads as "" in a date control: the browser alone knows it is not empty.
    const badInput = new Set(
      Array.from(event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="date"]'))
        .filter((input) => input.validity.badInput)
        .map((input) => input.id),
    );
    const built = buildInput(values, badInput);
    const openOptionsFor = (found: FieldErrors) => {
      if (Object.keys(found).some((id) => id.startsWith('dl-opt-')))
        setValues((v) => ({ ...v, optionsOpen: true }));
    };
    setErrors(built.errors);
    setSummary(summaryOf(built.errors, built.order));
    openOptionsFor(built.errors);
    if (!built.input) return;
    compute.mutate(built.input, {
      onSuccess: (answer) => setResult(answer),
      onError: (error) => {
        const spread = errorsFromApi(error, built.apiFields);
        for (const [id, message] of Object.entries(spread.fields)) {
          if (message) spread.fields[id] = readableMessage(message);
        }
        setErrors(spread.fields);
        setSummary(
          summaryOf(spread.fields, built.order, spread.general ? readableMessage(spread.general) : null),
        );
        openOptionsFor(spread.fields);
        setResult(null);
      },
    });
  }

  return (
    <div className={result ? 'dl-page dl-page--results' : 'dl-page'}>
      <Page
        title="Calculer mes délais"
        lead="Indiquez les dates de votre litige&nbsp;: Recours calcule les délais qui s’appliquent, qui doit agir, avant quand et en vertu de quel texte."
      >
        <div className="dl-toolbar dl-no-print">
          <button
            type="button"
            className="button button--tertiary button--small"
            onClick={() => {
              setValues(exampleValues());
              setErrors({});
              setSummary([]);
            }}
          >
            Charger un exemple
          </button>
          <span className="field__hint">
            Une réclamation à une mutuelle, refusée, puis portée devant le médiateur.
          </span>
        </div>
        <div className="dl-form-area">
          <ErrorSummary items={summary} />
          <DeadlinesForm
            values={values}
            onChange={setValues}
            errors={errors}
            pending={compute.isPending}
            onSubmit={onSubmit}
          />
        </div>
        {result ? <DeadlineTimeline result={result} headingRef={resultsHeading} /> : null}
      </Page>
    </div>
  );
}
