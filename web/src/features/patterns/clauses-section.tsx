import { useState } from 'react';
import { MAX_CONTRACT_CHARACTERS } from '../../../../src/domain/patterns/clauses/import.ts';
import { errorMessage } from '../../shared/api-client.ts';
import { Field } from '../../shared/ui/form.tsx';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type Period, useClauseReport, useImportClauses } from './api.ts';
import { ClauseList } from './clause-list.tsx';
import { MembershipsSection } from './memberships-section.tsx';

function ImportForm() {
  const importing = useImportClauses();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [product, setProduct] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="card trends-import"
      aria-labelledby="import-titre"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() === '') {
          setError('Collez le texte du contrat : une ligne « Article … » ouvre chaque clause.');
          return;
        }
        setError(undefined);
        importing.mutate(
          {
            text,
            ...(title.trim() ? { title: title.trim() } : {}),
            ...(product.trim() ? { product: product.trim() } : {}),
          },
          { onSuccess: () => setText('') },
        );
      }}
    >
      <h3 id="import-titre">Importer des clauses</h3>
      <Field
        id="clauses-texte"
        label="Texte du contrat"
        hint="Collez les clauses ; chaque ligne commençant par « Article » ouvre une nouvelle clause."
        error={error}
        count={{ length: text.length, max: MAX_CONTRACT_CHARACTERS }}
      >
        {(aria) => <textarea {...aria} rows={8} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field id="clauses-titre" label="Titre de la clause" hint="Si le texte n’a pas d’articles." optional>
        {(aria) => <input {...aria} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field
        id="clauses-produit"
        label="Produit concerné"
        hint="Laissez vide si la clause vaut pour tous."
        optional
      >
        {(aria) => <input {...aria} value={product} onChange={(e) => setProduct(e.target.value)} />}
      </Field>
      <button type="submit" className="button" disabled={importing.isPending}>
        {importing.isPending ? 'Import en cours…' : 'Importer et relire'}
      </button>
      {importing.isError ? <ErrorNotice message={errorMessage(importing.error)} /> : null}
      {importing.isSuccess ? (
        <p role="status">
          {importing.data.clauses.length} clause{importing.data.clauses.length > 1 ? 's' : ''} importée
          {importing.data.clauses.length > 1 ? 's' : ''} et relue
          {importing.data.clauses.length > 1 ? 's' : ''}.
        </p>
      ) : null}
    </form>
  );
}

/** « Clauses à réécrire »: clarity of the imported clauses crossed with the complaints that dispute them. */
export function ClausesSection({ period, canImport }: { period: Period; canImport: boolean }) {
  const report = useClauseReport(period);
  return (
    <section className="trends-section" aria-labelledby="clauses-titre">
      <h2 id="clauses-titre">Clauses à réécrire</h2>
      <p className="field__hint">
        Lisibilité (indice de Kandel et Moles : 60 et plus, clair), phrases longues et termes techniques non
        définis, croisés avec les réclamations qui contestent la clause sur la période.
      </p>
      {report.isPending ? (
        <Loading label="Relecture des clauses…" />
      ) : report.isError ? (
        <ErrorNotice message={errorMessage(report.error)} onRetry={() => report.refetch()} />
      ) : report.data.clauses.length === 0 ? (
        <p>Aucune clause importée : importez le texte d’un contrat pour le relire.</p>
      ) : report.data.toRewrite.length === 0 ? (
        <p>Toutes les clauses importées sont claires.</p>
      ) : (
        <ol className="trends-list">
          {report.data.toRewrite.map((c) => (
            <li key={c.clauseId} className="card">
              <h3 className="trends-theme__title">
                {c.label}{' '}
                <span className="trends-count">
                  {c.complaints} réclamation{c.complaints > 1 ? 's' : ''}
                  {c.perThousand !== undefined
                    ? ` — ${c.perThousand.toLocaleString('fr-FR')} pour 1\u00a0000 adhérents`
                    : ''}
                </span>
              </h3>
              <ul>
                {c.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {c.suggestions.length > 0 ? (
                <details>
                  <summary>Suggestions</summary>
                  <ul>
                    {c.suggestions.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {report.isSuccess && report.data.products.ranked.length > 0 ? (
        <>
          <h3>Produits par réclamations pour 1&nbsp;000 adhérents</h3>
          <ul>
            {report.data.products.ranked.map((p) => (
              <li key={p.product}>{p.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.isSuccess && report.data.clauses.length > 0 ? (
        <ClauseList clauses={report.data.clauses} canEdit={canImport} />
      ) : null}
      {canImport ? <ImportForm /> : null}
      <MembershipsSection
        canEdit={canImport}
        products={
          report.isSuccess
            ? [
                ...new Set(
                  [...report.data.products.ranked, ...report.data.products.withoutMembership].map(
                    (p) => p.product,
                  ),
                ),
              ]
            : []
        }
      />
    </section>
  );
}
