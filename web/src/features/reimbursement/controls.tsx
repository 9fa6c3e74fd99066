import type { ReactNode } from 'react';

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
