import { useState } from 'react';
import { errorMessage } from '../../shared/api-client.ts';
import type { DossierSectionProps } from '../../shared/dossier-section.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type ReferAnswer, useMediationFile, useMediationStep, useMediatorStep } from './api.ts';

/**
 * « Saisir le médiateur » for the member: enabled only while the engine says the mediator step is open (after a
 * negative or partial answer, or 2 months without one; at most 1 year after the written complaint); otherwise
 * disabled, with the engine's reason next to it.
 */
export function ReferSection({ dossierId }: DossierSectionProps) {
  const step = useMediatorStep(dossierId);
  const file = useMediationFile(dossierId);
  const refer = useMediationStep(dossierId);
  const [done, setDone] = useState<ReferAnswer | null>(null);

  const inMediation = file.data?.status === 'mediation';
  const open = step.data?.status === 'open' && !inMediation;

  return (
    <section id="mediateur" className="section card file-section" aria-labelledby="mediateur-titre">
      <h2 id="mediateur-titre" tabIndex={-1}>
        Saisir le médiateur
      </h2>
      <p className="file-section__lead">
        La médiation est gratuite. Le médiateur propose une solution que vous restez libre d’accepter ou non.
      </p>
      {step.isPending || file.isPending ? (
        <Loading label="Vérification de l’étape de médiation…" />
      ) : step.isError ? (
        <ErrorNotice message={errorMessage(step.error)} onRetry={() => step.refetch()} />
      ) : (
        <>
          <div role="status">
            {done ? (
              <div className="notice notice--success">
                <p>
                  <strong>Le médiateur est saisi.</strong>
                  {done.dossier.facts.mediatorSeizedOn
                    ? ` Date de saisine : ${formatDate(done.dossier.facts.mediatorSeizedOn)}.`
                    : ''}
                </p>
                {done.mediator ? (
                  <p>
                    {done.mediator.name} — {done.mediator.howToSeize}
                  </p>
                ) : null}
              </div>
            ) : inMediation ? (
              <p className="notice notice--info">Votre dossier est entre les mains du médiateur.</p>
            ) : null}
          </div>
          {step.data ? (
            <p id="mediateur-pourquoi" className="mediation-why">
              {step.data.why}
              {step.data.closesOn && open ? ` Au plus tard le ${formatDate(step.data.closesOn)}.` : ''}
            </p>
          ) : null}
          {refer.isError ? <ErrorNotice message={errorMessage(refer.error)} /> : null}
          {inMediation ? null : (
            <button
              type="button"
              className="button"
              disabled={!open || refer.isPending}
              aria-describedby={step.data ? 'mediateur-pourquoi' : undefined}
              onClick={() =>
                refer.mutate({ step: 'refer' }, { onSuccess: (answer) => setDone(answer as ReferAnswer) })
              }
            >
              Saisir le médiateur
            </button>
          )}
        </>
      )}
    </section>
  );
}
