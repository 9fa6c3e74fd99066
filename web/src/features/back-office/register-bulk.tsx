import { type ReactNode, useEffect, useRef, useState } from 'react';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '../../../../src/contracts/priorities.ts';
import type { BulkMode, BulkOutcome, Handler } from './api.ts';

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')}\u00a0${n > 1 ? many : one}`;
}

/** The actions on the selected files. By default they apply to the files that allow it, the others reported. */
export function BulkBar({
  count,
  handlers,
  canAssignOthers,
  canAcknowledge,
  userId,
  busy,
  onAssign,
  onPriority,
  onAcknowledge,
  onClear,
  children,
}: {
  count: number;
  handlers: Handler[];
  canAssignOthers: boolean;
  /** Only handlers and supervisors acknowledge (an administrator assigns, he does not handle files). */
  canAcknowledge: boolean;
  userId: string;
  busy: boolean;
  onAssign: (handlerId: string | null, mode: BulkMode) => void;
  onPriority: (priority: Priority, mode: BulkMode) => void;
  onAcknowledge: (mode: BulkMode) => void;
  onClear: () => void;
  /** The report of the last action, shown inside the bar: where the eyes are. */
  children?: ReactNode;
}) {
  const choices = canAssignOthers ? handlers : handlers.filter((h) => h.id === userId);
  const [handlerId, setHandlerId] = useState(choices[0]?.id ?? '');
  const [priority, setPriority] = useState<Priority>('high');
  const [allOrNothing, setAllOrNothing] = useState(false);
  const mode: BulkMode = allOrNothing ? 'all_or_nothing' : 'eligible';
  return (
    <section className="bulk-bar card" aria-labelledby="actions-groupees-titre">
      <h2 id="actions-groupees-titre" className="bulk-bar__title">
        Actions groupées — {plural(count, 'dossier sélectionné', 'dossiers sélectionnés')}
      </h2>
      <div className="bulk-bar__actions">
        <div className="bulk-bar__group">
          <label htmlFor="groupe-conseiller">Assigner à</label>
          <select id="groupe-conseiller" value={handlerId} onChange={(e) => setHandlerId(e.target.value)}>
            {canAssignOthers ? <option value="">Personne (retirer l’attribution)</option> : null}
            {choices.map((h) => (
              <option key={h.id} value={h.id}>
                {h.displayName} ({plural(h.openFiles, 'dossier ouvert', 'dossiers ouverts')})
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => onAssign(handlerId || null, mode)}
          >
            Assigner
          </button>
        </div>
        <div className="bulk-bar__group">
          <label htmlFor="groupe-priorite">Priorité</label>
          <select
            id="groupe-priorite"
            value={priority}
            onChange={(e) => setPriority(e.target.value as Priority)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => onPriority(priority, mode)}
          >
            Changer la priorité
          </button>
        </div>
        <div className="bulk-bar__group">
          {canAcknowledge ? (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => onAcknowledge(mode)}
            >
              Accuser réception
            </button>
          ) : null}
          <button type="button" className="button button--tertiary button--small" onClick={onClear}>
            Désélectionner
          </button>
        </div>
        <div className="field--checkbox bulk-bar__mode">
          <input
            id="groupe-tout-ou-rien"
            type="checkbox"
            checked={allOrNothing}
            onChange={(e) => setAllOrNothing(e.target.checked)}
          />
          <label htmlFor="groupe-tout-ou-rien">
            Tout ou rien (aucun dossier modifié si l’un d’eux ne peut pas l’être)
          </label>
        </div>
      </div>
      {children}
    </section>
  );
}

const OUTCOME_LABELS: Record<string, string> = {
  done: 'Fait',
  unchanged: 'Déjà ainsi',
  refused: 'Non fait',
  not_applied: 'Laissé tel quel',
};

function headline(what: string, outcome: BulkOutcome): string {
  if (!outcome.ok) return `${what} : refusé, aucun dossier modifié`;
  const done = outcome.results.filter((r) => r.outcome === 'done').length;
  const others = outcome.results.filter((r) => r.outcome === 'refused').length;
  if (others === 0) return `${what} : terminé`;
  return `${what} : ${plural(done, 'dossier modifié', 'dossiers modifiés')}, ${plural(others, 'dossier non modifié', 'dossiers non modifiés')} (motifs ci-dessous)`;
}

/** The report of a bulk action: its headline gets the focus, so that it is read at once. */
export function BulkResults({
  what,
  outcome,
  onClose,
}: {
  what: string;
  outcome: BulkOutcome;
  onClose: () => void;
}) {
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const partial = outcome.ok && outcome.results.some((r) => r.outcome === 'refused');
  const tone = !outcome.ok ? 'notice--error' : partial ? 'notice--warning' : 'notice--success';
  return (
    <div className={`notice ${tone} bulk-results`} role={outcome.ok ? 'status' : 'alert'}>
      <p ref={heading} tabIndex={-1} className="bulk-results__title">
        <strong>{headline(what, outcome)}</strong>
        {outcome.message ? ` — ${outcome.message}` : null}
      </p>
      {outcome.results.length > 0 ? (
        <ul>
          {outcome.results.map((r) => (
            <li key={r.dossierId}>
              <strong>{r.reference ?? 'Dossier introuvable'}</strong> — {OUTCOME_LABELS[r.outcome] ?? ''}
              &nbsp;: {r.message}
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="button button--tertiary button--small" onClick={onClose}>
        Fermer ce compte rendu
      </button>
    </div>
  );
}
