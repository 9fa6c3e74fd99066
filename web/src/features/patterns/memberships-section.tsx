import { useState } from 'react';
import { errorMessage } from '../../shared/api-client.ts';
import { formatDate } from '../../shared/format.ts';
import { Field } from '../../shared/ui/form.tsx';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { useMemberships, useSaveMemberships } from './api.ts';
import { type MembershipLine, readMembershipFile } from './membership-file.ts';

const EMPTY: MembershipLine = { product: '', members: '' };

/** What is wrong with the lines before sending, in French, or nothing. */
function checkLines(lines: readonly MembershipLine[]): string | undefined {
  const filled = lines.filter((l) => l.product.trim() !== '' || l.members.trim() !== '');
  if (filled.length === 0) return 'Saisissez au moins un produit et son nombre d’adhérents.';
  const index = filled.findIndex(
    (l) => l.product.trim() === '' || !/^\d+$/.test(l.members.replace(/[\s\u00a0\u202f]/g, '')),
  );
  if (index >= 0) {
    return `Ligne ${index + 1} : indiquez le nom du produit et un nombre entier d’adhérents (exemple : 12 500).`;
  }
  const names = filled.map((l) => l.product.trim().toLocaleLowerCase('fr'));
  if (new Set(names).size !== names.length) {
    return 'Un même produit figure deux fois : gardez une seule ligne par produit.';
  }
  return undefined;
}

/**
 * Members per product at a date, typed or read from a spreadsheet export: the denominator of « réclamations pour
 * 1 000 adhérents ». A period's rates use the latest count on or before its last day.
 */
export function MembershipsSection({ canEdit, products }: { canEdit: boolean; products: readonly string[] }) {
  const stored = useMemberships();
  const saving = useSaveMemberships();
  const [countedOn, setCountedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [lines, setLines] = useState<MembershipLine[]>([EMPTY]);
  const [error, setError] = useState<string | undefined>();
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const setLine = (i: number, change: Partial<MembershipLine>) =>
    setLines(lines.map((l, j) => (i === j ? { ...l, ...change } : l)));
  return (
    <section className="trends-section trends-memberships" aria-labelledby="effectifs-titre">
      <h3 id="effectifs-titre">Effectifs d’adhérents par produit</h3>
      <p className="field__hint">
        Ils servent à calculer les réclamations pour 1&nbsp;000 adhérents. Pour une période, le dernier
        décompte à sa date de fin est utilisé.
      </p>
      {stored.isPending ? (
        <Loading label="Chargement des effectifs…" />
      ) : stored.isError ? (
        <ErrorNotice message={errorMessage(stored.error)} onRetry={() => stored.refetch()} />
      ) : stored.data.memberships.length === 0 ? (
        <p>Aucun effectif saisi : les produits sont classés par nombre de réclamations seulement.</p>
      ) : (
        <table>
          <caption className="sr-only">Effectifs saisis</caption>
          <thead>
            <tr>
              <th scope="col">Produit</th>
              <th scope="col">Décompte du</th>
              <th scope="col">Adhérents</th>
            </tr>
          </thead>
          <tbody>
            {stored.data.memberships.map((m) => (
              <tr key={`${m.product}:${m.countedOn}`}>
                <td>{m.product}</td>
                <td>{formatDate(m.countedOn)}</td>
                <td>{m.members.toLocaleString('fr-FR')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit ? (
        <form
          className="card trends-import"
          aria-labelledby="effectifs-form-titre"
          onSubmit={(e) => {
            e.preventDefault();
            const problem = countedOn === '' ? 'Indiquez la date du décompte.' : checkLines(lines);
            setError(problem);
            if (problem) return;
            saving.mutate(
              {
                countedOn,
                products: lines
                  .filter((l) => l.product.trim() !== '')
                  .map((l) => ({
                    product: l.product.trim(),
                    members: Number(l.members.replace(/[\s\u00a0\u202f]/g, '')),
                  })),
              },
              { onSuccess: () => setLines([EMPTY]) },
            );
          }}
        >
          <h4 id="effectifs-form-titre">Saisir ou importer des effectifs</h4>
          <Field id="effectifs-date" label="Date du décompte">
            {(aria) => (
              <input {...aria} type="date" value={countedOn} onChange={(e) => setCountedOn(e.target.value)} />
            )}
          </Field>
          <Field
            id="effectifs-fichier"
            label="Importer un fichier"
            hint="Export de tableur (CSV) : une ligne par produit, « produit ; nombre d’adhérents ». Les lignes lues remplissent le formulaire ci-dessous, vérifiez-les avant d’enregistrer."
            optional
          >
            {(aria) => (
              <input
                {...aria}
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  const read = readMembershipFile(await file.text());
                  setFileErrors(read.errors);
                  if (read.lines.length > 0) setLines(read.lines);
                }}
              />
            )}
          </Field>
          {fileErrors.length > 0 ? (
            <div className="notice notice--error" role="alert">
              <ul>
                {fileErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <datalist id="effectifs-produits">
            {products.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines are positions of the form, not records
            <div className="trends-memberships__row" key={i}>
              <Field id={`effectifs-produit-${i}`} label={`Produit ${i + 1}`}>
                {(aria) => (
                  <input
                    {...aria}
                    list="effectifs-produits"
                    value={line.product}
                    onChange={(e) => setLine(i, { product: e.target.value })}
                  />
                )}
              </Field>
              <Field id={`effectifs-nombre-${i}`} label={`Adhérents du produit ${i + 1}`}>
                {(aria) => (
                  <input
                    {...aria}
                    inputMode="numeric"
                    value={line.members}
                    onChange={(e) => setLine(i, { members: e.target.value })}
                  />
                )}
              </Field>
            </div>
          ))}
          {error ? (
            <p className="field__error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          ) : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setLines([...lines, EMPTY])}
            >
              Ajouter un produit
            </button>
            <button type="submit" className="button" disabled={saving.isPending}>
              {saving.isPending ? 'Enregistrement…' : 'Enregistrer les effectifs'}
            </button>
          </div>
          {saving.isError ? <ErrorNotice message={errorMessage(saving.error)} /> : null}
          {saving.isSuccess ? (
            <p role="status">
              Effectifs enregistrés pour {saving.data.products} produit{saving.data.products > 1 ? 's' : ''}.
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
