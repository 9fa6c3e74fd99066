import { errorMessage } from '../../shared/api-client.ts';
import { formatDate, formatInstantDate } from '../../shared/format.ts';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type StoredThemes, type Theme, useThemes } from './api.ts';

const percent = (share: number) =>
  share.toLocaleString('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/**
 * The theme's share of the texts read each week as a row of bars (a share, not a count: the weeks are sampled),
 * with the figures in words for screen readers.
 */
function Trend({ theme, weeks }: { theme: Theme; weeks: StoredThemes['weeks'] }) {
  const counts = new Map(theme.weekly.map((w) => [w.weekStart, w.complaints]));
  const shares = weeks.map((w) => (w.texts > 0 ? (counts.get(w.weekStart) ?? 0) / w.texts : 0));
  const max = Math.max(0.0001, ...shares);
  return (
    <div className="trends-spark">
      <svg viewBox={`0 0 ${weeks.length * 6} 24`} aria-hidden="true" focusable="false">
        {weeks.map((w, i) => {
          const h = Math.max(1, (shares[i]! / max) * 24);
          return <rect key={w.weekStart} x={i * 6} y={24 - h} width={4} height={h} />;
        })}
      </svg>
      <p className="field__hint">
        {theme.recent} réclamation{theme.recent > 1 ? 's' : ''} ces quatre dernières semaines (
        {percent(theme.recentShare)} des réclamations lues) ; {percent(theme.earlierShare)} les douze semaines
        précédentes
        {weeks[0] ? ` (barres : part de chaque semaine depuis le ${formatDate(weeks[0].weekStart)})` : ''}.
      </p>
    </div>
  );
}

export function ThemesSection() {
  const themes = useThemes();
  return (
    <section className="trends-section" aria-labelledby="themes-titre">
      <h2 id="themes-titre">Thèmes dans les mots des adhérents</h2>
      {themes.isPending ? (
        <Loading label="Chargement des thèmes…" />
      ) : themes.isError ? (
        <ErrorNotice message={errorMessage(themes.error)} onRetry={() => themes.refetch()} />
      ) : (
        <>
          {themes.data.period && themes.data.computedAt ? (
            <p>
              Seize semaines du {formatDate(themes.data.period.from)} au {formatDate(themes.data.period.to)},
              calculées le {formatInstantDate(themes.data.computedAt)} : au plus{' '}
              {themes.data.textsPerWeek.toLocaleString('fr-FR')} réclamations lues par semaine, toujours les
              mêmes (description de l’adhérent seulement, sans nom ni numéro ; un thème de moins de cinq
              réclamations n’est pas montré). Les quatre dernières semaines sont comparées aux douze
              précédentes.
            </p>
          ) : null}
          {themes.data.message ? (
            <div className="notice notice--info">
              <p>{themes.data.message}</p>
            </div>
          ) : (
            <ul className="trends-list">
              {themes.data.themes.map((t) => (
                // Two themes may share their first three terms (the label), not all six.
                <li key={t.terms.join(' ')} className="card">
                  <h3 className="trends-theme__title">
                    {t.label}{' '}
                    <span className="trends-count">
                      {t.complaints} réclamation{t.complaints > 1 ? 's' : ''} lue{t.complaints > 1 ? 's' : ''}
                    </span>
                  </h3>
                  {t.alert ? (
                    <p className="notice notice--info trends-theme__alert">
                      <strong>{t.alert.kind === 'new' ? 'Nouveau thème' : 'En forte hausse'} : </strong>
                      {t.alert.explanation}
                    </p>
                  ) : null}
                  <p>
                    Termes caractéristiques : <span lang="fr">{t.terms.join(', ')}</span>
                  </p>
                  <Trend theme={t} weeks={themes.data.weeks} />
                  {t.examples.length > 0 ? (
                    <details>
                      <summary>Exemples (anonymisés)</summary>
                      <ul>
                        {t.examples.map((e) => (
                          <li key={e}>« {e} »</li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
