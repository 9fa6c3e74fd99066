/** An expected refusal: a stable code, the field at fault and a French message that says how to fix it. */
export interface DomainError {
  code: string;
  field?: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, message: string, field?: string): Result<T> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, field, message },
});
