import { Link } from 'react-router';
import { errorMessage } from '../../shared/api-client.ts';
import { ErrorNotice } from '../../shared/ui/page.tsx';
import { type AuditBreak, useVerification, type Verification } from './api.ts';

const count = new Intl.NumberFormat('fr-FR');
const seconds = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

function plural(n: number, one: string, many: string) {
  return `${count.format(n)}\u00a0${n > 1 ? many : one}`;
}

/** Runs the verification of the whole history and lists every break, with its French reason and its file. */
export function VerificationSection() {
  const verification = useVerification();
  return (
    <section className="section card" aria-labelledby="verification-titre">
      <h2 id="verification-titre">Vérifier l’intégrité de l’historique</h2>
      <p>
        La vérification relit chaque événement, recalcule son empreinte et son lien avec le précédent, et
        contrôle le journal scellé par les points de contrôle signés. Elle signale toute ligne modifiée,
        insérée, supprimée (y compris les plus récentes) ou déplacée.
      </p>
      <button
        type="button"
        className="button"
        disabled={verification.isPending}
        onClick={() => verification.mutate()}
      >
        Lancer la vérification
      </button>
      <div aria-live="polite">
        {verification.isPending ? (
          <p className="loading" role="status">
            Vérification en cours… Elle peut durer plusieurs minutes sur un historique de plusieurs millions
            d’événements.
          </p>
        ) : null}
      </div>
      {verification.isError ? (
        <ErrorNotice message={errorMessage(verification.error)} onRetry={() => verification.mutate()} />
      ) : null}
      {verification.data ? <VerificationResult result={verification.data} /> : null}
    </section>
  );
}

function VerificationResult({ result }: { result: Verification }) {
  const summary = `${plural(result.events, 'événement vérifié', 'événements vérifiés')} dans ${plural(result.chains, 'historique', 'historiques')} (un par dossier), ${plural(result.checkpointsChecked, 'point de contrôle signé contrôlé', 'points de contrôle signés contrôlés')}, ${result.durationMs < 1000 ? 'en moins d’une seconde' : `en ${seconds.format(result.durationMs / 1000)}\u00a0s`}.`;
  return (
    <div className="audit-result">
      {result.ok ? (
        <div className="notice notice--success" role="status">
          <p>
            <strong>L’historique est intègre</strong>&nbsp;: aucune rupture.
          </p>
          <p>{summary}</p>
        </div>
      ) : (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>
              L’historique a été altéré&nbsp;: {plural(result.breakCount, 'rupture', 'ruptures')}.
            </strong>
          </p>
          <p>{summary}</p>
          {result.otherOrganisationsBreaks > 0 ? (
            <p>
              Dont {plural(result.otherOrganisationsBreaks, 'rupture', 'ruptures')} dans les dossiers d’autres
              organismes&nbsp;: elles ne sont pas détaillées ici.
            </p>
          ) : null}
        </div>
      )}
      {result.pending > 0 ? (
        <p className="muted">
          {plural(result.pending, 'événement récent n’est', 'événements récents ne sont')} pas encore{' '}
          {result.pending > 1 ? 'scellés' : 'scellé'} dans le journal&nbsp;: ce sera fait au prochain point de
          contrôle (chaque minute).
        </p>
      ) : null}
      {result.breaks.length > 0 ? <BreakTable breaks={result.breaks} /> : null}
    </div>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where a break is: a file, the events of an organisation that concern no file, or the sealed log itself. */
function placeOf(b: AuditBreak) {
  if (b.dossierReference && b.dossierId)
    return <Link to={`/dossiers/${b.dossierId}`}>{b.dossierReference}</Link>;
  if (b.dossierReference) return b.dossierReference;
  if (b.organisationName) {
    const name = capitalised(b.organisationName);
    return name.includes('(') ? name : `${name} (événements sans dossier)`;
  }
  if (b.chainId) return <span className="muted">Dossier supprimé</span>;
  return 'Journal scellé';
}

function BreakTable({ breaks }: { breaks: AuditBreak[] }) {
  return (
    <div className="table-wrapper">
      <table className="table audit-breaks">
        <caption>Ruptures constatées</caption>
        <thead>
          <tr>
            <th scope="col">Dossier</th>
            <th scope="col">Rang dans l’historique du dossier</th>
            <th scope="col">Raison</th>
          </tr>
        </thead>
        <tbody>
          {breaks.map((b) => (
            <tr
              key={`${b.chainId ?? 'journal'}:${b.chainSeq ?? ''}:${b.eventId ?? ''}:${b.checkpointId ?? ''}:${b.reason}`}
            >
              <td>{placeOf(b)}</td>
              <td className="num">{b.chainSeq !== undefined ? count.format(b.chainSeq) : '—'}</td>
              <td>{capitalised(b.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
