import { type Ref, type RefObject, useEffect, useRef } from 'react';
import { formatDate } from '../../shared/format.ts';
import type { Convention, Deadline, DeadlinesResult } from './api.ts';
import { OPTIONS } from './form-model.ts';
import {
  DEADLINE_TITLES,
  dateText,
  ORGANISATION_CHOICES,
  partyLabel,
  statusText,
  toneOf,
  ZONE_CHOICES,
} from './labels.ts';

/** The date that places a deadline on the timeline: its last day, else the day it opens. */
function sortDate(deadline: Deadline): string | null {
  return deadline.dueDate ?? deadline.opensOn;
}

function DeadlineCard({ deadline, organisationType }: { deadline: Deadline; organisationType: string }) {
  const tone = toneOf(deadline);
  const date = dateText(deadline);
  return (
    <li className={`dl-card dl-card--${tone}`}>
      <div className="dl-card__when">
        <span className="dl-card__when-label">{date.label}</span>{' '}
        <span
          className={
            date.unknown ? 'dl-card__when-value dl-card__when-value--unknown' : 'dl-card__when-value'
          }
        >
          {date.value}
        </span>
      </div>
      <div className="dl-card__body">
        <h3 className="dl-card__title">{deadline.title}</h3>
        <p className="dl-card__status">
          <span className="sr-only">État&nbsp;: </span>
          <span className={`dl-badge dl-badge--${tone}`}>{statusText(deadline)}</span>
          {deadline.rolledOver ? (
            <span className="dl-card__rolled"> Reporté au jour ouvrable suivant (CPC art. 642)</span>
          ) : null}
        </p>
        <dl className="dl-card__facts">
          <div>
            <dt>Qui doit agir</dt>
            <dd>{partyLabel(deadline.party, organisationType)}</dd>
          </div>
          <div className="dl-card__action">
            <dt>Ce qu’il faut faire</dt>
            <dd>{deadline.action}</dd>
          </div>
          <div>
            <dt>La règle</dt>
            <dd>{deadline.rule}</dd>
          </div>
          {deadline.mediator ? (
            <div>
              <dt>Comment saisir le médiateur</dt>
              <dd>
                <strong>{deadline.mediator.name}</strong>&nbsp;: {deadline.mediator.howToSeize}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Le calcul</dt>
            <dd>{deadline.computation}</dd>
          </div>
          <div>
            <dt>Source</dt>
            <dd className="dl-card__source">{deadline.source}</dd>
          </div>
          {deadline.notes.length > 0 ? (
            <div>
              <dt>À savoir</dt>
              <dd>
                <ul className="dl-card__notes">
                  {deadline.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
    </li>
  );
}

/** A convention's value in French: the label of the chosen answer, never the API's code. */
function conventionValue(convention: Convention): string {
  const def = OPTIONS.find((o) => o.key === convention.option);
  const { value } = convention;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'Aucun';
    return value
      .map((id) =>
        Object.hasOwn(DEADLINE_TITLES, id) ? DEADLINE_TITLES[id as keyof typeof DEADLINE_TITLES] : id,
      )
      .join(' ; ');
  }
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (def && def.type !== 'number') {
    const choice = def.choices.find((c) => c.value === String(value));
    if (choice) return choice.label;
  }
  if (convention.option === 'acknowledgmentDays') return `${value}\u00a0jours`;
  return String(value);
}

function conventionName(option: string): string {
  const def = OPTIONS.find((o) => o.key === option);
  if (!def) return option;
  return def.type === 'number' ? def.label : def.legend;
}

/** Opens every <details> of the results while printing, so that the paper shows everything. */
function useOpenDetailsForPrint(root: RefObject<HTMLElement | null>) {
  useEffect(() => {
    let reopened: HTMLDetailsElement[] = [];
    const before = () => {
      reopened = Array.from(
        root.current?.querySelectorAll('details:not([open])') ?? [],
      ) as HTMLDetailsElement[];
      for (const d of reopened) d.open = true;
    };
    const after = () => {
      for (const d of reopened) d.open = false;
      reopened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [root]);
}

interface DeadlineTimelineProps {
  result: DeadlinesResult;
  /** The h2, focused when a new result arrives. */
  headingRef: Ref<HTMLHeadingElement>;
}

/** The answer: every deadline on one timeline ordered by date, « today » marked, then the conventions used. */
export function DeadlineTimeline({ result, headingRef }: DeadlineTimelineProps) {
  const sectionRef = useRef<HTMLElement>(null);
  useOpenDetailsForPrint(sectionRef);

  const dated = result.deadlines
    .filter((d) => sortDate(d) !== null)
    .sort((a, b) => sortDate(a)!.localeCompare(sortDate(b)!));
  const undated = result.deadlines.filter((d) => sortDate(d) === null);
  const past = dated.filter((d) => sortDate(d)! < result.today);
  const future = dated.filter((d) => sortDate(d)! >= result.today);
  const organisation =
    ORGANISATION_CHOICES.find((o) => o.value === result.organisationType)?.label ?? result.organisationType;
  const zone = ZONE_CHOICES.find((z) => z.value === result.zone)?.label ?? result.zone;
  const count = (status: string) => result.deadlines.filter((d) => d.status === status).length;
  const summary = [
    [count('open'), 'en cours', 'en cours'],
    [count('missed'), 'dépassé', 'dépassés'],
    [count('met'), 'respecté', 'respectés'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
    .join(', ');

  return (
    <section className="dl-results" aria-labelledby="dl-resultats" ref={sectionRef}>
      <div className="dl-results__head">
        <h2 id="dl-resultats" ref={headingRef} tabIndex={-1}>
          Vos délais au {formatDate(result.today)}
        </h2>
        <button type="button" className="button button--secondary dl-no-print" onClick={() => window.print()}>
          Imprimer
        </button>
      </div>
      <p className="dl-results__context">
        {organisation} · {zone} ·{' '}
        {result.deadlines.length === 0
          ? 'aucun délai'
          : `${result.deadlines.length} délai${result.deadlines.length > 1 ? 's' : ''}${summary ? ` (${summary})` : ''}`}
      </p>

      {result.deadlines.length === 0 ? (
        <div className="empty-state">
          <p>
            Aucun délai ne découle des dates saisies. Ajoutez par exemple la date d’envoi de votre réclamation
            écrite, ou l’événement à l’origine de votre demande.
          </p>
        </div>
      ) : (
        <ol className="dl-timeline" aria-label="Délais classés par date">
          {past.map((d) => (
            <DeadlineCard key={d.id} deadline={d} organisationType={result.organisationType} />
          ))}
          <li className="dl-today">
            <span className="dl-today__label">Aujourd’hui, {formatDate(result.today)}</span>
          </li>
          {future.map((d) => (
            <DeadlineCard key={d.id} deadline={d} organisationType={result.organisationType} />
          ))}
        </ol>
      )}

      {undated.length > 0 ? (
        <>
          <h3 className="dl-results__subtitle">Sans date pour l’instant</h3>
          <ul className="dl-timeline dl-timeline--undated">
            {undated.map((d) => (
              <DeadlineCard key={d.id} deadline={d} organisationType={result.organisationType} />
            ))}
          </ul>
        </>
      ) : null}

      {result.conventions.length > 0 ? (
        <details className="dl-conventions">
          <summary>Conventions de calcul retenues ({result.conventions.length})</summary>
          <dl className="dl-conventions__list">
            {result.conventions.map((c) => (
              <div key={c.option} className="dl-conventions__item">
                <dt>{conventionName(c.option)}</dt>
                <dd>
                  <span className="dl-conventions__value">{conventionValue(c)}</span>
                  <span className="dl-conventions__default">
                    {c.isDefault ? ' (par défaut)' : ' (modifiée par vous)'}
                  </span>
                </dd>
                <dd className="dl-conventions__explanation">{c.explanation}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
      <p className="dl-results__disclaimer muted">
        Ces dates sont calculées à partir des textes cités et des dates que vous avez saisies. Elles ne
        remplacent pas le conseil d’un avocat&nbsp;; en cas de doute, agissez avant la date la plus proche.
      </p>
    </section>
  );
}
