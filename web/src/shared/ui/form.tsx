import { type ReactNode, useEffect, useRef } from 'react';
import { ApiError, errorMessage } from '../api-client.ts';

/** Messages by field id; the form keeps what was typed, only these change. */
export type FieldErrors = Partial<Record<string, string>>;

export interface ControlAria {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shown after the label: « (facultatif) ». */
  optional?: boolean;
  /** A text with a maximum length: its count is shown under the control, and what is too much is said. */
  count?: { length: number; max: number };
  children: (aria: ControlAria) => ReactNode;
}

const fr = (n: number) => n.toLocaleString('fr-FR');

/** « 120 / 5 000 caractères », or, over the limit, how many to remove: the server refuses the rest. */
export function countText(length: number, max: number): string {
  return length > max
    ? `${fr(length - max)} caractère${length - max > 1 ? 's' : ''} de trop (${fr(max)} au plus)`
    : `${fr(length)} / ${fr(max)} caractères`;
}

/** Label, hint and error of one control, wired with aria-describedby and aria-invalid. */
export function Field({ id, label, hint, error, optional, count, children }: FieldProps) {
  const hintId = hint ? `${id}-aide` : null;
  const errorId = error ? `${id}-erreur` : null;
  const countId = count ? `${id}-compte` : null;
  const describedBy = [hintId, errorId, countId].filter(Boolean).join(' ');
  const aria: ControlAria = { id };
  if (error) aria['aria-invalid'] = true;
  if (describedBy) aria['aria-describedby'] = describedBy;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> (facultatif)</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId ?? undefined}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId ?? undefined}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      {children(aria)}
      {count ? (
        <p
          className={count.length > count.max ? 'field__count field__count--over' : 'field__count'}
          id={countId ?? undefined}
        >
          {countText(count.length, count.max)}
        </p>
      ) : null}
    </div>
  );
}

export interface SummaryItem {
  /** The id of the control to focus; none for an error about the whole form. */
  fieldId?: string;
  message: string;
}

/**
 * The list of errors at the top of a form, focused after each failed submit; each entry leads to its field.
 * `items` must be a new array on every submit (that is what moves the focus).
 */
export function ErrorSummary({
  items,
  title,
  id = 'error-summary',
}: {
  items: SummaryItem[];
  title?: string;
  /** Needed when a page has several forms: the summary's title id must be unique. */
  id?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [items]);
  if (items.length === 0) return null;
  const heading =
    title ??
    (items.length === 1
      ? 'Une erreur empêche de continuer'
      : `${items.length} erreurs empêchent de continuer`);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="error-summary__title">
        {heading}
      </h2>
      <ul>
        {items.map((item) => (
          <li key={`${item.fieldId ?? ''}:${item.message}`}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  // Focus the control without a hash navigation (the router would treat it as a new page).
                  event.preventDefault();
                  document.getElementById(item.fieldId!)?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Summary entries, in the order of the form's fields. */
export function summaryOf(
  errors: FieldErrors,
  order: readonly string[],
  general?: string | null,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  if (general) items.push({ message: general });
  for (const id of order) {
    const message = errors[id];
    if (message) items.push({ fieldId: id, message });
  }
  return items;
}

/**
 * Spreads an API error over the form: each issue whose field the form has goes next to that field (apiField
 * maps the API's field names to control ids); the rest is a message about the whole form.
 */
export function errorsFromApi(
  error: unknown,
  apiField: Record<string, string>,
): { fields: FieldErrors; general: string | null } {
  const fields: FieldErrors = {};
  if (!(error instanceof ApiError)) return { fields, general: errorMessage(error) };
  const issues =
    error.issues.length > 0
      ? error.issues
      : error.field
        ? [{ field: error.field, message: error.message }]
        : [];
  for (const issue of issues) {
    const id = apiField[issue.field];
    if (id && !fields[id]) fields[id] = capitalise(issue.message);
  }
  const general = Object.keys(fields).length === 0 ? error.message : null;
  return { fields, general };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
