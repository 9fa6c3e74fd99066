/**
 * The « medical » checkbox of the member's forms (pieces, messages, contacts), with what it means in plain
 * words (C. santé publ. L1110-4; docs/medical-secrecy.md).
 */
export function MedicalChoice({
  id,
  checked,
  onChange,
  what,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** « cette pièce », « ce message », « cet échange ». */
  what: string;
}) {
  const hint = `${id}-aide`;
  return (
    <div className="field medical-choice">
      <div className="medical-choice__row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={hint}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>Contient des informations médicales (secret médical)</label>
      </div>
      <p id={hint} className="field__hint">
        Cochez si {what} parle de votre santé (diagnostic, compte rendu, ordonnance détaillée, expertise). Son
        contenu sera lu par vous, par le <strong>médecin-conseil</strong> de l’organisme et, si vous saisissez
        le médiateur, par le médiateur&nbsp;; les conseillers verront seulement qu’une pièce médicale existe,
        sa date et qui la détient.
      </p>
    </div>
  );
}

/** The line shown in place of a medical piece one may not read. */
export function WithheldNote({ children }: { children: React.ReactNode }) {
  return (
    <p className="withheld">
      <span className="tag tag--medical">Secret médical</span> {children}
    </p>
  );
}

/** The tag on a medical piece one may read. */
export function MedicalTag() {
  return <span className="tag tag--medical">Médical</span>;
}
