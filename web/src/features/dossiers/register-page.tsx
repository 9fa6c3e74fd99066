import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../shared/api-client.ts';
import { formatDate, formatEuros } from '../../shared/format.ts';
import { categoryLabel, categoryOptions, statusOptions } from '../../shared/labels.ts';
import { useSession } from '../../shared/session.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { StatusBadge } from '../../shared/ui/status-badge.tsx';
import { type Dossier, useDossiers } from './api.ts';

type Order = 'ancien' | 'recent';

const NONE = (
  <>
    <span aria-hidden="true">—</span>
    <span className="sr-only">Non indiqué</span>
  </>
);

/** Lower case, without accents: « resiliation » finds « Résiliation ». */
function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Files by complaint date (files without one last), then by reference so that the order is stable. */
function byComplaintDate(order: Order) {
  return (a: Dossier, b: Dossier): number => {
    if (a.complaintSentOn !== b.complaintSentOn) {
      if (a.complaintSentOn === null) return 1;
      if (b.complaintSentOn === null) return -1;
      const diff = a.complaintSentOn < b.complaintSentOn ? -1 : 1;
      return order === 'ancien' ? diff : -diff;
    }
    return a.reference.localeCompare(b.reference);
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}

export function RegisterPage() {
  const session = useSession();
  const dossiers = useDossiers();
  const [params, setParams] = useSearchParams();
  const user = session.data?.user;
  const isMediator = user?.role === 'mediator';

  const status = params.get('statut') ?? '';
  const category = params.get('categorie') ?? '';
  const query = params.get('q') ?? '';
  const order: Order = params.get('ordre') === 'recent' ? 'recent' : 'ancien';

  function setParam(name: string, value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  const shown = useMemo(() => {
    const needle = searchable(query.trim());
    return (dossiers.data ?? [])
      .filter((d) => (status ? d.status === status : true))
      .filter((d) => (category ? d.category === category : true))
      .filter((d) => (needle ? searchable(`${d.reference} ${d.title}`).includes(needle) : true))
      .sort(byComplaintDate(order));
  }, [dossiers.data, status, category, query, order]);

  const title = isMediator ? 'Dossiers en médiation' : 'Registre des réclamations';
  const filtered = Boolean(status || category || query);
  const owner = isMediator
    ? 'Dossiers qui vous sont soumis'
    : `Réclamations reçues par ${user?.organisation?.name ?? 'votre organisme'}`;

  return (
    <Page
      title={title}
      lead={
        isMediator
          ? 'Les dossiers dont la médiation vous a été confiée.'
          : 'Toutes les réclamations adressées à votre organisme, avec leur statut et leurs dates.'
      }
    >
      <search aria-label="Filtrer les dossiers">
        <form className="filters card" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="filtre-texte">Rechercher un objet ou une référence</label>
            <input
              id="filtre-texte"
              type="search"
              value={query}
              onChange={(e) => setParam('q', e.target.value)}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor="filtre-statut">Statut</label>
            <select id="filtre-statut" value={status} onChange={(e) => setParam('statut', e.target.value)}>
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
              value={category}
              onChange={(e) => setParam('categorie', e.target.value)}
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
            <label htmlFor="filtre-ordre">Date de réclamation</label>
            <select
              id="filtre-ordre"
              value={order}
              onChange={(e) => setParam('ordre', e.target.value === 'recent' ? 'recent' : '')}
            >
              <option value="ancien">La plus ancienne d’abord</option>
              <option value="recent">La plus récente d’abord</option>
            </select>
          </div>
        </form>
      </search>

      {dossiers.isPending ? (
        <Loading label="Chargement du registre…" />
      ) : dossiers.isError ? (
        <ErrorNotice message={errorMessage(dossiers.error)} onRetry={() => dossiers.refetch()} />
      ) : dossiers.data.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>Aucun dossier pour le moment.</strong>
          </p>
          <p>
            {isMediator
              ? 'Aucun dossier ne vous a encore été soumis en médiation.'
              : 'Les réclamations des adhérents apparaîtront ici dès qu’un dossier sera ouvert contre votre organisme.'}
          </p>
        </div>
      ) : (
        <>
          <div className="register-toolbar">
            <p role="status" className="muted">
              {filtered
                ? `${plural(shown.length, 'dossier affiché', 'dossiers affichés')} sur ${dossiers.data.length}`
                : plural(dossiers.data.length, 'dossier', 'dossiers')}
            </p>
            {filtered ? (
              <button
                type="button"
                className="button button--tertiary button--small"
                onClick={() => setParams({}, { replace: true })}
              >
                Effacer les filtres
              </button>
            ) : null}
          </div>
          {shown.length === 0 ? (
            <div className="empty-state">
              <p>Aucun dossier ne correspond à ces critères.</p>
            </div>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table must be reachable with the keyboard on a phone.
            <section className="table-wrapper" tabIndex={0} aria-labelledby="registre-legende">
              <table className="table">
                <caption id="registre-legende">
                  {owner} — par date de réclamation,{' '}
                  {order === 'ancien' ? 'la plus ancienne' : 'la plus récente'} d’abord
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Référence</th>
                    <th scope="col">Objet</th>
                    {isMediator ? <th scope="col">Organisme</th> : null}
                    <th scope="col">Catégorie</th>
                    <th scope="col">Statut</th>
                    <th scope="col" className="num">
                      Montant
                    </th>
                    <th scope="col">Réclamation du</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((d) => (
                    <tr key={d.id}>
                      <th scope="row" className="nowrap">
                        <Link to={`/dossiers/${d.id}`}>{d.reference}</Link>
                      </th>
                      <td>{d.title}</td>
                      {isMediator ? <td>{d.organisationName}</td> : null}
                      <td>{categoryLabel(d.category)}</td>
                      <td>
                        <StatusBadge status={d.status} />
                      </td>
                      <td className="num nowrap">
                        {d.amountCents === null ? NONE : formatEuros(d.amountCents)}
                      </td>
                      <td className="nowrap">{d.complaintSentOn ? formatDate(d.complaintSentOn) : NONE}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
