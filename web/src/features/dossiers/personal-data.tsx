import { type KeyboardEvent, useRef, useState } from 'react';
import { errorMessage } from '../../shared/api-client.ts';
import { type ErasureAnswer, EXPORT_URL, useRequestErasure } from './api.ts';
import './file/dossier-file.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** « Exporter mes données » (a zip) and « Demander l’effacement » (confirmed in a dialog). RGPD art. 15, 17, 20. */
export function PersonalData() {
  const erasure = useRequestErasure();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [result, setResult] = useState<ErasureAnswer | null>(null);

  const open = () => {
    erasure.reset();
    dialogRef.current?.showModal();
    // The safe choice first: Enter on the opened dialog cancels, it never erases.
    cancelRef.current?.focus();
  };
  const close = () => {
    dialogRef.current?.close();
  };

  // The modal dialog makes the page inert; Tab and Shift+Tab also loop inside it instead of leaving for the
  // browser's own controls. Escape closes it (native « cancel »).
  const trapFocus = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const items = Array.from(dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const confirm = () =>
    erasure.mutate(undefined, {
      onSuccess: (answer) => {
        setResult(answer);
        close();
      },
    });

  return (
    <section className="section card" aria-labelledby="mes-donnees">
      <h2 id="mes-donnees">Vos données personnelles</h2>
      <p>
        Téléchargez tout ce que Recours conserve sur vous (vos dossiers, vos pièces, vos échanges), ou
        demandez l’effacement de vos données.
      </p>
      <div className="personal-data__actions">
        <a className="button button--secondary" href={EXPORT_URL} download>
          Exporter mes données<span className="sr-only"> (fichier zip)</span>
        </a>
        <button ref={openerRef} type="button" className="button button--tertiary" onClick={open}>
          Demander l’effacement
        </button>
      </div>
      <div role="status" aria-live="polite">
        {result ? (
          <div className="notice notice--success">
            <p>
              <strong>Demande enregistrée.</strong> {result.message}
            </p>
            {result.erased.length > 0 ? (
              <p>Dossiers effacés&nbsp;: {result.erased.map((d) => d.reference).join(', ')}.</p>
            ) : null}
            {result.pending.length > 0 ? (
              <p>
                Transmis à l’organisme&nbsp;:{' '}
                {result.pending.map((d) => `${d.reference} (${d.organisationName})`).join(', ')}.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby="effacement-titre"
        aria-describedby="effacement-texte"
        onKeyDown={trapFocus}
        onClose={() => openerRef.current?.focus()}
      >
        <h2 id="effacement-titre">Demander l’effacement de vos données&nbsp;?</h2>
        <div id="effacement-texte">
          <p>
            Les dossiers que vous menez seul sont effacés <strong>immédiatement et définitivement</strong>
            &nbsp;: pièces, contacts, messages et courriers.
          </p>
          <p>
            Pour les dossiers suivis par un organisme présent sur Recours, votre demande lui est
            transmise&nbsp;: il peut devoir conserver la trace de votre réclamation et vous répond sous un
            mois.
          </p>
          <p>Pensez à exporter vos données avant de confirmer.</p>
        </div>
        {erasure.isError ? (
          <p className="notice notice--error" role="alert">
            {errorMessage(erasure.error)}
          </p>
        ) : null}
        <div className="form__actions">
          <button
            type="button"
            className="button button--danger"
            disabled={erasure.isPending}
            onClick={confirm}
          >
            {erasure.isPending ? 'Effacement…' : 'Confirmer l’effacement'}
          </button>
          <button type="button" className="button button--secondary" onClick={close} ref={cancelRef}>
            Annuler
          </button>
        </div>
      </dialog>
    </section>
  );
}
