import { type FormEvent, useState } from 'react';
import { newIdempotencyKey } from '../../shared/api-client.ts';
import { formatDate } from '../../shared/format.ts';
import { organisationKindOptions } from '../../shared/labels.ts';
import type { User } from '../../shared/session.ts';
import {
  ErrorSummary,
  errorsFromApi,
  Field,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';
import { type Diagnosis, type PrefilledDossier, useOpenDossier, useOrganisations } from './api.ts';
import { type Conversation, titleFromSummary } from './conversation.ts';

const NBSP = '\u00a0';
const OTHER = 'autre';

const STATUS_TEXT: Record<Diagnosis['deadlines'][number]['status'], string> = {
  open: 'en cours',
  met: 'respecté',
  missed: 'dépassé',
  not_applicable_yet: 'pas encore ouvert',
  suspended: 'suspendu',
  not_enforceable: 'inopposable',
  passed: 'date atteinte',
};

/** The organisation kind of a file, from the diagnosis; unknown → the member says it. */
const KIND_OF: Record<Diagnosis['organisation'], string> = {
  mutuelle: 'mutuelle',
  insurer: 'insurer',
  cpam: 'cpam',
  unknown: '',
};

const IDS = { organisation: 'dg-organisme', name: 'dg-organisme-nom', kind: 'dg-organisme-type' } as const;
const ORDER = Object.values(IDS);
const API_FIELDS = {
  organisationId: IDS.organisation,
  organisationName: IDS.name,
  organisationKind: IDS.kind,
};

function deadlineDates(d: Diagnosis['deadlines'][number]): string {
  if (d.opensOn && d.dueDate) return `du ${formatDate(d.opensOn)} au ${formatDate(d.dueDate)}`;
  if (d.opensOn) return `à partir du ${formatDate(d.opensOn)}`;
  if (d.dueDate) return `au plus tard le ${formatDate(d.dueDate)}`;
  return 'date à préciser';
}

/** The end of the conversation: the next step and why, its deadlines, the documents, and the pre-filled file. */
export function DiagnosisCard({
  diagnosis,
  conversation,
  user,
  headingRef,
  onSignInFirst,
  onOpened,
}: {
  diagnosis: Diagnosis;
  conversation: Conversation;
  user: User | null;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onSignInFirst: () => void;
  onOpened: (id: string) => void;
}) {
  return (
    <section className="card triage__result" aria-labelledby="diagnostic-resultat">
      <h2 id="diagnostic-resultat" ref={headingRef} tabIndex={-1}>
        Votre diagnostic
      </h2>
      <dl className="facts">
        <div>
          <dt>Type de litige</dt>
          <dd>{diagnosis.categoryLabel}</dd>
        </div>
        <div>
          <dt>Prochaine étape</dt>
          <dd>
            <strong>{diagnosis.nextStepLabel}</strong>
            {diagnosis.nextStepOpensOn ? ` — à partir du ${formatDate(diagnosis.nextStepOpensOn)}` : ''}
            {diagnosis.nextStepClosesOn ? ` — au plus tard le ${formatDate(diagnosis.nextStepClosesOn)}` : ''}
          </dd>
        </div>
      </dl>
      <h3>Pourquoi</h3>
      <p>{diagnosis.nextStepReason}</p>
      <p className="muted">
        Sources{NBSP}: {diagnosis.nextStepSources.join(' ; ')}
      </p>
      {diagnosis.warnings.length > 0 ? (
        <div className="notice notice--info">
          {diagnosis.warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </div>
      ) : null}

      <h3>Vos délais</h3>
      {diagnosis.deadlines.length > 0 && !diagnosis.deadlinesConfirmed ? (
        <p className="notice notice--info">
          Délais provisoires{NBSP}: ils reposent sur une étape ou des dates lues dans votre message.
          Confirmez-les ou corrigez-les dans «{NBSP}Ce que j’ai compris{NBSP}» pour qu’ils soient certains.
        </p>
      ) : null}
      {diagnosis.deadlines.length === 0 ? (
        <p>
          Aucun délai légal ne court encore d’après ce que vous avez dit. Il démarrera avec votre réclamation
          écrite ou la décision contestée.
        </p>
      ) : (
        <ul className="deadline-list">
          {diagnosis.deadlines.map((d) => (
            <li key={d.id} className="deadline-list__item">
              <p className="deadline-list__title">
                <strong>{d.title}</strong>
                {NBSP}: {deadlineDates(d)}{' '}
                <span className="deadline-list__status">
                  ({STATUS_TEXT[d.status]}
                  {diagnosis.deadlinesConfirmed ? '' : `, à confirmer`})
                </span>
              </p>
              <p>{d.action}</p>
              <p className="muted">{d.source}</p>
            </li>
          ))}
        </ul>
      )}

      <h3>Pièces à rassembler</h3>
      <ul>
        {diagnosis.documents.map((doc) => (
          <li key={doc}>{doc}</li>
        ))}
      </ul>

      <OpenDossier
        diagnosis={diagnosis}
        conversation={conversation}
        user={user}
        onSignInFirst={onSignInFirst}
        onOpened={onOpened}
      />
    </section>
  );
}

function OpenDossier({
  diagnosis,
  conversation,
  user,
  onSignInFirst,
  onOpened,
}: {
  diagnosis: Diagnosis;
  conversation: Conversation;
  user: User | null;
  onSignInFirst: () => void;
  onOpened: (id: string) => void;
}) {
  const isMember = user?.role === 'member';
  const organisations = useOrganisations(isMember);
  const open = useOpenDossier();
  const [organisation, setOrganisation] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState(KIND_OF[diagnosis.organisation]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [idempotencyKey] = useState(newIdempotencyKey);

  if (!user) {
    return (
      <div className="triage__open">
        <h3>Ouvrir votre dossier</h3>
        <p>
          Connectez-vous pour ouvrir un dossier pré-rempli avec ce diagnostic{NBSP}: votre conversation est
          conservée pendant la connexion.
        </p>
        <button type="button" className="button" onClick={onSignInFirst}>
          Ouvrir un dossier pré-rempli
        </button>
      </div>
    );
  }
  if (!isMember) {
    return (
      <p className="notice notice--info">
        Seul l’adhérent peut ouvrir son dossier depuis son espace Recours{NBSP}: il retrouvera ce diagnostic
        en décrivant sa situation sur cette page.
      </p>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    const input: PrefilledDossier = {
      category: diagnosis.category,
      title: titleFromSummary(diagnosis.summary),
      description: conversation.text,
    };
    if (organisation === '')
      found[IDS.organisation] = 'Choisissez l’organisme concerné, ou «\u00a0Autre organisme\u00a0».';
    else if (organisation === OTHER) {
      if (name.trim().length < 2) found[IDS.name] = 'Indiquez le nom de l’organisme (2 caractères au moins).';
      if (kind === '') found[IDS.kind] = 'Choisissez le type d’organisme.';
      input.organisationName = name.trim();
      input.organisationKind = kind;
    } else input.organisationId = organisation;
    setErrors(found);
    setSummary(summaryOf(found, ORDER));
    if (Object.keys(found).length > 0) return;
    if (diagnosis.amountCents !== null) input.amountCents = diagnosis.amountCents;
    // Only a date the member confirmed or gave becomes a fact of the file: a date merely read in the text would
    // mark the complaint as sent and start the organisation's clocks on a guess (issue #11).
    const complaint = conversation.answers.complaintSentOn;
    if (complaint) input.complaintSentOn = complaint;
    open.mutate(
      { input, idempotencyKey },
      {
        onSuccess: (dossier) => onOpened(dossier.id),
        onError: (error) => {
          const spread = errorsFromApi(error, API_FIELDS);
          setErrors(spread.fields);
          setSummary(summaryOf(spread.fields, ORDER, spread.general));
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="form triage__open">
      <h3>Ouvrir votre dossier</h3>
      <p className="field__hint">
        Vous n’avez pas à donner de détails médicaux au conseiller de l’organisme. S’il en faut, ajoutez-les
        ensuite dans le dossier en cochant «{NBSP}Contient des informations médicales{NBSP}»{NBSP}: seul le
        médecin-conseil (et le médiateur, si vous le saisissez) les lira.
      </p>
      <p>
        Le dossier reprend ce diagnostic{NBSP}: «{NBSP}
        {titleFromSummary(diagnosis.summary)}
        {NBSP}», votre message, le montant et les dates que vous avez confirmées. Précisez seulement
        l’organisme.
      </p>
      <ErrorSummary items={summary} />
      <Field id={IDS.organisation} label="Organisme concerné" error={errors[IDS.organisation]}>
        {(aria) => (
          <select {...aria} value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
            <option value="">Choisissez…</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
            <option value={OTHER}>Autre organisme</option>
          </select>
        )}
      </Field>
      {organisation === OTHER ? (
        <>
          <Field id={IDS.name} label="Nom de l’organisme" error={errors[IDS.name]}>
            {(aria) => <input {...aria} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field id={IDS.kind} label="Type d’organisme" error={errors[IDS.kind]}>
            {(aria) => (
              <select {...aria} value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">Choisissez…</option>
                {organisationKindOptions.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={open.isPending}>
          Ouvrir un dossier pré-rempli
        </button>
      </div>
    </form>
  );
}
