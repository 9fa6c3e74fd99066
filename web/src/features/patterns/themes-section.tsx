import { errorMessage } from '../../shared/api-client.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type Period, type Theme, useThemes } from './api.ts';

/** Weekly counts as a row of bars, with the figures in words for screen readers. */
function Trend({ theme }: { theme: Theme }) {
  const weeks = theme.weekly.slice(-16);
  const max = Math.max(1, ...weeks.map((w) => w.complaints));
  const first = weeks[0];
  return (
    <div className="trends-spark">
      <svg viewBox={`0 0 ${weeks.length * 6} 24`} aria-hidden="true" focusable="false">
        {weeks.map((w, i) => {
          const h = Math.max(1, (w.complaints / max) * 24);
          return <rect key={w.weekStart} x={i * 6} y={24 - h} width={4} height={h} />;
        })}
      </svg>
      <p className="field__hint">
        {theme.recent} réclamation{theme.recent > 1 ? 's' : ''} ces quatre dernières semaines ;{' '}
        {theme.baselinePerWeek.toLocaleString('fr-FR')} par semaine auparavant
        {first ? ` (barres : semaines depuis le ${formatDate(first.weekStart)})` : ''}.
      </p>
    </div>
  );
}

export function ThemesSection({ period }: { period: Period }) {
  const themes = useThemes(period);
  return (
    <section className="trends-section" aria-labelledby="themes-titre">
      <h2 id="themes-titre">Thèmes dans les mots des adhérents</h2>
      {themes.isPending ? (
        <Loading label="Recherche des thèmes…" />
      ) : themes.isError ? (
        <ErrorNotice message={errorMessage(themes.error)} onRetry={() => themes.refetch()} />
      ) : themes.data.message ? (
        <div className="notice notice--info">
          <p>{themes.data.message}</p>
        </div>
      ) : (
        <>
          <p className="field__hint">
            D’après les {themes.data.sample.toLocaleString('fr-FR')} réclamations les plus récentes de la
            période (description de l’adhérent seulement, sans nom ni numéro ; un thème de moins de cinq
            réclamations n’est pas montré).
          </p>
          <ul className="trends-list">
            {themes.data.themes.map((t) => (
              <li key={t.label} className="card">
                <h3 className="trends-theme__title">
                  {t.label}{' '}
                  <span className="trends-count">
                    {t.complaints} réclamation{t.complaints > 1 ? 's' : ''}
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
                <Trend theme={t} />
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
        </>
      )}
    </section>
  );
}
