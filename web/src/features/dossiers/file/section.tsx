import type { MouseEvent, ReactNode } from 'react';
import type { User } from '../../../shared/session.ts';
import type { Dossier } from '../api.ts';

/** What every section of the file's page receives. */
export interface SectionProps {
  dossier: Dossier;
  user: User | null;
  /** May this person write in the file (upload, log a contact, date facts, write a message)? */
  canWrite: boolean;
  /** The member who brought the file (the only one who answers the survey). */
  isOwner: boolean;
}

export const headingIdOf = (id: string) => `${id}-titre`;

/** One section of the page: an h2 the table of contents leads to (focusable, so the jump is announced). */
export function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} className="section card file-section" aria-labelledby={headingIdOf(id)}>
      <h2 id={headingIdOf(id)} tabIndex={-1}>
        {title}
      </h2>
      {lead ? <p className="file-section__lead">{lead}</p> : null}
      {children}
    </section>
  );
}

/** Shown instead of a form to someone who may read the file but not write in it. */
export function ReadOnlyNote({ children }: { children: ReactNode }) {
  return <p className="notice notice--info file-readonly">{children}</p>;
}

/**
 * A link to a section of the page: focus moves to the section's heading (announced by screen readers) without
 * a hash navigation, which the router would take for a new location.
 */
export function SectionLink({ to, children }: { to: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const heading = document.getElementById(headingIdOf(to));
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  return (
    <a href={`#${to}`} onClick={onClick}>
      {children}
    </a>
  );
}
