import { useState } from 'react';
import { Link } from 'react-router';
import {
  RECORDED_CHANNEL_LABELS,
  type RecordedChannel,
} from '../../../../src/domain/intake/recorded-complaint.ts';
import { errorMessage } from '../../shared/api-client.ts';
import type { DossierSectionProps } from '../../shared/dossier-section.ts';
import { formatDate } from '../../shared/format.ts';
import { statusLabel } from '../../shared/labels.ts';
import {
  type DocumentText,
  useCorrectText,
  useDocumentTexts,
  useDuplicates,
  useIdentify,
  useIntake,
  useMemberSearch,
  useMerge,
  useRenewClaimCode,
} from './api.ts';

const CHANNEL_WORDS: Record<string, string> = {
  web: 'Espace adhérent (Recours)',
  ...RECORDED_CHANNEL_LABELS,
};
const channelWords = (channel: string) => CHANNEL_WORDS[channel as RecordedChannel] ?? channel;

const TEXT_STATUS: Record<NonNullable<DocumentText['status']>, string> = {
  pending: 'lecture en cours',
  done: 'texte lu',
  failed: 'lecture impossible',
  unsupported: 'format non lu automatiquement',
};

/** « Réception »: how the complaint came in, who wrote it, duplicates to merge, and the text read on scans. */
export function IntakeSection({ dossierId, canWrite }: DossierSectionProps) {
  const intake = useIntake(dossierId);
  const data = intake.data;
  return (
    <section id="reception" className="section card file-section" aria-labelledby="reception-titre">
      <h2 id="reception-titre" tabIndex={-1}>
        Réception de la réclamation
      </h2>
      {intake.isError ? <p role="alert">{errorMessage(intake.error)}</p> : null}
      {data ? (
        <>
          <dl className="facts-list">
            <dt>Canal</dt>
            <dd>{channelWords(data.channel)}</dd>
            {data.recordedBy ? (
              <>
                <dt>Enregistrée par</dt>
                <dd>{data.recordedBy.displayName}</dd>
              </>
            ) : null}
            {data.member ? (
              <>
                <dt>Adhérent</dt>
                <dd>
                  {data.member.displayName}
                  {data.member.memberNumber ? `, n° ${data.member.memberNumber}` : ''}
                  {data.member.email ? ` — ${data.member.email}` : ''}
                  {data.member.phone ? ` — ${data.member.phone}` : ''}
                  {data.member.hasAccount ? ' (compte Recours)' : ' (sans compte)'}
                </dd>
              </>
            ) : null}
            {data.writtenConfirmationInvitedOn ? (
              <>
                <dt>Réclamation orale</dt>
                <dd>
                  Invitation à la confirmer par écrit le {formatDate(data.writtenConfirmationInvitedOn)}
                </dd>
              </>
            ) : null}
          </dl>
          {data.mergedInto ? (
            <p className="notice">
              Doublon fusionné dans le dossier{' '}
              <Link to={`/dossiers/${data.mergedInto.id}`}>{data.mergedInto.reference}</Link> : ses pièces et
              messages y ont été déplacés ; son historique reste ici.
            </p>
          ) : null}
          {data.mergedFrom.length > 0 ? (
            <p>
              Dossiers fusionnés dans celui-ci :{' '}
              {data.mergedFrom.map((m, i) => (
                <span key={m.id}>
                  {i > 0 ? ', ' : ''}
                  <Link to={`/dossiers/${m.id}`}>{m.reference}</Link>
                </span>
              ))}
              .
            </p>
          ) : null}
          {data.identificationPending && canWrite ? <IdentifyForm dossierId={dossierId} /> : null}
          {data.member && !data.member.hasAccount && canWrite ? (
            <ClaimCode memberId={data.member.id} />
          ) : null}
          {!data.mergedInto && canWrite ? <Duplicates dossierId={dossierId} /> : null}
        </>
      ) : null}
      <ReadTexts dossierId={dossierId} canWrite={canWrite} />
    </section>
  );
}

