import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { storedContractSchema } from '../../contracts/api/reimbursement.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { updateDossier } from '../../db/repositories/dossier-updates.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { simulateReimbursement } from '../../domain/reimbursement/engine.ts';
import {
  type Contract,
  ContractSchema,
  ReimbursementInputSchema,
  ReimbursementOutputSchema,
} from '../../domain/reimbursement/schema.ts';
import { fieldPath } from '../../domain/shared/field-path.ts';
import { firstIssue } from '../../domain/shared/zod-issues.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { validatedByDomain } from '../domain-route.ts';
import { AppError, domainInputError, errorBodySchema } from '../errors.ts';
import { publishChange } from '../live/bus.ts';
import { dossierParams, readDossierPart, writableDossier } from '../shared/dossier-access.ts';

/**
 * The member's table of guarantees stored with his file (issue #4), so that the checker, the letters and the file
 * page reuse it. It is validated by the reimbursement domain's own `ContractSchema`, the same the checker uses.
 */

const WRITE_REFUSAL =
  'Seuls l’adhérent et les conseillers de l’organisme peuvent enregistrer le tableau de garanties du dossier.';

/** Where a refusal is, as people read it: « Garantie n° 3 : … » with the field `guarantees[2].percent`. */
function contractError(error: z.ZodError): AppError {
  const issue = firstIssue(error);
  const path = issue.path;
  const [head, index] = path;
  const where =
    head === 'guarantees' && typeof index === 'number' ? `Garantie n° ${index + 1}` : 'Tableau de garanties';
  const message = issue?.message || 'Valeur invalide.';
  return new AppError('VALIDATION', `${where} : ${message}`, fieldPath(path), 400);
}

/** Parses an untrusted body with the domain schema: unknown keys are refused with their path, defaults filled in. */
export function parseContract(body: unknown): Contract {
  const parsed = ContractSchema.safeParse(body);
  if (!parsed.success) throw contractError(parsed.error);
  return parsed.data;
}

/** The stored contract, or null (a row written before the column existed, or nothing saved yet). */
function storedContract(value: unknown): Contract | null {
  if (value === null || value === undefined) return null;
  const parsed = ContractSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export async function saveContract(ctx: AppContext, user: UserRow, dossierId: string, body: unknown) {
  const now = ctx.now();
  const contract = await ctx.database.db.transaction(async (tx) => {
    // Access first: someone who may not write learns nothing from a validation message.
    await writableDossier(tx, user, dossierId, 'contract.write', WRITE_REFUSAL);
    const parsed = parseContract(body);
    await updateDossier(tx, dossierId, { contract: parsed as Record<string, unknown>, updatedAt: now });
    await appendAuditEvent(tx, {
      dossierId,
      actorId: user.id,
      type: 'dossier.contract_saved',
      // Counts only: the labels are free text and stay out of the unalterable chain.
      payload: { guarantees: parsed.guarantees.length },
      occurredAt: now,
    });
    return parsed;
  });
  publishChange({ type: 'contract.saved', dossierId, audience: 'all', at: now });
  return contract;
}

export async function dossierContractRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/dossiers/:id/contract',
    {
      schema: {
        tags: ['Remboursements'],
        summary: 'Tableau de garanties du contrat enregistré avec le dossier (null si aucun)',
        params: dossierParams,
        response: { 200: storedContractSchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const dossier = await readDossierPart(ctx, requireUser(request), request.params.id, 'contract');
      return { contract: storedContract(dossier.contract) };
    },
  );

  r.put(
    '/api/v1/dossiers/:id/contract',
    {
      ...validatedByDomain,
      schema: {
        tags: ['Remboursements'],
        summary: 'Enregistrer (ou remplacer) le tableau de garanties du contrat avec le dossier',
        description:
          'Le corps est le contrat du vérificateur de remboursement (`contract` de /api/v1/reimbursements/simulate). Réservé à l’adhérent et aux conseillers de l’organisme. Une ligne invalide est refusée avec le champ en cause (guarantees[2].percent).',
        params: dossierParams,
        body: ContractSchema,
        response: {
          200: storedContractSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (request) => {
      const contract = await saveContract(ctx, requireUser(request), request.params.id, request.body);
      return { contract };
    },
  );

  r.post(
    '/api/v1/dossiers/:id/reimbursements/simulate',
    {
      ...validatedByDomain,
      schema: {
        tags: ['Remboursements'],
        summary:
          'Vérifier un remboursement avec le tableau de garanties du dossier (si le corps ne donne pas de contrat)',
        description:
          'Même calcul que /api/v1/reimbursements/simulate ; quand `contract` est absent, le tableau de garanties enregistré avec le dossier est utilisé. Rien n’est enregistré.',
        params: dossierParams,
        body: ReimbursementInputSchema,
        response: {
          200: ReimbursementOutputSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          404: errorBodySchema,
          422: errorBodySchema,
        },
      },
    },
    async (request) => {
      const dossier = await readDossierPart(ctx, requireUser(request), request.params.id, 'contract');
      const body: unknown = request.body;
      let input = body;
      if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
        const given = (body as { contract?: unknown }).contract;
        const stored = storedContract(dossier.contract);
        if (given === undefined && stored) input = { ...body, contract: stored };
      }
      const result = simulateReimbursement(input);
      if (!result.ok) throw domainInputError(result.error);
      return result.value;
    },
  );
}
