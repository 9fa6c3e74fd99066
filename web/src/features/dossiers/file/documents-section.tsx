import { errorMessage } from '../../../shared/api-client.ts';
import { ErrorNotice, Loading } from '../../../shared/ui/page.tsx';
import { type Checklist, useChecklist, useDocuments } from '../file-api.ts';
import { DocumentItem } from './document-item.tsx';
import { ReadOnlyNote, Section, type SectionProps } from './section.tsx';
import { UploadForm } from './upload-form.tsx';

/** Pieces of evidence: upload, the list by date, and the checklist of what this kind of dispute needs. */
export function DocumentsSection({ dossier, canWrite }: SectionProps) {
  const documents = useDocuments(dossier.id);
  const checklist = useChecklist(dossier.id);
  return (
    <Section
      id="pieces"
      title="Pièces"
      lead="Factures, décomptes, courriers… Chaque pièce est conservée telle que vous l’avez déposée, avec son empreinte."
    >
      <div className="documents-layout">
        <div className="documents-layout__main">
          {canWrite ? (
            <div className="subsection">
              <h3>Ajouter une pièce</h3>
              <UploadForm dossierId={dossier.id} />
            </div>
          ) : (
            <ReadOnlyNote>
              Lecture seule&nbsp;: seuls l’adhérent et les conseillers de l’organisme ajoutent des pièces.
            </ReadOnlyNote>
          )}
          <div className="subsection">
            <h3>
              Pièces du dossier
              {documents.data && documents.data.length > 0 ? ` (${documents.data.length})` : ''}
            </h3>
            {documents.isPending ? (
              <Loading label="Chargement des pièces…" />
            ) : documents.isError ? (
              <ErrorNotice message={errorMessage(documents.error)} onRetry={() => documents.refetch()} />
            ) : documents.data.length === 0 ? (
              <p className="muted">Aucune pièce pour le moment.</p>
            ) : (
              <ul className="document-list">
                {documents.data.map((document) => (
                  <DocumentItem
                    key={document.id}
                    dossierId={dossier.id}
                    document={document}
                    canWrite={canWrite}
                  />
                ))}
              </ul>
            )}
          </div>
        </div>
        <div className="documents-layout__aside subsection">
          <h3>Pièces à réunir</h3>
          {checklist.isPending ? (
            <Loading label="Chargement de la liste…" />
          ) : checklist.isError ? (
            <ErrorNotice message={errorMessage(checklist.error)} onRetry={() => checklist.refetch()} />
          ) : (
            <ChecklistView checklist={checklist.data} />
          )}
        </div>
      </div>
    </Section>
  );
}

function ChecklistView({ checklist }: { checklist: Checklist }) {
  return (
    <>
      <p
        className={
          checklist.complete ? 'checklist__summary checklist__summary--complete' : 'checklist__summary'
        }
      >
        {checklist.complete
          ? 'Toutes les pièces indispensables sont au dossier.'
          : `${checklist.missing} pièce${checklist.missing > 1 ? 's' : ''} indispensable${checklist.missing > 1 ? 's' : ''} manquante${checklist.missing > 1 ? 's' : ''}.`}
      </p>
      <ul className="checklist">
        {checklist.items.map((item) => {
          const state = item.done ? 'Fournie' : item.required ? 'Manquante' : 'Facultative';
          return (
            <li
              key={item.id}
              className={`checklist__item checklist__item--${item.done ? 'done' : item.required ? 'missing' : 'optional'}`}
            >
              <span className="checklist__icon" aria-hidden="true">
                {item.done ? '✓' : item.required ? '○' : '–'}
              </span>
              <div>
                <p className="checklist__label">
                  {item.label} <span className="checklist__state">({state})</span>
                </p>
                <p className="checklist__why">{item.why}</p>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
