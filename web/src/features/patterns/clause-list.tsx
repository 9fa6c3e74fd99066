import { useState } from 'react';
import { errorMessage } from '../../shared/api-client.ts';
import { Field } from '../../shared/ui/form.tsx';
import { ErrorNotice } from '../../shared/ui/page.tsx';
import { type Clause, useDeleteClause, useEditClause } from './api.ts';

function reviewText(clause: Clause): string {
  const { review } = clause;
  if (review.status !== 'scored') return review.message ?? 'Clause non notée.';
  return `Lisibilité ${review.readability?.toLocaleString('fr-FR') ?? '—'}${review.level ? ` (${review.level})` : ''}`;
}

function EditForm({ clause, onDone }: { clause: Clause; onDone: () => void }) {
  const editing = useEditClause();
  const [title, setTitle] = useState(clause.title);
  const [text, setText] = useState(clause.text);
  const [product, setProduct] = useState(clause.product ?? '');
  const [errors, setErrors] = useState<{ title?: string; text?: string }>({});
  const id = `clause-${clause.id}`;
  return (
    <form
      className="trends-import"
      aria-label={`Modifier la clause « ${clause.title} »`}
      onSubmit={(e) => {
        e.preventDefault();
        const found = {
          ...(title.trim() === ''
            ? { title: 'Donnez un titre à la clause (exemple : Article 3 – Résiliation).' }
            : {}),
          ...(text.trim() === ''
            ? { text: 'Le texte de la clause est vide : saisissez-le, ou supprimez la clause.' }
            : {}),
        };
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        editing.mutate(
          {
            id: clause.id,
            title: title.trim(),
            text,
            product: product.trim() === '' ? null : product.trim(),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <Field id={`${id}-titre`} label="Titre" error={errors.title}>
        {(aria) => <input {...aria} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field id={`${id}-texte`} label="Texte de la clause" error={errors.text}>
        {(aria) => <textarea {...aria} rows={6} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field
        id={`${id}-produit`}
        label="Produit concerné"
        hint="Laissez vide si la clause vaut pour tous."
        optional
      >
        {(aria) => <input {...aria} value={product} onChange={(e) => setProduct(e.target.value)} />}
      </Field>
      {editing.isError ? <ErrorNotice message={errorMessage(editing.error)} /> : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={editing.isPending}>
          {editing.isPending ? 'Enregistrement…' : 'Enregistrer et relire'}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Annuler
        </button>
      </div>
    </form>
  );
}

function ClauseItem({ clause, canEdit }: { clause: Clause; canEdit: boolean }) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const deleting = useDeleteClause();
  const name = `« ${clause.title} »`;
  return (
    <li className="card">
      <h4 className="trends-theme__title">
        {clause.title}
        {clause.product ? <span className="trends-count"> — {clause.product}</span> : null}
      </h4>
      <p className="field__hint">{reviewText(clause)}</p>
      {!canEdit ? null : mode === 'edit' ? (
        <EditForm clause={clause} onDone={() => setMode('view')} />
      ) : mode === 'confirm' ? (
        <div className="notice trends-confirm" role="alert">
          <p>
            Supprimer définitivement la clause {name}&nbsp;? Elle sortira de la relecture et des clauses à
            réécrire&nbsp;; la suppression reste inscrite à l’historique.
          </p>
          {deleting.isError ? <ErrorNotice message={errorMessage(deleting.error)} /> : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={deleting.isPending}
              onClick={() => deleting.mutate(clause.id)}
            >
              {deleting.isPending ? 'Suppression…' : 'Confirmer la suppression'}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setMode('view')}>
              Annuler
            </button>
          </div>
        </div>
      ) : (
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={() => setMode('edit')}>
            Modifier<span className="sr-only"> la clause {name}</span>
          </button>
          <button type="button" className="button button--tertiary" onClick={() => setMode('confirm')}>
            Supprimer<span className="sr-only"> la clause {name}</span>
          </button>
        </div>
      )}
    </li>
  );
}

/** The imported clauses, each editable and deletable by those who import (re-read by the server at once). */
export function ClauseList({ clauses, canEdit }: { clauses: readonly Clause[]; canEdit: boolean }) {
  return (
    <details className="trends-clauses">
      <summary>
        Clauses importées ({clauses.length}){canEdit ? ' : modifier ou supprimer' : ''}
      </summary>
      <ul className="trends-list">
        {clauses.map((c) => (
          <ClauseItem key={c.id} clause={c} canEdit={canEdit} />
        ))}
      </ul>
    </details>
  );
}
