import { errorMessage } from '../../shared/api-client.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type AdmissibilityCheck, mediationBundleUrl, useMediationChecks } from './api.ts';
import { frenchDates } from './labels.ts';

/** Each status in words; the sign and the colour only repeat them. */
const STATUS = {
  ok: { sign: '✓', word: 'Remplie', className: 'letter-check--ok' },
  fail: { sign: '✗', word: 'Non remplie', className: 'letter-check--fail' },
  warning: { sign: '!', word: 'À vérifier', className: 'letter-check--warning' },
} as const;

function statusOf(check: AdmissibilityCheck) {
  return Object.hasOwn(STATUS, check.status)
    ? STATUS[check.status as keyof typeof STATUS]
    : { sign: '?', word: check.status, className: 'letter-check--warning' };
}

/** « Dossier pour le médiateur »: the admissibility checks of a referral, then the whole file as one PDF. */
export function MediationBundle({ dossierId }: { dossierId: string }) {
  const checks = useMediationChecks(dossierId);
  return (
    <div className="letters-subsection">
      <h3 id="dossier-mediateur-titre">Dossier pour le médiateur</h3>
      <p className="muted">
        Le dossier complet réunit le courrier de saisine, un résumé, la chronologie et vos pièces en un seul
        PDF. Avant de l’envoyer, vérifiez les conditions de recevabilité (C.&nbsp;consom. art.&nbsp;L612-2).
      </p>
      {checks.isPending ? (
        <Loading label="Vérification des conditions de recevabilité…" />
      ) : checks.isError ? (
        <ErrorNotice message={errorMessage(checks.error)} onRetry={() => checks.refetch()} />
      ) : (
        <>
          <p className="letter-mediator">
            <strong>Médiateur compétent&nbsp;:</strong> {checks.data.mediator.name}
            {checks.data.mediator.howToSeize ? <> — {checks.data.mediator.howToSeize}</> : null}
          </p>
          <div aria-live="polite">
            <p
              className={
                checks.data.admissible
                  ? 'notice notice--success letter-admissible'
                  : 'notice notice--error letter-admissible'
              }
            >
              {checks.data.admissible
                ? 'Recevable\u00a0: toutes les conditions de la saisine sont remplies.'
                : `Le médiateur pourrait refuser la saisine\u00a0: ${countFailed(checks.data.checks)}. Le dossier peut tout de même être produit.`}
              {checks.data.window?.closesOn ? (
                <> Saisine possible jusqu’au {formatDate(checks.data.window.closesOn)}.</>
              ) : null}
            </p>
          </div>
          <ul className="letter-checks" aria-labelledby="dossier-mediateur-titre">
            {checks.data.checks.map((check) => {
              const status = statusOf(check);
              return (
                <li key={check.id} className={`letter-check ${status.className}`}>
                  <p className="letter-check__head">
                    <span className="letter-check__sign" aria-hidden="true">
                      {status.sign}
                    </span>{' '}
                    <strong className="letter-check__word">{status.word}&nbsp;:</strong> {check.title}
                  </p>
                  <p className="letter-check__detail">{frenchDates(check.detail)}</p>
                  <p className="letter-check__source muted">Source&nbsp;: {check.source}</p>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p>
        <a
          className="button button--secondary"
          href={mediationBundleUrl(dossierId)}
          target="_blank"
          rel="noopener"
        >
          Télécharger le dossier complet (PDF)
          <span className="sr-only"> (nouvel onglet)</span>
        </a>
      </p>
    </div>
  );
}

function countFailed(checks: AdmissibilityCheck[]): string {
  const failed = checks.filter((c) => c.status === 'fail').length;
  const toCheck = checks.filter((c) => c.status === 'warning').length;
  const parts: string[] = [];
  if (failed > 0)
    parts.push(`${failed} condition${failed > 1 ? 's' : ''} non remplie${failed > 1 ? 's' : ''}`);
  if (toCheck > 0) parts.push(`${toCheck} à vérifier`);
  return parts.join(', ') || 'voir les conditions ci-dessous';
}
