import { Field, type FieldErrors } from '../../shared/ui/form.tsx';
import { Checkbox } from './controls.tsx';
import { type ActRow, actShows, ids } from './form-model.ts';
import { actKindLabel, actKindOptions, SECTOR_OPTIONS } from './labels.ts';

interface ActFieldsProps {
  row: ActRow;
  index: number;
  canRemove: boolean;
  errors: FieldErrors;
  onChange: (update: Partial<ActRow>) => void;
  onRemove: () => void;
}

/** One act of care: what the bill and the statement (décompte) say, and what was actually received. */
export function ActFields({ row, index, canRemove, errors, onChange, onRemove }: ActFieldsProps) {
  const id = (field: string) => ids.act(row, field);
  const quantityLabel = actShows.quantity(row);
  const number = `n°\u00a0${index + 1}`;
  const text = (field: keyof ActRow) => (event: { target: { value: string } }) =>
    onChange({ [field]: event.target.value } as Partial<ActRow>);

  return (
    <fieldset className="fieldset rb-item" id={id('bloc')}>
      <legend className="rb-item__legend">
        Acte {number}
        {row.kind ? <span className="rb-item__kind"> — {actKindLabel(row.kind)}</span> : null}
      </legend>
      <div className="rb-grid">
        <Field id={id('date')} label="Date des soins" error={errors[id('date')]}>
          {(aria) => <input {...aria} type="date" value={row.date} onChange={text('date')} />}
        </Field>
        <Field id={id('kind')} label="Type d’acte" error={errors[id('kind')]}>
          {(aria) => (
            <select {...aria} value={row.kind} onChange={text('kind')}>
              <option value="">Choisissez un type d’acte</option>
              {actKindOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={id('label')}
          label="Libellé"
          optional
          hint="Pour vous y retrouver&nbsp;: «&nbsp;Dr Martin&nbsp;», «&nbsp;couronne sur la 36&nbsp;»."
          error={errors[id('label')]}
        >
          {(aria) => (
            <input {...aria} type="text" maxLength={200} value={row.label} onChange={text('label')} />
          )}
        </Field>
        <Field
          id={id('price')}
          label="Prix payé, en euros"
          hint="Dépassements compris. Exemple&nbsp;: 30 ou 1&nbsp;234,56"
          error={errors[id('price')]}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={row.price}
              onChange={text('price')}
            />
          )}
        </Field>
        {actShows.amo(row) ? (
          <>
            <Field
              id={id('base')}
              label="Base de remboursement, en euros"
              optional
              hint="Sur le décompte de l’Assurance maladie. Connue d’office pour un généraliste, une téléconsultation, les médicaments, transports, soins paramédicaux et urgences."
              error={errors[id('base')]}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.base}
                  onChange={text('base')}
                />
              )}
            </Field>
            <Field
              id={id('rate')}
              label="Taux de la Sécurité sociale, en %"
              optional
              hint="Laissez vide pour le taux habituel de ce type d’acte (médicaments&nbsp;: 65, 30 ou 15)."
              error={errors[id('rate')]}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.rate}
                  onChange={text('rate')}
                />
              )}
            </Field>
          </>
        ) : null}
        {actShows.sector(row) ? (
          <Field
            id={id('sector')}
            label="Secteur du médecin"
            optional
            hint="Indiqué sur l’annuaire santé d’ameli.fr. Secteur 1 par défaut."
            error={errors[id('sector')]}
          >
            {(aria) => (
              <select {...aria} value={row.sector} onChange={text('sector')}>
                <option value="">Je ne sais pas</option>
                {SECTOR_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {quantityLabel ? (
          <Field
            id={id('quantity')}
            label={quantityLabel}
            optional
            hint="1 par défaut."
            error={errors[id('quantity')]}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={row.quantity}
                onChange={text('quantity')}
              />
            )}
          </Field>
        ) : null}
        {actShows.days(row) ? (
          <Field
            id={id('days')}
            label="Nombre de jours facturés"
            optional
            hint="Jour de sortie compris. Vide pour une hospitalisation de jour."
            error={errors[id('days')]}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={row.days}
                onChange={text('days')}
              />
            )}
          </Field>
        ) : null}
      </div>

      {row.kind ? (
        <fieldset className="rb-checks">
          <legend className="rb-choices__legend">Situation de cet acte</legend>
          <div className="rb-checks__list">
            {actShows.optam(row) ? (
              <Checkbox
                id={id('optam')}
                label="Le médecin adhère à l’OPTAM"
                hint="Dépassements d’honoraires maîtrisés&nbsp;: mieux remboursés."
                checked={row.optam}
                onChange={(optam) => onChange({ optam })}
              />
            ) : null}
            {actShows.parcours(row) ? (
              <Checkbox
                id={id('parcours')}
                label="Parcours de soins respecté"
                hint="Médecin traitant, ou spécialiste consulté sur son conseil."
                checked={row.parcours}
                onChange={(parcours) => onChange({ parcours })}
              />
            ) : null}
            {actShows.amo(row) ? (
              <Checkbox
                id={id('ald')}
                label="Soins pour une affection de longue durée (ALD)"
                checked={row.ald}
                onChange={(ald) => onChange({ ald })}
              />
            ) : null}
            {actShows.basket(row) ? (
              <Checkbox
                id={id('panier100Sante')}
                label="Équipement du panier 100&nbsp;% Santé"
                hint="Sans reste à charge&nbsp;: le devis le précise."
                checked={row.panier100Sante}
                onChange={(panier100Sante) => onChange({ panier100Sante })}
              />
            ) : null}
            {actShows.psychiatry(row) ? (
              <Checkbox
                id={id('psychiatry')}
                label="Hospitalisation en psychiatrie"
                checked={row.psychiatry}
                onChange={(psychiatry) => onChange({ psychiatry })}
              />
            ) : null}
            {actShows.heavyAct(row) ? (
              <Checkbox
                id={id('heavyAct')}
                label="Comprend un acte d’au moins 120&nbsp;€"
                hint="Une participation forfaitaire remplace alors le ticket modérateur."
                checked={row.heavyAct}
                onChange={(heavyAct) => onChange({ heavyAct })}
              />
            ) : null}
          </div>
        </fieldset>
      ) : null}

      <fieldset className="rb-received">
        <legend className="rb-choices__legend">Ce que vous avez reçu pour cet acte (facultatif)</legend>
        <p className="field__hint">Pour repérer un remboursement insuffisant. Voir vos décomptes.</p>
        <div className="rb-grid">
          {actShows.amo(row) ? (
            <Field
              id={id('paidAmo')}
              label="Versé par l’Assurance maladie, en euros"
              error={errors[id('paidAmo')]}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.paidAmo}
                  onChange={text('paidAmo')}
                />
              )}
            </Field>
          ) : null}
          <Field id={id('paidAmc')} label="Versé par votre mutuelle, en euros" error={errors[id('paidAmc')]}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={row.paidAmc}
                onChange={text('paidAmc')}
              />
            )}
          </Field>
        </div>
      </fieldset>

      {canRemove ? (
        <div className="rb-item__actions">
          <button type="button" className="button button--tertiary button--small" onClick={onRemove}>
            Retirer l’acte {number}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
