import { type FormEvent, type ReactNode, useState } from 'react';
import {
  ErrorSummary,
  errorsFromApi,
  type FieldErrors,
  type SummaryItem,
  summaryOf,
} from '../../shared/ui/form.tsx';

/** A section of the file's page, same markup as the page's own sections (h2 `${id}-titre`, focusable). */
export function StaffSection({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} className="section card file-section" aria-labelledby={`${id}-titre`}>
      <h2 id={`${id}-titre`} tabIndex={-1}>
        {title}
      </h2>
      {lead ? <p className="file-section__lead">{lead}</p> : null}
      {children}
    </section>
  );
}

/**
 * The state of one small action form: field errors, the error summary (focused on failure, role="alert"), and the
 * API's French refusal spread over the fields (apiField maps the API's field names to control ids).
 */
export function useActionForm(
  order: readonly string[],
  apiField: Record<string, string>,
  onDone?: (message: string, answerText?: string | null) => void,
) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [done, setDone] = useState<string | null>(null);

  async function run(
    event: FormEvent | null,
    check: () => FieldErrors,
    action: () => Promise<string | { message: string; answerText: string | null }>,
  ) {
    event?.preventDefault();
    setDone(null);
    const local = check();
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setSummary(summaryOf(local, order));
      return;
    }
    try {
      const result = await action();
      const message = typeof result === 'string' ? result : result.message;
      setErrors({});
      setSummary([]);
      if (onDone) onDone(message, typeof result === 'string' ? null : result.answerText);
      else setDone(message);
    } catch (error) {
      const { fields, general } = errorsFromApi(error, apiField);
      setErrors(fields);
      setSummary(summaryOf(fields, order, general));
    }
  }

  return { errors, summary, done, run };
}

export function FormFeedback({
  id,
  summary,
  done,
}: {
  id: string;
  summary: SummaryItem[];
  done: string | null;
}) {
  return (
    <>
      <ErrorSummary id={`${id}-erreurs`} items={summary} title="L’action n’a pas été faite" />
      <div role="status">{done ? <p className="notice notice--success">{done}</p> : null}</div>
    </>
  );
}
