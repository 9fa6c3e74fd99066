import { type FormEvent, useEffect, useState } from 'react';
import { TEXT_LIMITS } from '../../../../src/contracts/text-limits.ts';
import { errorMessage } from '../../shared/api-client.ts';
import { ChoiceGroup } from '../../shared/ui/choice-group.tsx';
import { Field, type FieldErrors } from '../../shared/ui/form.tsx';
import { ActFields } from './act-fields.tsx';
import { useImportGuarantees } from './api.ts';
import { Checkbox } from './controls.tsx';
import {
  type ActRow,
  emptyAct,
  emptyGuarantee,
  type GuaranteeRow,
  guaranteeRowOf,
  ids,
  type ReimbursementFormValues,
} from './form-model.ts';
import { GuaranteeFields } from './guarantee-fields.tsx';

interface ReimbursementFormProps {
  values: ReimbursementFormValues;
  onChange: (update: (current: ReimbursementFormValues) => ReimbursementFormValues) => void;
  errors: FieldErrors;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

const CSV_PLACEHOLDER =
  'Libellé;Garantie;Plafond\nConsultations généralistes OPTAM;150 % BR;\nPharmacie;100 % BR;';

/** « Vérifier un remboursement »: the patient, the acts, the contract (typed or pasted). */
export function ReimbursementForm({ values, onChange, errors, pending, onSubmit }: ReimbursementFormProps) {
  const importer = useImportGuarantees();
  const [importError, setImportError] = useState<string | undefined>();
  const [importStatus, setImportStatus] = useState('');
  // After adding or removing a row, the focus goes somewhere that makes sense (never lost on <body>).
  const [focus, setFocus] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);

  const set = <K extends keyof ReimbursementFormValues>(field: K, value: ReimbursementFormValues[K]) =>
    onChange((v) => ({ ...v, [field]: value }));
  const updateAct = (key: number, update: Partial<ActRow>) =>
    onChange((v) => ({ ...v, acts: v.acts.map((a) => (a.key === key ? { ...a, ...update } : a)) }));
  const updateGuarantee = (key: number, update: Partial<GuaranteeRow>) =>
    onChange((v) => ({
      ...v,
      guarantees: v.guarantees.map((g) => (g.key === key ? { ...g, ...update } : g)),
    }));

  function removeAct(index: number) {
    const next = values.acts[index + 1] ?? values.acts[index - 1];
    const removed = values.acts[index]!;
    onChange((v) => ({ ...v, acts: v.acts.filter((a) => a.key !== removed.key) }));
    setFocus({ id: next ? ids.act(next, 'date') : ids.acts });
  }

  function removeGuarantee(index: number) {
    const next = values.guarantees[index + 1] ?? values.guarantees[index - 1];
    const removed = values.guarantees[index]!;
    onChange((v) => ({ ...v, guarantees: v.guarantees.filter((g) => g.key !== removed.key) }));
    setFocus({ id: next ? ids.guarantee(next, 'kind') : 'rb-add-guarantee' });
  }

