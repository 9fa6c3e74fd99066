import type { ComponentType } from 'react';
import { Link, useParams } from 'react-router';
import { HANDLING_ROLES } from '../../../../src/domain/dossiers/permissions.ts';
import { ApiError, errorMessage } from '../../shared/api-client.ts';
import type { ExtraDossierSection } from '../../shared/dossier-section.ts';
import { homePathFor, type User, useSession } from '../../shared/session.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { type Dossier, useDossier } from './api.ts';
import { ContactsSection } from './file/contacts-section.tsx';
import { DeadlinesSection } from './file/deadlines-section.tsx';
import { DocumentsSection } from './file/documents-section.tsx';
import { EscalationSection } from './file/escalation-section.tsx';
import { FactsSection } from './file/facts-section.tsx';
import { HeaderSection } from './file/header-section.tsx';
import { HistorySection } from './file/history-section.tsx';
import { useLiveUpdates } from './file/live.ts';
import { MessagesSection } from './file/messages-section.tsx';
import { SatisfactionSection } from './file/satisfaction-section.tsx';
import { SectionLink, type SectionProps } from './file/section.tsx';
import './file/dossier-file.css';

interface FileSection {
  /** The section's anchor (its h2 has the id `${id}-titre`). */
  id: string;
  /** The entry of the table of contents (the h2 says the same). */
  title: string;
  Component: ComponentType<SectionProps>;
  show?: (props: SectionProps) => boolean;
}

/**
 * The sections of a file's page, in order; the table of contents is built from this list. To add one inside this
 * feature: a component taking SectionProps that renders <Section id title> (file/section.tsx), then a line here.
 * Another feature (the back office's handling actions) does not import this file: it exports an
 * ExtraDossierSection (shared/dossier-section.ts) and app/routes.tsx passes it as <DossierPage extraSections>;
 * extra sections come after these ones.
 */
export const SECTIONS: FileSection[] = [
  { id: 'resume', title: 'Résumé et prochaine étape', Component: HeaderSection },
  { id: 'echelle', title: 'Échelle des recours', Component: EscalationSection },
  { id: 'delais', title: 'Délais', Component: DeadlinesSection },
  { id: 'faits', title: 'Faits et dates', Component: FactsSection },
  { id: 'pieces', title: 'Pièces', Component: DocumentsSection },
  { id: 'contacts', title: 'Journal des contacts', Component: ContactsSection },
  { id: 'messages', title: 'Messages', Component: MessagesSection },
  { id: 'historique', title: 'Historique', Component: HistorySection },
  {
    id: 'satisfaction',
    title: 'Votre avis',
    Component: SatisfactionSection,
    show: ({ dossier }) => dossier.status === 'closed',
  },
];

/** Sections written for the member (what he should do next): staff find them at the end of the page. */
const MEMBER_ADVICE = new Set(['echelle']);

/**
 * The member and the organisation's handlers write; auditors, administrators and the referred mediator read
 * (src/domain/dossiers/permissions.ts). The API decides: this only spares them forms it would refuse.
 */
function canWriteIn(user: User | null, dossier: Dossier): boolean {
  if (!user) return false;
  if (user.role === 'member') return true;
  return (
    HANDLING_ROLES.includes(user.role) &&
    user.organisation !== null &&
    user.organisation.id === dossier.organisationId
  );
}

function TableOfContents({ entries }: { entries: { id: string; title: string }[] }) {
  return (
    <nav className="file-toc" aria-labelledby="sommaire-titre">
      <h2 id="sommaire-titre" className="file-toc__title">
        Sommaire du dossier
      </h2>
      <ol className="file-toc__list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <SectionLink to={entry.id}>{entry.title}</SectionLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function DossierPage({ extraSections = [] }: { extraSections?: readonly ExtraDossierSection[] }) {
  const { id = '' } = useParams();
  const session = useSession();
  const dossier = useDossier(id);
  const user = session.data?.user ?? null;
  const back = user ? homePathFor(user) : '/';
  const backLabel = back === '/registre' ? 'Retour au registre' : 'Retour à mes dossiers';
  const announcement = useLiveUpdates(
    id,
    dossier.isSuccess,
    user?.role === 'member' ? 'Nouveau message de votre conseiller' : 'Nouveau message dans le dossier',
  );

  if (dossier.isError) {
    const notFound = dossier.error instanceof ApiError && dossier.error.status === 404;
    return (
      <Page
        title={notFound ? 'Dossier introuvable' : 'Dossier'}
        heading={notFound ? 'Dossier introuvable' : 'Dossier'}
      >
        <ErrorNotice
          message={
            notFound
              ? 'Ce dossier n’existe pas, ou vous n’avez pas accès à ce dossier. Vérifiez l’adresse de la page.'
              : errorMessage(dossier.error)
          }
          {...(notFound ? {} : { onRetry: () => dossier.refetch() })}
        />
        <p>
          <Link to={back}>{backLabel}</Link>
        </p>
      </Page>
    );
  }

  const data = dossier.data;
  const props: SectionProps | null = data
    ? {
        dossier: data,
        user,
        canWrite: canWriteIn(user, data),
        isOwner: user?.role === 'member',
      }
    : null;
  const extras = extraSections.filter((s) => !s.show || s.show(user));
  // Staff read their summary and actions first; the member's advice (the escalation ladder) comes last for them.
  const staff = user !== null && user.role !== 'member';
  const shown = props ? SECTIONS.filter((s) => !s.show || s.show(props)) : [];
  const advice = staff ? shown.filter((s) => MEMBER_ADVICE.has(s.id)) : [];
  const sections = staff ? shown.filter((s) => !MEMBER_ADVICE.has(s.id)) : shown;
  const first = extras.filter((s) => s.placement === 'first');
  const after = extras.filter((s) => s.placement !== 'first');

  return (
    <Page
      title={data ? `${data.title} (${data.reference})` : 'Dossier'}
      heading={data ? data.title : 'Dossier'}
      lead={data ? `Dossier ${data.reference} — ${data.organisationName}` : undefined}
    >
      <p className="breadcrumb-back">
        <Link to={back}>
          <span aria-hidden="true">← </span>
          {backLabel}
        </Link>
      </p>
      {/* Always in the page, so that screen readers hear what is put in it (aria-live polite). */}
      <div className="file-live" aria-live="polite" aria-atomic="true">
        {announcement ? (
          <p key={announcement.key} className="notice notice--info file-live__notice">
            {announcement.text}
          </p>
        ) : null}
      </div>
      {props && data ? (
        <>
          <TableOfContents entries={[...first, ...sections, ...after, ...advice]} />
          {first.map(({ id: sectionId, Component }) => (
            <Component
              key={sectionId}
              dossierId={data.id}
              user={user}
              dossier={data}
              canWrite={props.canWrite}
            />
          ))}
          {sections.map(({ id: sectionId, Component }) => (
            <Component key={sectionId} {...props} />
          ))}
          {after.map(({ id: sectionId, Component }) => (
            <Component
              key={sectionId}
              dossierId={data.id}
              user={user}
              dossier={data}
              canWrite={props.canWrite}
            />
          ))}
          {advice.map(({ id: sectionId, Component }) => (
            <Component key={sectionId} {...props} />
          ))}
        </>
      ) : (
        <Loading label="Chargement du dossier…" />
      )}
    </Page>
  );
}
