import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CHANNEL_LABELS, COMPLAINT_CHANNELS } from '../../../../src/contracts/channels.ts';
import { PRIORITY_LABELS } from '../../../../src/contracts/priorities.ts';
import { ACTING_ROLES, HANDLING_ROLES, SUPERVISING_ROLES } from '../../../../src/contracts/roles.ts';
import { SLA_COLOURS } from '../../../../src/domain/register/sla.ts';
import { errorMessage } from '../../shared/api-client.ts';
import { formatDate, formatEuros } from '../../shared/format.ts';
import { categoryLabel, categoryOptions, statusOptions } from '../../shared/labels.ts';
import { type User, useSession } from '../../shared/session.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { StatusBadge } from '../../shared/ui/status-badge.tsx';
import {
  type BulkMode,
  type BulkOutcome,
  type Handler,
  PAGE_SIZE,
  type RegisterEntry,
  type RegisterFilters,
  useAssign,
  useBulkAction,
  useHandlers,
  useRegister,
} from './api.ts';
import { MediatorList } from './mediator-list.tsx';
import { BulkBar, BulkResults } from './register-bulk.tsx';
import {
  type ColumnId,
  dateRangeError,
  loadColumns,
  OPTIONAL_COLUMNS,
  saveColumns,
  toggleColumn,
} from './register-columns.ts';
import { SLA_COLOUR_LABELS, SlaLight } from './sla-light.tsx';
import './back-office.css';

const NONE = (
  <>
    <span aria-hidden="true">—</span>
    <span className="sr-only">Non indiqué</span>
  </>
);

const channelLabel = (id: string) => CHANNEL_LABELS[id as keyof typeof CHANNEL_LABELS] ?? id;

/** URL parameter (French) → register filter. */
function filtersOf(params: URLSearchParams): RegisterFilters {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    status: params.get('statut') ?? '',
    category: params.get('categorie') ?? '',
    channel: params.get('canal') ?? '',
    handlerId: params.get('conseiller') ?? '',
    mine: params.get('mes-dossiers') === 'oui',
    sla: params.get('delai') ?? '',
    from: params.get('du') ?? '',
    to: params.get('au') ?? '',
    q: params.get('q') ?? '',
    sort: params.get('tri') === 'date' ? 'date' : 'urgency',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')}\u00a0${n > 1 ? many : one}`;
}

const canBulk = (user: User | undefined) => (user ? ACTING_ROLES.includes(user.role) : false);
const canAssignAny = (user: User | undefined) => (user ? SUPERVISING_ROLES.includes(user.role) : false);

export function RegisterPage() {
  const session = useSession();
  const user = session.data?.user ?? undefined;
  if (user?.role === 'mediator') return <MediatorList />;
  return <StaffRegister user={user} />;
}

