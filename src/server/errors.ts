import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldPath } from '../domain/shared/field-path.ts';
import type { DomainError } from '../domain/shared/result.ts';
import { readableIssue } from '../domain/shared/zod-issues.ts';
import { safeErrorSummary } from './hardening/safe-log.ts';

/** Stable error codes of the API: clients switch on these, never on messages. */
export const ERROR_CODES = {
  VALIDATION: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  OIDC_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    message: string,
    readonly field?: string,
    readonly status: number = ERROR_CODES[code as ErrorCode] ?? 400,
  ) {
    super(message);
  }

  static fromDomain(error: DomainError): AppError {
    return new AppError(error.code, error.message, error.field, 422);
  }
}

/** Facts that are each valid but contradict one another: the request is well-formed, so 422 rather than 400. */
const INCOHERENT_INPUT = new Set([
  'inconsistent_dates',
  'inconsistent_facts',
  'missing_fact',
  'date_in_future',
]);

/** A refusal of a pure domain function that validated its own input: 400 for a malformed field, else 422. */
export function domainInputError(error: DomainError): AppError {
  return new AppError(error.code, error.message, error.field, INCOHERENT_INPUT.has(error.code) ? 422 : 400);
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Code stable (VALIDATION, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND…)'),
      message: z.string().describe('Message en français qui dit quoi corriger'),
      field: z.string().optional().describe('Champ en cause, en notation pointée (acts.2.pricePaid)'),
      issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      errorId: z.string().optional().describe('Numéro d’une erreur interne, à communiquer au support'),
    }),
  })
  .describe('Erreur');

export function sendError(reply: FastifyReply, error: AppError) {
  return reply.status(error.status).send({
    error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
  });
}

const FIELD_ROOT: Record<string, string> = {
  body: '',
  querystring: 'query.',
  params: 'params.',
  headers: 'headers.',
};

/** A zod issue as fastify-type-provider-zod hands it over (code in `keyword`, the rest in `params`). */
interface FastifyZodIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

function issueOf(v: FastifyZodIssue, prefix: string) {
  const readable = readableIssue({
    ...(v.params ?? {}),
    code: v.keyword,
    path: v.instancePath.split('/').filter(Boolean),
    message: v.message ?? 'Valeur invalide',
  } as Parameters<typeof readableIssue>[0]);
  return {
    field: `${prefix}${fieldPath(readable.path)}`.replace(/\.$/, '') || 'body',
    message: readable.message,
  };
}

/**
 * Fastify's own refusals (before any route code runs), in French: clients switch on the code, people read the
 * message. Anything 4xx not listed gets a generic French message with its status.
 */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'Le corps de la requête doit être un JSON valide.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'Le corps de la requête est vide alors qu’un JSON est attendu.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'Le contenu envoyé est trop volumineux.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'VALIDATION',
    message: 'La longueur annoncée du contenu ne correspond pas à ce qui a été envoyé.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Type de contenu non pris en charge : envoyez du JSON.',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'VALIDATION',
    message: 'Adresse mal formée : vérifiez le lien suivi.',
  },
  FST_ERR_INVALID_URL: {
    status: 400,
    code: 'VALIDATION',
    message: 'Adresse mal formée : vérifiez le lien suivi.',
  },
};

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const prefix = FIELD_ROOT[error.validationContext ?? 'body'] ?? '';
    const issues = (error.validation as unknown as FastifyZodIssue[]).map((v) => issueOf(v, prefix));
    const first = issues[0]!;
    return reply.status(400).send({
      error: {
        code: 'VALIDATION',
        message: `Le champ « ${first.field} » est invalide : ${first.message}`,
        field: first.field,
        issues,
      },
    });
  }
  if (error instanceof AppError) return sendError(reply, error);
  if (error.statusCode === 429) {
    return reply.status(429).send({
      error: {
        code: 'RATE_LIMITED',
        message: 'Trop de tentatives. Patientez une minute avant de réessayer.',
      },
    });
  }
  // A JSON syntax error from the body parser carries no code of its own, only its status and a SyntaxError.
  const known =
    FRAMEWORK_ERRORS[error.code] ??
    (error instanceof SyntaxError || /JSON|prototype property/i.test(error.message ?? '')
      ? error.statusCode === 400
        ? FRAMEWORK_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY
        : undefined
      : undefined);
  if (known) return reply.status(known.status).send({ error: { code: known.code, message: known.message } });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.status(error.statusCode).send({
      error: {
        code: error.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION',
        message:
          error.statusCode === 413
            ? 'Le contenu envoyé est trop volumineux.'
            : 'Requête invalide : vérifiez ce qui a été envoyé et réessayez.',
      },
    });
  }
  // One line, no stack, no message of the database (it may quote the values of the query: health data); the id
  // links the member's report to this line.
  const errorId = randomUUID();
  request.log.error({ errorId, err: safeErrorSummary(error) }, 'unhandled error');
  return reply.status(500).send({
    error: {
      code: 'INTERNAL',
      message: `Une erreur interne est survenue. Vos données enregistrées sont intactes. Si le problème persiste, communiquez ce numéro au support : ${errorId}.`,
      errorId,
    },
  });
}