function IdentifyForm({ dossierId }: { dossierId: string }) {
  const [search, setSearch] = useState('');
  const [memberId, setMemberId] = useState('');
  const [memberNumber, setMemberNumber] = useState('');
  const members = useMemberSearch(search);
  const identify = useIdentify(dossierId);
  return (
    <div className="notice">
      <h3 id="identifier-titre">Expéditeur à identifier</h3>
      <p>
        Ce message vient d’une adresse inconnue. Retrouvez l’adhérent, ou confirmez qu’il s’agit d’un nouvel
        adhérent.
      </p>
      <label htmlFor="identifier-recherche">Rechercher (nom, numéro d’adhérent, e-mail)</label>
      <input
        id="identifier-recherche"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <label htmlFor="identifier-adherent">Adhérent</label>
      <select id="identifier-adherent" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
        <option value="">Nouvel adhérent (confirmer la fiche créée)</option>
        {(members.data ?? []).map((m) => (
          <option key={m.id} value={m.id}>
            {m.displayName}
            {m.memberNumber ? ` — n° ${m.memberNumber}` : ''}
          </option>
        ))}
      </select>
      {memberId === '' ? (
        <>
          <label htmlFor="identifier-numero">Numéro d’adhérent (facultatif)</label>
          <input
            id="identifier-numero"
            type="text"
            value={memberNumber}
            onChange={(e) => setMemberNumber(e.target.value)}
          />
        </>
      ) : null}
      <p>
        <button
          type="button"
          className="button"
          disabled={identify.isPending}
          onClick={() =>
            identify.mutate(
              memberId ? { memberId } : memberNumber.trim() ? { memberNumber: memberNumber.trim() } : {},
            )
          }
        >
          Identifier
        </button>
      </p>
      {identify.isError ? <p role="alert">{errorMessage(identify.error)}</p> : null}
    </div>
  );
}

function ClaimCode({ memberId }: { memberId: string }) {
  const renew = useRenewClaimCode();
  return (
    <div>
      <p className="muted">
        L’adhérent n’a pas de compte : avec un code de rattachement et son numéro d’adhérent ou son e-mail, il
        retrouvera ce dossier dans son espace.
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={renew.isPending}
        onClick={() => renew.mutate(memberId)}
      >
        Créer un nouveau code de rattachement
      </button>
      <div aria-live="polite">
        {renew.data ? (
          <p>
            <strong>Code : {renew.data.code}</strong> (valable jusqu’au{' '}
            {formatDate(renew.data.expiresAt.slice(0, 10))} ; l’ancien code ne vaut plus).
          </p>
        ) : null}
        {renew.isError ? <p role="alert">{errorMessage(renew.error)}</p> : null}
      </div>
    </div>
  );
}

function Duplicates({ dossierId }: { dossierId: string }) {
  const duplicates = useDuplicates(dossierId, true);
  const merge = useMerge(dossierId);
  const [done, setDone] = useState<string | null>(null);
  if (!duplicates.data || duplicates.data.length === 0) return null;
  return (
    <div>
      <h3 id="doublons-titre">Doublons probables</h3>
      <ul>
        {duplicates.data.map((c) => (
          <li key={c.id}>
            <Link to={`/dossiers/${c.id}`}>{c.reference}</Link> — {c.title} ({channelWords(c.channel)}, reçu
            le {formatDate(c.receivedOn)}, {statusLabel(c.status)}) : {c.reasons.join(', ')}.{' '}
            <button
              type="button"
              className="button button--secondary"
              disabled={merge.isPending}
              onClick={() =>
                merge.mutate(c.id, {
                  onSuccess: () => setDone(`Ce dossier a été fusionné dans ${c.reference}.`),
                })
              }
            >
              Fusionner ce dossier dans {c.reference}
            </button>
          </li>
        ))}
      </ul>
      <div aria-live="polite">
        {done ? <p>{done}</p> : null}
        {merge.isError ? <p role="alert">{errorMessage(merge.error)}</p> : null}
      </div>
    </div>
  );
}

function ReadTexts({ dossierId, canWrite }: { dossierId: string; canWrite: boolean }) {
  const texts = useDocumentTexts(dossierId);
  const read = (texts.data ?? []).filter((d) => d.read.status !== null);
  if (read.length === 0) return null;
  return (
    <div>
      <h3 id="textes-lus-titre">Texte lu sur les pièces scannées</h3>
      {read.map((d) => (
        <ReadText key={d.id} dossierId={dossierId} document={d} canWrite={canWrite} />
      ))}
    </div>
  );
}

function ReadText({
  dossierId,
  document,
  canWrite,
}: {
  dossierId: string;
  document: { id: string; title: string; fileName: string; read: DocumentText };
  canWrite: boolean;
}) {
  const [text, setText] = useState(document.read.text ?? '');
  const correct = useCorrectText(dossierId);
  const id = `texte-lu-${document.id}`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {document.title} ({document.fileName}) —{' '}
        {document.read.status ? TEXT_STATUS[document.read.status] : ''}
        {document.read.correctedAt ? ', corrigé' : ''}
      </label>
      <textarea
        id={id}
        rows={8}
        value={text}
        readOnly={!canWrite}
        onChange={(e) => setText(e.target.value)}
      />
      {canWrite ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={correct.isPending || text.trim() === ''}
          onClick={() => correct.mutate({ documentId: document.id, text })}
        >
          Enregistrer la correction
        </button>
      ) : null}
      <div aria-live="polite">
        {correct.isSuccess ? <p>Correction enregistrée.</p> : null}
        {correct.isError ? <p role="alert">{errorMessage(correct.error)}</p> : null}
      </div>
    </div>
  );
}
