import { Field, type FieldErrors } from '../../shared/ui/form.tsx';
import { type GuaranteeRow, guaranteeShows, ids } from './form-model.ts';
import {
  AMOUNT_PER_OPTIONS,
  guaranteeKindOptions,
  modeOptions,
  PANIER_OPTIONS,
  PRACTITIONER_OPTIONS,
} from './labels.ts';

interface GuaranteeFieldsProps {
  row: GuaranteeRow;
  index: number;
  errors: FieldErrors;
  onChange: (update: Partial<GuaranteeRow>) => void;
  onRemove: () => void;
}

/** One line of the table of guarantees, as the contract's document words it. */
export function GuaranteeFields({ row, index, errors, onChange, onRemove }: GuaranteeFieldsProps) {
  const id = (field: string) => ids.guarantee(row, field);
  const number = `n°\u00a0${index + 1}`;
  const text = (field: keyof GuaranteeRow) => (event: { target: { value: string } }) =>
    onChange({ [field]: event.target.value } as Partial<GuaranteeRow>);
  const money = (field: 'amount' | 'ceiling') => (aria: object) => (
    <input
      {...aria}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={row[field]}
      onChange={text(field)}
    />
  );

  return (
    <fieldset className="fieldset rb-item rb-item--guarantee">
      <legend className="rb-item__legend">
        Garantie {number}
        {row.label ? <span className="rb-item__kind"> — {row.label}</span> : null}
      </legend>
      <div className="rb-grid rb-grid--wide">
        <Field id={id('kind')} label="Soins couverts" error={errors[id('kind')]}>
          {(aria) => (
            <select {...aria} value={row.kind} onChange={text('kind')}>
              <option value="">Choisissez un type de soins</option>
              {guaranteeKindOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={id('label')}
          label="Libellé dans le tableau"
          hint="Exemple&nbsp;: Consultations généralistes OPTAM"
          error={errors[id('label')]}
        >
          {(aria) => (
            <input {...aria} type="text" maxLength={200} value={row.label} onChange={text('label')} />
          )}
        </Field>
        <Field
          id={id('mode')}
          label="Forme de la garantie"
          hint="«&nbsp;200&nbsp;% BR&nbsp;»&nbsp;: Sécurité sociale comprise, sauf mention contraire."
          error={errors[id('mode')]}
        >
          {(aria) => (
            <select {...aria} value={row.mode} onChange={text('mode')}>
              <option value="">Choisissez une forme</option>
              {modeOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {guaranteeShows.percent(row) ? (
          <Field
            id={id('percent')}
            label="Pourcentage de la base (BR)"
            hint="«&nbsp;150&nbsp;% BR&nbsp;»&nbsp;: écrivez 150."
            error={errors[id('percent')]}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={row.percent}
                onChange={text('percent')}
              />
            )}
          </Field>
        ) : null}
        {guaranteeShows.amount(row) ? (
          <>
            <Field id={id('amount')} label="Forfait, en euros" error={errors[id('amount')]}>
              {money('amount')}
            </Field>
            <Field id={id('amountPer')} label="Le forfait est dû" error={errors[id('amountPer')]}>
              {(aria) => (
                <select {...aria} value={row.amountPer} onChange={text('amountPer')}>
                  {AMOUNT_PER_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : null}
        <Field id={id('practitioner')} label="Praticiens concernés" error={errors[id('practitioner')]}>
          {(aria) => (
            <select {...aria} value={row.practitioner} onChange={text('practitioner')}>
              {PRACTITIONER_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('panier')} label="Panier" error={errors[id('panier')]}>
          {(aria) => (
            <select {...aria} value={row.panier} onChange={text('panier')}>
              {PANIER_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={id('ceiling')}
          label="Plafond par période, en euros"
          optional
          error={errors[id('ceiling')]}
        >
          {money('ceiling')}
        </Field>
        <Field id={id('count')} label="Nombre d’actes par période" optional error={errors[id('count')]}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={row.count}
              onChange={text('count')}
            />
          )}
        </Field>
        <Field
          id={id('periodYears')}
          label="Période, en années"
          optional
          hint="1 par défaut&nbsp;; 2 pour «&nbsp;tous les 2 ans&nbsp;»."
          error={errors[id('periodYears')]}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={row.periodYears}
              onChange={text('periodYears')}
            />
          )}
        </Field>
      </div>
      <div className="rb-item__actions">
        <button type="button" className="button button--tertiary button--small" onClick={onRemove}>
          Retirer la garantie {number}
        </button>
      </div>
    </fieldset>
  );
}
