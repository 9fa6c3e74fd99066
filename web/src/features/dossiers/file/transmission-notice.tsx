import { useRef } from 'react';
import { errorMessage } from '../../../shared/api-client.ts';
import { formatInstantDate } from '../../../shared/format.ts';
import { type Dossier, useTransmitDossier } from '../api.ts';

/**
 * A draft is private (issue 16): the organisation sees neither the file nor its messages until the member takes
 * the explicit step « Transmettre à l'organisme ». Staff never see a draft, so this only speaks to the member.
 */
export function TransmissionNotice({ dossier, isOwner }: { dossier: Dossier; isOwner: boolean }) {
  const transmit = useTransmitDossier(dossier.id);
  const status = useRef<HTMLParagraphElement>(null);
  if (!isOwner || dossier.transmittedAt === undefined) return null;
  if (!dossier.organisationId) {
    return (
      <p className="notice">
        {dossier.organisationName} ne traite pas ses réclamations sur Recours&nbsp;: ce dossier reste le
        vôtre. Envoyez-lui votre réclamation par courrier (section «&nbsp;Courriers&nbsp;») et notez l’envoi.
      </p>
    );
  }
  if (dossier.transmittedAt) {
    return (
      <p className="notice notice--success">
        Transmis à {dossier.organisationName} le {formatInstantDate(dossier.transmittedAt)}.
      </p>
    );
  }
  return (
    <div className="notice notice--info">
      <p>
        <strong>Brouillon privé.</strong> {dossier.organisationName} ne voit ni ce dossier ni vos messages
        tant que vous ne le lui avez pas transmis. Relisez-le, joignez vos pièces, puis transmettez-le&nbsp;:
        la date de transmission vaudra date de votre réclamation écrite.
      </p>
      <button
        type="button"
        className="button"
        disabled={transmit.isPending}
        onClick={() => transmit.mutate(undefined, { onSettled: () => status.current?.focus() })}
      >
        {transmit.isPending ? 'Transmission…' : 'Transmettre à l’organisme'}
      </button>
      <p ref={status} tabIndex={-1} role="status" className={transmit.isError ? 'form-error' : 'muted'}>
        {transmit.isError ? errorMessage(transmit.error) : ''}
      </p>
    </div>
  );
}
