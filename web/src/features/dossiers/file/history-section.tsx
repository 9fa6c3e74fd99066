import { errorMessage } from '../../../shared/api-client.ts';
import { formatDate, formatInstantTime, parisDayOf } from '../../../shared/format.ts';
import { ErrorNotice, Loading } from '../../../shared/ui/page.tsx';
import { type TimelineEntry, useTimeline } from '../file-api.ts';
import { Section, type SectionProps } from './section.tsx';

const KIND_LABELS: Record<string, string> = {
  event: 'Dossier',
  fact: 'Date',
  contact: 'Contact',
  document: 'Pièce',
  message: 'Message',
  note: 'Note interne',
  deadline: 'Échéance',
};

interface Day {
  day: string;
  entries: TimelineEntry[];
}

function byDay(entries: readonly TimelineEntry[]): Day[] {
  const days: Day[] = [];
  for (const entry of entries) {
    const day = parisDayOf(entry.at);
    const last = days[days.length - 1];
    if (last && last.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}

/** The story of the file, oldest first, grouped by day; deadlines still ahead sit on their due dates. */
export function HistorySection({ dossier }: SectionProps) {
  const timeline = useTimeline(dossier.id);
  return (
    <Section
      id="historique"
      title="Historique"
      lead="Tout ce qui s’est passé dans le dossier, jour par jour."
    >
      {timeline.isPending ? (
        <Loading label="Chargement de l’historique…" />
      ) : timeline.isError ? (
        <ErrorNotice message={errorMessage(timeline.error)} onRetry={() => timeline.refetch()} />
      ) : timeline.data.entries.length === 0 ? (
        <p className="muted">Rien pour le moment.</p>
      ) : (
        <ol className="history">
          {byDay(timeline.data.entries).map(({ day, entries }) => (
            <li key={day} className="history__day">
              <h3 className="history__date">
                <time dateTime={day}>{formatDate(day)}</time>
              </h3>
              <ul className="history__entries">
                {entries.map((entry) => (
                  <li
                    key={entry.ref}
                    className={`history__entry history__entry--${entry.kind}${entry.upcoming ? ' history__entry--upcoming' : ''}`}
                  >
                    <p className="history__line">
                      <span className="tag tag--history">
                        {entry.upcoming ? 'À venir' : (KIND_LABELS[entry.kind] ?? entry.kind)}
                      </span>{' '}
                      {entry.at.length > 10 ? (
                        <time className="history__time" dateTime={entry.at}>
                          {formatInstantTime(entry.at)}
                        </time>
                      ) : null}{' '}
                      {entry.text}
                    </p>
                    {entry.detail ? <p className="history__detail">{entry.detail}</p> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
