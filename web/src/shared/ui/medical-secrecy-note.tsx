/**
 * What every member is told before describing his dispute (issue 18, docs/medical-secrecy.md): medical details are
 * not for the complaint handler; they go to the organisation's medical adviser, marked medical
 * (C. santé publ. L1110-4).
 */
export function MedicalSecrecyNote({ id = 'secret-medical' }: { id?: string }) {
  return (
    <aside className="notice notice--info" aria-labelledby={`${id}-titre`}>
      <p id={`${id}-titre`}>
        <strong>Vos informations médicales restent entre vous et le médecin-conseil</strong>
      </p>
      <p>
        Vous n’avez pas à donner de détails médicaux (diagnostic, traitement, compte rendu) au conseiller qui
        traite votre réclamation&nbsp;: décrivez ici le litige (dates, montants, échanges). Si le litige
        dépend de votre santé, une fois le dossier ouvert, ajoutez ces éléments dans les pièces, les messages
        ou le journal des contacts en cochant «&nbsp;Contient des informations médicales&nbsp;»&nbsp;: seuls
        le médecin-conseil de l’organisme et, si vous le saisissez, le médiateur pourront les lire. Les
        conseillers verront seulement qu’une pièce médicale existe.
      </p>
    </aside>
  );
}
