import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldPath } from '../domain/shared/field-path.ts';
import type { DomainError } from '../domain/shared/result.ts';

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
    }),
  })
  .describe('Erreur');

export function sendError(reply: FastifyReply, error: AppError) {
  return reply.status(error.status).send({
    error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
  });
}

const FIELD_ROOT: Record<string, string> = { body: '', querystring: 'query.', params: 'params.' };

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const prefix = FIELD_ROOT[error.validationContext ?? 'body'] ?? '';
    const issues = error.validation.map((v) => ({
      field: `${prefix}${fieldPath(v.instancePath.split('/').filter(Boolean))}`.replace(/\.$/, '') || 'body',
      message: v.message ?? 'Valeur invalide',
    }));
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
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return reply.status(400).send({
      error: { code: 'INVALID_JSON', message: 'Le corps de la requête doit être un JSON valide.' },
    });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
    return reply.status(413).send({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'Le contenu envoyé est trop volumineux.' },
    });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply.status(415).send({
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Type de contenu non pris en charge : envoyez du JSON.',
      },
    });
  }
  // Log the failure without the request body: it may hold health data.
  request.log.error(
    { err: { message: error.message, code: error.code, stack: error.stack } },
    'unhandled error',
  );
  return reply.status(500).send({
    error: {
      code: 'INTERNAL',
      message: 'Une erreur interne est survenue. Vos données enregistrées sont intactes.',
    },
  });
}
