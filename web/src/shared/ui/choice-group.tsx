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
  /** Radios side by side when they are short (« Oui » / « Non »). */
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
      className={`choices${inline ? ' choices--inline' : ''}${error ? ' field--error' : ''}`}
      aria-describedby={describedBy}
    >
      <legend className="choices__legend">{legend}</legend>
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
      <div className="choices__list">
        {choices.map((choice, index) => {
          const radioId = index === 0 ? id : `${id}-${index}`;
          const choiceHintId = choice.hint ? `${radioId}-aide` : undefined;
          return (
            <div className="choice" key={choice.value}>
              <input
                type="radio"
                id={radioId}
                name={name}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                aria-describedby={choiceHintId}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={radioId}>
                {choice.label}
                {choice.hint ? (
                  <span className="choice__hint" id={choiceHintId}>
                    {choice.hint}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
