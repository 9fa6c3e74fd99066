import type { z } from 'zod';

/** One issue of a validation error, as the API reports it (`field` in dotted notation). */
export interface ApiIssue {
  field: string;
  message: string;
}

/** Every failed call ends here: the code is stable (clients switch on it), the message is French and shown. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const NETWORK_MESSAGE = 'Le serveur ne répond pas. Vérifiez votre connexion à Internet, puis réessayez.';
const UNEXPECTED_MESSAGE =
  'Réponse inattendue du serveur. Rechargez la page\u00a0; si le problème persiste, réessayez plus tard.';

// The synchroniser token of the current session (from /api/auth/me, login or sign-up). It lives in memory only:
// the session cookie is HttpOnly and a cross-site page cannot read this value.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!error || typeof error.message !== 'string') {
    return new ApiError(
      response.status,
      response.status >= 500 ? 'INTERNAL' : 'HTTP_ERROR',
      response.status >= 500
        ? 'Une erreur est survenue sur le serveur. Réessayez dans quelques instants.'
        : UNEXPECTED_MESSAGE,
    );
  }
  const issues = Array.isArray(error.issues)
    ? error.issues.filter(
        (i): i is ApiIssue => isRecord(i) && typeof i.field === 'string' && typeof i.message === 'string',
      )
    : [];
  return new ApiError(
    response.status,
    typeof error.code === 'string' ? error.code : 'HTTP_ERROR',
    error.message,
    typeof error.field === 'string' ? error.field : undefined,
    issues,
  );
}

async function request<T>(path: string, init: RequestInit, schema: z.ZodType<T> | null): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  if (!response.ok) throw await errorFrom(response);
  if (schema === null || response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'INVALID_RESPONSE', UNEXPECTED_MESSAGE);
  return parsed.data;
}

/** GET a JSON resource and check its shape. */
export function apiGet<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  return request(
    path,
    { method: 'GET', headers: { accept: 'application/json' }, signal: signal ?? null },
    schema,
  );
}

export interface SendOptions<T> {
  method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** null when the answer has no body (204). */
  schema: z.ZodType<T> | null;
  headers?: Record<string, string>;
}

/** A state-changing call: JSON body, CSRF header of the session, same-origin cookies. */
export function apiSend<T>(path: string, options: SendOptions<T>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return request(
    path,
    {
      method: options.method ?? 'POST',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    },
    options.schema,
  );
}

/**
 * A multipart upload (a file and its fields): same-origin cookies and the CSRF header of the session, like
 * apiSend; the browser sets the multipart content type and its boundary.
 */
export function apiUpload<T>(path: string, form: FormData, schema: z.ZodType<T>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return request(path, { method: 'POST', headers, body: form }, schema);
}

/** A file sent as the raw body (the import of a register's history): CSRF header of the session, like apiSend. */
export function apiSendFile<T>(
  path: string,
  file: Blob,
  contentType: string,
  schema: z.ZodType<T>,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return request(path, { method: 'POST', headers, body: file }, schema);
}

/** A key for the Idempotency-Key header: one per form, kept across retries of that form. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; plain-http intranet deployments fall back to a v4 UUID by hand.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The French message to show for any error thrown by a query or a mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Une erreur inattendue est survenue. Rechargez la page et réessayez.';
}
