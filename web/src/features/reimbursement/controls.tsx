import type { ReactNode } from 'react';

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface ChoiceGroupProps {
  /** Id of the first radio: what an error summary link focuses. */
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  choices: readonly ChoiceOption[];
  value: string;
  onChange: (value: string) => void;
  inline?: boolean;
}

/** A set of radio buttons in a fieldset whose legend asks the question; hint and error are tied to it. */
export function ChoiceGroup({
  id,
  name,
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
  inline,
}: ChoiceGroupProps) {
  const hintId = hint ? `${id}-aide` : undefined;
  const errorId = error ? `${id}-erreur` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`rb-choices${inline ? ' rb-choices--inline' : ''}${error ? ' field--error' : ''}`}
      aria-describedby={describedBy}
    >
      <legend className="rb-choices__legend">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <div className="rb-choices__list">
        {choices.map((choice, index) => {
          const radioId = index === 0 ? id : `${id}-${index}`;
          return (
            <div className="rb-check" key={choice.value}>
              <input
                type="radio"
                id={radioId}
                name={name}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
              />
              <label htmlFor={radioId}>
                {choice.label}
                {choice.hint ? <span className="rb-check__hint">{choice.hint}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

interface CheckboxProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** One checkbox, its label beside it and its hint under the label (tied with aria-describedby). */
export function Checkbox({ id, label, hint, checked, onChange }: CheckboxProps) {
  const hintId = hint ? `${id}-aide` : undefined;
  return (
    <div className="rb-check">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>
        {label}
        {hint ? (
          <span className="rb-check__hint" id={hintId}>
            {hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}
