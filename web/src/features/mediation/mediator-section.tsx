import { useState } from 'react';
import { TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import type { DossierSectionProps } from '../../shared/dossier-section.ts';
import { formatDate } from '../../shared/format.ts';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import { useMediationFile, useMediationStep } from './api.ts';

/** The mediator's record of the file: notification of the mediation (R612-2) and its outcome (R612-3 to R612-5). */
export function MediatorSection({ dossierId }: DossierSectionProps) {
  const file = useMediationFile(dossierId);
  const mediation = useMediationStep(dossierId);
  const [notifiedOn, setNotifiedOn] = useState('');
  const [proposal, setProposal] = useState('');
  const [endedOn, setEndedOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const order = ['mediation-notifiee', 'mediation-proposition', 'mediation-fin'];
  const apiField = {
    notifiedOn: 'mediation-notifiee',
    proposal: 'mediation-proposition',
    endedOn: 'mediation-fin',
  };

  function fail(error: unknown) {
    const spread = errorsFromApi(error, apiField);
    setErrors(spread.fields);
    setSummary(summaryOf(spread.fields, order, spread.general));
  }
  function clear(message: string) {
    setErrors({});
    setSummary([]);
    setNotice(message);
  }

  const active = file.data?.status === 'mediation';

  return (
    <section id="mediation" className="section card file-section" aria-labelledby="mediation-titre">
      <h2 id="mediation-titre" tabIndex={-1}>
        Médiation
      </h2>
      <p className="file-section__lead">
        Notifiez la saisine aux parties (le délai de 90 jours court à partir du dossier complet), puis
        enregistrez l’issue de la médiation.
      </p>
      <ErrorSummary id="mediation-erreurs" items={summary} title="L’enregistrement n’a pas été fait" />
      <div role="status">{notice ? <p className="notice notice--success">{notice}</p> : null}</div>
      {!active && file.data ? (
        <p className="notice notice--info">Ce dossier n’est pas (ou plus) en cours de médiation.</p>
      ) : null}
      <form
        noValidate
        aria-labelledby="mediation-notif-titre"
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          mediation
            .mutateAsync({ step: 'notified', ...(notifiedOn ? { notifiedOn } : {}) })
            .then((answer) => {
              const due = 'outcomeDue' in answer ? answer.outcomeDue : null;
              clear(
                `Notification de la médiation enregistrée.${due ? ` Issue attendue au plus tard le ${formatDate(due)}.` : ''}`,
              );
            }, fail);
        }}
      >
        <h3 id="mediation-notif-titre">Notification de la médiation</h3>
        <Field
          id="mediation-notifiee"
          label="Date de la notification aux parties"
          hint="Laissez vide pour aujourd’hui."
          optional
          error={errors['mediation-notifiee']}
        >
          {(aria) => (
            <input {...aria} type="date" value={notifiedOn} onChange={(e) => setNotifiedOn(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="button" disabled={mediation.isPending}>
          Enregistrer la notification
        </button>
      </form>
      <form
        noValidate
        aria-labelledby="mediation-issue-titre"
        className="mediation-outcome"
        onSubmit={(e) => {
          e.preventDefault();
          setNotice(null);
          if (proposal.trim().length < 20) {
            const local = { 'mediation-proposition': 'Rédigez la proposition (20 caractères au moins).' };
            setErrors(local);
            setSummary(summaryOf(local, order));
            return;
          }
          mediation
            .mutateAsync({ step: 'outcome', proposal: proposal.trim(), ...(endedOn ? { endedOn } : {}) })
            .then(() => {
              setProposal('');
              clear('Issue de la médiation enregistrée ; la proposition a été envoyée à l’adhérent.');
            }, fail);
        }}
      >
        <h3 id="mediation-issue-titre">Issue de la médiation</h3>
        <Field
          id="mediation-proposition"
          label="Proposition de solution"
          hint="Adressée aux parties ; l’adhérent reste libre de la refuser."
          error={errors['mediation-proposition']}
          count={{ length: proposal.length, max: TEXT_LIMITS.mediationProposal }}
        >
          {(aria) => (
            <textarea {...aria} rows={4} value={proposal} onChange={(e) => setProposal(e.target.value)} />
          )}
        </Field>
        <Field
          id="mediation-fin"
          label="Date de fin de la médiation"
          hint="Laissez vide pour aujourd’hui."
          optional
          error={errors['mediation-fin']}
        >
          {(aria) => (
            <input {...aria} type="date" value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="button" disabled={mediation.isPending}>
          Enregistrer l’issue
        </button>
      </form>
    </section>
  );
}
