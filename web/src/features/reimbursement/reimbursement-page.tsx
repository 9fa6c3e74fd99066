import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  ErrorSummary,
  errorsFromApi,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import { Page } from '../../shared/ui/page.tsx';
import { type Simulation, useSimulateReimbursement } from './api.ts';
import { DossierContractPanel } from './dossier-contract.tsx';
import { buildInput, exampleValues, initialValues, type ReimbursementFormValues } from './form-model.ts';
import { ReimbursementForm } from './reimbursement-form.tsx';
import { ReimbursementResults } from './reimbursement-results.tsx';
import './reimbursement.css';

/** « Vérifier un remboursement » (public): what the Assurance maladie and the mutuelle owe, and what is missing. */
export function ReimbursementPage() {
  const simulate = useSimulateReimbursement();
  const [values, setValues] = useState<ReimbursementFormValues>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [answer, setAnswer] = useState<{ result: Simulation; hadPayments: boolean } | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (answer) resultsHeading.current?.focus();
  }, [answer]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A half-typed date reads as "" in a date control: the browser alone knows it is not empty.
    const badInput = new Set(
      Array.from(event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="date"]'))
        .filter((input) => input.validity.badInput)
        .map((input) => input.id),
    );
    const built = buildInput(values, badInput);
    setErrors(built.errors);
    setSummary(summaryOf(built.errors, built.order));
    if (!built.input) return;
    const hadPayments = (built.input.paid ?? []).length > 0;
    simulate.mutate(built.input, {
      onSuccess: (result) => setAnswer({ result, hadPayments }),
      onError: (error) => {
        const spread = errorsFromApi(error, built.apiFields);
        setErrors(spread.fields);
        setSummary(summaryOf(spread.fields, built.order, spread.general));
        setAnswer(null);
      },
    });
  }

  return (
    <div className={answer ? 'rb-page rb-page--results' : 'rb-page'}>
      <Page
        title="Vérifier un remboursement"
        lead="Saisissez vos soins et, si vous le souhaitez, les garanties de votre mutuelle&nbsp;: Recours recalcule la part de la Sécurité sociale, celle de la mutuelle et votre reste à charge, montant par montant, avec les textes applicables."
      >
        <div className="rb-toolbar rb-no-print">
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
            Une consultation, une couronne et une hospitalisation, avec les montants versés par la mutuelle.
          </span>
        </div>
        <DossierContractPanel values={values} onChange={setValues} />
        <div className="rb-form-area">
          <ErrorSummary items={summary} />
          <ReimbursementForm
            values={values}
            onChange={setValues}
            errors={errors}
            pending={simulate.isPending}
            onSubmit={onSubmit}
          />
        </div>
        {answer ? (
          <ReimbursementResults
            result={answer.result}
            hadPayments={answer.hadPayments}
            headingRef={resultsHeading}
          />
        ) : null}
      </Page>
    </div>
  );
}