function StaffRegister({ user }: { user: User | undefined }) {
  const [params, setParams] = useSearchParams();
  const baseFilters = useMemo(() => filtersOf(params), [params]);
  // Cursors of the pages reached by « Page suivante », keyed by the filters they belong to.
  const [cursors, setCursors] = useState<{ key: string; byPage: Record<number, string> }>({
    key: '',
    byPage: {},
  });
  const filtersKey = JSON.stringify({ ...baseFilters, page: 0 });
  const filters = useMemo(
    () => ({
      ...baseFilters,
      cursor: cursors.key === filtersKey ? cursors.byPage[baseFilters.page] : undefined,
    }),
    [baseFilters, cursors, filtersKey],
  );
  const rangeError = dateRangeError(filters.from, filters.to);
  const register = useRegister(filters, Boolean(user) && rangeError === null);
  const [columns, setColumns] = useState<ColumnId[]>(loadColumns);
  const shows = (id: ColumnId) => columns.includes(id);
  function chooseColumn(id: ColumnId, on: boolean) {
    const next = toggleColumn(columns, id, on);
    setColumns(next);
    saveColumns(next);
  }
  const handlers = useHandlers(Boolean(user));
  const [search, setSearch] = useState(filters.q);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const bulk = useBulkAction();
  const assign = useAssign();
  const [outcome, setOutcome] = useState<{ what: string; result: BulkOutcome } | null>(null);

  useEffect(() => setSearch(filters.q), [filters.q]);

  function update(changes: Record<string, string>, keepPage = false) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        if (!keepPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
    if (!keepPage) setSelected(new Set());
  }

  function onSearch(event: FormEvent) {
    event.preventDefault();
    update({ q: search.trim() });
  }

  const items = register.data?.items ?? [];
  const total = register.data?.total ?? 0;
  const capped = register.data?.totalCapped ?? false;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const nextCursor = register.data?.nextCursor ?? null;
  const totalText = capped
    ? `Plus de ${plural(total, 'dossier', 'dossiers')}`
    : plural(total, 'dossier', 'dossiers');
  const filtered =
    Boolean(
      filters.status ||
        filters.category ||
        filters.channel ||
        filters.handlerId ||
        filters.sla ||
        filters.from ||
        filters.to ||
        filters.q,
    ) || filters.mine;
  const withBulk = canBulk(user);
  const allOnPage = items.length > 0 && items.every((i) => selected.has(i.id));

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function runBulk(what: string, run: () => Promise<BulkOutcome>) {
    setOutcome(null);
    try {
      const result = await run();
      setOutcome({ what, result });
      // The files left out stay selected, to act on them otherwise; the others are done.
      if (result.ok) {
        setSelected(new Set(result.results.filter((r) => r.outcome === 'refused').map((r) => r.dossierId)));
      }
    } catch (error) {
      setOutcome({ what, result: { ok: false, message: errorMessage(error), results: [] } });
    }
  }

  const sortButton = (sort: 'urgency' | 'date', label: string) => (
    <button
      type="button"
      className="sort-button"
      onClick={() => update({ tri: sort === 'date' ? 'date' : '' })}
    >
      {label}
      <span aria-hidden="true">{filters.sort === sort ? ' ▼' : ' ⇅'}</span>
    </button>
  );

  return (
    <Page
      title="Registre des réclamations"
      lead={`Toutes les réclamations adressées à ${user?.organisation?.name ?? 'votre organisme'}, avec les délais ACPR (accusé de réception sous 10 jours ouvrables, réponse sous 2 mois).`}
    >
      {user && HANDLING_ROLES.includes(user.role) ? (
        <p>
          <Link className="button" to="/registre/nouvelle-reclamation">
            Enregistrer une réclamation reçue par courrier, téléphone, e-mail ou en agence
          </Link>
        </p>
      ) : null}
      <search aria-label="Filtrer le registre">
        <form className="register-search card" onSubmit={onSearch}>
          <div className="field register-search__field">
            <label htmlFor="registre-q">Rechercher dans les dossiers</label>
            <p className="field__hint" id="registre-q-aide">
              Référence, objet ou description, en français (exemple&nbsp;: couronne dentaire).
            </p>
            <div className="register-search__row">
              <input
                id="registre-q"
                type="search"
                value={search}
                aria-describedby="registre-q-aide"
                onChange={(e) => setSearch(e.target.value)}
                autoComplete="off"
              />
              <button type="submit" className="button">
                Rechercher
              </button>
            </div>
          </div>
        </form>
        <form
          className="filters register-filters card"
          onSubmit={(e) => e.preventDefault()}
          aria-label="Filtres"
        >
          <div className="field">
            <label htmlFor="filtre-statut">Statut</label>
            <select
              id="filtre-statut"
              value={filters.status}
              onChange={(e) => update({ statut: e.target.value })}
            >
              <option value="">Tous les statuts</option>
              {statusOptions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filtre-categorie">Catégorie</label>
            <select
              id="filtre-categorie"
              value={filters.category}
              onChange={(e) => update({ categorie: e.target.value })}
            >
              <option value="">Toutes les catégories</option>
              {categoryOptions.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filtre-delai">Couleur des délais</label>
            <select id="filtre-delai" value={filters.sla} onChange={(e) => update({ delai: e.target.value })}>
              <option value="">Toutes les couleurs</option>
              {SLA_COLOURS.map((c) => (
                <option key={c} value={c}>
                  {SLA_COLOUR_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filtre-conseiller">Conseiller</label>
            <select
              id="filtre-conseiller"
              value={filters.handlerId}
              onChange={(e) => update({ conseiller: e.target.value })}
            >
              <option value="">Tous les conseillers</option>
              <option value="none">Non attribués</option>
              {(handlers.data ?? []).map((h) => (
                <option key={h.id} value={h.id}>
                  {h.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filtre-canal">Canal de réception</label>
            <select
              id="filtre-canal"
              value={filters.channel}
              onChange={(e) => update({ canal: e.target.value })}
            >
              <option value="">Tous les canaux</option>
              {COMPLAINT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${rangeError ? ' field--error' : ''}`}>
            <label htmlFor="filtre-du">Réclamation à partir du</label>
            {rangeError ? (
              <p className="field__error" id="filtre-du-erreur">
                {rangeError}
              </p>
            ) : null}
            <input
              id="filtre-du"
              type="date"
              value={filters.from}
              aria-invalid={rangeError ? true : undefined}
              aria-describedby={rangeError ? 'filtre-du-erreur' : undefined}
              onChange={(e) => update({ du: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="filtre-au">Réclamation jusqu’au</label>
            <input
              id="filtre-au"
              type="date"
              value={filters.to}
              onChange={(e) => update({ au: e.target.value })}
            />
          </div>
          <div className="field field--checkbox">
            <input
              id="filtre-mes-dossiers"
              type="checkbox"
              checked={filters.mine}
              onChange={(e) => update({ 'mes-dossiers': e.target.checked ? 'oui' : '' })}
            />
            <label htmlFor="filtre-mes-dossiers">Mes dossiers seulement</label>
          </div>
        </form>
      </search>

      <div className="register-toolbar">
        <p role="status" className="muted">
          {register.isSuccess
            ? filtered
              ? `${capped ? 'Plus de ' : ''}${plural(total, 'dossier correspond', 'dossiers correspondent')} aux critères`
              : `${totalText} au registre`
            : ''}
        </p>
        {filtered ? (
          <button
            type="button"
            className="button button--tertiary button--small"
            onClick={() => {
              setParams(filters.sort === 'date' ? { tri: 'date' } : {}, { replace: true });
              setSelected(new Set());
            }}
          >
            Effacer les filtres
          </button>
        ) : null}
      </div>

      <ColumnChooser columns={columns} onChange={chooseColumn} />

      {withBulk && selected.size > 0 ? (
        <BulkBar
          count={selected.size}
          handlers={handlers.data ?? []}
          canAssignOthers={canAssignAny(user)}
          canAcknowledge={user?.role === 'handler' || user?.role === 'supervisor'}
          userId={user?.id ?? ''}
          busy={bulk.isPending || assign.isPending}
          onAssign={(handlerId, mode: BulkMode) =>
            runBulk('Attribution', () =>
              bulk.mutateAsync({ action: 'assign', mode, dossierIds: [...selected], handlerId }),
            )
          }
          onPriority={(priority, mode: BulkMode) =>
            runBulk('Priorité', () =>
              bulk.mutateAsync({ action: 'priority', mode, dossierIds: [...selected], priority }),
            )
          }
          onAcknowledge={(mode: BulkMode) =>
            runBulk('Accusé de réception', () =>
              bulk.mutateAsync({ action: 'acknowledge', mode, dossierIds: [...selected] }),
            )
          }
          onClear={() => setSelected(new Set())}
        >
          {outcome ? (
            <BulkResults what={outcome.what} outcome={outcome.result} onClose={() => setOutcome(null)} />
          ) : null}
        </BulkBar>
      ) : outcome ? (
        <BulkResults what={outcome.what} outcome={outcome.result} onClose={() => setOutcome(null)} />
      ) : null}

      {rangeError ? (
        <div className="empty-state">
          <p>Corrigez les dates du filtre pour afficher le registre.</p>
        </div>
      ) : register.isPending ? (
        <Loading label="Chargement du registre…" />
      ) : register.isError ? (
        <ErrorNotice message={errorMessage(register.error)} onRetry={() => register.refetch()} />
      ) : items.length === 0 ? (
        <div className="empty-state">
          <p>
            {filtered
              ? 'Aucun dossier ne correspond à ces critères.'
              : 'Aucune réclamation pour le moment : les dossiers des adhérents apparaîtront ici.'}
          </p>
        </div>
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table must be reachable with the keyboard on a phone. */}
          <section className="table-wrapper bo-table-wrapper" tabIndex={0} aria-labelledby="registre-legende">
            <table className="table register-table">
              <caption id="registre-legende">
                Registre des réclamations, trié{' '}
                {filters.sort === 'date'
                  ? 'par date de réclamation, la plus récente d’abord'
                  : 'par urgence, les délais les plus pressants d’abord'}{' '}
                — page {filters.page} sur {pages}
              </caption>
              <thead>
                <tr>
                  {withBulk ? (
                    <th scope="col" className="register-table__check">
                      <input
                        type="checkbox"
                        aria-label="Sélectionner tous les dossiers de la page"
                        checked={allOnPage}
                        onChange={(e) =>
                          setSelected((current) => {
                            const next = new Set(current);
                            for (const i of items) {
                              if (e.target.checked) next.add(i.id);
                              else next.delete(i.id);
                            }
                            return next;
                          })
                        }
                      />
                    </th>
                  ) : null}
                  <th scope="col" className="register-table__ref">
                    Référence
                  </th>
                  {shows('member') ? <th scope="col">Adhérent</th> : null}
                  {shows('title') ? <th scope="col">Objet</th> : null}
                  {shows('category') ? <th scope="col">Catégorie et canal</th> : null}
                  {shows('handler') ? (
                    <th scope="col" className="register-table__handler">
                      Conseiller
                    </th>
                  ) : null}
                  {shows('status') ? <th scope="col">Statut</th> : null}
                  {shows('amount') ? (
                    <th scope="col" className="num">
                      Montant
                    </th>
                  ) : null}
                  {shows('date') ? (
                    <th scope="col" aria-sort={filters.sort === 'date' ? 'descending' : 'none'}>
                      {sortButton('date', 'Date de réclamation')}
                    </th>
                  ) : null}
                  <th scope="col" aria-sort={filters.sort === 'urgency' ? 'ascending' : 'none'}>
                    {sortButton('urgency', 'Délais ACPR')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => (
                  <RegisterRow
                    key={entry.id}
                    entry={entry}
                    suggested={entry.suggestedCategory}
                    withCheckbox={withBulk}
                    checked={selected.has(entry.id)}
                    onCheck={(on) => toggle(entry.id, on)}
                    user={user}
                    shows={shows}
                    handlers={handlers.data ?? []}
                    onAssign={(handlerId) =>
                      runBulk(`Attribution de ${entry.reference}`, () =>
                        assign.mutateAsync({ dossierIds: [entry.id], handlerId }),
                      )
                    }
                    assignBusy={assign.isPending}
                  />
                ))}
              </tbody>
            </table>
          </section>
          <nav className="pagination" aria-label="Pages du registre">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={filters.page <= 1}
              onClick={() => update({ page: String(filters.page - 1) }, true)}
            >
              <span aria-hidden="true">← </span>Page précédente
            </button>
            <p>
              {capped ? `Page ${filters.page}` : `Page ${filters.page} sur ${pages}`} —{' '}
              {totalText.toLowerCase()}
            </p>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!nextCursor}
              onClick={() => {
                const next = filters.page + 1;
                setCursors((current) => ({
                  key: filtersKey,
                  byPage: { ...(current.key === filtersKey ? current.byPage : {}), [next]: nextCursor! },
                }));
                update({ page: String(next) }, true);
              }}
            >
              Page suivante<span aria-hidden="true"> →</span>
            </button>
          </nav>
        </>
      )}
    </Page>
  );
}

function RegisterRow({
  entry,
  suggested,
  withCheckbox,
  checked,
  onCheck,
  user,
  shows,
  handlers,
  onAssign,
  assignBusy,
}: {
  entry: RegisterEntry;
  suggested: string | null;
  withCheckbox: boolean;
  checked: boolean;
  onCheck: (on: boolean) => void;
  user: User | undefined;
  shows: (id: ColumnId) => boolean;
  handlers: Handler[];
  onAssign: (handlerId: string | null) => void;
  assignBusy: boolean;
}) {
  const complaintDate = entry.complaintSentOn ?? entry.complaintReceivedOn;
  const handlerCell = (
    <>
      {canAssignAny(user) ? (
        <select
          aria-label={`Conseiller du dossier ${entry.reference}`}
          value={entry.assignedHandler?.id ?? ''}
          disabled={assignBusy}
          onChange={(e) => onAssign(e.target.value || null)}
        >
          <option value="">Non attribué</option>
          {handlers.map((h) => (
            <option key={h.id} value={h.id}>
              {h.displayName}
            </option>
          ))}
        </select>
      ) : entry.assignedHandler ? (
        entry.assignedHandler.name
      ) : user?.role === 'handler' ? (
        <button
          type="button"
          className="button button--tertiary button--small"
          disabled={assignBusy}
          onClick={() => onAssign(user.id)}
        >
          Me l’attribuer<span className="sr-only"> ({entry.reference})</span>
        </button>
      ) : (
        <span className="muted">Non attribué</span>
      )}
    </>
  );
  return (
    <tr className={`register-row register-row--${entry.sla.colour}`}>
      {withCheckbox ? (
        <td className="register-table__check">
          <input
            type="checkbox"
            aria-label={`Sélectionner le dossier ${entry.reference}`}
            checked={checked}
            onChange={(e) => onCheck(e.target.checked)}
          />
        </td>
      ) : null}
      <th scope="row">
        <Link className="nowrap" to={`/dossiers/${entry.id}`}>
          {entry.reference}
        </Link>
        {entry.priority !== 'normal' ? (
          <span className={`priority priority--${entry.priority}`}>
            {' '}
            Priorité {PRIORITY_LABELS[entry.priority]?.toLowerCase()}
          </span>
        ) : null}
      </th>
      {shows('member') ? <td>{entry.memberName}</td> : null}
      {shows('title') ? <td className="register-table__title">{entry.title}</td> : null}
      {shows('category') ? (
        <td>
          {entry.categoryLabel}
          {suggested && suggested !== entry.category ? (
            <span className="suggested"> Suggérée&nbsp;: {categoryLabel(suggested)}</span>
          ) : null}
          <span className="register-channel">Reçue par&nbsp;: {channelLabel(entry.channel)}</span>
        </td>
      ) : null}
      {shows('handler') ? <td className="register-table__handler">{handlerCell}</td> : null}
      {shows('status') ? (
        <td>
          <StatusBadge status={entry.status} />
          {entry.decisionLabel ? <span className="register-decision">{entry.decisionLabel}</span> : null}
        </td>
      ) : null}
      {shows('amount') ? (
        <td className="num nowrap">{entry.amountCents === null ? NONE : formatEuros(entry.amountCents)}</td>
      ) : null}
      {shows('date') ? <td className="nowrap">{complaintDate ? formatDate(complaintDate) : NONE}</td> : null}
      <td>
        <ul className="sla-list">
          <li>
            <SlaLight name="AR" clock={entry.sla.acknowledgment} />
          </li>
          <li>
            <SlaLight name="Réponse" clock={entry.sla.answer} />
          </li>
        </ul>
      </td>
    </tr>
  );
}

/** Which optional columns the register shows; the choice is kept in this browser. */
function ColumnChooser({
  columns,
  onChange,
}: {
  columns: readonly ColumnId[];
  onChange: (id: ColumnId, on: boolean) => void;
}) {
  return (
    <details className="column-chooser">
      <summary>Colonnes affichées</summary>
      <fieldset className="column-chooser__list">
        <legend className="sr-only">Colonnes du registre</legend>
        {OPTIONAL_COLUMNS.map((c) => (
          <div key={c.id} className="field--checkbox">
            <input
              id={`colonne-${c.id}`}
              type="checkbox"
              checked={columns.includes(c.id)}
              onChange={(e) => onChange(c.id, e.target.checked)}
            />
            <label htmlFor={`colonne-${c.id}`}>{c.label}</label>
          </div>
        ))}
      </fieldset>
    </details>
  );
}
