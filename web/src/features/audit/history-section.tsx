import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { auditEventTypeOptions } from '../../../../src/domain/audit/event-labels.ts';
import { errorMessage } from '../../shared/api-client.ts';
import { formatInstantDateTime } from '../../shared/format.ts';
import { Field } from '../../shared/ui/form.tsx';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type AuditEvent, type HistoryFilters, historyQuery, useHistory } from './api.ts';

const TYPE_OPTIONS = auditEventTypeOptions().map((o) => ({ label: o.label, value: o.types.join(',') }));
const NO_FILTERS: HistoryFilters = { reference: '', actorId: '', type: '', from: '', to: '' };
const REFERENCE = /^[A-Za-z0-9-]*$/;

interface ActorFilter {
  id: string;
  name: string;
}

/** The organisation's history, newest first, filtered, by pages of 50 (keyset: stable under new events). */
export function HistorySection() {
  const [draft, setDraft] = useState(NO_FILTERS);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [actor, setActor] = useState<ActorFilter | null>(null);
  const [errors, setErrors] = useState<Partial<Record<'reference' | 'to', string>>>({});
  // The cursors of the pages reached so far: the first page has none.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const applied = { ...filters, actorId: actor?.id ?? '' };
  const history = useHistory(applied, cursors.at(-1) ?? null);

  function apply(next: HistoryFilters, nextActor: ActorFilter | null) {
    setFilters(next);
    setActor(nextActor);
    setCursors([null]);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!REFERENCE.test(draft.reference.trim())) {
      found.reference = 'Référence invalide : lettres, chiffres et tirets (exemple : REC-2026-7K3M9Q2X4T).';
    }
    if (draft.from && draft.to && draft.from > draft.to) {
      found.to = 'La fin de la période doit être le même jour que le début, ou après.';
    }
    setErrors(found);
    if (Object.keys(found).length === 0) apply(draft, actor);
  }

  const exportUrl = `/api/v1/audit/events.csv?${historyQuery(applied)}`;
  const events = history.data?.events ?? [];
  const page = cursors.length;

  return (
    <section className="section" aria-labelledby="historique-titre">
      <h2 id="historique-titre">Historique de l’organisme</h2>
      <form className="filters card" noValidate onSubmit={submit} aria-label="Filtres de l’historique">
        <Field id="audit-dossier" label="Référence du dossier" error={errors.reference} optional>
          {(aria) => (
            <input
              {...aria}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.reference}
              onChange={(e) => setDraft({ ...draft, reference: e.target.value })}
            />
          )}
        </Field>
        <Field id="audit-type" label="Événement">
          {(aria) => (
            <select
              {...aria}
              value={draft.type}
              onChange={(e) => setDraft({ ...draft, type: e.target.value })}
            >
              <option value="">Tous les événements</option>
              {TYPE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="audit-du" label="Depuis le" optional>
          {(aria) => (
            <input
              {...aria}
              type="date"
              min="1900-01-01"
              max="2100-12-31"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          )}
        </Field>
        <Field id="audit-au" label="Jusqu’au" error={errors.to} optional>
          {(aria) => (
            <input
              {...aria}
              type="date"
              min="1900-01-01"
              max="2100-12-31"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          )}
        </Field>
        <div className="audit-filters__actions">
          <button type="submit" className="button">
            Filtrer
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setErrors({});
              apply(NO_FILTERS, null);
            }}
          >
            Tout afficher
          </button>
        </div>
      </form>

      <div className="register-toolbar">
        {actor ? (
          <p>
            Actions de <strong>{actor.name}</strong> seulement.{' '}
            <button type="button" className="link-button" onClick={() => apply(filters, null)}>
              Voir les actions de tout le monde
            </button>
          </p>
        ) : (
          <p className="muted">Cliquez sur le nom d’un auteur pour ne voir que ses actions.</p>
        )}
        <a className="button button--secondary button--small" href={exportUrl} download>
          Exporter en CSV<span className="sr-only"> l’historique filtré</span>
        </a>
      </div>

      {history.isPending ? (
        <Loading label="Chargement de l’historique…" />
      ) : history.isError ? (
        <ErrorNotice message={errorMessage(history.error)} onRetry={() => history.refetch()} />
      ) : events.length === 0 ? (
        <div className="empty-state" role="status">
          <p>Aucun événement ne correspond à ces filtres.</p>
        </div>
      ) : (
        <>
          <div className="table-wrapper">
            <table className="table audit-events" aria-busy={history.isFetching}>
              <caption>
                Événements, du plus récent au plus ancien — page {page}
                {history.isFetching ? ' (mise à jour…)' : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    N°
                  </th>
                  <th scope="col">Date et heure</th>
                  <th scope="col">Événement</th>
                  <th scope="col">Dossier</th>
                  <th scope="col">Auteur</th>
                  <th scope="col">Preuve</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <EventRow key={e.id} event={e} onActor={(a) => apply(filters, a)} />
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pagination" aria-label="Pages de l’historique">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={page <= 1}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              <span aria-hidden="true">← </span>Plus récents
            </button>
            <p>Page {page}</p>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!history.data?.nextBefore || history.isFetching}
              onClick={() => setCursors((c) => [...c, history.data!.nextBefore])}
            >
              Plus anciens<span aria-hidden="true"> →</span>
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

const count = new Intl.NumberFormat('fr-FR');

function EventRow({ event, onActor }: { event: AuditEvent; onActor: (actor: ActorFilter) => void }) {
  return (
    <tr>
      <td className="num">{count.format(event.id)}</td>
      <td className="nowrap">{formatInstantDateTime(event.occurredAt)}</td>
      <td>{event.typeLabel}</td>
      <td className="nowrap">
        {event.reference && event.dossierId ? (
          <Link to={`/dossiers/${event.dossierId}`}>{event.reference}</Link>
        ) : (
          <span className="muted">Sans dossier</span>
        )}
      </td>
      <td>
        {event.actorId && event.actorName ? (
          <button
            type="button"
            className="link-button"
            onClick={() => onActor({ id: event.actorId!, name: event.actorName! })}
          >
            {event.actorName}
            <span className="sr-only"> (ne voir que ses actions)</span>
          </button>
        ) : (
          <span className="muted">{event.actorId ? 'Compte supprimé' : 'Traitement automatique'}</span>
        )}
      </td>
      <td>
        <a href={`/api/v1/audit/events/${event.id}/proof`} download={`preuve-${event.id}.json`}>
          Télécharger<span className="sr-only"> la preuve de l’événement n°&nbsp;{event.id}</span>
        </a>
      </td>
    </tr>
  );
}