  function runImport() {
    const text = values.importText.trim();
    if (text === '') {
      setImportError('Collez d’abord le tableau de garanties dans la zone de texte.');
      setImportStatus('');
      setFocus({ id: ids.importText });
      return;
    }
    importer.mutate(
      { format: values.importFormat, text },
      {
        onSuccess: (guarantees) => {
          onChange((v) => ({ ...v, guarantees: guarantees.map(guaranteeRowOf) }));
          setImportError(undefined);
          setImportStatus(
            guarantees.length === 1
              ? '1\u00a0garantie importée\u00a0: vérifiez-la ci-dessous.'
              : `${guarantees.length} garanties importées\u00a0: vérifiez-les ci-dessous.`,
          );
        },
        onError: (error) => {
          setImportError(errorMessage(error));
          setImportStatus('');
          setFocus({ id: ids.importText });
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="rb-form" aria-describedby="rb-form-intro">
      <p id="rb-form-intro" className="muted">
        Les montants se saisissent en euros, avec une virgule (exemple&nbsp;: 1&nbsp;234,56). Seuls la date,
        le type et le prix de chaque acte sont obligatoires. Rien n’est enregistré.
      </p>

      <fieldset className="fieldset rb-section">
        <legend className="rb-section__legend">Le patient</legend>
        <ChoiceGroup
          id={ids.ageMode}
          name="ageMode"
          legend="Vous connaissez"
          hint="Sans date ni âge, le patient est considéré comme majeur."
          choices={[
            { value: 'birthDate', label: 'Sa date de naissance' },
            { value: 'age', label: 'Son âge' },
          ]}
          value={values.ageMode}
          onChange={(value) => set('ageMode', value as ReimbursementFormValues['ageMode'])}
          inline
        />
        {values.ageMode === 'birthDate' ? (
          <Field id={ids.birthDate} label="Date de naissance" optional error={errors[ids.birthDate]}>
            {(aria) => (
              <input
                {...aria}
                type="date"
                className="input--short"
                autoComplete="bday"
                value={values.birthDate}
                onChange={(event) => set('birthDate', event.target.value)}
              />
            )}
          </Field>
        ) : (
          <Field id={ids.age} label="Âge, en années" optional error={errors[ids.age]}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                className="rb-input--tiny"
                value={values.age}
                onChange={(event) => set('age', event.target.value)}
              />
            )}
          </Field>
        )}
        <fieldset className="rb-checks">
          <legend className="rb-choices__legend">Situation particulière</legend>
          <div className="rb-checks__list">
            <Checkbox
              id="rb-c2s"
              label="Complémentaire santé solidaire (C2S)"
              checked={values.c2s}
              onChange={(c2s) => set('c2s', c2s)}
            />
            <Checkbox
              id="rb-ame"
              label="Aide médicale de l’État (AME)"
              checked={values.ame}
              onChange={(ame) => set('ame', ame)}
            />
            <Checkbox
              id="rb-pregnancy"
              label="Grossesse à partir du 6e mois"
              hint="Ou jusqu’à 12 jours après l’accouchement, pendant tous les soins saisis."
              checked={values.pregnancy}
              onChange={(pregnancy) => set('pregnancy', pregnancy)}
            />
          </div>
        </fieldset>
        <div className="rb-grid">
          <Field
            id={ids.pfPaid}
            label="Participations forfaitaires déjà payées cette année, en euros"
            optional
            hint="Plafonnées à 50&nbsp;€ par an&nbsp;: voir votre compte ameli."
            error={errors[ids.pfPaid]}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={values.pfPaid}
                onChange={(event) => set('pfPaid', event.target.value)}
              />
            )}
          </Field>
          <Field
            id={ids.franchisesPaid}
            label="Franchises médicales déjà payées cette année, en euros"
            optional
            hint="Plafonnées à 50&nbsp;€ par an, à part des participations."
            error={errors[ids.franchisesPaid]}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={values.franchisesPaid}
                onChange={(event) => set('franchisesPaid', event.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="fieldset rb-section">
        <legend className="rb-section__legend">Les soins</legend>
        <p className="field__hint">
          Une ligne par acte, telle qu’elle figure sur la facture ou le décompte de l’Assurance maladie.
        </p>
        {values.acts.map((row, index) => (
          <ActFields
            key={row.key}
            row={row}
            index={index}
            canRemove={values.acts.length > 1}
            errors={errors}
            onChange={(update) => updateAct(row.key, update)}
            onRemove={() => removeAct(index)}
          />
        ))}
        {errors[ids.acts] ? <p className="field__error">{errors[ids.acts]}</p> : null}
        <div>
          <button
            type="button"
            id={ids.acts}
            className="button button--secondary"
            onClick={() => {
              const act = emptyAct();
              onChange((v) => ({ ...v, acts: [...v.acts, act] }));
              setFocus({ id: ids.act(act, 'date') });
            }}
          >
            Ajouter un acte
          </button>
        </div>
      </fieldset>

      <fieldset className="fieldset rb-section">
        <legend className="rb-section__legend">Votre complémentaire santé</legend>
        <ChoiceGroup
          id={ids.hasContract}
          name="hasContract"
          legend="Calculer aussi ce que doit votre mutuelle&nbsp;?"
          hint="Il faut alors son tableau de garanties&nbsp;: dans votre espace adhérent ou vos conditions particulières."
          choices={[
            { value: 'yes', label: 'Oui, je saisis ou je colle mes garanties' },
            { value: 'no', label: 'Non, seulement la part de la Sécurité sociale' },
          ]}
          value={values.hasContract}
          onChange={(value) => set('hasContract', value as ReimbursementFormValues['hasContract'])}
        />
        {values.hasContract === 'yes' ? (
          <>
            <Field
              id={ids.contractName}
              label="Nom du contrat"
              optional
              hint="Exemple&nbsp;: Mutuelle Exemple, formule Équilibre."
              error={errors[ids.contractName]}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  maxLength={200}
                  value={values.contractName}
                  onChange={(event) => set('contractName', event.target.value)}
                />
              )}
            </Field>
            <ChoiceGroup
              id={ids.responsible}
              name="responsible"
              legend="Contrat responsable"
              hint="Presque tous les contrats le sont&nbsp;: c’est écrit sur le tableau de garanties. La loi fixe alors des minimums et des maximums de remboursement."
              error={errors[ids.responsible]}
              choices={[
                { value: 'true', label: 'Oui' },
                { value: 'false', label: 'Non' },
              ]}
              value={values.responsible}
              onChange={(value) => set('responsible', value as ReimbursementFormValues['responsible'])}
              inline
            />

            <fieldset className="rb-import">
              <legend className="rb-choices__legend">Coller votre tableau de garanties</legend>
              <p className="field__hint">
                Copiez le tableau depuis un tableur (colonnes «&nbsp;Libellé&nbsp;» et «&nbsp;Garantie&nbsp;»,
                par exemple «&nbsp;150&nbsp;% BR&nbsp;» ou «&nbsp;50&nbsp;€ / jour&nbsp;»), ou collez du JSON.
                Les lignes importées remplacent les garanties ci-dessous.
              </p>
              <ChoiceGroup
                id="rb-importFormat"
                name="importFormat"
                legend="Format"
                choices={[
                  {
                    value: 'csv',
                    label: 'Tableau (CSV, colonnes séparées par «\u00a0;\u00a0» ou par des tabulations)',
                  },
                  { value: 'json', label: 'JSON' },
                ]}
                value={values.importFormat}
                onChange={(value) => set('importFormat', value as ReimbursementFormValues['importFormat'])}
              />
              <Field
                id={ids.importText}
                label="Tableau de garanties"
                error={importError ?? errors[ids.importText]}
                count={{ length: values.importText.length, max: TEXT_LIMITS.guaranteeTable }}
              >
                {(aria) => (
                  <textarea
                    {...aria}
                    rows={6}
                    className="rb-import__text"
                    placeholder={
                      values.importFormat === 'csv' ? CSV_PLACEHOLDER : '[{ "kind": "…", "label": "…" }]'
                    }
                    value={values.importText}
                    onChange={(event) => set('importText', event.target.value)}
                  />
                )}
              </Field>
              <div className="form__actions">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={importer.isPending}
                  onClick={runImport}
                >
                  Importer le tableau
                </button>
                <p role="status" className="rb-import__status">
                  {importer.isPending ? 'Lecture du tableau…' : importStatus}
                </p>
              </div>
            </fieldset>

            <div className="rb-list">
              {values.guarantees.map((row, index) => (
                <GuaranteeFields
                  key={row.key}
                  row={row}
                  index={index}
                  errors={errors}
                  onChange={(update) => updateGuarantee(row.key, update)}
                  onRemove={() => removeGuarantee(index)}
                />
              ))}
            </div>
            {values.guarantees.length === 0 ? (
              <p className="muted">Aucune garantie&nbsp;: la part de la mutuelle sera nulle.</p>
            ) : null}
            <div>
              <button
                type="button"
                id="rb-add-guarantee"
                className="button button--secondary"
                onClick={() => {
                  const guarantee = emptyGuarantee();
                  onChange((v) => ({ ...v, guarantees: [...v.guarantees, guarantee] }));
                  setFocus({ id: ids.guarantee(guarantee, 'kind') });
                }}
              >
                Ajouter une garantie
              </button>
            </div>
          </>
        ) : null}
      </fieldset>

      <div className="form__actions">
        <button type="submit" className="button button--large" disabled={pending}>
          Vérifier le remboursement
        </button>
        {pending ? (
          <span role="status" className="muted">
            Calcul en cours…
          </span>
        ) : null}
      </div>
    </form>
  );
}
