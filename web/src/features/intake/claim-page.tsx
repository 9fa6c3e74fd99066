import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import { Page } from '../../shared/ui/page.tsx';
import { useClaim } from './api.ts';

const IDS = { code: 'rattacher-code', memberNumber: 'rattacher-numero', email: 'rattacher-email' } as const;
const ORDER = Object.values(IDS);
const API_FIELDS = { code: IDS.code, memberNumber: IDS.memberNumber, email: IDS.email };

/** « Rattacher un dossier »: a complaint sent by post, telephone or at a branch joins the member's space. */
export function ClaimPage() {
  const [code, setCode] = useState('');
  const [memberNumber, setMemberNumber] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const claim = useClaim();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (code.trim().length < 6)
      found[IDS.code] = 'Saisissez le code reçu de votre organisme (par exemple 7K3M9-Q2W4X).';
    if (!memberNumber.trim() && !email.trim()) {
      found[IDS.memberNumber] =
        'Indiquez votre numéro d’adhérent, ou l’adresse e-mail donnée à votre organisme.';
    }
    setErrors(found);
    setSummary(summaryOf(found, ORDER));
    if (Object.keys(found).length > 0) return;
    claim.mutate(
      {
        code: code.trim(),
        ...(memberNumber.trim() ? { memberNumber: memberNumber.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
      },
      {
        onError: (error) => {
          const spread = errorsFromApi(error, API_FIELDS);
          setErrors(spread.fields);
          setSummary(summaryOf(spread.fields, ORDER, spread.general));
        },
      },
    );
  }

  return (
    <Page
      title="Rattacher un dossier"
      lead="Vous avez fait une réclamation par courrier, par téléphone, par e-mail ou en agence ? Votre organisme vous a remis un code : saisissez-le pour retrouver ce dossier et tout son historique dans votre espace."
    >
      {claim.isSuccess ? (
        <div className="notice" role="status">
          <p>
            {claim.data.files === 1
              ? 'Un dossier a été rattaché'
              : `${claim.data.files} dossiers ont été rattachés`}{' '}
            à votre compte. <Link to="/mes-dossiers">Voir mes dossiers</Link>
          </p>
        </div>
      ) : (
        <>
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={onSubmit} className="form card section">
            <Field id={IDS.code} label="Code de rattachement" error={errors[IDS.code]}>
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  autoComplete="off"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
              )}
            </Field>
            <Field id={IDS.memberNumber} label="Numéro d’adhérent" optional error={errors[IDS.memberNumber]}>
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  value={memberNumber}
                  onChange={(e) => setMemberNumber(e.target.value)}
                />
              )}
            </Field>
            <Field
              id={IDS.email}
              label="Ou l’adresse e-mail donnée à votre organisme"
              optional
              error={errors[IDS.email]}
            >
              {(aria) => (
                <input {...aria} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
              )}
            </Field>
            <button type="submit" className="button" disabled={claim.isPending}>
              Rattacher à mon compte
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
