import type { LetterSide } from '../../../../src/domain/letters/schema.ts';
import { sideOf } from '../../../../src/domain/letters/schema.ts';
import { errorMessage } from '../../shared/api-client.ts';
import type { DossierSectionProps, ExtraDossierSection } from '../../shared/dossier-section.ts';
import type { User } from '../../shared/session.ts';
import { ErrorNotice, Loading } from '../../shared/ui/page.tsx';
import { type StoredLetter, useLetters } from './api.ts';
import { ComposeLetter } from './compose-form.tsx';
import { isLetterType } from './labels.ts';
import { LetterList } from './letter-list.tsx';
import { MediationBundle } from './mediation-bundle.tsx';
import './letters.css';

export const LETTERS_SECTION_ID = 'courriers';
const HEADING_ID = `${LETTERS_SECTION_ID}-titre`;

/** The side whose letters the signed-in person writes; null for those who only read (mediator, auditor…). */
function writingSide(user: User | null, canWrite: boolean): LetterSide | null {
  if (!user || !canWrite) return null;
  if (user.role === 'member') return 'member';
  if (user.role === 'handler' || user.role === 'supervisor') return 'organisation';
  return null;
}

/** « Courriers »: the letters written, « Rédiger un courrier » and the mediation file (issue #6). */
export function LettersSection({ dossier, user, canWrite }: DossierSectionProps) {
  const letters = useLetters(dossier.id);
  const side = writingSide(user, canWrite);
  const canSend = (letter: StoredLetter) =>
    side !== null && isLetterType(letter.type) && sideOf(letter.type) === side;

  return (
    <section
      id={LETTERS_SECTION_ID}
      className="section card file-section letters-section"
      aria-labelledby={HEADING_ID}
    >
      <h2 id={HEADING_ID} tabIndex={-1}>
        Courriers
      </h2>
      <p className="file-section__lead">
        Des courriers rédigés à partir du dossier, avec les délais et les articles de loi qui s’appliquent, à
        relire et modifier avant d’en faire un PDF à imprimer et envoyer.
      </p>

      <div className="letters-subsection">
        <h3>Courriers rédigés{letters.data && letters.data.length > 0 ? ` (${letters.data.length})` : ''}</h3>
        {letters.isPending ? (
          <Loading label="Chargement des courriers…" />
        ) : letters.isError ? (
          <ErrorNotice message={errorMessage(letters.error)} onRetry={() => letters.refetch()} />
        ) : letters.data.length === 0 ? (
          <p className="muted">Aucun courrier rédigé pour le moment.</p>
        ) : (
          <LetterList dossierId={dossier.id} letters={letters.data} canSend={canSend} />
        )}
      </div>

      <div className="letters-subsection">
        <h3>Rédiger un courrier</h3>
        {side ? (
          <ComposeLetter dossierId={dossier.id} side={side} organisationKind={dossier.organisationKind} />
        ) : (
          <p className="notice notice--info">
            Lecture seule&nbsp;: seuls l’adhérent et les conseillers de l’organisme rédigent des courriers.
          </p>
        )}
      </div>

      <MediationBundle dossierId={dossier.id} />
    </section>
  );
}

/** The letters section, as the file's page takes it from another feature (app/routes.tsx). */
export const LETTERS_SECTIONS: ExtraDossierSection[] = [
  { id: LETTERS_SECTION_ID, title: 'Courriers', Component: LettersSection },
];
