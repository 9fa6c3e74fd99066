import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type ImportReport, importReportSchema } from '../../../../src/contracts/api/import.ts';
import { CATEGORY_LABELS } from '../../../../src/contracts/categories.ts';
import { apiSendFile, errorMessage } from '../../shared/api-client.ts';
import { formatDate } from '../../shared/format.ts';
import { Page } from '../../shared/ui/page.tsx';
import './admin.css';

const count = new Intl.NumberFormat('fr-FR');

function typeOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  return null;
}

function Report({ report }: { report: ImportReport }) {
  const refused = report.invalid > 0 || report.fileErrors.length > 0;
  return (
    <section className="section" aria-labelledby="compte-rendu">
      <h2 id="compte-rendu">{report.committed ? 'Import terminé' : 'Vérification du fichier'}</h2>
      <ul className="facts">
        <li>Lignes lues&nbsp;: {count.format(report.lines)}</li>
        <li>
          {report.committed ? 'Réclamations importées' : 'Réclamations à importer'}&nbsp;:{' '}
          {count.format(report.imported)}
        </li>
        <li>Déjà importées (ignorées)&nbsp;: {count.format(report.alreadyImported)}</li>
        <li>Lignes refusées&nbsp;: {count.format(report.invalid)}</li>
      </ul>
      {report.committed && !refused ? (
        <p className="notice notice--success">
          Les réclamations sont au registre de {report.organisation.name}. Relancer le même fichier ne crée
          pas de doublon&nbsp;: les références déjà importées sont ignorées.
        </p>
      ) : null}
      {report.fileErrors.map((e) => (
        <p key={e} className="notice notice--error">
          {e}
        </p>
      ))}
      {report.errors.length ? (
        <>
          <h3>Lignes à corriger</h3>
          <div className="table-wrapper import-errors">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Colonne</th>
                  <th scope="col">Ce qu’il faut corriger</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a line may have several errors of one column.
                  <tr key={`${e.line}-${e.column}-${i}`}>
                    <td>{e.line}</td>
                    <td>{e.column ?? '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.errorsTruncated ? (
            <p className="muted">
              Seules les 1&nbsp;000 premières erreurs sont listées&nbsp;; toutes sont comptées.
            </p>
          ) : null}
        </>
      ) : null}
      {report.preview.length ? (
        <>
          <h3>Aperçu des premières réclamations</h3>
          <div className="table-wrapper">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Référence</th>
                  <th scope="col">Reçue le</th>
                  <th scope="col">Catégorie</th>
                  <th scope="col">Contrat</th>
                  <th scope="col">Réponse</th>
                </tr>
              </thead>
              <tbody>
                {report.preview.map((p) => (
                  <tr key={p.line}>
                    <td>{p.line}</td>
                    <td>{p.reference}</td>
                    <td>{formatDate(p.receivedOn)}</td>
                    <td>{CATEGORY_LABELS[p.category as keyof typeof CATEGORY_LABELS] ?? p.category}</td>
                    <td>{p.product}</td>
                    <td>{p.answeredOn ? formatDate(p.answeredOn) : 'Sans réponse'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** Import of a register's history (issue 14): check the file first, then import; a retry is harmless. */
export function ImportPage() {
  const input = useRef<HTMLInputElement>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: ({ file, type, dryRun }: { file: File; type: string; dryRun: boolean }) =>
      apiSendFile(
        `/api/v1/import/complaints?${new URLSearchParams({ dryRun: String(dryRun), skipInvalid: String(skipInvalid) })}`,
        file,
        type,
        importReportSchema,
      ),
  });

  const start = (dryRun: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setFileError('Choisissez le fichier de l’historique (.csv ou .jsonl).');
    const type = typeOf(file);
    if (!type)
      return setFileError(
        'Ce fichier n’est ni un CSV (.csv) ni un JSON Lines (.jsonl) : exportez-le dans l’un de ces formats.',
      );
    setFileError(null);
    run.mutate({ file, type, dryRun });
  };
  const report = run.data;
  const canImport =
    report && !report.committed && (skipInvalid || (report.invalid === 0 && report.fileErrors.length === 0));

  return (
    <Page
      title="Importer l’historique des réclamations"
      lead="Reprenez les réclamations tenues dans un tableur ou un autre outil : elles deviennent des dossiers du registre, comptés dans les indicateurs."
    >
      <p>
        <Link to="/administration">Retour à l’administration</Link>
      </p>
      <form className="form card" onSubmit={start(true)} noValidate>
        <div className={fileError ? 'field field--error' : 'field'}>
          <label htmlFor="fichier-import">Fichier de l’historique</label>
          <p className="field__hint" id="fichier-import-aide">
            CSV avec une ligne d’en-tête (séparateur virgule ou point-virgule) ou JSON Lines. Colonnes&nbsp;:
            reference, receivedOn, channel, category, product, region, et si connues acknowledgedOn,
            answeredOn, outcome, mediationReferredOn, satisfaction, text.
          </p>
          {fileError ? (
            <p className="field__error" id="fichier-import-erreur" role="alert">
              {fileError}
            </p>
          ) : null}
          <input
            ref={input}
            id="fichier-import"
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv"
            aria-describedby={fileError ? 'fichier-import-aide fichier-import-erreur' : 'fichier-import-aide'}
            onChange={() => run.reset()}
          />
        </div>
        <div className="field">
          <label className="choice">
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />{' '}
            Importer les lignes correctes même si d’autres sont refusées
          </label>
          <p className="field__hint">Sinon, une seule ligne refusée fait refuser tout le fichier.</p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={run.isPending}>
            Vérifier le fichier
          </button>
          <button
            type="button"
            className="button"
            disabled={run.isPending || !canImport}
            onClick={() => start(false)()}
          >
            Importer
          </button>
        </div>
        {run.isPending ? (
          <p className="loading" role="status">
            Lecture du fichier…
          </p>
        ) : null}
        {run.isError ? (
          <p className="notice notice--error" role="alert">
            {errorMessage(run.error)}
          </p>
        ) : null}
      </form>
      {report ? <Report report={report} /> : null}
    </Page>
  );
}
