import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

interface PageProps {
  /** The document title, before « — Recours ». */
  title: string;
  /** The h1; the title when not given. */
  heading?: ReactNode;
  /** A sentence under the h1. */
  lead?: ReactNode;
  children?: ReactNode;
}

/**
 * Every page goes through here: it sets document.title and, after a client-side navigation, moves focus to
 * the h1 so that a screen reader announces the new page (the first load keeps the browser's own behaviour).
 */
export function Page({ title, heading, lead, children }: PageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const firstLoad = location.key === 'default';

  useEffect(() => {
    document.title = `${title} — Recours`;
  }, [title]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again only when the path changes.
  useEffect(() => {
    if (!firstLoad) headingRef.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <div className="page-heading">
        <h1 ref={headingRef} tabIndex={-1}>
          {heading ?? title}
        </h1>
        {lead ? <p className="lead">{lead}</p> : null}
      </div>
      {children}
    </>
  );
}

/** A short "loading" line, announced politely. */
export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

/** An error box with the API's French message and, when given, a retry button. */
export function ErrorNotice({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Réessayer
        </button>
      ) : null}
    </div>
  );
}
